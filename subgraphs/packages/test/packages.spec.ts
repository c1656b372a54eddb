import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import { as, bootSubgraph, codes, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagesSubgraph } from '../src/index';
import { demoRegistry } from '../src/inventory/inventory.demo';

let sg: TestSubgraph;
const [safwa, rawda, bayt, noor, zamzam] = demoCompanies;
const [towers, madinahInn] = demoProviders;

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph, { demo: true });
});
afterAll(() => sg.close());

interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type PackageNode = { id: string; priceHalalas: number; saleStartsOn: string; company: { id: string } };

const PACKAGES = `query($first: Int, $after: String) {
  servicePackages(first: $first, after: $after) {
    totalCount edges { node { id priceHalalas saleStartsOn company { id } } } pageInfo { hasNextPage endCursor }
  }
}`;
const PROVIDERS = `query($first: Int) { serviceProviders(first: $first) { totalCount edges { node { id kind licenseNumber } } } }`;
const PROVIDER = `query($id: ID!) { serviceProvider(id: $id) { id nameEn } }`;
const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Company { id packages(first: 10) { totalCount edges { node { id company { id } } } } }
    ... on ServicePackage { id nameEn }
    ... on ServiceProvider { id nameEn }
  }
}`;

const companyRefs = (...ids: string[]) => ids.map((id) => ({ __typename: 'Company', id }));
type EntityResult = { id: string; packages?: Connection<PackageNode> | null } | null;

async function packageIdsOf(companyId: string): Promise<string[]> {
  const r = await sg.request<{ servicePackages: Connection<PackageNode> }>(
    PACKAGES,
    { first: 100 },
    as.manager(companyId),
  );
  return r.data!.servicePackages.edges.map((e) => e.node.id);
}

describe('servicePackages', () => {
  it('shows the ministry every company’s packages', async () => {
    const r = await sg.request<{ servicePackages: Connection<PackageNode> }>(PACKAGES, { first: 100 }, as.supervisor());
    expect(r.errors).toBeUndefined();
    const companies = new Set(r.data!.servicePackages.edges.map((e) => e.node.company.id));
    expect(companies).toEqual(new Set(demoCompanies.map((c) => c.id)));
    expect(r.data!.servicePackages.totalCount).toBe(r.data!.servicePackages.edges.length);
    expect(r.data!.servicePackages.edges[0]!.node.saleStartsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows a manager only their own company’s packages', async () => {
    const r = await sg.request<{ servicePackages: Connection<PackageNode> }>(
      PACKAGES,
      { first: 100 },
      as.manager(rawda!.id),
    );
    expect(r.data!.servicePackages.totalCount).toBeGreaterThan(0);
    expect(r.data!.servicePackages.edges.every((e) => e.node.company.id === rawda!.id)).toBe(true);
  });

  it('pages with cursors', async () => {
    const first = await sg.request<{ servicePackages: Connection<PackageNode> }>(PACKAGES, { first: 5 }, as.officer());
    expect(first.data!.servicePackages.pageInfo.hasNextPage).toBe(true);
    const rest = await sg.request<{ servicePackages: Connection<PackageNode> }>(
      PACKAGES,
      { first: 100, after: first.data!.servicePackages.pageInfo.endCursor },
      as.officer(),
    );
    const ids = [...first.data!.servicePackages.edges, ...rest.data!.servicePackages.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(first.data!.servicePackages.totalCount);
  });

  it('refuses a page larger than 100 and a foreign cursor, naming the argument', async () => {
    const big = await sg.request(PACKAGES, { first: 101 }, as.supervisor());
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await sg.request(PACKAGES, { after: 'bm90LWEtY3Vyc29y' }, as.supervisor());
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('forbids agents and providers and asks anonymous callers to sign in', async () => {
    expect(codes(await sg.request(PACKAGES, {}, as.agent(demoAgents[0]!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(PACKAGES, {}, as.provider(towers!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(PACKAGES, {}, null))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('Company.packages', () => {
  it('gives a manager their own company’s packages and null for another company’s', async () => {
    const r = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(safwa!.id, rawda!.id) },
      as.manager(safwa!.id),
    );
    expect(r.errors).toBeUndefined();
    const [own, other] = r.data!._entities;
    expect(own?.packages?.totalCount).toBe((await packageIdsOf(safwa!.id)).length);
    expect(own?.packages?.edges.every((e) => e.node.company.id === safwa!.id)).toBe(true);
    expect(other).toEqual({ id: rawda!.id, packages: null });
  });

  it('gives the supervisor every company’s packages', async () => {
    const r = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(safwa!.id, rawda!.id, bayt!.id) },
      as.supervisor(),
    );
    for (const [i, company] of [safwa, rawda, bayt].entries()) {
      expect(r.data!._entities[i]?.packages?.totalCount).toBe((await packageIdsOf(company!.id)).length);
    }
  });

  it('gives agents and providers null packages and anonymous callers no company at all', async () => {
    const agent = await sg.request<{ _entities: EntityResult[] }>(
      ENTITIES,
      { r: companyRefs(safwa!.id) },
      as.agent(demoAgents[0]!.id),
    );
    expect(agent.data!._entities).toEqual([{ id: safwa!.id, packages: null }]);
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
    expect(one).toBe(2); // rows + counts
    expect(five).toBe(one);
  });

  it('refuses a page larger than 100 naming the argument', async () => {
    const r = await sg.request(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { packages(first: 500) { totalCount } } } }`,
      { r: companyRefs(safwa!.id) },
      as.supervisor(),
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('ServicePackage references', () => {
  it('resolve only inside the caller’s slice, exactly like missing ones', async () => {
    const [rawdaPackage] = await packageIdsOf(rawda!.id);
    const r = [
      { __typename: 'ServicePackage', id: rawdaPackage },
      { __typename: 'ServicePackage', id: '0190a0c4-0000-7000-8000-000000000000' },
    ];
    const supervisor = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r }, as.supervisor());
    expect(supervisor.data!._entities.map((e) => e?.id ?? null)).toEqual([rawdaPackage, null]);
    const owner = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r }, as.manager(rawda!.id));
    expect(owner.data!._entities.map((e) => e?.id ?? null)).toEqual([rawdaPackage, null]);
    const otherManager = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r }, as.manager(safwa!.id));
    expect(otherManager.data!._entities).toEqual([null, null]);
    const provider = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r }, as.provider(towers!.id));
    expect(provider.data!._entities).toEqual([null, null]);
  });
});

