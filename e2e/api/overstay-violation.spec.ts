import { companiesSubgraph } from '@umrah/companies';
import { demoCompanies, demoPilgrims } from '@umrah/demo';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * An overstay found by the pilgrims subgraph becomes exactly one violation in the packages
 * subgraph, through the real pilgrims feed: the pilgrim arrives, the permitted stay runs out,
 * the overstay job runs, and the feed is delivered again and again (as after a lost position or
 * a consumer restarted from scratch) without a second violation or a second count.
 */
let graph: TestGraph;
const safwa = demoCompanies[0]!;
const rawda = demoCompanies[1]!;
// A visa of Al-Safwa issued in the demo and not yet used: the pilgrim can arrive today.
const pilgrim = demoPilgrims().find((p) => p.companyId === safwa.id && p.visa.status === 'ISSUED')!;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
  await graph.drainEvents();
  // The demo's applications caught mid-way are processed first, and their issuances counted.
  await graph.subgraphs['pilgrims']!.runWorkers();
  await graph.drainEvents();
}, 180_000);
afterAll(() => graph?.close());

const packagesSql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  graph.subgraphs['packages']!.db.orm.em.getConnection().execute<T[]>(query, params);
const pilgrimsSql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  graph.subgraphs['pilgrims']!.db.orm.em.getConnection().execute<T[]>(query, params);
const violationsOfVisa = async (): Promise<number> =>
  Number(
    (
      await packagesSql<{ n: string }>(`select count(*) as n from violation where source_visa_application_id = ?`, [
        pilgrim.visa.id,
      ])
    )[0]!.n,
  );

