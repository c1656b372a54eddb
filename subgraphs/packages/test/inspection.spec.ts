import { randomUUID } from 'node:crypto';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, licensedCompany, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../src/compliance/compliance.validation';
import { packagesSubgraph } from '../src/index';
import { createProvider } from './builders';
import { count, sql, tallyOf } from './compliance.fixtures';

let sg: TestSubgraph;
const hotel = { id: '' };

interface InspectionNode {
  id: string;
  company: { id: string } | null;
  provider: { id: string } | null;
  city: string;
  site: string;
  visitedOn: string;
  findings: string;
  violations: {
    id: string;
    type: string;
    source: string;
    company: { id: string } | null;
    provider: { id: string } | null;
    fineHalalas: number;
    cureDueOn: string;
    inspection: { id: string } | null;
  }[];
}
const FIELDS = `id company { id } provider { id } city site visitedOn findings
  violations { id type source company { id } provider { id } fineHalalas cureDueOn inspection { id } }`;
const RECORD = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { inspection(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: InspectionFilter, $first: Int) {
  inspections(filter: $filter, first: $first) { totalCount edges { node { ${FIELDS} } } }
}`;

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph);
  hotel.id = await createProvider(sg.db);
});
afterAll(() => sg.close());

const run = <T>(
  query: string,
  variables: Record<string, unknown>,
  viewer: Viewer | null,
): Promise<GraphQLResponse<T>> => sg.request<T>(query, variables, viewer);

const today = riyadhDate();
const visit = (companyId: string, overrides: Record<string, unknown> = {}) => ({
  companyId,
  providerId: hotel.id,
  city: 'Madinah',
  site: 'Central area hotel',
  visitedOn: addDays(today, -2),
  findings: 'Pilgrims four to a room in rooms licensed for two; fire exit blocked.',
  violations: [
    { type: 'HOUSING_NOT_AS_SOLD', fineHalalas: 1_500_000, details: 'Doubles sold, four inside.', against: 'COMPANY' },
    { type: 'OTHER', fineHalalas: 500_000, details: 'Fire exit blocked.', against: 'PROVIDER' },
  ],
  ...overrides,
});

describe('recording a field inspection', () => {
  it('records the visit and its violations together, each against its party, with the cure period from the visit', async () => {
    const companyId = await licensedCompany(sg.db);
    const providerBefore = await tallyOf(sg.db, 'PROVIDER', hotel.id);
    const r = await run<{ recordInspection: InspectionNode }>(RECORD, { input: visit(companyId) }, as.officer());
    expect(r.errors).toBeUndefined();
    const inspection = r.data!.recordInspection;
    expect(inspection).toMatchObject({
      company: { id: companyId },
      provider: { id: hotel.id },
      visitedOn: addDays(today, -2),
    });
    expect(inspection.violations).toEqual([
      expect.objectContaining({
        type: 'HOUSING_NOT_AS_SOLD',
        source: 'INSPECTION',
        company: { id: companyId },
        provider: null,
        cureDueOn: addDays(today, 28),
        inspection: { id: inspection.id },
      }),
      expect.objectContaining({ type: 'OTHER', company: null, provider: { id: hotel.id } }),
    ]);
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toMatchObject({ violations_total: 1, open_violation_points: 9 });
    expect((await tallyOf(sg.db, 'PROVIDER', hotel.id))!.violations_total).toBe(
      (providerBefore?.violations_total ?? 0) + 1,
    );
    const events = await sql<{ payload: { inspectionId: string } }>(
      sg.db,
      `select payload from outbox_event where type = 'ViolationRecorded' and payload->>'inspectionId' = ?`,
      [inspection.id],
    );
    expect(events).toHaveLength(2);
  });

  it('records a visit that found nothing', async () => {
    const r = await run<{ recordInspection: InspectionNode }>(
      RECORD,
      { input: visit(await licensedCompany(sg.db), { providerId: null, violations: [] }) },
      as.officer(),
    );
    expect(r.data!.recordInspection).toMatchObject({ provider: null, violations: [] });
  });

  it('records nothing at all when one violation is wrong, and names it', async () => {
    const before = [await count(sg.db, 'inspection'), await count(sg.db, 'violation')];
    const input = visit(await licensedCompany(sg.db));
    input.violations[1]!.fineHalalas = 6_000_000;
    const r = await run(RECORD, { input }, as.officer());
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.violations.1.fineHalalas' });
    expect([await count(sg.db, 'inspection'), await count(sg.db, 'violation')]).toEqual(before);
  });

  it('asks whom a violation is against when the visit names both parties, and refuses a party the visit does not name', async () => {
    const both = visit(await licensedCompany(sg.db));
    delete (both.violations[0] as { against?: string }).against;
    const r = await run(RECORD, { input: both }, as.officer());
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.violations.0.against' });
    const companyOnly = visit(await licensedCompany(sg.db), { providerId: null });
    const p = await run(RECORD, { input: companyOnly }, as.officer());
    expect(p.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.violations.1.against' });
  });

  it('refuses a visit in the future, one with no party, an overstay, an unknown provider and an unknown company', async () => {
    const before = await count(sg.db, 'inspection');
    const future = await run(
      RECORD,
      { input: visit(await licensedCompany(sg.db), { visitedOn: addDays(today, 2) }) },
      as.officer(),
    );
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visitedOn' });
    const nobody = await run(
      RECORD,
      { input: visit(await licensedCompany(sg.db), { companyId: null, providerId: null }) },
      as.officer(),
    );
    expect(nobody.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.companyId' });
    const overstay = visit(await licensedCompany(sg.db));
    overstay.violations[0]!.type = 'OVERSTAY';
    const o = await run(RECORD, { input: overstay }, as.officer());
    expect(o.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.violations.0.type' });
    const ghost = await run(
      RECORD,
      { input: visit(await licensedCompany(sg.db), { providerId: randomUUID() }) },
      as.officer(),
    );
    expect(codes(ghost)).toEqual(['NOT_FOUND']);
    // A company the companies feed never told of is refused as missing, with its violations.
    const stranger = await run(RECORD, { input: visit(randomUUID()) }, as.officer());
    expect(stranger.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.companyId' });
    expect(await count(sg.db, 'inspection')).toBe(before);
  });
});

describe('who sees which inspections', () => {
  it('shows a company the visits naming it with only its own violations, and the provider its own', async () => {
    const companyId = await licensedCompany(sg.db);
    const r = await run<{ recordInspection: InspectionNode }>(RECORD, { input: visit(companyId) }, as.officer());
    const id = r.data!.recordInspection.id;
    const asCompany = await run<{ inspection: InspectionNode }>(ONE, { id }, as.manager(companyId));
    expect(asCompany.data!.inspection.violations.map((v) => v.type)).toEqual(['HOUSING_NOT_AS_SOLD']);
    const asHotel = await run<{ inspection: InspectionNode }>(ONE, { id }, as.provider(hotel.id));
    expect(asHotel.data!.inspection.violations.map((v) => v.type)).toEqual(['OTHER']);
    expect((await run<{ inspection: unknown }>(ONE, { id }, as.manager(randomUUID()))).data!.inspection).toBeNull();
    expect((await run<{ inspection: unknown }>(ONE, { id }, as.provider(randomUUID()))).data!.inspection).toBeNull();
    expect(codes(await run(LIST, {}, as.agent(randomUUID())))).toEqual(['FORBIDDEN']);
    const supervisor = await run<{ inspection: InspectionNode }>(ONE, { id }, as.supervisor());
    expect(supervisor.data!.inspection.violations).toHaveLength(2);
  });

  it('reads a page of inspections with their providers and violations in the same statements whatever its size', async () => {
    const companyId = await licensedCompany(sg.db);
    for (let i = 0; i < 12; i++) await run(RECORD, { input: visit(companyId) }, as.officer());
    const statements = async (first: number): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await run<{ inspections: { edges: { node: InspectionNode }[] } }>(
        LIST,
        { first, filter: { companyId } },
        as.officer(),
      );
      expect(r.data!.inspections.edges).toHaveLength(first);
      expect(r.data!.inspections.edges.every((e) => e.node.violations.length === 2)).toBe(true);
      return sg.db.statementCount - before;
    };
    expect(await statements(12)).toBe(await statements(2));
  });
});
