import { randomUUID } from 'node:crypto';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, licensedCompany, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintCategory } from '../src/complaint/complaint.rules';
import {
  answerComplaint,
  escalateComplaint,
  fileComplaint,
  markSlaBreaches,
  resolveComplaint,
} from '../src/complaint/complaint.service';
import { complianceScore } from '../src/compliance/compliance.score';
import { PartyKind } from '../src/compliance/compliance.tally';
import { packagesSubgraph } from '../src/index';
import { ComplianceStats } from '../src/migrations/0009-compliance-statistics';
import { recordInspection } from '../src/inspection/inspection.service';
import { ViolationStatus, ViolationType } from '../src/violation/violation.rules';
import { changeViolationStatus, recordViolation } from '../src/violation/violation.service';
import { createProvider } from './builders';
import { deliver, feedEvent, overstayPayload, sql, tallyOf } from './compliance.fixtures';

let sg: TestSubgraph;

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph);
});
afterAll(() => sg.close());

const run = <T>(
  query: string,
  variables: Record<string, unknown>,
  viewer: Viewer | null,
): Promise<GraphQLResponse<T>> => sg.request<T>(query, variables, viewer);

const officer = as.officer();
const DAY = 86_400_000;
/** Mid-month instants (Riyadh), so no test depends on today's date. */
const at = (month: string, day = 15): Date => new Date(`${month}-${String(day).padStart(2, '0')}T09:00:00Z`);

const STATS = `query($from: String, $to: String, $companyId: ID, $providerId: ID, $party: PartyKind) {
  complianceStatistics(fromMonth: $from, toMonth: $to, companyId: $companyId, providerId: $providerId, party: $party) {
    partyKind fromMonth toMonth company { id } provider { id }
    complaintsTotal complaintsUpheld slaBreaches
    complaintsByStatus { status count } complaintsByCategory { category count }
    violationsTotal finesHalalas overstays inspections
    violationsByType { type count finesHalalas } violationsByStatus { status count finesHalalas }
  }
}`;
const TREND = `query($from: String, $to: String, $companyId: ID, $providerId: ID, $party: PartyKind) {
  complianceTrend(fromMonth: $from, toMonth: $to, companyId: $companyId, providerId: $providerId, party: $party) {
    partyKind fromMonth toMonth company { id }
    points { month score parties violations openViolationPoints escalatedViolationPoints curedViolations
      finesHalalas overstays visasIssued complaints complaintsUpheld slaBreaches inspections }
  }
}`;

interface Stats {
  partyKind: string;
  company: { id: string } | null;
  provider: { id: string } | null;
  complaintsTotal: number;
  complaintsUpheld: number;
  slaBreaches: number;
  complaintsByStatus: { status: string; count: number }[];
  complaintsByCategory: { category: string; count: number }[];
  violationsTotal: number;
  finesHalalas: number;
  overstays: number;
  inspections: number;
  violationsByType: { type: string; count: number; finesHalalas: number }[];
  violationsByStatus: { status: string; count: number; finesHalalas: number }[];
}
interface Point {
  month: string;
  score: number;
  parties: number;
  violations: number;
  openViolationPoints: number;
  escalatedViolationPoints: number;
  curedViolations: number;
  finesHalalas: number;
  overstays: number;
  visasIssued: number;
  complaints: number;
  complaintsUpheld: number;
  slaBreaches: number;
  inspections: number;
}
interface Trend {
  partyKind: string;
  company: { id: string } | null;
  points: Point[];
}

const statsOf = async (vars: Record<string, unknown>, viewer: Viewer): Promise<Stats | null> => {
  const r = await run<{ complianceStatistics: Stats | null }>(STATS, vars, viewer);
  expect(r.errors).toBeUndefined();
  return r.data!.complianceStatistics;
};
const trendOf = async (vars: Record<string, unknown>, viewer: Viewer): Promise<Trend | null> => {
  const r = await run<{ complianceTrend: Trend | null }>(TREND, vars, viewer);
  expect(r.errors).toBeUndefined();
  return r.data!.complianceTrend;
};
const countOf = <K extends string, R extends Record<K, string> & { count: number }>(list: R[], key: K, value: string) =>
  list.find((r) => r[key] === value)!.count;

