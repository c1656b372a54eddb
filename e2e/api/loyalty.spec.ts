import { randomInt } from 'node:crypto';
import { companiesSubgraph } from '@umrah/companies';
import { demoAgents, demoCompanies, demoId } from '@umrah/demo';
import { startConsumer, type EventHandler } from '@umrah/events';
import { EARNING_EVENT_TYPES, loyaltySubgraph, pilgrimsEventHandler } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, codes, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Al-Barakat through the whole graph: registrations in the pilgrims subgraph earn points in the
 * loyalty subgraph by events, exactly once each, whatever the delivery does; a reward goes from
 * the manager's request to the officer's fulfilment through the gateway.
 */
let graph: TestGraph;
const safwa = demoCompanies[0]!;
const agentId = demoAgents.find((a) => a.companyIds.includes(safwa.id))!.id;
const manager = as.manager(safwa.id);

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
  // Licences and contracts reach the pilgrims subgraph; nothing is registered yet.
  await graph.drainEvents();
}, 180_000);
afterAll(() => graph?.close());

const loyaltyDb = () => graph.subgraphs['loyalty']!.db;
const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> =>
  loyaltyDb().fork().getConnection().execute<T[]>(text, params);

interface Standing {
  balance: number;
  tierProgress: { tier: string; pilgrimsLast12Months: number; multiplierPercent: number; nextTierFrom: number | null };
}

async function standing(): Promise<Standing> {
  const r = await graph.request<{ company: { nameEn: string; loyalty: Standing } }>(
    `query($id: ID!) { company(id: $id) { nameEn loyalty { balance tierProgress { tier pilgrimsLast12Months multiplierPercent nextTierFrom } } } }`,
    { id: safwa.id },
    manager,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.company.nameEn).toBe(safwa.nameEn); // the companies subgraph's field beside loyalty's
  return r.data!.company.loyalty;
}

const pilgrimRow = (): Record<string, unknown> => ({
  givenNameAr: 'محمد',
  fatherNameAr: 'أحمد',
  grandfatherNameAr: 'علي',
  familyNameAr: 'خان',
  givenNameEn: 'Muhammad',
  fatherNameEn: 'Ahmad',
  grandfatherNameEn: 'Ali',
  familyNameEn: 'Khan',
  passportNumber: `LY${randomInt(10_000_000, 99_999_999)}`,
  nationality: 'PK',
  dateOfBirth: '1980-04-02',
  sex: 'MALE',
  passportIssuedOn: '2021-01-01',
  passportExpiresOn: '2035-01-01',
});

