import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import { as, bootSubgraph, codes, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loyaltySubgraph } from '../src/index';

let sg: TestSubgraph;
const [safwa, rawda, bayt, noor, zamzam] = demoCompanies;
const marwa = demoCompanies.find((c) => c.loyaltyBalance === 0)!;

beforeAll(async () => {
  sg = await bootSubgraph(loyaltySubgraph, { demo: true });
});
afterAll(() => sg.close());

type Account = { id: string; balance: number; tier: string; company: { id: string } };
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
const companyRefs = (...ids: string[]) => ids.map((id) => ({ __typename: 'Company', id }));

async function accountOf(companyId: string): Promise<Account> {
  const r = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r: companyRefs(companyId) }, as.supervisor());
  return r.data!._entities[0]!.loyalty!;
}

describe('loyaltyAccounts', () => {
  it('shows the ministry every account with balance and tier', async () => {
    for (const viewer of [as.supervisor(), as.officer()]) {
      const r = await sg.request<{ loyaltyAccounts: { totalCount: number; edges: { node: Account }[] } }>(
        ACCOUNTS,
        { first: 100 },
        viewer,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.loyaltyAccounts.totalCount).toBe(demoCompanies.filter((c) => c.loyaltyBalance > 0).length);
      const safwaAccount = r.data!.loyaltyAccounts.edges.find((e) => e.node.company.id === safwa!.id)!.node;
      expect(safwaAccount).toMatchObject({ balance: 18450, tier: 'PLATINUM' });
    }
  });

  it('forbids managers, agents and providers and asks anonymous callers to sign in', async () => {
    expect(codes(await sg.request(ACCOUNTS, {}, as.manager(safwa!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(ACCOUNTS, {}, as.agent(demoAgents[0]!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(ACCOUNTS, {}, as.provider(demoProviders[0]!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(ACCOUNTS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a page larger than 100 naming the argument', async () => {
    const r = await sg.request(ACCOUNTS, { first: 101 }, as.supervisor());
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('Company.loyalty', () => {
  it('gives a manager their own account and null for another company’s', async () => {
    const r = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(rawda!.id, safwa!.id) },
      as.manager(rawda!.id),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities[0]?.loyalty).toMatchObject({
      balance: rawda!.loyaltyBalance,
      tier: 'SILVER',
      company: { id: rawda!.id },
    });
    expect(r.data!._entities[1]).toEqual({ id: safwa!.id, loyalty: null });
  });

  it('gives the supervisor every company’s account, and null for a company that has none', async () => {
    const r = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(safwa!.id, bayt!.id, marwa.id) },
      as.supervisor(),
    );
    expect(r.data!._entities.map((e) => e?.loyalty?.balance ?? null)).toEqual([
      safwa!.loyaltyBalance,
      bayt!.loyaltyBalance,
      null,
    ]);
    expect(r.data!._entities[1]?.loyalty?.tier).toBe('BRONZE');
  });

  it('gives agents and providers null and anonymous callers no company at all', async () => {
    const agent = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(safwa!.id) },
      as.agent(demoAgents[0]!.id),
    );
    expect(agent.data!._entities).toEqual([{ id: safwa!.id, loyalty: null }]);
    const provider = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(safwa!.id) },
      as.provider(demoProviders[0]!.id),
    );
    expect(provider.data!._entities).toEqual([{ id: safwa!.id, loyalty: null }]);
    const anonymous = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r: companyRefs(safwa!.id) }, null);
    expect(anonymous.data!._entities).toEqual([null]);
  });

  it('costs the same number of statements for 1 company as for 5', async () => {
    const cost = async (ids: string[]): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await sg.request(ENTITIES, { r: companyRefs(...ids) }, as.supervisor());
      expect(r.errors).toBeUndefined();
      return sg.db.statementCount - before;
    };
    const one = await cost([safwa!.id]);
    const five = await cost([safwa, rawda, bayt, noor, zamzam].map((c) => c!.id));
    expect(one).toBe(1);
    expect(five).toBe(one);
  });
});

describe('LoyaltyAccount references', () => {
  it('resolve for the ministry and the owning manager only, exactly like missing ones otherwise', async () => {
    const account = await accountOf(noor!.id);
    const r = [
      { __typename: 'LoyaltyAccount', id: account.id },
      { __typename: 'LoyaltyAccount', id: '0190a0c4-0000-7000-8000-000000000000' },
    ];
    const ids = (res: { data?: { _entities: EntityResult[] } | null }) => res.data!._entities.map((e) => e?.id ?? null);
    expect(ids(await sg.request(ENTITIES, { r }, as.officer()))).toEqual([account.id, null]);
    expect(ids(await sg.request(ENTITIES, { r }, as.manager(noor!.id)))).toEqual([account.id, null]);
    expect(ids(await sg.request(ENTITIES, { r }, as.manager(safwa!.id)))).toEqual([null, null]);
    expect(ids(await sg.request(ENTITIES, { r }, as.agent(demoAgents[0]!.id)))).toEqual([null, null]);
    expect(ids(await sg.request(ENTITIES, { r }, null))).toEqual([null, null]);
  });
});

describe('the database', () => {
  it('refuses to store a negative balance', async () => {
    const account = await accountOf(zamzam!.id);
    await expect(
      sg.db
        .fork()
        .getConnection()
        .execute('update loyalty_account set balance = balance - ? where id = ?', [
          zamzam!.loyaltyBalance + 1,
          account.id,
        ]),
    ).rejects.toThrow(/check constraint/);
    expect((await accountOf(zamzam!.id)).balance).toBe(zamzam!.loyaltyBalance);
  });
});
