import { randomUUID } from 'node:crypto';
import { demoAgents, demoCompanies, demoId, demoProviders } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../src/dates';
import { loyaltySubgraph } from '../src/index';
import { ledgerDisagreements } from './support';

let sg: TestSubgraph;
const [safwa, rawda, bayt, noor, zamzam] = demoCompanies;
const marwa = demoCompanies.find((c) => c.loyaltyBalance === 0)!;
const laptops = demoId('loyalty-reward:laptops');
const today = riyadhDate();

beforeAll(async () => {
  sg = await bootSubgraph(loyaltySubgraph, { demo: true });
});
afterAll(() => sg.close());

interface Progress {
  tier: string;
  pilgrimsLast12Months: number;
  multiplierPercent: number;
  nextTier: string | null;
  pilgrimsToNextTier: number | null;
  pointsToNextTier: number | null;
}
interface Account {
  id: string;
  balance: number;
  tier: string;
  company: { id: string };
  expiringSoon?: number;
  expiringSoonUntil?: string;
  expirySchedule?: { expiresOn: string; points: number }[];
  tierProgress?: Progress;
}
type EntityResult = { id: string; loyalty?: Account | null; balance?: number } | null;

const ACCOUNTS = `query($first: Int) {
  loyaltyAccounts(first: $first) { totalCount edges { node { id balance tier company { id } } } pageInfo { hasNextPage } }
}`;
const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Company { id loyalty { id balance tier company { id } } }
    ... on LoyaltyAccount { id balance }
  }
}`;
const LOYALTY = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Company { id loyalty {
      id balance tier expiringSoon expiringSoonUntil expirySchedule(first: 3) { expiresOn points }
      tierProgress { tier pilgrimsLast12Months multiplierPercent nextTier pilgrimsToNextTier pointsToNextTier }
      ledger(first: 5) { totalCount edges { node { line kind cause points balanceAfter rule { version } } } }
    } }
  }
}`;
const companyRefs = (...ids: string[]) => ids.map((id) => ({ __typename: 'Company', id }));

async function loyaltyOf(companyId: string, viewer: Viewer = as.supervisor()): Promise<Account | null> {
  const r = await sg.request<{ _entities: EntityResult[] }>(LOYALTY, { r: companyRefs(companyId) }, viewer);
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0]?.loyalty ?? null;
}

describe('the demo programme', () => {
  it('gives each company with points its demo balance, a tier from its pilgrims of 12 months, and books that agree', async () => {
    const r = await sg.request<{ loyaltyAccounts: { totalCount: number; edges: { node: Account }[] } }>(
      ACCOUNTS,
      { first: 100 },
      as.supervisor(),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.loyaltyAccounts.totalCount).toBe(demoCompanies.filter((c) => c.loyaltyBalance > 0).length);
    const byCompany = new Map(r.data!.loyaltyAccounts.edges.map((e) => [e.node.company.id, e.node]));
    expect([safwa, rawda, bayt, noor, zamzam].map((c) => byCompany.get(c!.id)?.balance)).toEqual(
      [safwa, rawda, bayt, noor, zamzam].map((c) => c!.loyaltyBalance),
    );
    expect([safwa, rawda, bayt, noor, zamzam].map((c) => byCompany.get(c!.id)?.tier)).toEqual([
      'PLATINUM',
      'GOLD',
      'BRONZE',
      'SILVER',
      'GOLD',
    ]);
    expect(byCompany.has(marwa.id)).toBe(false);
    expect(await ledgerDisagreements(sg.db)).toEqual([]);
  });

  it('shows a manager what expires when and the way to the next tier', async () => {
    const account = (await loyaltyOf(rawda!.id, as.manager(rawda!.id)))!;
    // What is left of the older balance expires within the 90-day notice period.
    expect(account.expiringSoon).toBeGreaterThan(0);
    expect(account.expiringSoonUntil).toBe(addDays(today, 90));
    expect(account.expirySchedule![0]!.points).toBe(account.expiringSoon);
    expect(account.expirySchedule!.reduce((sum, e) => sum + e.points, 0)).toBe(account.balance);
    expect(account.tierProgress).toEqual({
      tier: 'GOLD',
      pilgrimsLast12Months: 769,
      multiplierPercent: 125,
      nextTier: 'PLATINUM',
      pilgrimsToNextTier: 1250 - 769,
      // 12 points per pilgrim at Gold's 125%.
      pointsToNextTier: (1250 - 769) * 15,
    });
  });

  it('costs the same number of statements for the loyalty of 1 company as for 5', async () => {
    const cost = async (ids: string[]): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await sg.request(LOYALTY, { r: companyRefs(...ids) }, as.supervisor());
      expect(r.errors).toBeUndefined();
      return sg.db.statementCount - before;
    };
    const one = await cost([safwa!.id]);
    const five = await cost([safwa, rawda, bayt, noor, zamzam].map((c) => c!.id));
    expect(five).toBe(one);
  });
});