describe('points for registered pilgrims, exactly once', () => {
  it('earns exactly N × rate for N pilgrims, with every event delivered twice and a consumer restarted mid-stream', async () => {
    const SINGLE = 10;
    const BULK = 30;
    const N = SINGLE + BULK;
    const rules = await graph.request<{ loyaltyEarningRules: { version: number; pointsPerPilgrim: number } }>(
      `{ loyaltyEarningRules { version pointsPerPilgrim } }`,
      {},
      manager,
    );
    const before = await standing();
    // The rate is the rule's points at the company's tier; N must not lift it to the next tier.
    const rate = Math.floor(
      (rules.data!.loyaltyEarningRules.pointsPerPilgrim * before.tierProgress.multiplierPercent) / 100,
    );
    const next = before.tierProgress.nextTierFrom;
    expect(next === null || before.tierProgress.pilgrimsLast12Months + N < next).toBe(true);

    // N registrations in the pilgrims subgraph: one at a time by the agent, and one bulk call by the manager.
    for (let i = 0; i < SINGLE; i++) {
      const r = await graph.request(
        `mutation($input: RegisterPilgrimInput!) { registerPilgrim(input: $input) { id } }`,
        { input: { companyId: safwa.id, ...pilgrimRow() } },
        as.agent(agentId),
      );
      expect(r.errors).toBeUndefined();
    }
    const bulk = await graph.request<{ registerPilgrims: { registeredCount: number } }>(
      `mutation($input: RegisterPilgrimsInput!) { registerPilgrims(input: $input) { registeredCount } }`,
      { input: { companyId: safwa.id, rows: Array.from({ length: BULK }, pilgrimRow) } },
      manager,
    );
    expect(bulk.errors).toBeUndefined();
    expect(bulk.data!.registerPilgrims.registeredCount).toBe(BULK);

    const pilgrims = graph.subgraphs['pilgrims']!;
    const feed = { feedUrl: new URL('/events', pilgrims.url).toString(), secret: pilgrims.secret };

    // 1. A consumer (it starts reading at once) crashes on its 13th event: the batches it finished are
    //    committed, the batch it crashed in is not — the ledger and the balance agree, and nothing more.
    let handled = 0;
    const crashing: EventHandler = async (em, event) => {
      if (handled === 12) throw new Error('consumer process killed');
      await pilgrimsEventHandler(em, event);
      handled += 1;
    };
    const first = startConsumer({
      db: loyaltyDb(),
      source: 'pilgrims',
      handler: crashing,
      types: EARNING_EVENT_TYPES,
      batchSize: 5,
      intervalMs: 3_600_000,
      ...feed,
    });
    await expect(first.drain()).rejects.toThrow('consumer process killed');
    await first.stop();
    const [committed] = await sql<{ n: string }>(
      `select count(*) as n from loyalty_ledger_entry e join loyalty_account a on a.id = e.account_id
        where a.company_id = ? and e.cause = 'PILGRIM_REGISTERED'`,
      [safwa.id],
    );
    const committedLines = Number(committed!.n);
    expect(committedLines).toBeGreaterThan(0);
    expect(committedLines).toBeLessThan(12);
    expect((await standing()).balance - before.balance).toBe(committedLines * rate);

    // 2. It restarts from its saved position and applies the rest.
    const restarted = startConsumer({
      db: loyaltyDb(),
      source: 'pilgrims',
      handler: pilgrimsEventHandler,
      types: EARNING_EVENT_TYPES,
      batchSize: 7,
      intervalMs: 3_600_000,
      ...feed,
    });
    await restarted.drain();
    await restarted.stop();
    const once = (await standing()).balance - before.balance;
    expect(once).toBe(N * rate);

    // 3. Delivered a second time: the position is lost and the subgraph's own consumer reads the feed from the start.
    await sql(`delete from feed_position where source = 'pilgrims'`);
    expect(await graph.subgraphs['loyalty']!.drainEvents()).toBe(0);
    // 4. And a third time, by a consumer with its own inbox: the ledger refuses a second accrual per event.
    const replay = startConsumer({
      db: loyaltyDb(),
      source: 'pilgrims-replay',
      handler: pilgrimsEventHandler,
      types: EARNING_EVENT_TYPES,
      intervalMs: 3_600_000,
      ...feed,
    });
    await replay.drain();
    await replay.stop();
    const [replayed] = await sql<{ n: string }>(
      `select count(*) as n from inbox_event where source = 'pilgrims-replay'`,
    );
    expect(Number(replayed!.n)).toBeGreaterThanOrEqual(N);

    const after = await standing();
    const earned = after.balance - before.balance;
    expect(earned).toBe(N * rate);
    const [lines] = await sql<{ n: string; total: string }>(
      `select count(*) as n, sum(points) as total from loyalty_ledger_entry e join loyalty_account a on a.id = e.account_id
        where a.company_id = ? and e.cause = 'PILGRIM_REGISTERED'`,
      [safwa.id],
    );
    expect(Number(lines!.n)).toBe(N);
    expect(Number(lines!.total)).toBe(N * rate);
    const [books] = await sql<{ balance: number; total: string }>(
      `select a.balance, (select sum(points) from loyalty_ledger_entry e where e.account_id = a.id) as total
         from loyalty_account a where a.company_id = ?`,
      [safwa.id],
    );
    expect(Number(books!.total)).toBe(Number(books!.balance));
    console.log(
      `[loyalty] ${N} pilgrims (${SINGLE} single, ${BULK} bulk) at ${rate} points (rules v${rules.data!.loyaltyEarningRules.version}, ${before.tierProgress.tier} ×${before.tierProgress.multiplierPercent}%): ` +
        `expected ${N * rate}, after crash at 12 + restart ${once}, after two redeliveries ${earned}; ledger lines ${lines!.n}`,
    );
  });
});

describe('a reward through the gateway', () => {
  it('goes from the manager’s request to the officer’s fulfilment; a supervisor can only watch', async () => {
    const before = (await standing()).balance;
    const requested = await graph.request<{ requestLoyaltyRedemption: { id: string; status: string; points: number } }>(
      `mutation($i: RequestLoyaltyRedemptionInput!) { requestLoyaltyRedemption(input: $i) { id status points } }`,
      { i: { rewardId: demoId('loyalty-reward:switch'), quantity: 1 } },
      manager,
    );
    expect(requested.errors).toBeUndefined();
    const { id, points } = requested.data!.requestLoyaltyRedemption;
    expect((await standing()).balance).toBe(before - points);

    const decide = (name: string, viewer = as.officer()) =>
      graph.request<Record<string, { status: string }>>(
        `mutation($i: DecideLoyaltyRedemptionInput!) { ${name}(input: $i) { status } }`,
        { i: { id } },
        viewer,
      );
    expect(codes(await decide('approveLoyaltyRedemption', as.supervisor()))).toEqual(['FORBIDDEN']);
    expect((await decide('approveLoyaltyRedemption')).data!['approveLoyaltyRedemption']!.status).toBe('APPROVED');
    expect((await decide('fulfilLoyaltyRedemption')).data!['fulfilLoyaltyRedemption']!.status).toBe('FULFILLED');

    const queue = await graph.request<{
      loyaltyRedemptions: { edges: { node: { id: string; status: string; company: { nameEn: string } } }[] };
    }>(
      `{ loyaltyRedemptions(first: 100, filter: { statuses: [FULFILLED] }) { edges { node { id status company { nameEn } } } } }`,
      {},
      as.supervisor(),
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.loyaltyRedemptions.edges.find((e) => e.node.id === id)?.node).toEqual({
      id,
      status: 'FULFILLED',
      company: { nameEn: safwa.nameEn },
    });
    expect((await standing()).balance).toBe(before - points);
  });
});
