import { demoAgents, demoCompanies, demoPilgrims } from '@umrah/demo';
import { as, bootSubgraph, codes, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../src/index';

interface PilgrimNode {
  id: string;
  fullNameEn: string;
  nationality: string;
  dateOfBirth: string;
  sex: string;
  company: { id: string };
  agent: { id: string } | null;
  visa: {
    id: string;
    status: string;
    submittedAt: string;
    mofaReference: string | null;
    pilgrim: { id: string };
  } | null;
}

interface PilgrimsResult {
  pilgrims: {
    totalCount: number;
    edges: { node: PilgrimNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

interface CompanyEntity {
  id: string;
  visaStats: {
    total: number;
    byStatus: { status: string; count: number }[];
    byNationality: { nationality: string; count: number }[];
  } | null;
  pilgrims: { totalCount: number; edges: { node: { id: string; dateOfBirth: string } }[] } | null;
}

const PILGRIMS = /* GraphQL */ `
  query Pilgrims($first: Int!, $after: String, $filter: PilgrimFilter) {
    pilgrims(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          fullNameEn
          nationality
          dateOfBirth
          sex
          company {
            id
          }
          agent {
            id
          }
          visa {
            id
            status
            submittedAt
            mofaReference
            pilgrim {
              id
            }
          }
        }
      }
    }
  }
`;

const PILGRIM = /* GraphQL */ `
  query Pilgrim($id: ID!) {
    pilgrim(id: $id) {
      id
      company {
        id
      }
      visa {
        id
      }
    }
  }
`;

const COMPANY_ENTITIES = /* GraphQL */ `
  query Companies($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Company {
        id
        visaStats {
          total
          byStatus {
            status
            count
          }
          byNationality {
            nationality
            count
          }
        }
        pilgrims(first: 5) {
          totalCount
          edges {
            node {
              id
              dateOfBirth
            }
          }
        }
      }
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Pilgrim {
        id
        nationality
      }
      ... on VisaApplication {
        id
        status
        pilgrim {
          id
        }
      }
    }
  }
`;

const pilgrims = demoPilgrims();
const companyA = demoCompanies[0]!.id;
const companyB = demoCompanies[1]!.id;
const ofA = pilgrims.filter((p) => p.companyId === companyA);
const ofB = pilgrims.filter((p) => p.companyId === companyB);
const companyRefs = (ids: string[]) => ids.map((id) => ({ __typename: 'Company', id }));

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await bootSubgraph(pilgrimsSubgraph, { demo: true });
});

afterAll(async () => {
  await subgraph.close();
});

describe('a company manager', () => {
  const managerA = as.manager(companyA);

  it('lists only the pilgrims of their own company', async () => {
    const r = await subgraph.request<PilgrimsResult>(PILGRIMS, { first: 100 }, managerA);
    expect(r.errors).toBeUndefined();
    expect(r.data!.pilgrims.totalCount).toBe(ofA.length);
    expect(r.data!.pilgrims.edges.every((e) => e.node.company.id === companyA)).toBe(true);
    expect(r.data!.pilgrims.edges.every((e) => e.node.visa?.pilgrim.id === e.node.id)).toBe(true);
  });

  it('reads a pilgrim as registered: names, passport data and visa', async () => {
    const r = await subgraph.request<PilgrimsResult>(PILGRIMS, { first: 1 }, managerA);
    const node = r.data!.pilgrims.edges[0]!.node;
    const seeded = ofA.find((p) => p.id === node.id)!;
    expect(node).toMatchObject({
      fullNameEn: `${seeded.givenNameEn} ${seeded.fatherNameEn} ${seeded.grandfatherNameEn} ${seeded.familyNameEn}`,
      nationality: seeded.nationality,
      dateOfBirth: seeded.dateOfBirth,
      sex: seeded.sex,
      agent: { id: seeded.agentId },
      visa: {
        id: seeded.visa.id,
        status: seeded.visa.status,
        submittedAt: seeded.visa.submittedAt,
        mofaReference: seeded.visa.mofaReference,
      },
    });
  });

  it('reads their own pilgrim, and another company’s pilgrim as if it did not exist', async () => {
    const own = await subgraph.request<{ pilgrim: { id: string } | null }>(PILGRIM, { id: ofA[0]!.id }, managerA);
    expect(own.data?.pilgrim?.id).toBe(ofA[0]!.id);
    const other = await subgraph.request<{ pilgrim: unknown }>(PILGRIM, { id: ofB[0]!.id }, managerA);
    expect(other.errors).toBeUndefined();
    expect(other.data?.pilgrim).toBeNull();
    const missing = await subgraph.request<{ pilgrim: unknown }>(
      PILGRIM,
      { id: '0190f3c4-0000-7000-8000-000000000000' },
      managerA,
    );
    expect(missing.data?.pilgrim).toBeNull();
  });

  it('sees the pilgrims and visa statistics of their own company only', async () => {
    const r = await subgraph.request<{ _entities: (CompanyEntity | null)[] }>(
      COMPANY_ENTITIES,
      { representations: companyRefs([companyA, companyB]) },
      managerA,
    );
    expect(r.errors).toBeUndefined();
    const [a, b] = r.data!._entities;
    expect(a?.visaStats?.total).toBe(ofA.length);
    expect(a?.pilgrims?.totalCount).toBe(ofA.length);
    const firstOfA = [...ofA].sort((x, y) => x.id.localeCompare(y.id))[0]!;
    expect(a?.pilgrims?.edges[0]?.node).toEqual({ id: firstOfA.id, dateOfBirth: firstOfA.dateOfBirth });
    expect(b).toEqual({ id: companyB, visaStats: null, pilgrims: null });
  });

  it('gets null for another company’s pilgrim and visa through _entities', async () => {
    const r = await subgraph.request<{ _entities: ({ id: string } | null)[] }>(
      ENTITIES,
      {
        representations: [
          { __typename: 'Pilgrim', id: ofB[0]!.id },
          { __typename: 'Pilgrim', id: ofA[0]!.id },
          { __typename: 'VisaApplication', id: ofB[0]!.visa.id },
          { __typename: 'VisaApplication', id: ofA[0]!.visa.id },
        ],
      },
      managerA,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.map((e) => e?.id ?? null)).toEqual([null, ofA[0]!.id, null, ofA[0]!.visa.id]);
    expect(r.data!._entities[3]).toMatchObject({ pilgrim: { id: ofA[0]!.id } });
  });
});

describe('an agent', () => {
  it('lists only the pilgrims it registered and sees no company statistics', async () => {
    const agent = demoAgents[0]!.id;
    const r = await subgraph.request<PilgrimsResult>(PILGRIMS, { first: 100 }, as.agent(agent));
    expect(r.data!.pilgrims.totalCount).toBe(pilgrims.filter((p) => p.agentId === agent).length);
    expect(r.data!.pilgrims.edges.every((e) => e.node.agent?.id === agent)).toBe(true);
    const stats = await subgraph.request<{ _entities: (CompanyEntity | null)[] }>(
      COMPANY_ENTITIES,
      { representations: companyRefs([companyA]) },
      as.agent(agent),
    );
    expect(stats.data!._entities[0]).toEqual({ id: companyA, visaStats: null, pilgrims: null });
  });
});

describe('the ministry', () => {
  it('lists every pilgrim, page after page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: Awaited<ReturnType<typeof subgraph.request<PilgrimsResult>>> = await subgraph.request<PilgrimsResult>(
        PILGRIMS,
        { first: 100, after },
        as.supervisor(),
      );
      expect(r.data!.pilgrims.totalCount).toBe(pilgrims.length);
      seen.push(...r.data!.pilgrims.edges.map((e) => e.node.id));
      if (!r.data!.pilgrims.pageInfo.hasNextPage) break;
      after = r.data!.pilgrims.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(pilgrims.length);
  });

  it('filters by nationality and visa status', async () => {
    const r = await subgraph.request<PilgrimsResult>(
      PILGRIMS,
      { first: 100, filter: { nationality: 'ZA', visaStatus: 'ISSUED' } },
      as.officer(),
    );
    const expected = pilgrims.filter((p) => p.nationality === 'ZA' && p.visa.status === 'ISSUED');
    expect(r.data!.pilgrims.totalCount).toBe(expected.length);
    expect(r.data!.pilgrims.edges.every((e) => e.node.nationality === 'ZA' && e.node.visa?.status === 'ISSUED')).toBe(
      true,
    );
  });

  it('reads correct visa statistics for a company', async () => {
    const r = await subgraph.request<{ _entities: CompanyEntity[] }>(
      COMPANY_ENTITIES,
      { representations: companyRefs([companyB]) },
      as.supervisor(),
    );
    const stats = r.data!._entities[0]!.visaStats!;
    expect(stats.total).toBe(ofB.length);
    for (const { status, count } of stats.byStatus) {
      expect(count).toBe(ofB.filter((p) => p.visa.status === status).length);
    }
    for (const { nationality, count } of stats.byNationality) {
      expect(count).toBe(ofB.filter((p) => p.nationality === nationality).length);
    }
    expect(stats.byNationality.reduce((sum, n) => sum + n.count, 0)).toBe(ofB.length);
  });
});