describe('Company.loyalty and references', () => {
  it('gives a manager their own account and null for another company’s; agents, providers and strangers nothing', async () => {
    const r = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(rawda!.id, safwa!.id) },
      as.manager(rawda!.id),
    );
    expect(r.data!._entities[0]?.loyalty).toMatchObject({ balance: rawda!.loyaltyBalance, company: { id: rawda!.id } });
    expect(r.data!._entities[1]).toEqual({ id: safwa!.id, loyalty: null });
    for (const viewer of [as.agent(demoAgents[0]!.id), as.provider(demoProviders[0]!.id)]) {
      const other = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r: companyRefs(safwa!.id) }, viewer);
      expect(other.data!._entities).toEqual([{ id: safwa!.id, loyalty: null }]);
    }
    const anonymous = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r: companyRefs(safwa!.id) }, null);
    expect(anonymous.data!._entities).toEqual([null]);
  });

  it('resolves an account reference for the ministry and its own manager only, exactly like a missing one otherwise', async () => {
    const account = (await loyaltyOf(noor!.id))!;
    const r = [
      { __typename: 'LoyaltyAccount', id: account.id },
      { __typename: 'LoyaltyAccount', id: '0190a0c4-0000-7000-8000-000000000000' },
    ];
    const ids = (res: GraphQLResponse<{ _entities: EntityResult[] }>) => res.data!._entities.map((e) => e?.id ?? null);
    expect(ids(await sg.request(ENTITIES, { r }, as.officer()))).toEqual([account.id, null]);
    expect(ids(await sg.request(ENTITIES, { r }, as.manager(noor!.id)))).toEqual([account.id, null]);
    expect(ids(await sg.request(ENTITIES, { r }, as.manager(safwa!.id)))).toEqual([null, null]);
    expect(ids(await sg.request(ENTITIES, { r }, as.agent(demoAgents[0]!.id)))).toEqual([null, null]);
  });
});

type Who = 'supervisor' | 'officer' | 'manager' | 'agent' | 'provider' | 'anonymous';
const WHO: Record<Who, () => Viewer | null> = {
  supervisor: () => as.supervisor(),
  officer: () => as.officer(),
  manager: () => as.manager(bayt!.id),
  agent: () => as.agent(demoAgents[0]!.id),
  provider: () => as.provider(demoProviders[0]!.id),
  anonymous: () => null,
};
const MINISTRY: Who[] = ['supervisor', 'officer'];

/**
 * Every root operation of the subgraph with the roles that may call it. Inputs point at a missing
 * object where possible, so a permitted role reaches the service (and gets, at worst, NOT FOUND).
 */