/** Drains until no consumer finds anything new (an event applied may publish another). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) if ((await graph.drainEvents()) === 0) return;
  throw new Error('the feeds did not settle');
}

interface Compliance {
  score: number;
  overstays: number;
  visasIssued: number;
  openViolations: number;
  finesHalalas: number;
}
const COMPLIANCE = `query($id: ID!) { company(id: $id) { id nameEn compliance { score overstays visasIssued openViolations finesHalalas } } }`;
const compliance = async (caller = as.officer()): Promise<Compliance | null> => {
  const r = await graph.request<{ company: { compliance: Compliance | null } }>(COMPLIANCE, { id: safwa.id }, caller);
  expect(r.errors).toBeUndefined();
  return r.data!.company.compliance;
};

const VIOLATIONS = `query($filter: ViolationFilter) {
  violations(filter: $filter, first: 100) {
    edges { node { id type status fineHalalas visaApplicationId cureDueOn company { id nameEn } pilgrim { id fullNameEn } } }
  }
}`;
interface ViolationNode {
  id: string;
  type: string;
  status: string;
  fineHalalas: number;
  visaApplicationId: string | null;
  cureDueOn: string;
  company: { id: string; nameEn: string };
  pilgrim: { id: string; fullNameEn: string } | null;
}

describe('an overstay becomes one violation, through the pilgrims feed', () => {
  let before: Compliance;

  it('records the overstay as one OVERSTAY violation with the season’s fine', async () => {
    before = (await compliance())!;
    const arrived = await graph.request<{ recordArrival: { status: string } }>(
      `mutation($id: ID!, $input: RecordArrivalInput!) { recordArrival(id: $id, input: $input) { status } }`,
      { id: pilgrim.visa.id, input: { arrivedOn: today, port: 'JED', portKind: 'AIR' } },
      as.officer(),
    );
    expect(arrived.errors).toBeUndefined();
    expect(arrived.data!.recordArrival.status).toBe('ARRIVED');
    // The permitted stay runs out: as if 90 days had passed.
    await pilgrimsSql(`update visa_application set stay_until = ?::date - 1 where id = ?`, [today, pilgrim.visa.id]);
    await graph.subgraphs['pilgrims']!.runWorkers();
    const [visa] = await pilgrimsSql<{ status: string }>(`select status from visa_application where id = ?`, [
      pilgrim.visa.id,
    ]);
    expect(visa!.status).toBe('OVERSTAYED');
    expect(await violationsOfVisa()).toBe(0);

    expect(await graph.drainEvents()).toBeGreaterThanOrEqual(2); // the arrival's and the overstay's events
    expect(await violationsOfVisa()).toBe(1);
    // ViolationRecorded reaches the pilgrims subgraph's consumer of the packages feed (which ignores it).
    await settle();

    const r = await graph.request<{ violations: { edges: { node: ViolationNode }[] } }>(
      VIOLATIONS,
      { filter: { type: 'OVERSTAY', companyId: safwa.id } },
      as.manager(safwa.id),
    );
    expect(r.errors).toBeUndefined();
    const ours = r.data!.violations.edges.map((e) => e.node).filter((v) => v.visaApplicationId === pilgrim.visa.id);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({
      type: 'OVERSTAY',
      status: 'OPEN',
      fineHalalas: 2_500_000,
      company: { id: safwa.id, nameEn: safwa.nameEn },
      // Joined across subgraphs: the pilgrims registry names the pilgrim.
      pilgrim: { id: pilgrim.id, fullNameEn: expect.stringContaining(pilgrim.givenNameEn) },
    });
    const after = (await compliance())!;
    expect(after.overstays).toBe(before.overstays + 1);
    expect(after.openViolations).toBe(before.openViolations + 1);
    expect(after.finesHalalas).toBe(before.finesHalalas + 2_500_000);
    expect(after.score).toBeLessThan(before.score);
  });

  it('publishes the violation once for the licence’s owner', async () => {
    const events = await packagesSql<{ payload: Record<string, unknown> }>(
      `select payload from outbox_event where type = 'ViolationRecorded' and payload->>'visaApplicationId' = ?`,
      [pilgrim.visa.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ companyId: safwa.id, type: 'OVERSTAY', fineHalalas: 2_500_000 });
  });

  it('records nothing more when the feed is drained again, re-read from the start, or replayed without its inbox', async () => {
    const settled = await compliance();
    expect(await graph.drainEvents()).toBe(0);
    // A lost position: every pilgrims event comes again; the inbox knows them all.
    await packagesSql(`delete from feed_position where source = 'pilgrims'`);
    expect(await graph.drainEvents()).toBe(0);
    expect(await violationsOfVisa()).toBe(1);
    // A consumer restarted from nothing (position and inbox lost): the handler runs again for every
    // event, and the keys on the visa application keep the violation and the counts single.
    await packagesSql(`delete from inbox_event where source = 'pilgrims'`);
    await packagesSql(`delete from feed_position where source = 'pilgrims'`);
    expect(await graph.drainEvents()).toBeGreaterThan(0);
    expect(await violationsOfVisa()).toBe(1);
    expect(await compliance()).toEqual(settled);
    // The overstay job runs again too: the visa is already OVERSTAYED, nothing new is emitted.
    await graph.subgraphs['pilgrims']!.runWorkers();
    expect(await graph.drainEvents()).toBe(0);
    expect(await violationsOfVisa()).toBe(1);
  });

  it('shows the record to the ministry and the company’s managers only', async () => {
    expect((await compliance(as.manager(safwa.id)))!.overstays).toBeGreaterThan(0);
    expect(await compliance(as.manager(rawda.id))).toBeNull();
    const ranking = await graph.request<{
      complianceRanking: { edges: { node: { company: { id: string; nameEn: string } | null; score: number } }[] };
    }>(`{ complianceRanking(first: 100) { edges { node { score company { id nameEn } } } } }`, {}, as.supervisor());
    expect(ranking.errors).toBeUndefined();
    const names = ranking.data!.complianceRanking.edges.map((e) => e.node.company?.nameEn);
    expect(names).toContain(safwa.nameEn);
  });
});