describe('access and input errors', () => {
  it('refuses providers with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const provider = as.provider('0190f3c4-0000-7000-8000-00000000beef');
    expect(codes(await subgraph.request(PILGRIMS, { first: 5 }, provider))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.request(PILGRIM, { id: ofA[0]!.id }, provider))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.request(PILGRIMS, { first: 5 }, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('gives a provider and an anonymous caller null for every reference', async () => {
    const provider = as.provider('0190f3c4-0000-7000-8000-00000000beef');
    for (const caller of [provider, null]) {
      const r = await subgraph.request<{ _entities: unknown[] }>(
        ENTITIES,
        {
          representations: [
            { __typename: 'Pilgrim', id: ofA[0]!.id },
            { __typename: 'VisaApplication', id: ofA[0]!.visa.id },
          ],
        },
        caller,
      );
      expect(r.data!._entities).toEqual([null, null]);
    }
    const anonymous = await subgraph.request<{ _entities: unknown[] }>(
      COMPANY_ENTITIES,
      { representations: companyRefs([companyA]) },
      null,
    );
    expect(anonymous.data!._entities).toEqual([null]);
  });

  it('refuses a page of more than 100 with BAD_USER_INPUT on "first"', async () => {
    const r = await subgraph.request(PILGRIMS, { first: 101 }, as.supervisor());
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions?.['field']).toBe('first');
    const nested = await subgraph.request(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { pilgrims(first: 500) { totalCount } } } }',
      { r: companyRefs([companyA]) },
      as.supervisor(),
    );
    expect(codes(nested)).toEqual(['BAD_USER_INPUT']);
    expect(nested.errors![0]!.extensions?.['field']).toBe('first');
  });

  it('refuses a malformed nationality with BAD_USER_INPUT on "filter.nationality"', async () => {
    const r = await subgraph.request(PILGRIMS, { first: 5, filter: { nationality: 'Indonesia' } }, as.supervisor());
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions?.['field']).toBe('filter.nationality');
  });
});