const complaint = (companyId: string, category: ComplaintCategory, filedAt: Date) =>
  fileComplaint(
    sg.db.fork(),
    officer,
    { companyId, category, description: 'Pilgrims report a problem.', city: 'Makkah' },
    filedAt,
  );
const violation = (companyId: string, type: ViolationType, fineHalalas: number, recordedAt: Date) =>
  recordViolation(
    sg.db.fork(),
    officer,
    { companyId, type, fineHalalas, details: 'Seen by the committee.' },
    recordedAt,
  );

/**
 * The aggregate rebuilt from the rows themselves, the way the migration's backfill does: what the
 * triggers keep must equal it after any mix of changes.
 */
const DIRECT = `
  select * from (
    select case when company_id is not null then 'COMPANY' else 'PROVIDER' end as party_kind,
           coalesce(company_id, provider_id) as party_id, compliance_month(filed_at) as month, 'COMPLAINT' as subject,
           category as kind, status, coalesce(upheld, false) as upheld, sla_breached_at is not null as sla_breached,
           count(*)::int as n, 0::bigint as points, 0::bigint as fines_halalas
      from complaint group by 1, 2, 3, 4, 5, 6, 7, 8
    union all
    select case when company_id is not null then 'COMPANY' else 'PROVIDER' end, coalesce(company_id, provider_id),
           compliance_month(recorded_at), 'VIOLATION', type, status, false, false, count(*)::int, sum(points)::bigint,
           sum(fine_halalas)::bigint
      from violation group by 1, 2, 3, 4, 5, 6, 7, 8
    union all
    select k, p, m, 'INSPECTION', '', '', false, false, count(*)::int, 0::bigint, 0::bigint from (
      select 'COMPANY' as k, company_id as p, date_trunc('month', visited_on)::date as m from inspection where company_id is not null
      union all
      select 'PROVIDER', provider_id, date_trunc('month', visited_on)::date from inspection where provider_id is not null
    ) v group by 1, 2, 3
    union all
    select 'COMPANY', company_id, compliance_month(counted_at), 'VISA', '', '', false, false, count(*)::int, 0::bigint, 0::bigint
      from counted_visa group by 1, 2, 3
  ) d order by 1, 2, 3, 4, 5, 6, 7, 8`;
const KEPT = `select party_kind, party_id, month, subject, kind, status, upheld, sla_breached, n, points, fines_halalas
  from compliance_stat where n > 0 order by 1, 2, 3, 4, 5, 6, 7, 8`;
const normal = (rows: Record<string, unknown>[]) =>
  rows.map((r) => ({
    ...r,
    month: String(r.month instanceof Date ? r.month.toISOString().slice(0, 10) : r.month).slice(0, 10),
    n: Number(r.n),
    points: Number(r.points),
    fines_halalas: Number(r.fines_halalas),
  }));

