import { randomUUID } from 'node:crypto';
import { demoAgents, demoCompanies } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { seedCompanyDirectory } from '@umrah/subgraph-kit';
import {
  as,
  licensedCompany,
  bootSubgraph,
  codes,
  openTestDatabase,
  type GraphQLResponse,
  type TestSubgraph,
} from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileComplaint, resolveComplaint } from '../src/complaint/complaint.service';
import { ComplaintCategory } from '../src/complaint/complaint.rules';
import { riyadhDate, addDays } from '../src/compliance/compliance.validation';
import { packagesSubgraph } from '../src/index';
import { changeViolationStatus } from '../src/violation/violation.service';
import { ViolationStatus } from '../src/violation/violation.rules';
import { createProvider } from './builders';
import { count, deliver, feedEvent, overstayPayload, sql, tallyOf } from './compliance.fixtures';

let sg: TestSubgraph;
const [safwa, rawda] = demoCompanies;
const hotel = { id: '' };
const otherHotel = { id: '' };

interface ViolationNode {
  id: string;
  type: string;
  status: string;
  source: string;
  company: { id: string } | null;
  provider: { id: string } | null;
  fineHalalas: number;
  points: number;
  details: string;
  cureDueOn: string;
  cureOverdue: boolean;
  closeNote: string | null;
  visaApplicationId: string | null;
  pilgrim: { id: string } | null;
  complaint: { id: string } | null;
  history: { fromStatus: string | null; toStatus: string; changedByRole: string | null }[];
}
const FIELDS = `id type status source company { id } provider { id } fineHalalas points details cureDueOn cureOverdue
  closeNote visaApplicationId pilgrim { id } complaint { id } history { fromStatus toStatus changedByRole }`;
