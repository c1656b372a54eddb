import { randomUUID } from 'node:crypto';
import { prng } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, licensedCompany, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintCategory } from '../src/complaint/complaint.rules';
import { answerComplaint, fileComplaint, markSlaBreaches, resolveComplaint } from '../src/complaint/complaint.service';
import { complianceScore } from '../src/compliance/compliance.score';
import { packagesSubgraph } from '../src/index';
import { ViolationStatus, ViolationType } from '../src/violation/violation.rules';
import { changeViolationStatus, recordViolation } from '../src/violation/violation.service';
import { createProvider } from './builders';
import { deliver, feedEvent, overstayPayload, sql, tallyOf } from './compliance.fixtures';

let sg: TestSubgraph;
const hotel = { id: '' };

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

interface Record_ {
  partyKind: string;
  company: { id: string } | null;
  provider: { id: string } | null;
  score: number;
  openViolations: number;
  overstays: number;
  visasIssued: number;
  overstayRate: number;
  complaintsUpheld: number;
  slaBreaches: number;
  finesHalalas: number;
}
const RECORD_FIELDS = `partyKind company { id } provider { id } score openViolations overstays visasIssued overstayRate
  complaintsUpheld slaBreaches finesHalalas`;
const COMPANIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { id compliance { ${RECORD_FIELDS} } } } }`;
const PROVIDER = `query($id: ID!) { serviceProvider(id: $id) { id compliance { ${RECORD_FIELDS} } } }`;
const RANKING = `query($party: PartyKind, $order: RankingOrder, $first: Int, $after: String) {
  complianceRanking(party: $party, order: $order, first: $first, after: $after) {
    totalCount edges { cursor node { ${RECORD_FIELDS} } } pageInfo { hasNextPage endCursor }
  }
}`;

interface Ranking {
  totalCount: number;
  edges: { cursor: string; node: Record_ }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A company with one open housing violation (9 points), one upheld complaint and one SLA breach. */
async function troubledCompany(): Promise<string> {
  const companyId = await licensedCompany(sg.db);
  const officer = as.officer();
  await recordViolation(sg.db.fork(), officer, {
    companyId,
    type: ViolationType.HOUSING_NOT_AS_SOLD,
    fineHalalas: 1_500_000,
    details: 'Doubles sold, four inside.',
  });
  const filedAt = new Date(Date.now() - 30 * 3_600_000);
  const c = await fileComplaint(
    sg.db.fork(),
    officer,
    { companyId, category: ComplaintCategory.TRANSPORT, description: 'The bus never came.', city: 'Jeddah' },
    filedAt,
  );
  await resolveComplaint(sg.db.fork(), officer, c.id, 'Confirmed by the field committee.', true);
  return companyId;
}

describe('the score the database keeps', () => {
  it('computes the same score as the documented formula for any counters', async () => {
    const random = prng(2026);
    const int = (max: number): number => Math.floor(random() * (max + 1));
    for (let i = 0; i < 60; i++) {
      const t = {
        visasIssued: int(3) === 0 ? 0 : int(5000),
        overstays: int(40),
        openViolationPoints: int(60),
        escalatedViolationPoints: int(30),
        curedViolations: int(10),
        complaintsUpheld: int(8),
        slaBreaches: int(8),
      };
      const [row] = await sql<{ score: number }>(
        sg.db,
        `insert into compliance_tally (party_kind, party_id, visas_issued, overstays, open_violation_points,
           escalated_violation_points, cured_violations, complaints_upheld, sla_breaches)
         values ('COMPANY', ?, ?, ?, ?, ?, ?, ?, ?) returning score`,
        [
          randomUUID(),
          t.visasIssued,
          t.overstays,
          t.openViolationPoints,
          t.escalatedViolationPoints,
          t.curedViolations,
          t.complaintsUpheld,
          t.slaBreaches,
        ],
      );
      expect(row!.score, JSON.stringify(t)).toBe(complianceScore(t));
    }
  });

  it('checks complaint categories and violation types against the same lists as the API', async () => {
    const definition = async (name: string): Promise<string> =>
      (
        await sql<{ def: string }>(
          sg.db,
          `select pg_get_constraintdef(oid) as def from pg_constraint where conname = ?`,
          [name],
        )
      )[0]!.def;
    const categories = await definition('complaint_category_check');
    for (const category of Object.values(ComplaintCategory)) expect(categories).toContain(`'${category}'`);
    const types = await definition('violation_type_check');
    for (const type of Object.values(ViolationType)) expect(types).toContain(`'${type}'`);
  });

  it('keeps every counter equal to a recount of the complaints and violations behind it', async () => {
    const officer = as.officer();
    const companyId = await troubledCompany();
    const v = await recordViolation(sg.db.fork(), officer, {
      providerId: hotel.id,
      type: ViolationType.CATERING_NOT_AS_SOLD,
      fineHalalas: 700_000,
      details: 'Cold meals.',
    });
    await changeViolationStatus(sg.db.fork(), officer, v.id, ViolationStatus.CURED, 'Hot meals again.');
    const w = await recordViolation(sg.db.fork(), officer, {
      companyId,
      type: ViolationType.NO_TRANSPORT,
      fineHalalas: 2_000_000,
      details: 'No bus.',
    });
    await changeViolationStatus(sg.db.fork(), officer, w.id, ViolationStatus.CANCELLED, 'Wrong company.');
    const payload = overstayPayload(companyId);
    await deliver(sg, feedEvent('PilgrimOverstayed', payload.visaApplicationId, { ...payload }));
    const open = await fileComplaint(sg.db.fork(), officer, {
      providerId: hotel.id,
      category: ComplaintCategory.HEALTH_AND_SAFETY,
      description: 'No first aid kit on the coach.',
      city: 'Makkah',
    });
    await answerComplaint(sg.db.fork(), as.provider(hotel.id), open.id, 'Kits fitted on every coach.', false);
    await markSlaBreaches(sg.db, new Date(Date.now() + 100 * 3_600_000));

    const recount = await sql<Record<string, string | number>>(
      sg.db,
      `with parties as (
         select 'COMPANY' as kind, company_id as id from violation where company_id is not null
         union select 'PROVIDER', provider_id from violation where provider_id is not null
         union select 'COMPANY', company_id from complaint where company_id is not null
         union select 'PROVIDER', provider_id from complaint where provider_id is not null)
       select p.kind, p.id,
         (select count(*) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status <> 'CANCELLED') as violations_total,
         (select count(*) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status = 'OPEN') as open_violations,
         (select coalesce(sum(points), 0) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status = 'OPEN') as open_violation_points,
         (select count(*) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status = 'ESCALATED') as escalated_violations,
         (select coalesce(sum(points), 0) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status = 'ESCALATED') as escalated_violation_points,
         (select count(*) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status = 'CURED') as cured_violations,
         (select coalesce(sum(fine_halalas), 0) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status <> 'CANCELLED') as fines_halalas,
         (select count(*) from violation v where coalesce(v.company_id, v.provider_id) = p.id and v.status <> 'CANCELLED' and v.type = 'OVERSTAY') as overstays,
         (select count(*) from complaint c where coalesce(c.company_id, c.provider_id) = p.id) as complaints_total,
         (select count(*) from complaint c where coalesce(c.company_id, c.provider_id) = p.id and c.status <> 'RESOLVED') as complaints_open,
         (select count(*) from complaint c where coalesce(c.company_id, c.provider_id) = p.id and c.upheld) as complaints_upheld,
         (select count(*) from complaint c where coalesce(c.company_id, c.provider_id) = p.id and c.sla_breached_at is not null) as sla_breaches
       from parties p order by 1, 2`,
    );
    expect(recount.length).toBeGreaterThan(1);
    const kept = await sql<Record<string, string | number>>(
      sg.db,
      `select party_kind as kind, party_id as id, violations_total, open_violations, open_violation_points,
         escalated_violations, escalated_violation_points, cured_violations, fines_halalas, overstays,
         complaints_total, complaints_open, complaints_upheld, sla_breaches
       from compliance_tally t where exists (select 1 from violation v where coalesce(v.company_id, v.provider_id) = t.party_id)
         or exists (select 1 from complaint c where coalesce(c.company_id, c.provider_id) = t.party_id)
       order by 1, 2`,
    );
    const numbers = (rows: Record<string, string | number>[]) =>
      rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'kind' || k === 'id' ? v : Number(v)])),
      );
    expect(numbers(kept)).toEqual(numbers(recount));
  });
});

describe('Company.compliance and ServiceProvider.compliance', () => {
  it('shows a company’s record to the ministry and its own managers only, all companies in one statement', async () => {
    const troubled = await troubledCompany();
    const clean = randomUUID();
    const representations = [troubled, clean].map((id) => ({ __typename: 'Company', id }));
    const before = sg.db.statementCount;
    const asOfficer = await run<{ _entities: { id: string; compliance: Record_ | null }[] }>(
      COMPANIES,
      { r: representations },
      as.supervisor(),
    );
    expect(sg.db.statementCount - before).toBe(1);
    expect(asOfficer.errors).toBeUndefined();
    // 9 points of the open violation, 3 for the upheld complaint, 2 for its SLA breach.
    expect(asOfficer.data!._entities[0]!.compliance).toMatchObject({
      partyKind: 'COMPANY',
      company: { id: troubled },
      score: 100 - 9 - 3 - 2,
      openViolations: 1,
      complaintsUpheld: 1,
      slaBreaches: 1,
      finesHalalas: 1_500_000,
      overstayRate: 0,
    });
    expect(asOfficer.data!._entities[1]!.compliance).toMatchObject({ score: 100, openViolations: 0 });
    const own = await run<{ _entities: { compliance: Record_ | null }[] }>(
      COMPANIES,
      { r: representations },
      as.manager(troubled),
    );
    expect(own.data!._entities.map((e) => e.compliance?.score ?? null)).toEqual([86, null]);
    for (const outsider of [as.manager(randomUUID()), as.agent(randomUUID()), as.provider(hotel.id)]) {
      const r = await run<{ _entities: { compliance: Record_ | null }[] }>(COMPANIES, { r: representations }, outsider);
      expect(r.data!._entities.map((e) => e.compliance)).toEqual([null, null]);
    }
  });

  it('shows a provider’s record to the ministry and the provider only', async () => {
    await recordViolation(sg.db.fork(), as.officer(), {
      providerId: hotel.id,
      type: ViolationType.OTHER,
      fineHalalas: 0,
      details: 'Fire exit blocked.',
    });
    const ministry = await run<{ serviceProvider: { compliance: Record_ | null } }>(
      PROVIDER,
      { id: hotel.id },
      as.officer(),
    );
    expect(ministry.data!.serviceProvider.compliance).toMatchObject({
      partyKind: 'PROVIDER',
      provider: { id: hotel.id },
      company: null,
      visasIssued: 0,
    });
    const self = await run<{ serviceProvider: { compliance: Record_ | null } }>(
      PROVIDER,
      { id: hotel.id },
      as.provider(hotel.id),
    );
    expect(self.data!.serviceProvider.compliance!.score).toBe(ministry.data!.serviceProvider.compliance!.score);
    const manager = await run<{ serviceProvider: { compliance: Record_ | null } | null }>(
      PROVIDER,
      { id: hotel.id },
      as.manager(randomUUID()),
    );
    expect(manager.data!.serviceProvider?.compliance ?? null).toBeNull();
  });
});

describe('the ministry’s ranking', () => {
  it('ranks companies worst first and pages through all of them once', async () => {
    await troubledCompany();
    const officer = as.officer();
    const seen: Record_[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r: GraphQLResponse<{ complianceRanking: Ranking }> = await run<{ complianceRanking: Ranking }>(
        RANKING,
        { first: 7, after },
        officer,
      );
      expect(r.errors).toBeUndefined();
      total = r.data!.complianceRanking.totalCount;
      seen.push(...r.data!.complianceRanking.edges.map((e) => e.node));
      if (!r.data!.complianceRanking.pageInfo.hasNextPage) break;
      after = r.data!.complianceRanking.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.company!.id)).size).toBe(total);
    const scores = seen.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const best = await run<{ complianceRanking: Ranking }>(RANKING, { order: 'BEST_FIRST', first: 100 }, officer);
    const bestScores = best.data!.complianceRanking.edges.map((e) => e.node.score);
    expect(bestScores).toEqual([...bestScores].sort((a, b) => b - a));
    const providers = await run<{ complianceRanking: Ranking }>(RANKING, { party: 'PROVIDER', first: 100 }, officer);
    expect(providers.data!.complianceRanking.edges.every((e) => e.node.partyKind === 'PROVIDER')).toBe(true);
  });

  it('is the ministry’s only, and refuses a cursor it did not issue', async () => {
    expect((await run(RANKING, {}, as.supervisor())).errors).toBeUndefined();
    for (const caller of [as.manager(randomUUID()), as.agent(randomUUID()), as.provider(hotel.id)]) {
      expect(codes(await run(RANKING, {}, caller))).toEqual(['FORBIDDEN']);
    }
    const bad = await run(RANKING, { after: 'bm9wZQ' }, as.officer());
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('the compliance policy', () => {
  const UPDATE = `mutation($input: UpdateCompliancePolicyInput!) { updateCompliancePolicy(input: $input) { version curePeriodDays slaHours { category hours } } }`;

  it('is readable by every party and versioned by officers; a new cure period applies to new violations', async () => {
    const read = await run<{ compliancePolicy: { version: number; curePeriodDays: number } }>(
      `{ compliancePolicy { version curePeriodDays slaHours { category hours } } }`,
      {},
      as.agent(randomUUID()),
    );
    expect(read.data!.compliancePolicy.curePeriodDays).toBe(30);
    const r = await run<{ updateCompliancePolicy: { version: number; curePeriodDays: number } }>(
      UPDATE,
      { input: { curePeriodDays: 10, reason: 'Shorter cure period for the season’s peak.' } },
      as.officer(),
    );
    expect(r.data!.updateCompliancePolicy).toMatchObject({
      version: read.data!.compliancePolicy.version + 1,
      curePeriodDays: 10,
    });
    const v = await recordViolation(sg.db.fork(), as.officer(), {
      companyId: await licensedCompany(sg.db),
      type: ViolationType.OTHER,
      fineHalalas: 0,
      details: 'Late registration.',
    });
    expect(Date.parse(v.cureDueOn) - Date.parse(new Date().toISOString().slice(0, 10))).toBeLessThanOrEqual(
      11 * 86_400_000,
    );
    await run(UPDATE, { input: { curePeriodDays: 30, reason: 'Back to the usual 30 days.' } }, as.officer());
  });

  it('refuses out-of-range numbers, naming them', async () => {
    const cure = await run(UPDATE, { input: { curePeriodDays: 0, reason: 'None at all.' } }, as.officer());
    expect(cure.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.curePeriodDays' });
    const sla = await run(
      UPDATE,
      { input: { slaHours: [{ category: 'OTHER', hours: 0 }], reason: 'Instant.' } },
      as.officer(),
    );
    expect(sla.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slaHours.0.hours' });
  });
});

describe('the SLA job', () => {
  it('runs as a background worker with the real clock', async () => {
    const companyId = await licensedCompany(sg.db);
    await fileComplaint(
      sg.db.fork(),
      as.officer(),
      {
        companyId,
        category: ComplaintCategory.HEALTH_AND_SAFETY,
        description: 'No escort for a sick pilgrim.',
        city: 'Makkah',
      },
      new Date(Date.now() - 7 * 3_600_000),
    );
    await sg.runWorkers();
    expect((await tallyOf(sg.db, 'COMPANY', companyId))!.sla_breaches).toBe(1);
  });
});