describe('service providers', () => {
  it('shows the whole registry to every signed-in party', async () => {
    const total = demoRegistry.length;
    for (const viewer of [
      as.supervisor(),
      as.officer(),
      as.manager(bayt!.id),
      as.agent(demoAgents[0]!.id),
      as.provider(towers!.id),
    ]) {
      const r = await sg.request<{ serviceProviders: Connection<{ id: string }> }>(PROVIDERS, {}, viewer);
      expect(r.data!.serviceProviders.totalCount).toBe(total);
    }
  });

  it('resolves providers by id and by reference for a provider account too, and for nobody anonymous', async () => {
    const me = as.provider(towers!.id);
    expect(
      (await sg.request<{ serviceProvider: { id: string } | null }>(PROVIDER, { id: madinahInn!.id }, me)).data!
        .serviceProvider?.id,
    ).toBe(madinahInn!.id);
    const refs = [towers, madinahInn].map((p) => ({ __typename: 'ServiceProvider', id: p!.id }));
    const entities = await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r: refs }, me);
    expect(entities.data!._entities.map((e) => e?.id ?? null)).toEqual([towers!.id, madinahInn!.id]);
    expect((await sg.request<{ _entities: EntityResult[] }>(ENTITIES, { r: refs }, null)).data!._entities).toEqual([
      null,
      null,
    ]);
    expect(codes(await sg.request(PROVIDERS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers null for an id that is not a uuid', async () => {
    const r = await sg.request<{ serviceProvider: null }>(PROVIDER, { id: 'nope' }, as.supervisor());
    expect(r.errors).toBeUndefined();
    expect(r.data!.serviceProvider).toBeNull();
  });
});