describe('batching', () => {
  async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
    const before = subgraph.db.statementCount;
    const r = await subgraph.request(query, variables, as.supervisor());
    expect(r.errors).toBeUndefined();
    return subgraph.db.statementCount - before;
  }

  it('costs the same statements for one company as for five (pilgrims and visa statistics)', async () => {
    const ids = demoCompanies.slice(0, 5).map((c) => c.id);
    const one = await statementsFor(COMPANY_ENTITIES, { representations: companyRefs(ids.slice(0, 1)) });
    const five = await statementsFor(COMPANY_ENTITIES, { representations: companyRefs(ids) });
    expect(five).toBe(one);
    expect(one).toBeLessThanOrEqual(4);
  });

  it('costs the same statements for a page of 5 pilgrims as for 100, visas and their pilgrims included', async () => {
    const small = await statementsFor(PILGRIMS, { first: 5 });
    const large = await statementsFor(PILGRIMS, { first: 100 });
    expect(large).toBe(small);
    // rows, count, visas; the visas' pilgrims come from the page already read
    expect(small).toBe(3);
  });

  it('reads the visa statistics rows once for the total and both breakdowns', async () => {
    const ids = demoCompanies.slice(0, 5).map((c) => c.id);
    const statsOnly = `query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Company { id visaStats { total byStatus { status count } byNationality { nationality count } } }
      }
    }`;
    expect(await statementsFor(statsOnly, { representations: companyRefs(ids) })).toBe(1);
  });
});