describe('the monthly compliance aggregate', () => {
  let company = '';
  let other = '';
  let hotel = '';

  beforeAll(async () => {
    company = await licensedCompany(sg.db);
    other = await licensedCompany(sg.db);
    hotel = await createProvider(sg.db);
    // Complaints in March and April: answered, escalated, resolved (upheld or not), one late, one left to the SLA job.
    const a = await complaint(company, ComplaintCategory.TRANSPORT, at('2026-03', 2));
    const b = await complaint(company, ComplaintCategory.ACCOMMODATION, at('2026-03', 10));
    const c = await complaint(company, ComplaintCategory.ACCOMMODATION, at('2026-04', 3));
    await complaint(company, ComplaintCategory.CATERING, at('2026-04', 20));
    await complaint(other, ComplaintCategory.FINANCIAL, at('2026-03', 5));
    await answerComplaint(sg.db.fork(), as.manager(company), a.id, 'We sent another bus.', false, at('2026-03', 2));
    await resolveComplaint(sg.db.fork(), officer, a.id, 'Confirmed by the field committee.', true, at('2026-03', 9));
    await escalateComplaint(sg.db.fork(), officer, b.id, 'Sent to the field committee.', at('2026-03', 10));
    await resolveComplaint(sg.db.fork(), officer, c.id, 'Not confirmed on site.', false, at('2026-04', 3));
    await markSlaBreaches(sg.db, at('2026-05', 1));
    await fileComplaint(
      sg.db.fork(),
      as.manager(company),
      {
        providerId: hotel,
        category: ComplaintCategory.SERVICE_QUALITY,
        description: 'Staff were rude.',
        city: 'Madinah',
      },
      at('2026-04', 6),
    );
    // Violations in March and April: one cured, one escalated, one cancelled, one open; an overstay; an inspection.
    const v1 = await violation(company, ViolationType.HOUSING_NOT_AS_SOLD, 1_500_000, at('2026-03', 4));
    const v2 = await violation(company, ViolationType.NO_TRANSPORT, 1_000_000, at('2026-03', 6));
    const v3 = await violation(company, ViolationType.OTHER, 200_000, at('2026-04', 8));
    await violation(company, ViolationType.CATERING_NOT_AS_SOLD, 0, at('2026-04', 9));
    await changeViolationStatus(
      sg.db.fork(),
      officer,
      v1.id,
      ViolationStatus.CURED,
      'Rooms changed.',
      at('2026-03', 20),
    );
    await changeViolationStatus(sg.db.fork(), officer, v2.id, ViolationStatus.ESCALATED, 'No cure.', at('2026-05', 20));
    await changeViolationStatus(sg.db.fork(), officer, v3.id, ViolationStatus.CANCELLED, 'In error.', at('2026-04', 9));
    await recordInspection(
      sg.db.fork(),
      officer,
      {
        companyId: company,
        providerId: hotel,
        city: 'Makkah',
        site: 'Hotel Al-Haram',
        visitedOn: '2026-04-07',
        findings: 'Rooms overcrowded and no signage.',
        violations: [
          {
            against: PartyKind.PROVIDER,
            type: ViolationType.UNLICENSED_HOUSING,
            fineHalalas: 5_000_000,
            details: 'No licence.',
          },
        ],
      },
      at('2026-04', 7),
    );
    const overstay = overstayPayload(company);
    await deliver(sg, feedEvent('PilgrimOverstayed', overstay.visaApplicationId, { ...overstay }));
    for (let i = 0; i < 4; i++) {
      const visa = randomUUID();
      await deliver(
        sg,
        feedEvent('VisaStatusChanged', visa, { toStatus: 'ISSUED', companyId: company, visaApplicationId: visa }),
      );
    }
  });

  it('equals a direct count of the rows after complaints, violations, inspections and visas changed', async () => {
    const kept = normal(await sql(sg.db, KEPT));
    const direct = normal(await sql(sg.db, DIRECT));
    expect(kept).toEqual(direct);
    expect(kept.length).toBeGreaterThan(10);
  });

  it('is rebuilt by the migration’s backfill from the rows that exist', async () => {
    const em = sg.db.orm.em.fork();
    const migration = new ComplianceStats(em.getDriver() as never, sg.db.orm.config as never);
    migration.up();
    const backfill = migration
      .getQueries()
      .map(String)
      .filter((q) => q.trim().startsWith('insert into compliance_stat'));
    expect(backfill).toHaveLength(4);
    const before = normal(await sql(sg.db, KEPT));
    await em.transactional(async (tx) => {
      const connection = tx.getConnection();
      await connection.execute('delete from compliance_stat', [], 'run', tx.getTransactionContext());
      for (const q of backfill) await connection.execute(q, [], 'run', tx.getTransactionContext());
    });
    expect(normal(await sql(sg.db, KEPT))).toEqual(before);
  });

  it('adds up, over all months, to the compliance tally the score is computed from', async () => {
    const [sums] = await sql<Record<string, string | number>>(
      sg.db,
      `select sum(n) filter (where subject = 'VIOLATION' and status <> 'CANCELLED') as violations,
              sum(points) filter (where subject = 'VIOLATION' and status = 'OPEN') as open_points,
              sum(points) filter (where subject = 'VIOLATION' and status = 'ESCALATED') as escalated_points,
              sum(n) filter (where subject = 'VIOLATION' and status = 'CURED') as cured,
              sum(fines_halalas) filter (where subject = 'VIOLATION' and status <> 'CANCELLED') as fines,
              sum(n) filter (where subject = 'COMPLAINT') as complaints,
              sum(n) filter (where subject = 'COMPLAINT' and upheld) as upheld,
              sum(n) filter (where subject = 'COMPLAINT' and sla_breached) as breaches,
              sum(n) filter (where subject = 'VISA') as visas
         from compliance_stat where party_kind = 'COMPANY' and party_id = ?`,
      [company],
    );
    const tally = (await tallyOf(sg.db, 'COMPANY', company))!;
    expect(Object.fromEntries(Object.entries(sums!).map(([k, v]) => [k, Number(v)]))).toEqual({
      violations: tally.violations_total,
      open_points: tally.open_violation_points,
      escalated_points: tally.escalated_violation_points,
      cured: tally.cured_violations,
      fines: Number(tally.fines_halalas),
      complaints: tally.complaints_total,
      upheld: tally.complaints_upheld,
      breaches: tally.sla_breaches,
      visas: tally.visas_issued,
    });
  });

  it('gives a company’s figures of a range of months by status, category, type and fines', async () => {
    const stats = (await statsOf({ from: '2026-03', to: '2026-04', companyId: company }, as.supervisor()))!;
    expect(stats).toMatchObject({ partyKind: 'COMPANY', company: { id: company }, provider: null });
    expect(stats.complaintsTotal).toBe(4);
    expect(countOf(stats.complaintsByStatus, 'status', 'RESOLVED')).toBe(2);
    expect(countOf(stats.complaintsByStatus, 'status', 'ESCALATED')).toBe(1);
    expect(countOf(stats.complaintsByStatus, 'status', 'OPEN')).toBe(1);
    expect(countOf(stats.complaintsByCategory, 'category', 'ACCOMMODATION')).toBe(2);
    expect(stats.complaintsByCategory).toHaveLength(9);
    expect(stats.complaintsUpheld).toBe(1);
    // a (resolved late), b (escalated) and the catering complaint (open) ran out of their SLA.
    expect(stats.slaBreaches).toBe(3);
    // The overstay was recorded today, outside March–April.
    expect(stats.violationsTotal).toBe(3);
    expect(stats.overstays).toBe(0);
    expect(stats.finesHalalas).toBe(2_500_000);
    expect(stats.violationsByStatus).toEqual([
      { status: 'OPEN', count: 1, finesHalalas: 0 },
      { status: 'CURED', count: 1, finesHalalas: 1_500_000 },
      { status: 'ESCALATED', count: 1, finesHalalas: 1_000_000 },
      { status: 'CANCELLED', count: 1, finesHalalas: 200_000 },
    ]);
    expect(stats.violationsByType.find((t) => t.type === 'OTHER')).toEqual({
      type: 'OTHER',
      count: 0,
      finesHalalas: 0,
    });
    expect(stats.inspections).toBe(1);

    const march = (await statsOf({ from: '2026-03', to: '2026-03', companyId: company }, as.supervisor()))!;
    expect(march.complaintsTotal).toBe(2);
    expect(march.inspections).toBe(0);

    const provider = (await statsOf({ from: '2026-03', to: '2026-04', providerId: hotel }, as.supervisor()))!;
    expect(provider).toMatchObject({ partyKind: 'PROVIDER', company: null, provider: { id: hotel } });
    expect(provider).toMatchObject({ complaintsTotal: 1, violationsTotal: 1, finesHalalas: 5_000_000, inspections: 1 });
  });

  it('gives the ministry all companies together, and all providers apart', async () => {
    const all = (await statsOf({ from: '2026-03', to: '2026-04' }, as.supervisor()))!;
    expect(all).toMatchObject({ partyKind: 'COMPANY', company: null });
    expect(all.complaintsTotal).toBeGreaterThanOrEqual(5);
    expect(countOf(all.complaintsByCategory, 'category', 'FINANCIAL')).toBeGreaterThanOrEqual(1);
    const providers = (await statsOf({ from: '2026-03', to: '2026-04', party: 'PROVIDER' }, as.supervisor()))!;
    expect(providers.partyKind).toBe('PROVIDER');
    expect(providers.violationsTotal).toBeGreaterThanOrEqual(1);
  });

  it('draws a company’s trend month by month with the score of each month’s figures', async () => {
    const trend = (await trendOf({ from: '2026-02', to: '2026-05', companyId: company }, as.supervisor()))!;
    expect(trend.points.map((p) => p.month)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    const [feb, march, april, may] = trend.points;
    expect(feb).toMatchObject({ score: 100, parties: 0, violations: 0, complaints: 0 });
    expect(may).toMatchObject({ score: 100, parties: 0 });
    // March: HOUSING cured (1), NO_TRANSPORT escalated (6 + 2 = 8 points, twice), a upheld, a's and b's SLA breaches.
    expect(march).toMatchObject({
      parties: 1,
      violations: 2,
      openViolationPoints: 0,
      escalatedViolationPoints: 8,
      curedViolations: 1,
      complaints: 2,
      complaintsUpheld: 1,
      slaBreaches: 2,
      finesHalalas: 2_500_000,
    });
    expect(march!.score).toBe(100 - (2 * 8 + 1 + 3 + 2 * 2));
    expect(march!.score).toBe(complianceScore({ ...march!, visasIssued: 0, overstays: 0 }));
    // April: the catering violation open (4 points), the other cancelled; the catering complaint's breach.
    expect(april).toMatchObject({
      violations: 1,
      openViolationPoints: 4,
      complaints: 2,
      slaBreaches: 1,
      inspections: 1,
    });
    expect(april!.score).toBe(100 - (4 + 2));
  });

  it('averages the month scores of all parties the record knows for the ministry’s overall trend', async () => {
    const trend = (await trendOf({ from: '2026-03', to: '2026-03' }, as.supervisor()))!;
    const [march] = trend.points;
    const [known] = await sql<{ n: string }>(
      sg.db,
      `select count(*) as n from compliance_tally where party_kind = 'COMPANY'`,
    );
    expect(march!.parties).toBe(2);
    // This company 76, the other (one open complaint, its SLA breach) 98, every other known company 100.
    const expected = (76 + 98 + 100 * (Number(known!.n) - 2)) / Number(known!.n);
    expect(march!.score).toBeCloseTo(expected, 1);
  });

  it('lets a manager read only their company, a provider only itself, and no agent', async () => {
    const range = { from: '2026-03', to: '2026-04' };
    expect((await statsOf(range, as.manager(company)))!.company!.id).toBe(company);
    expect((await statsOf({ ...range, companyId: company }, as.manager(company)))!.complaintsTotal).toBe(4);
    expect(await statsOf({ ...range, companyId: other }, as.manager(company))).toBeNull();
    expect(await statsOf({ ...range, providerId: hotel }, as.manager(company))).toBeNull();
    expect(await trendOf({ ...range, companyId: other }, as.manager(company))).toBeNull();
    expect((await trendOf(range, as.manager(company)))!.company!.id).toBe(company);
    expect((await statsOf(range, as.provider(hotel)))!.provider!.id).toBe(hotel);
    expect(await statsOf({ ...range, companyId: company }, as.provider(hotel))).toBeNull();
    expect(await statsOf({ ...range, providerId: randomUUID() }, as.provider(hotel))).toBeNull();
    expect(await statsOf({ ...range, companyId: 'not-an-id' }, as.supervisor())).toBeNull();
    const agent = await run(STATS, range, as.agent(randomUUID()));
    expect(codes(agent)).toContain('FORBIDDEN');
    const anonymous = await run<{ complianceTrend: Trend | null }>(TREND, range, null);
    expect(anonymous.data?.complianceTrend ?? null).toBeNull();
    expect(anonymous.errors).toBeDefined();
  });

  it('refuses a malformed or too long range naming the argument', async () => {
    const bad = await run(STATS, { from: '2026-13' }, as.supervisor());
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromMonth' });
    const long = await run(TREND, { from: '2023-01', to: '2026-04' }, as.supervisor());
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toMonth' });
    const reversed = await run(TREND, { from: '2026-04', to: '2026-03' }, as.supervisor());
    expect(reversed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toMonth' });
    const both = await run(STATS, { companyId: company, providerId: hotel }, as.supervisor());
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'providerId' });
  });

  it('reads the same number of statements however many rows the months hold', async () => {
    const range = { from: '2026-01', to: '2026-12' };
    const statements = async (): Promise<number> => {
      const before = sg.db.statementCount;
      await statsOf(range, as.supervisor());
      await statsOf({ ...range, providerId: hotel }, as.supervisor());
      await trendOf(range, as.supervisor());
      await trendOf({ ...range, companyId: company }, as.supervisor());
      return sg.db.statementCount - before;
    };
    const few = await statements();
    for (let i = 0; i < 15; i++) {
      const party = await licensedCompany(sg.db);
      await complaint(party, ComplaintCategory.OTHER, at('2026-06', 1 + i));
      await violation(party, ViolationType.OTHER, 100_000 * i, at('2026-07', 1 + i));
      await violation(company, ViolationType.NO_TRANSPORT, 0, at('2026-08', 1 + i));
    }
    expect(await statements()).toBe(few);
    expect(normal(await sql(sg.db, KEPT))).toEqual(normal(await sql(sg.db, DIRECT)));
  });

  it.runIf(process.env['TEST_DATABASE_URL'])(
    'loses no count when many changes to the same party and month run at once',
    async () => {
      const party = await licensedCompany(sg.db);
      const month = at('2026-09', 10);
      const complaints = await Promise.all(
        Array.from({ length: 8 }, () => complaint(party, ComplaintCategory.TRANSPORT, month)),
      );
      const violations = await Promise.all(
        Array.from({ length: 8 }, (_, i) => violation(party, ViolationType.NO_TRANSPORT, 10_000 * i, month)),
      );
      await Promise.all([
        ...complaints.map((c, i) =>
          resolveComplaint(sg.db.fork(), officer, c.id, 'Settled with the company.', i % 2 === 0, month),
        ),
        ...violations.map((v, i) =>
          changeViolationStatus(
            sg.db.fork(),
            officer,
            v.id,
            i % 2 === 0 ? ViolationStatus.CURED : ViolationStatus.CANCELLED,
            'Settled.',
            month,
          ),
        ),
        markSlaBreaches(sg.db, at('2026-12', 1)),
      ]);
      expect(normal(await sql(sg.db, KEPT))).toEqual(normal(await sql(sg.db, DIRECT)));
      const stats = (await statsOf({ from: '2026-09', to: '2026-09', companyId: party }, as.supervisor()))!;
      expect(countOf(stats.complaintsByStatus, 'status', 'RESOLVED')).toBe(8);
      expect(stats.complaintsUpheld).toBe(4);
      expect(stats.violationsByStatus.map((v) => v.count)).toEqual([0, 4, 0, 4]);
    },
  );

  it('keeps the aggregate right when the SLA job and an overdue escalation run later', async () => {
    const late = await complaint(company, ComplaintCategory.HEALTH_AND_SAFETY, new Date(Date.now() - 2 * DAY));
    await markSlaBreaches(sg.db);
    await resolveComplaint(sg.db.fork(), officer, late.id, 'Handled by the civil defence.', true);
    expect(normal(await sql(sg.db, KEPT))).toEqual(normal(await sql(sg.db, DIRECT)));
  });
});
