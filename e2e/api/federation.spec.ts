import { DEMO_PASSWORD, demoCompanies, demoPilgrims } from '@umrah/demo';
import { companiesSubgraph } from '@umrah/companies';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, postGraphQL, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let graph: TestGraph;
const [safwa, rawda] = demoCompanies;
const pilgrims = demoPilgrims();
const safwaPilgrims = pilgrims.filter((p) => p.companyId === safwa!.id);
const rawdaPilgrim = pilgrims.find((p) => p.companyId === rawda!.id)!;

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
}, 180_000);
afterAll(() => graph?.close());

const OVERVIEW = `query Overview {
  me { role company {
    id nameEn license { status expiresOn }
    visaStats { total byStatus { status count } byNationality { nationality count } }
    pilgrims(first: 5) { totalCount edges { node { id nationality company { id } } } }
    packages(first: 10) { totalCount edges { node { id status priceHalalas company { id } } } }
    loyalty { balance tier company { id } }
  } } }`;

interface Overview {
  me: {
    role: string;
    company: {
      id: string;
      license: { status: string };
      visaStats: {
        total: number;
        byStatus: { status: string; count: number }[];
        byNationality: { nationality: string; count: number }[];
      };
      pilgrims: { totalCount: number; edges: { node: { id: string; company: { id: string } } }[] };
      packages: { totalCount: number; edges: { node: { id: string; company: { id: string } } }[] };
      loyalty: { balance: number; tier: string } | null;
    };
  };
}

describe('one query joins all four subgraphs', () => {
  it('gives a signed-in manager their overview', async () => {
    const token = await graph.login('manager@safwa.demo', DEMO_PASSWORD);
    const r = await graph.request<Overview>(OVERVIEW, {}, token);
    expect(r.errors).toBeUndefined();
    const company = r.data!.me.company;
    expect(company.id).toBe(safwa!.id);
    expect(company.license.status).toBe('ACTIVE');
    expect(company.visaStats.total).toBe(safwaPilgrims.length);
    expect(company.visaStats.byStatus.reduce((s, x) => s + x.count, 0)).toBe(safwaPilgrims.length);
    const indonesians = safwaPilgrims.filter((p) => p.nationality === 'ID').length;
    expect(company.visaStats.byNationality.find((n) => n.nationality === 'ID')?.count).toBe(indonesians);
    expect(company.pilgrims.totalCount).toBe(safwaPilgrims.length);
    expect(company.pilgrims.edges.every((e) => e.node.company.id === safwa!.id)).toBe(true);
    expect(company.packages.totalCount).toBeGreaterThan(0);
    expect(company.loyalty?.balance).toBe(safwa!.loyaltyBalance);
  });

  it('lists companies for a supervisor with figures from the other subgraphs', async () => {
    const r = await graph.request<{
      companies: {
        edges: { node: { id: string; visaStats: { total: number } | null; loyalty: { balance: number } | null } }[];
      };
    }>(
      `{ companies(first: 50) { edges { node { id nameAr visaStats { total } loyalty { balance } packages(first: 3) { totalCount } } } } }`,
      {},
      as.supervisor(),
    );
    expect(r.errors).toBeUndefined();
    const bySafwa = r.data!.companies.edges.find((e) => e.node.id === safwa!.id)!;
    expect(bySafwa.node.visaStats?.total).toBe(safwaPilgrims.length);
    expect(r.data!.companies.edges).toHaveLength(demoCompanies.length);
  });
});