const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown>; allowed: Who[] }[] = [
  { name: 'loyaltyAccounts', query: `{ loyaltyAccounts(first: 1) { totalCount } }`, allowed: MINISTRY },
  { name: 'loyaltyEarningRules', query: `{ loyaltyEarningRules { version } }`, allowed: [...MINISTRY, 'manager'] },
  {
    name: 'loyaltyEarningRulesHistory',
    query: `{ loyaltyEarningRulesHistory { version } }`,
    allowed: [...MINISTRY, 'manager'],
  },
  { name: 'loyaltyRewards', query: `{ loyaltyRewards(first: 5) { totalCount } }`, allowed: [...MINISTRY, 'manager'] },
  { name: 'loyaltyReward', query: `{ loyaltyReward(id: "${laptops}") { id } }`, allowed: [...MINISTRY, 'manager'] },
  {
    name: 'loyaltyRedemptions',
    query: `{ loyaltyRedemptions(first: 5) { totalCount } }`,
    allowed: [...MINISTRY, 'manager'],
  },
  {
    name: 'loyaltyRedemption',
    query: `{ loyaltyRedemption(id: "${randomUUID()}") { id } }`,
    allowed: [...MINISTRY, 'manager'],
  },
  {
    name: 'loyaltyProgrammeStatistics',
    query: `{ loyaltyProgrammeStatistics { accounts } }`,
    allowed: MINISTRY,
  },
  {
    name: 'setLoyaltyEarningRules',
    query: `mutation($i: SetLoyaltyEarningRulesInput!) { setLoyaltyEarningRules(input: $i) { version } }`,
    variables: {
      i: { season: '1449', reason: 'Announced for the next season', effectiveFrom: '2040-01-01T00:00:00Z' },
    },
    allowed: ['officer'],
  },
  {
    name: 'createLoyaltyReward',
    query: `mutation($i: CreateLoyaltyRewardInput!) { createLoyaltyReward(input: $i) { id } }`,
    variables: {
      i: {
        category: 'OTHER',
        nameAr: 'هدية',
        nameEn: 'Gift',
        descriptionAr: 'هدية',
        descriptionEn: 'A gift',
        costPoints: 10,
        stock: 1,
        activeFrom: '2040-01-01',
      },
    },
    allowed: ['officer'],
  },
  {
    name: 'updateLoyaltyReward',
    query: `mutation($i: UpdateLoyaltyRewardInput!) { updateLoyaltyReward(input: $i) { id } }`,
    variables: { i: { id: randomUUID(), stockChange: 1 } },
    allowed: ['officer'],
  },
  {
    name: 'adjustLoyaltyPoints',
    query: `mutation($i: AdjustLoyaltyPointsInput!) { adjustLoyaltyPoints(input: $i) { id } }`,
    variables: { i: { companyId: randomUUID(), points: 1, reason: 'Role table test' } },
    allowed: ['officer'],
  },
  {
    name: 'approveLoyaltyRedemption',
    query: `mutation($i: DecideLoyaltyRedemptionInput!) { approveLoyaltyRedemption(input: $i) { id } }`,
    variables: { i: { id: randomUUID() } },
    allowed: ['officer'],
  },
  {
    name: 'fulfilLoyaltyRedemption',
    query: `mutation($i: DecideLoyaltyRedemptionInput!) { fulfilLoyaltyRedemption(input: $i) { id } }`,
    variables: { i: { id: randomUUID() } },
    allowed: ['officer'],
  },
  {
    name: 'rejectLoyaltyRedemption',
    query: `mutation($i: RejectLoyaltyRedemptionInput!) { rejectLoyaltyRedemption(input: $i) { id } }`,
    variables: { i: { id: randomUUID(), reason: 'Role table test' } },
    allowed: ['officer'],
  },
  {
    name: 'requestLoyaltyRedemption',
    query: `mutation($i: RequestLoyaltyRedemptionInput!) { requestLoyaltyRedemption(input: $i) { id } }`,
    variables: { i: { rewardId: randomUUID(), quantity: 1 } },
    allowed: ['manager'],
  },
  {
    name: 'cancelLoyaltyRedemption',
    query: `mutation($id: ID!) { cancelLoyaltyRedemption(id: $id) { id } }`,
    variables: { id: randomUUID() },
    allowed: ['manager'],
  },
];

const TABLES = [
  'loyalty_account',
  'loyalty_ledger_entry',
  'loyalty_points_lot',
  'loyalty_reward',
  'loyalty_redemption',
  'loyalty_earning_rules',
];
async function tableSizes(): Promise<number[]> {
  const conn = sg.db.fork().getConnection();
  return Promise.all(
    TABLES.map(async (t) => Number((await conn.execute<{ n: string }[]>(`select count(*) as n from ${t}`))[0]!.n)),
  );
}

