import { DEMO_PASSWORD, demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import { as, bootSubgraph, codes, postGraphQL, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companiesSubgraph } from '../src/index';

let sg: TestSubgraph;
const [safwa, rawda, bayt] = demoCompanies;

beforeAll(async () => {
  sg = await bootSubgraph(companiesSubgraph, { demo: true });
});
afterAll(() => sg.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken expiresAt viewer { role company { id nameEn } agent { id } provider { id } } } }`;

describe('sign-in', () => {
  it('gives a manager a token and their company', async () => {
    const r = await sg.request<{ login: { accessToken: string; viewer: { role: string; company: { id: string } } } }>(
      LOGIN,
      {
        input: { email: 'MANAGER@safwa.demo', password: DEMO_PASSWORD },
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.login.viewer).toMatchObject({ role: 'COMPANY_MANAGER', company: { id: safwa!.id } });
    const me = await sg.request<{ me: { role: string } }>(
      '{ me { role company { id } } }',
      {},
      r.data!.login.accessToken,
    );
    expect(me.data?.me).toEqual({ role: 'COMPANY_MANAGER', company: { id: safwa!.id } });
  });

  it('links agent and provider accounts to their party', async () => {
    const agent = await sg.request<{ login: { viewer: { agent: { id: string } } } }>(LOGIN, {
      input: { email: 'agent@nusantara.demo', password: DEMO_PASSWORD },
    });
    expect(agent.data?.login.viewer.agent.id).toBe(demoAgents[0]!.id);
    const provider = await sg.request<{ login: { viewer: { provider: { id: string } } } }>(LOGIN, {
      input: { email: 'provider@makkahtowers.demo', password: DEMO_PASSWORD },
    });
    expect(provider.data?.login.viewer.provider.id).toBe(demoProviders[0]!.id);
  });

  it('refuses a wrong password and an unknown email with the same code', async () => {
    const wrong = await sg.request(LOGIN, { input: { email: 'officer@ministry.demo', password: 'nope' } });
    const unknown = await sg.request(LOGIN, { input: { email: 'nobody@ministry.demo', password: 'nope' } });
    expect(codes(wrong)).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(unknown)).toEqual(['INVALID_CREDENTIALS']);
    expect(wrong.data).toBeNull();
  });

  it('throttles repeated failures for one account', async () => {
    const input = { email: 'manager@bayt.demo', password: 'wrong-password' };
    for (let i = 0; i < 5; i++) expect(codes(await sg.request(LOGIN, { input }))).toEqual(['INVALID_CREDENTIALS']);
    const blocked = await sg.request(LOGIN, { input: { ...input, password: DEMO_PASSWORD } });
    expect(codes(blocked)).toEqual(['TOO_MANY_ATTEMPTS']);
  });

  it('treats a forged token as anonymous', async () => {
    const r = await sg.request<{ me: null }>(
      '{ me { role } }',
      {},
      'eyJhbGciOiJub25lIn0.eyJyb2xlIjoiTUlOSVNUUllfT0ZGSUNFUiJ9.',
    );
    expect(r.data?.me).toBeNull();
  });
});

describe('slices', () => {
  const LIST = `query($first: Int, $filter: CompanyFilter) { companies(first: $first, filter: $filter) { totalCount edges { node { id license { status } } } pageInfo { hasNextPage endCursor } } }`;

  it('shows the ministry every company and derives licence status', async () => {
    const r = await sg.request<{
      companies: { totalCount: number; edges: { node: { id: string; license: { status: string } } }[] };
    }>(LIST, {}, as.supervisor());
    expect(r.data?.companies.totalCount).toBe(demoCompanies.length);
    const statuses = Object.fromEntries(r.data!.companies.edges.map((e) => [e.node.id, e.node.license.status]));
    expect(statuses[bayt!.id]).toBe('SUSPENDED');
  });

  it('filters by licence status in SQL', async () => {
    const r = await sg.request<{ companies: { totalCount: number } }>(
      LIST,
      { filter: { licenseStatus: 'SUSPENDED' } },
      as.officer(),
    );
    expect(r.data?.companies.totalCount).toBe(1);
  });

  it('pages with cursors', async () => {
    const first = await sg.request<{
      companies: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(LIST, { first: 4 }, as.supervisor());
    expect(first.data?.companies.pageInfo.hasNextPage).toBe(true);
    const next = await sg.request<{
      companies: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      `query($after: String) { companies(first: 4, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      { after: first.data!.companies.pageInfo.endCursor },
      as.supervisor(),
    );
    const ids = [...first.data!.companies.edges, ...next.data!.companies.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(demoCompanies.length);
    expect(next.data?.companies.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page larger than 100 naming the field', async () => {
    const r = await sg.request(LIST, { first: 101 }, as.supervisor());
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('shows a manager only their own company in the list', async () => {
    const r = await sg.request<{ companies: { totalCount: number; edges: { node: { id: string } }[] } }>(
      LIST,
      {},
      as.manager(rawda!.id),
    );
    expect(r.data?.companies.edges.map((e) => e.node.id)).toEqual([rawda!.id]);
    expect(r.data?.companies.totalCount).toBe(1);
  });

  it('forbids the list to agents and providers and asks anonymous callers to sign in', async () => {
    expect(codes(await sg.request(LIST, {}, as.agent(demoAgents[0]!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(LIST, {}, as.provider(demoProviders[0]!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(LIST, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('resolves entity references in one batch and hides them from anonymous callers', async () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { id nameEn } } }`;
    const representations = [safwa, rawda, bayt].map((c) => ({ __typename: 'Company', id: c!.id }));
    const before = sg.db.statementCount;
    const r = await sg.request<{ _entities: ({ id: string } | null)[] }>(
      ENTITIES,
      { r: representations },
      as.supervisor(),
    );
    expect(r.data?._entities.map((e) => e?.id)).toEqual([safwa!.id, rawda!.id, bayt!.id]);
    expect(sg.db.statementCount - before).toBe(1);
    const anonymous = await sg.request<{ _entities: null[] }>(ENTITIES, { r: representations }, null);
    expect(anonymous.data?._entities).toEqual([null, null, null]);
  });
});

describe('the subgraph answers only the gateway', () => {
  it('refuses _service and _entities without the secret', async () => {
    const r = await postGraphQL(sg.url, '{ _service { sdl } }', {}, as.supervisor());
    expect(r.status).toBe(403);
    const wrong = await postGraphQL(sg.url, '{ _service { sdl } }', {}, as.supervisor(), {
      'x-subgraph-secret': 'guess',
    });
    expect(wrong.status).toBe(403);
  });

  it('publishes its public keys for token verification', async () => {
    const jwks = (await (await fetch(new URL('/.well-known/jwks.json', sg.url))).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys[0]?.kid).toBe('test-key');
    expect(jwks.keys[0]?.d).toBeUndefined();
  });
});