const RECORD = `mutation($input: RecordViolationInput!) { recordViolation(input: $input) { ${FIELDS} } }`;
const CURE = `mutation($id: ID!, $note: String!) { cureViolation(id: $id, note: $note) { ${FIELDS} } }`;
const ESCALATE = `mutation($id: ID!, $note: String!) { escalateViolation(id: $id, note: $note) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelViolation(id: $id, reason: $reason) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { violation(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: ViolationFilter, $first: Int, $after: String) {
  violations(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id type status company { id } provider { id nameEn } inspection { id site } complaint { id } history { toStatus } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Listed {
  totalCount: number;
  edges: { node: { id: string; type: string; status: string; company: { id: string } | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph);
  // The demo's companies and contracts, as the companies feed tells them.
  await seedCompanyDirectory(sg.db.fork(), demoCompanies, demoAgents);
  hotel.id = await createProvider(sg.db);
  otherHotel.id = await createProvider(sg.db);
});
afterAll(() => sg.close());

const run = <T>(
  query: string,
  variables: Record<string, unknown>,
  viewer: Viewer | null,
): Promise<GraphQLResponse<T>> => sg.request<T>(query, variables, viewer);

async function record(input: Record<string, unknown>): Promise<ViolationNode> {
  const r = await run<{ recordViolation: ViolationNode }>(RECORD, { input }, as.officer());
  expect(r.errors).toBeUndefined();
  return r.data!.recordViolation;
}

const housing = (companyId: string, fineHalalas = 1_500_000) => ({
  companyId,
  type: 'HOUSING_NOT_AS_SOLD',
  fineHalalas,
  details: 'Rooms sold as doubles, occupied by four.',
});

const eventsOf = (violationId: string) =>
  sql<{ type: string; payload: Record<string, unknown> }>(
    sg.db,
    `select type, payload from outbox_event where aggregate_type = 'Violation' and aggregate_id = ? order by seq`,
    [violationId],
  );

describe('recording a violation', () => {
  it('records it OPEN with its fine, weight and a 30-day cure period, counts it, and publishes ViolationRecorded', async () => {
    const companyId = await licensedCompany(sg.db);
    const v = await record(housing(companyId));
    expect(v).toMatchObject({
      type: 'HOUSING_NOT_AS_SOLD',
      status: 'OPEN',
      source: 'OFFICER',
      company: { id: companyId },
      provider: null,
      fineHalalas: 1_500_000,
      points: 6 + 3,
      cureDueOn: addDays(riyadhDate(), 30),
      cureOverdue: false,
      history: [{ fromStatus: null, toStatus: 'OPEN', changedByRole: 'MINISTRY_OFFICER' }],
    });
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toMatchObject({
      violations_total: 1,
      open_violations: 1,
      open_violation_points: 9,
      fines_halalas: expect.anything(),
      score: 91,
    });
    const events = await eventsOf(v.id);
    expect(events.map((e) => e.type)).toEqual(['ViolationRecorded']);
    expect(events[0]!.payload).toMatchObject({
      violationId: v.id,
      companyId,
      providerId: null,
      type: 'HOUSING_NOT_AS_SOLD',
      fineHalalas: 1_500_000,
      cureDueOn: v.cureDueOn,
      source: 'OFFICER',
    });
  });

  it('records one against a provider for the provider', async () => {
    const v = await record({ providerId: hotel.id, type: 'OTHER', fineHalalas: 0, details: 'Fire exit blocked.' });
    expect(v).toMatchObject({ provider: { id: hotel.id }, company: null, points: 3 });
    expect((await eventsOf(v.id))[0]!.payload).toMatchObject({ providerId: hotel.id, companyId: null });
  });

  it('refuses a fine above SAR 50,000, an overstay by hand, both parties and an unknown provider; nothing is recorded', async () => {
    const before = await count(sg.db, 'violation');
    const tooMuch = await run(RECORD, { input: housing(safwa!.id, 5_000_001) }, as.officer());
    expect(tooMuch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fineHalalas' });
    const negative = await run(RECORD, { input: housing(safwa!.id, -1) }, as.officer());
    expect(negative.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fineHalalas' });
    const overstay = await run(RECORD, { input: { ...housing(safwa!.id), type: 'OVERSTAY' } }, as.officer());
    expect(overstay.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    const both = await run(RECORD, { input: { ...housing(safwa!.id), providerId: hotel.id } }, as.officer());
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId' });
    const ghost = await run(
      RECORD,
      { input: { providerId: randomUUID(), type: 'OTHER', fineHalalas: 0, details: 'Nobody.' } },
      as.officer(),
    );
    expect(codes(ghost)).toEqual(['NOT_FOUND']);
    expect(await count(sg.db, 'violation')).toBe(before);
  });

  it('refuses a company the companies feed never told of, as missing; once told, records against it', async () => {
    const before = await count(sg.db, 'violation');
    const stranger = randomUUID();
    const refused = await run(RECORD, { input: housing(stranger) }, as.officer());
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.companyId' });
    expect(await count(sg.db, 'violation')).toBe(before);
    const known = await licensedCompany(sg.db);
    expect((await record(housing(known))).company).toEqual({ id: known });
  });

  it('keeps the statutory ceiling in the database too', async () => {
    const v = await record(housing(await licensedCompany(sg.db)));
    await expect(sql(sg.db, `update violation set fine_halalas = 5000001 where id = ?`, [v.id])).rejects.toThrow(
      /violation_fine_ceiling_check/,
    );
    await expect(sql(sg.db, `update violation set company_id = null where id = ?`, [v.id])).rejects.toThrow(
      /violation_one_party_check/,
    );
  });

  it('records COMPLAINT_UPHELD only for an upheld complaint, against its party, once', async () => {
    const officer = as.officer();
    const c = await fileComplaint(sg.db.fork(), officer, {
      companyId: rawda!.id,
      category: ComplaintCategory.ACCOMMODATION,
      description: 'No rooms booked for a group of 14.',
      city: 'Makkah',
    });
    const input = { type: 'COMPLAINT_UPHELD', fineHalalas: 1_000_000, details: 'Pilgrims left without housing.' };
    expect(codes(await run(RECORD, { input }, officer))).toEqual(['COMPLAINT_NOT_UPHELD']);
    expect(codes(await run(RECORD, { input: { ...input, complaintId: c.id } }, officer))).toEqual([
      'COMPLAINT_NOT_UPHELD',
    ]);
    await resolveComplaint(sg.db.fork(), officer, c.id, 'Confirmed by the field committee.', true);
    const wrongParty = await run(RECORD, { input: { ...input, complaintId: c.id, companyId: safwa!.id } }, officer);
    expect(wrongParty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.complaintId' });
    const v = await record({ ...input, complaintId: c.id });
    expect(v).toMatchObject({ company: { id: rawda!.id }, complaint: { id: c.id } });
    expect(codes(await run(RECORD, { input: { ...input, complaintId: c.id } }, officer))).toEqual([
      'VIOLATION_ALREADY_RECORDED',
    ]);
  });
});

describe('officer actions', () => {
  it('cures an OPEN violation: the fine stays, the weight drops to one point', async () => {
    const companyId = await licensedCompany(sg.db);
    const v = await record(housing(companyId));
    const r = await run<{ cureViolation: ViolationNode }>(
      CURE,
      { id: v.id, note: 'Rooms re-allocated as sold.' },
      as.officer(),
    );
    expect(r.data!.cureViolation).toMatchObject({ status: 'CURED', closeNote: 'Rooms re-allocated as sold.' });
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toMatchObject({
      open_violations: 0,
      open_violation_points: 0,
      cured_violations: 1,
      violations_total: 1,
      score: 99,
    });
    expect((await eventsOf(v.id)).map((e) => [e.type, e.payload['status']])).toEqual([
      ['ViolationRecorded', 'OPEN'],
      ['ViolationStatusChanged', 'CURED'],
    ]);
    expect(codes(await run(ESCALATE, { id: v.id, note: 'Too late.' }, as.officer()))).toEqual([
      'INVALID_VIOLATION_TRANSITION',
    ]);
  });

  it('escalates only once the cure period is over, doubling its weight; a cancellation takes everything back', async () => {
    const companyId = await licensedCompany(sg.db);
    const v = await record(housing(companyId));
    const early = await run(ESCALATE, { id: v.id, note: 'Not cured.' }, as.officer());
    expect(codes(early)).toEqual(['CURE_PERIOD_RUNNING']);
    expect(early.errors![0]!.extensions).toMatchObject({ details: { cureDueOn: v.cureDueOn } });
    // The clock moves past the last day of the cure period.
    const after = new Date(Date.parse(`${v.cureDueOn}T12:00:00+03:00`) + 86_400_000);
    const escalated = await changeViolationStatus(
      sg.db.fork(),
      as.officer(),
      v.id,
      ViolationStatus.ESCALATED,
      'Not cured: referred for licence suspension.',
      after,
    );
    expect(escalated.status).toBe('ESCALATED');
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toMatchObject({
      open_violations: 0,
      escalated_violations: 1,
      escalated_violation_points: 9,
      score: 82,
    });
    const cancelled = await run<{ cancelViolation: ViolationNode }>(
      CANCEL,
      { id: v.id, reason: 'Overturned on appeal.' },
      as.officer(),
    );
    expect(cancelled.data!.cancelViolation.status).toBe('CANCELLED');
    expect(cancelled.data!.cancelViolation.history.map((h) => h.toStatus)).toEqual(['OPEN', 'ESCALATED', 'CANCELLED']);
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toMatchObject({
      violations_total: 0,
      escalated_violations: 0,
      escalated_violation_points: 0,
      fines_halalas: expect.anything(),
      score: 100,
    });
    expect(Number((await tallyOf(sg.db, 'COMPANY', companyId))!.fines_halalas)).toBe(0);
    expect(codes(await run(CANCEL, { id: v.id, reason: 'Twice.' }, as.officer()))).toEqual([
      'INVALID_VIOLATION_TRANSITION',
    ]);
    expect(codes(await run(CURE, { id: v.id, note: 'Cured?' }, as.officer()))).toEqual([
      'INVALID_VIOLATION_TRANSITION',
    ]);
  });

  it('refuses a short note, naming it', async () => {
    const v = await record(housing(await licensedCompany(sg.db)));
    const r = await run(CURE, { id: v.id, note: ' x ' }, as.officer());
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
  });
});

describe('overstays from the pilgrims feed', () => {
  it('turns PilgrimOverstayed into one OVERSTAY violation with the event’s fine and a cure period from detection', async () => {
    const companyId = await licensedCompany(sg.db);
    const payload = overstayPayload(companyId, { fineHalalas: 2_500_000, detectedOn: '2026-11-21' });
    expect(await deliver(sg, feedEvent('PilgrimOverstayed', payload.visaApplicationId, { ...payload }))).toBe(true);
    const rows = await sql<{ id: string }>(sg.db, `select id from violation where source_visa_application_id = ?`, [
      payload.visaApplicationId,
    ]);
    expect(rows).toHaveLength(1);
    const read = await run<{ violation: ViolationNode }>(ONE, { id: rows[0]!.id }, as.supervisor());
    expect(read.data!.violation).toMatchObject({
      type: 'OVERSTAY',
      source: 'OVERSTAY_DETECTION',
      status: 'OPEN',
      company: { id: companyId },
      fineHalalas: 2_500_000,
      points: 5 + 5,
      cureDueOn: '2026-12-21',
      visaApplicationId: payload.visaApplicationId,
      pilgrim: { id: payload.pilgrimId },
      history: [{ fromStatus: null, toStatus: 'OPEN', changedByRole: null }],
    });
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toMatchObject({ overstays: 1, open_violations: 1 });
    expect((await eventsOf(rows[0]!.id)).map((e) => e.type)).toEqual(['ViolationRecorded']);
  });

  it('records exactly one violation when the same overstay arrives twice, as the same event or as another', async () => {
    const companyId = await licensedCompany(sg.db);
    const payload = overstayPayload(companyId);
    const event = feedEvent('PilgrimOverstayed', payload.visaApplicationId, { ...payload });
    expect(await deliver(sg, event)).toBe(true);
    const tally = await tallyOf(sg.db, 'COMPANY', companyId);
    // The same event again: the inbox knows it.
    expect(await deliver(sg, event)).toBe(false);
    // A second event about the same visa (e.g. the producer emitted it twice): the unique key holds.
    expect(await deliver(sg, feedEvent('PilgrimOverstayed', payload.visaApplicationId, { ...payload }))).toBe(true);
    expect(await count(sg.db, `violation where source_visa_application_id = ?`, [payload.visaApplicationId])).toBe(1);
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toEqual(tally);
    expect(
      await count(sg.db, `outbox_event where type = 'ViolationRecorded' and payload->>'visaApplicationId' = ?`, [
        payload.visaApplicationId,
      ]),
    ).toBe(1);
  });

  it.runIf(process.env['TEST_DATABASE_URL'])(
    'records one violation when two deliveries of the same overstay race (PostgreSQL)',
    async () => {
      const db = await openTestDatabase(packagesSubgraph);
      try {
        const companyId = await licensedCompany(db);
        const payload = overstayPayload(companyId);
        const results = await Promise.all(
          Array.from({ length: 6 }, () =>
            deliver(db, feedEvent('PilgrimOverstayed', payload.visaApplicationId, { ...payload })),
          ),
        );
        expect(results.every((r) => r)).toBe(true);
        expect(await count(db, `violation where source_visa_application_id = ?`, [payload.visaApplicationId])).toBe(1);
        expect(await tallyOf(db, 'COMPANY', companyId)).toMatchObject({ overstays: 1, violations_total: 1 });
      } finally {
        await db.close();
      }
    },
  );

  it('acknowledges a malformed overstay without recording anything', async () => {
    const before = await count(sg.db, 'violation');
    const bad = { ...overstayPayload(randomUUID()), fineHalalas: 'lots' };
    expect(await deliver(sg, feedEvent('PilgrimOverstayed', randomUUID(), bad))).toBe(true);
    expect(await count(sg.db, 'violation')).toBe(before);
  });

  it('counts issued visas per company for the overstay rate, and nothing else', async () => {
    const companyId = await licensedCompany(sg.db);
    const visa = (toStatus: string, visaApplicationId: string = randomUUID()) =>
      feedEvent('VisaStatusChanged', visaApplicationId, {
        visaApplicationId,
        companyId,
        toStatus,
        fromStatus: 'SENT_TO_MOFA',
      });
    const again = randomUUID();
    for (const status of ['ISSUED', 'ISSUED', 'ARRIVED', 'REJECTED']) await deliver(sg, visa(status));
    // The same visa issued twice (a replayed feed without its inbox): counted once.
    await deliver(sg, visa('ISSUED', again));
    await deliver(sg, visa('ISSUED', again));
    await deliver(sg, feedEvent('PilgrimRegistered', randomUUID(), { companyId }));
    expect(await tallyOf(sg.db, 'COMPANY', companyId)).toMatchObject({ visas_issued: 3, score: 100 });
    const payload = overstayPayload(companyId);
    await deliver(sg, feedEvent('PilgrimOverstayed', payload.visaApplicationId, { ...payload }));
    // 10 points for the open overstay, ⌈200 × 1/3⌉ = 67 for the rate.
    expect((await tallyOf(sg.db, 'COMPANY', companyId))!.score).toBe(100 - 10 - 67);
  });
});

describe('who sees which violations', () => {
  it('shows a company its own, a provider its own, and an agent nothing', async () => {
    const mine = await record(housing(safwa!.id));
    const theirs = await record(housing(rawda!.id));
    const hotels = await record({
      providerId: otherHotel.id,
      type: 'OTHER',
      fineHalalas: 0,
      details: 'Dirty kitchen.',
    });
    const ids = async (viewer: Viewer): Promise<Set<string>> =>
      new Set(
        (await run<{ violations: Listed }>(LIST, { first: 100 }, viewer)).data!.violations.edges.map((e) => e.node.id),
      );
    const safwaSees = await ids(as.manager(safwa!.id));
    expect(safwaSees.has(mine.id)).toBe(true);
    expect(safwaSees.has(theirs.id) || safwaSees.has(hotels.id)).toBe(false);
    expect(
      (await run<{ violation: unknown }>(ONE, { id: theirs.id }, as.manager(safwa!.id))).data!.violation,
    ).toBeNull();
    const hotelSees = await ids(as.provider(otherHotel.id));
    expect([...hotelSees]).toEqual([hotels.id]);
    expect(codes(await run(LIST, {}, as.agent(randomUUID())))).toEqual(['FORBIDDEN']);
    expect(codes(await run(LIST, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('filters by type, status and overdue cure, and reads a page in the same statements whatever its size', async () => {
    const companyId = await licensedCompany(sg.db);
    for (let i = 0; i < 12; i++) {
      await record({ ...housing(companyId), type: i % 2 ? 'NO_TRANSPORT' : 'HOUSING_NOT_AS_SOLD' });
    }
    const transport = await run<{ violations: Listed }>(
      LIST,
      { filter: { companyId, type: 'NO_TRANSPORT' }, first: 100 },
      as.officer(),
    );
    expect(transport.data!.violations.totalCount).toBe(6);
    const overdue = await run<{ violations: Listed }>(
      LIST,
      { filter: { companyId, cureOverdue: true }, first: 100 },
      as.officer(),
    );
    expect(overdue.data!.violations.totalCount).toBe(0);
    const statements = async (first: number): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await run<{ violations: Listed }>(LIST, { first, filter: { companyId } }, as.officer());
      expect(r.data!.violations.edges).toHaveLength(first);
      return sg.db.statementCount - before;
    };
    expect(await statements(12)).toBe(await statements(2));
  });
});