describe('who may do what: every operation × every role', () => {
  it('lets through exactly the roles each operation names, refusing others with FORBIDDEN (UNAUTHENTICATED anonymously)', async () => {
    const table: Record<string, Record<Who, string>> = {};
    for (const op of OPERATIONS) {
      table[op.name] = {} as Record<Who, string>;
      for (const who of Object.keys(WHO) as Who[]) {
        const r = await sg.request(op.query, op.variables ?? {}, WHO[who]());
        const refused = codes(r).find((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
        table[op.name]![who] = refused ?? 'allowed';
      }
    }
    const expected = Object.fromEntries(
      OPERATIONS.map((op) => [
        op.name,
        Object.fromEntries(
          (Object.keys(WHO) as Who[]).map((who) => [
            who,
            op.allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
          ]),
        ),
      ]),
    );
    expect(table).toEqual(expected);
  });

  it('changes nothing when a supervisor tries any mutation', async () => {
    const before = await tableSizes();
    for (const op of OPERATIONS.filter((o) => o.query.startsWith('mutation'))) {
      expect(codes(await sg.request(op.query, op.variables ?? {}, as.supervisor()))).toEqual(['FORBIDDEN']);
    }
    expect(await tableSizes()).toEqual(before);
  });

  it('shows a manager only the rewards active today and only their own company’s requests', async () => {
    const rewards = await sg.request<{ loyaltyRewards: { edges: { node: { nameEn: string; active: boolean } }[] } }>(
      `{ loyaltyRewards(first: 50, filter: { includeInactive: true }) { edges { node { nameEn active } } } }`,
      {},
      as.manager(safwa!.id),
    );
    expect(rewards.data!.loyaltyRewards.edges.every((e) => e.node.active)).toBe(true);
    expect(rewards.data!.loyaltyRewards.edges.map((e) => e.node.nameEn)).not.toContain('A place at ITB Berlin');
    const ministry = await sg.request<{ loyaltyRewards: { edges: { node: { nameEn: string } }[] } }>(
      `{ loyaltyRewards(first: 50, filter: { includeInactive: true }) { edges { node { nameEn } } } }`,
      {},
      as.supervisor(),
    );
    expect(ministry.data!.loyaltyRewards.edges.map((e) => e.node.nameEn)).toContain('A place at ITB Berlin');
    const own = await sg.request<{ loyaltyRedemptions: { edges: { node: { company: { id: string } } }[] } }>(
      `query($f: LoyaltyRedemptionFilter) { loyaltyRedemptions(first: 50, filter: $f) { edges { node { company { id } } } } }`,
      { f: { companyId: rawda!.id } },
      as.manager(safwa!.id),
    );
    expect(own.data!.loyaltyRedemptions.edges).toEqual([]);
    const all = await sg.request<{ loyaltyRedemptions: { edges: { node: { company: { id: string } } }[] } }>(
      `{ loyaltyRedemptions(first: 50) { edges { node { company { id } } } } }`,
      {},
      as.manager(safwa!.id),
    );
    expect(new Set(all.data!.loyaltyRedemptions.edges.map((e) => e.node.company.id))).toEqual(new Set([safwa!.id]));
  });
});

describe('a redemption through the API', () => {
  const REQUEST = `mutation($i: RequestLoyaltyRedemptionInput!) {
    requestLoyaltyRedemption(input: $i) { id status points quantity reward { id nameEn } }
  }`;

  it('goes from the manager’s request to the officer’s fulfilment, the points held once and shown on the ledger', async () => {
    const manager = as.manager(zamzam!.id);
    const before = (await loyaltyOf(zamzam!.id, manager))!;
    const requested = await sg.request<{ requestLoyaltyRedemption: { id: string; status: string; points: number } }>(
      REQUEST,
      { i: { rewardId: laptops, quantity: 2 } },
      manager,
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestLoyaltyRedemption).toMatchObject({ status: 'REQUESTED', points: 5_000 });
    const id = requested.data!.requestLoyaltyRedemption.id;
    const held = (await loyaltyOf(zamzam!.id, manager))!;
    expect(held.balance).toBe(before.balance - 5_000);
    expect(held.tierProgress).toEqual(before.tierProgress);
    const ledger = (held as unknown as { ledger: { edges: { node: { kind: string; points: number } }[] } }).ledger;
    expect(ledger.edges[0]!.node).toMatchObject({ kind: 'REDEEM', points: -5_000 });

    const officer = as.officer();
    const approve = await sg.request<{ approveLoyaltyRedemption: { status: string } }>(
      `mutation($i: DecideLoyaltyRedemptionInput!) { approveLoyaltyRedemption(input: $i) { status } }`,
      { i: { id, note: 'Approved' } },
      officer,
    );
    expect(approve.data!.approveLoyaltyRedemption.status).toBe('APPROVED');
    const fulfil = await sg.request<{ fulfilLoyaltyRedemption: { status: string; fulfilmentNote: string } }>(
      `mutation($i: DecideLoyaltyRedemptionInput!) { fulfilLoyaltyRedemption(input: $i) { status fulfilmentNote } }`,
      { i: { id, note: 'Courier 7781' } },
      officer,
    );
    expect(fulfil.data!.fulfilLoyaltyRedemption).toEqual({ status: 'FULFILLED', fulfilmentNote: 'Courier 7781' });
    expect((await loyaltyOf(zamzam!.id, manager))!.balance).toBe(before.balance - 5_000);
  });

  it('answers a retried request with the same idempotency key with the first, holding the points once', async () => {
    const manager = as.manager(zamzam!.id);
    const KEYED = `mutation($i: RequestLoyaltyRedemptionInput!, $k: String) {
      requestLoyaltyRedemption(input: $i, idempotencyKey: $k) { id points }
    }`;
    const before = (await loyaltyOf(zamzam!.id, manager))!.balance;
    const first = await sg.request<{ requestLoyaltyRedemption: { id: string; points: number } }>(
      KEYED,
      { i: { rewardId: laptops, quantity: 1 }, k: 'redeem-laptop-1' },
      manager,
    );
    const again = await sg.request<{ requestLoyaltyRedemption: { id: string; points: number } }>(
      KEYED,
      { i: { rewardId: laptops, quantity: 1 }, k: 'redeem-laptop-1' },
      manager,
    );
    expect(again.data!.requestLoyaltyRedemption.id).toBe(first.data!.requestLoyaltyRedemption.id);
    expect((await loyaltyOf(zamzam!.id, manager))!.balance).toBe(before - first.data!.requestLoyaltyRedemption.points);
    const blank = await sg.request(KEYED, { i: { rewardId: laptops, quantity: 1 }, k: ' ' }, manager);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    // Withdrawn again, so the tests after this one find the account as it was.
    const cancelled = await sg.request(
      `mutation($id: ID!) { cancelLoyaltyRedemption(id: $id) { status } }`,
      { id: first.data!.requestLoyaltyRedemption.id },
      manager,
    );
    expect(cancelled.errors).toBeUndefined();
    expect((await loyaltyOf(zamzam!.id, manager))!.balance).toBe(before);
  });

  it('explains a refusal with a code and, for bad input, the field', async () => {
    const tooMany = await sg.request(REQUEST, { i: { rewardId: laptops, quantity: 1000 } }, as.manager(bayt!.id));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity' });
    const broke = await sg.request(
      REQUEST,
      { i: { rewardId: demoId('loyalty-reward:itb-berlin') } },
      as.manager(bayt!.id),
    );
    expect(broke.errors?.[0]?.extensions).toMatchObject({ code: 'REWARD_NOT_AVAILABLE', field: 'input.rewardId' });
    const dear = await sg.request(
      REQUEST,
      { i: { rewardId: demoId('loyalty-reward:atm-dubai') } },
      as.manager(bayt!.id),
    );
    expect(dear.errors?.[0]?.message).toBe('This needs 6,000 points and the balance is 2,310.');
    expect(codes(dear)).toEqual(['INSUFFICIENT_POINTS']);
  });

  it('exports the manager’s statement and lists the ministry’s programme figures', async () => {
    const r = await sg.request<{
      _entities: {
        loyalty: { statement: { openingBalance: number; closingBalance: number; entryCount: number; csv: string } };
      }[];
    }>(
      `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Company {
        loyalty { statement(from: $from, to: $to) { openingBalance closingBalance entryCount csv } } } } }`,
      { r: companyRefs(zamzam!.id), from: addDays(today, -365), to: today },
      as.manager(zamzam!.id),
    );
    expect(r.errors).toBeUndefined();
    const s = r.data!._entities[0]!.loyalty.statement;
    expect(s.csv.trimEnd().split('\r\n')).toHaveLength(s.entryCount + 1);
    expect(s.closingBalance).toBe(zamzam!.loyaltyBalance - 5_000);
    const stats = await sg.request<{
      loyaltyProgrammeStatistics: {
        accounts: number;
        pointsOutstanding: number;
        byTier: { tier: string; accounts: number }[];
        byMonth: { month: string }[];
        redemptionsByStatus: { status: string; requests: number }[];
        topRewards: { reward: { id: string }; units: number }[];
      };
    }>(
      `{ loyaltyProgrammeStatistics(months: 6) { accounts pointsOutstanding byTier { tier accounts } byMonth { month }
          redemptionsByStatus { status requests } topRewards { reward { id } units } } }`,
      {},
      as.supervisor(),
    );
    expect(stats.errors).toBeUndefined();
    const figures = stats.data!.loyaltyProgrammeStatistics;
    expect(figures.byMonth).toHaveLength(6);
    expect(figures.byMonth.at(-1)!.month).toBe(today.slice(0, 7));
    expect(figures.byTier.reduce((sum, t) => sum + t.accounts, 0)).toBe(figures.accounts);
    expect(figures.topRewards[0]).toEqual({ reward: { id: laptops }, units: 4 });
    expect(figures.redemptionsByStatus.find((s) => s.status === 'FULFILLED')?.requests).toBe(2);
  });

  it('leaves the books in agreement', async () => {
    expect(await ledgerDisagreements(sg.db)).toEqual([]);
  });
});