describe('tenant isolation: manager A cannot read company B through any path', () => {
  const A = () => as.manager(safwa!.id);

  it('sees B’s public registry entry but none of B’s business data', async () => {
    const r = await graph.request<{ company: Record<string, unknown> }>(
      `query($id: ID!) { company(id: $id) { id nameEn visaStats { total } pilgrims(first: 5) { totalCount } packages(first: 5) { totalCount } loyalty { balance } } }`,
      { id: rawda!.id },
      A(),
    );
    expect(r.data?.company).toEqual({
      id: rawda!.id,
      nameEn: rawda!.nameEn,
      visaStats: null,
      pilgrims: null,
      packages: null,
      loyalty: null,
    });
  });

  it('gets null for B’s pilgrim by id, exactly like a missing one', async () => {
    const q = `query($id: ID!) { pilgrim(id: $id) { id passportNumber } }`;
    const foreign = await graph.request<{ pilgrim: null }>(q, { id: rawdaPilgrim.id }, A());
    const missing = await graph.request<{ pilgrim: null }>(q, { id: '00000000-0000-7000-8000-000000000000' }, A());
    expect(foreign).toEqual(missing);
    expect(foreign.data?.pilgrim).toBeNull();
  });

  it('lists only A’s pilgrims', async () => {
    const r = await graph.request<{ pilgrims: { totalCount: number; edges: { node: { company: { id: string } } }[] } }>(
      `{ pilgrims(first: 100) { totalCount edges { node { company { id } } } } }`,
      {},
      A(),
    );
    expect(r.data?.pilgrims.totalCount).toBe(safwaPilgrims.length);
    expect(new Set(r.data?.pilgrims.edges.map((e) => e.node.company.id))).toEqual(new Set([safwa!.id]));
  });

  it('gets null from _entities for B’s objects even when calling the subgraph with its secret', async () => {
    const sg = graph.subgraphs['pilgrims']!;
    const r = await sg.request<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Pilgrim { id passportNumber } ... on Company { id visaStats { total } } } }`,
      {
        r: [
          { __typename: 'Pilgrim', id: rawdaPilgrim.id },
          { __typename: 'Company', id: rawda!.id },
        ],
      },
      A(),
    );
    expect(r.data?._entities).toEqual([null, { id: rawda!.id, visaStats: null }]);
  });

  it('cannot reach a subgraph without the gateway’s secret', async () => {
    for (const sg of Object.values(graph.subgraphs)) {
      const r = await postGraphQL(sg.url, '{ _service { sdl } }', {}, as.supervisor());
      expect(r.status, sg.name).toBe(403);
    }
  });

  it('passes a subgraph’s coded error through the gateway unchanged', async () => {
    const r = await graph.request(
      `mutation { login(input: { email: "nobody@x.demo", password: "p" }) { accessToken } }`,
    );
    expect(r.errors?.[0]).toMatchObject({
      message: 'The email or password is not correct.',
      extensions: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('refuses a page size over 100 through the gateway with the field named', async () => {
    const r = await graph.request(`{ pilgrims(first: 500) { totalCount } }`, {}, as.supervisor());
    expect(r.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('no N+1: SQL statements do not grow with rows', () => {
  async function statements(query: string, caller: Parameters<TestGraph['request']>[2]): Promise<number> {
    const before = graph.statementCount();
    const r = await graph.request<{ me?: { company: unknown } }>(query, {}, caller);
    expect(r.errors).toBeUndefined();
    if ('me' in (r.data ?? {})) expect(r.data?.me?.company).toBeTruthy();
    return graph.statementCount() - before;
  }

  it('costs the same for a page of 2 companies and a page of 6 with all federated fields', async () => {
    const q = (n: number) =>
      `{ companies(first: ${n}) { edges { node { id license { status } visaStats { total byStatus { status count } } pilgrims(first: 3) { totalCount edges { node { id visa { status } } } } packages(first: 3) { edges { node { id } } } loyalty { balance } } } } }`;
    const small = await statements(q(2), as.supervisor());
    const large = await statements(q(6), as.supervisor());
    console.log(`companies page: ${small} SQL statements for 2 companies, ${large} for 6`);
    expect(large).toBe(small);
  });

  it('costs the same for the overview whether a company has 60 or 660 pilgrims', async () => {
    const manager = await graph.login('manager@safwa.demo', DEMO_PASSWORD);
    const before = await statements(OVERVIEW, manager);
    await graph.subgraphs['pilgrims']!.db.orm.em.getConnection().execute(`
      insert into pilgrim (id, company_id, agent_id, season, given_name_ar, father_name_ar, grandfather_name_ar, family_name_ar,
        given_name_en, father_name_en, grandfather_name_en, family_name_en, passport_number, nationality, date_of_birth, sex)
      select gen_random_uuid(), '${safwa!.id}', null, '1447', 'محمد', 'أحمد', 'علي', 'الزهراني', 'Muhammad', 'Ahmad', 'Ali', 'Alzahrani',
        'NNX' || lpad(g::text, 7, '0'), 'EG', date '1980-01-01', 'MALE'
      from generate_series(1, 600) g`);
    const after = await statements(OVERVIEW, manager);
    console.log(`manager overview: ${before} SQL statements before and ${after} after adding 600 pilgrims`);
    expect(after).toBe(before);
  });
});
