import { uuidv7 } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagesSubgraph } from '../src/index';
import { daysFromToday } from './builders';
import { createItem } from './inventory.builders';

let sg: TestSubgraph;
const [safwa, rawda] = demoCompanies;
const [nusantara] = demoAgents;
const [towers] = demoProviders;
const manager = (): Viewer => as.manager(safwa!.id);

interface Item {
  providerId: string;
  itemId: string;
}
let makkah: Item;
let makkah2: Item;
let madinah: Item;
let jeddah: Item;
let coach: Item;

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph, { demo: true });
  makkah = await createItem(sg.db, { kind: 'HOTEL', city: 'Makkah' });
  makkah2 = await createItem(sg.db, { kind: 'HOTEL', city: 'makkah' });
  madinah = await createItem(sg.db, { kind: 'HOTEL', city: 'Madinah' });
  jeddah = await createItem(sg.db, { kind: 'HOTEL', city: 'Jeddah' });
  coach = await createItem(sg.db, { kind: 'TRANSPORT', city: 'Jeddah' });
});
afterAll(() => sg.close());

interface PackageNode {
  id: string;
  status: string;
  version: number;
  priceHalalas: number;
  submittedAt: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  company: { id: string };
  components: { position: number; dayOffset: number; days: number; item: { id: string; kind: string } }[];
  statusHistory: {
    totalCount: number;
    edges: {
      node: {
        action: string;
        fromStatus: string | null;
        toStatus: string;
        version: number;
        reason: string | null;
        actorAccountId: string | null;
        actorRole: string | null;
      };
    }[];
  };
}
const FIELDS = `id status version priceHalalas submittedAt decidedAt rejectionReason company { id }
  components { position dayOffset days item { id kind } }
  statusHistory(first: 20) { totalCount edges { node { action fromStatus toStatus version reason actorAccountId actorRole } } }`;
const CREATE = `mutation($input: ServicePackageInput!) { createServicePackage(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: ServicePackageInput!, $v: Int) { updateServicePackage(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int) { submitServicePackage(id: $id, expectedVersion: $v) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $v: Int) { approveServicePackage(id: $id, expectedVersion: $v) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!, $v: Int) { rejectServicePackage(id: $id, reason: $reason, expectedVersion: $v) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { servicePackage(id: $id) { ${FIELDS} } }`;
const QUEUE = `query($first: Int, $after: String) {
  packageApprovalQueue(first: $first, after: $after) {
    totalCount edges { cursor node { id status submittedAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const BOOK = `mutation($input: BookPackageInput!) { bookPackage(input: $input) { id status } }`;

type Component = { itemId: string; dayOffset: number; days: number };
/** 5 Makkah nights and 3 Madinah nights, a coach on arrival; override any field or the components. */
const packageInput = (overrides: Record<string, unknown> = {}, components?: Component[]) => ({
  nameAr: 'باقة الاختبار',
  nameEn: 'Test package',
  priceHalalas: 450000,
  makkahNights: 5,
  madinahNights: 3,
  saleStartsOn: daysFromToday(-10),
  saleEndsOn: daysFromToday(120),
  components: components ?? [
    { itemId: coach.itemId, dayOffset: 0, days: 1 },
    { itemId: makkah.itemId, dayOffset: 0, days: 5 },
    { itemId: madinah.itemId, dayOffset: 5, days: 3 },
  ],
  ...overrides,
});

async function call<K extends string>(
  query: string,
  variables: Record<string, unknown>,
  viewer: Viewer | null,
  field: K,
): Promise<{ r: GraphQLResponse<Record<K, PackageNode>>; pkg: PackageNode }> {
  const r = await sg.request<Record<K, PackageNode>>(query, variables, viewer);
  return { r, pkg: r.data?.[field] as PackageNode };
}

async function draft(components?: Component[], overrides: Record<string, unknown> = {}): Promise<PackageNode> {
  const { r, pkg } = await call(
    CREATE,
    { input: packageInput(overrides, components) },
    manager(),
    'createServicePackage',
  );
  expect(r.errors).toBeUndefined();
  return pkg;
}
async function submitted(): Promise<PackageNode> {
  const created = await draft();
  const { r, pkg } = await call(SUBMIT, { id: created.id }, manager(), 'submitServicePackage');
  expect(r.errors).toBeUndefined();
  return pkg;
}
async function approved(): Promise<PackageNode> {
  const pkg = await submitted();
  const { r, pkg: done } = await call(APPROVE, { id: pkg.id }, as.officer(), 'approveServicePackage');
  expect(r.errors).toBeUndefined();
  return done;
}
async function rejected(): Promise<PackageNode> {
  const pkg = await submitted();
  const { r, pkg: done } = await call(
    REJECT,
    { id: pkg.id, reason: 'Hotel too far' },
    as.officer(),
    'rejectServicePackage',
  );
  expect(r.errors).toBeUndefined();
  return done;
}
const read = async (id: string): Promise<PackageNode> =>
  (await sg.request<{ servicePackage: PackageNode }>(ONE, { id }, as.supervisor())).data!.servicePackage;
const steps = (pkg: PackageNode) => pkg.statusHistory.edges.map((e) => e.node.action);

describe('composing a package', () => {
  it('creates a draft with its components in order and a first step in its history', async () => {
    const viewer = manager();
    const { r, pkg } = await call(CREATE, { input: packageInput() }, viewer, 'createServicePackage');
    expect(r.errors).toBeUndefined();
    expect(pkg).toMatchObject({ status: 'DRAFT', version: 1, submittedAt: null, company: { id: safwa!.id } });
    expect(pkg.components.map((c) => [c.position, c.item.id, c.dayOffset, c.days])).toEqual([
      [0, coach.itemId, 0, 1],
      [1, makkah.itemId, 0, 5],
      [2, madinah.itemId, 5, 3],
    ]);
    expect(pkg.statusHistory.edges[0]!.node).toEqual({
      action: 'CREATED',
      fromStatus: null,
      toStatus: 'DRAFT',
      version: 1,
      reason: null,
      actorAccountId: viewer.accountId,
      actorRole: 'COMPANY_MANAGER',
    });
  });

  it('keeps an incomplete draft, but will not submit it until its hotels give every night', async () => {
    const pkg = await draft([{ itemId: makkah.itemId, dayOffset: 0, days: 5 }]);
    const refused = await sg.request(SUBMIT, { id: pkg.id }, manager());
    expect(codes(refused)).toEqual(['NIGHTS_NOT_COVERED']);
    expect(refused.errors![0]!.extensions).toMatchObject({ details: { city: 'Madinah', nights: 3, covered: 0 } });
    expect((await read(pkg.id)).status).toBe('DRAFT');
    const fixed = await call(UPDATE, { id: pkg.id, input: packageInput() }, manager(), 'updateServicePackage');
    expect(fixed.pkg).toMatchObject({ status: 'DRAFT', version: 2 });
    const sent = await call(SUBMIT, { id: pkg.id }, manager(), 'submitServicePackage');
    expect(sent.pkg).toMatchObject({ status: 'SUBMITTED', version: 3 });
    expect(sent.pkg.submittedAt).not.toBeNull();
    expect(steps(sent.pkg)).toEqual(['CREATED', 'UPDATED', 'SUBMITTED']);
  });

  it.each([
    [
      'a hotel night past the stay',
      [{ itemId: 'madinah', dayOffset: 5, days: 4 }],
      'COMPONENT_OUTSIDE_STAY',
      'input.components.0.days',
    ],
    [
      'a coach after the day of leaving',
      [{ itemId: 'coach', dayOffset: 8, days: 2 }],
      'COMPONENT_OUTSIDE_STAY',
      'input.components.0.days',
    ],
    [
      'two hotels on the same night',
      [
        { itemId: 'makkah', dayOffset: 0, days: 5 },
        { itemId: 'makkah2', dayOffset: 4, days: 1 },
      ],
      'COMPONENTS_OVERLAP',
      'input.components.1',
    ],
    [
      'the same coach twice on one day',
      [
        { itemId: 'coach', dayOffset: 0, days: 2 },
        { itemId: 'coach', dayOffset: 1, days: 1 },
      ],
      'COMPONENTS_OVERLAP',
      'input.components.1',
    ],
    [
      'a hotel in Jeddah',
      [{ itemId: 'jeddah', dayOffset: 0, days: 1 }],
      'HOTEL_OUTSIDE_HOLY_CITIES',
      'input.components.0.itemId',
    ],
    ['an unknown item', [{ itemId: 'unknown', dayOffset: 0, days: 1 }], 'NOT_FOUND', 'input.components.0.itemId'],
    ['a negative day', [{ itemId: 'coach', dayOffset: -1, days: 1 }], 'BAD_USER_INPUT', 'input.components.0.dayOffset'],
  ])('refuses %s, naming the component, and saves nothing', async (_what, specs, code, field) => {
    const ids: Record<string, string> = {
      makkah: makkah.itemId,
      makkah2: makkah2.itemId,
      madinah: madinah.itemId,
      jeddah: jeddah.itemId,
      coach: coach.itemId,
      unknown: uuidv7(),
    };
    const components = specs.map((s) => ({ ...s, itemId: ids[s.itemId]! }));
    const before = await packageCount();
    const r = await sg.request(CREATE, { input: packageInput({}, components) }, manager());
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0]!.extensions?.['field']).toBe(field);
    expect(await packageCount()).toBe(before);
  });

  it('refuses a sale period too short for one stay, or already over', async () => {
    const short = await sg.request(
      CREATE,
      { input: packageInput({ saleStartsOn: daysFromToday(1), saleEndsOn: daysFromToday(5) }) },
      manager(),
    );
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.saleEndsOn' });
    const over = await sg.request(
      CREATE,
      { input: packageInput({ saleStartsOn: daysFromToday(-30), saleEndsOn: daysFromToday(-1) }) },
      manager(),
    );
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.saleEndsOn' });
  });
});

const packageCount = async (): Promise<number> =>
  Number(
    (await sg.db.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from service_package`))[0]!.n,
  );

describe('the ministry’s decision', () => {
  it('approves a submitted package: the officer is in its history, and it can be booked', async () => {
    const officer = as.officer();
    const pkg = await submitted();
    const { pkg: done } = await call(APPROVE, { id: pkg.id, v: pkg.version }, officer, 'approveServicePackage');
    expect(done).toMatchObject({ status: 'APPROVED', version: pkg.version + 1 });
    expect(done.decidedAt).not.toBeNull();
    expect(done.statusHistory.edges.at(-1)!.node).toMatchObject({
      action: 'APPROVED',
      fromStatus: 'SUBMITTED',
      toStatus: 'APPROVED',
      actorAccountId: officer.accountId,
      actorRole: 'MINISTRY_OFFICER',
    });
    const booked = await sg.request(
      BOOK,
      { input: { packageId: pkg.id, pilgrimId: uuidv7(), startsOn: daysFromToday(3), endsOn: daysFromToday(11) } },
      manager(),
    );
    expect(booked.errors).toBeUndefined();
  });

  it('rejects with a reason the company reads; a change makes it a draft again, to resubmit', async () => {
    const pkg = await rejected();
    expect(pkg).toMatchObject({ status: 'REJECTED', rejectionReason: 'Hotel too far' });
    expect(pkg.statusHistory.edges.at(-1)!.node).toMatchObject({ action: 'REJECTED', reason: 'Hotel too far' });
    const visible = await sg.request<{ servicePackage: PackageNode }>(ONE, { id: pkg.id }, manager());
    expect(visible.data!.servicePackage.rejectionReason).toBe('Hotel too far');
    const changed = await call(
      UPDATE,
      { id: pkg.id, input: packageInput({ priceHalalas: 400000 }) },
      manager(),
      'updateServicePackage',
    );
    expect(changed.pkg).toMatchObject({ status: 'DRAFT', rejectionReason: null, priceHalalas: 400000 });
    const again = await call(SUBMIT, { id: pkg.id }, manager(), 'submitServicePackage');
    expect(again.pkg.status).toBe('SUBMITTED');
    expect(steps(again.pkg)).toEqual(['CREATED', 'SUBMITTED', 'REJECTED', 'UPDATED', 'SUBMITTED']);
  });

  it('also lets a rejected package be resubmitted as it is', async () => {
    const pkg = await rejected();
    const again = await call(SUBMIT, { id: pkg.id }, manager(), 'submitServicePackage');
    expect(again.pkg).toMatchObject({ status: 'SUBMITTED', rejectionReason: null });
  });

  it('refuses a rejection without a real reason', async () => {
    const pkg = await submitted();
    const r = await sg.request(REJECT, { id: pkg.id, reason: ' no ' }, as.officer());
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await read(pkg.id)).status).toBe('SUBMITTED');
  });

  it('refuses a decision on a version the officer did not read, and changes nothing', async () => {
    const pkg = await submitted();
    await call(
      UPDATE,
      { id: pkg.id, input: packageInput({ priceHalalas: 470000 }) },
      manager(),
      'updateServicePackage',
    );
    const stale = await sg.request(APPROVE, { id: pkg.id, v: pkg.version }, as.officer());
    expect(codes(stale)).toEqual(['PACKAGE_VERSION_CONFLICT']);
    expect(stale.errors![0]!.extensions).toMatchObject({
      details: { expected: pkg.version, current: pkg.version + 1 },
    });
    expect(await read(pkg.id)).toMatchObject({ status: 'SUBMITTED', version: pkg.version + 1 });
  });

  it('sends a changed approved package back for approval; it cannot be booked until approved again', async () => {
    const pkg = await approved();
    const same = await call(UPDATE, { id: pkg.id, input: packageInput() }, manager(), 'updateServicePackage');
    expect(same.pkg).toMatchObject({ status: 'APPROVED', version: pkg.version });
    const changed = await call(
      UPDATE,
      { id: pkg.id, input: packageInput({ priceHalalas: 480000 }) },
      manager(),
      'updateServicePackage',
    );
    expect(changed.pkg).toMatchObject({ status: 'SUBMITTED', version: pkg.version + 1, decidedAt: null });
    expect(changed.pkg.statusHistory.edges.at(-1)!.node).toMatchObject({
      action: 'CHANGED_AFTER_APPROVAL',
      fromStatus: 'APPROVED',
      toStatus: 'SUBMITTED',
    });
    const input = { packageId: pkg.id, pilgrimId: uuidv7(), startsOn: daysFromToday(3), endsOn: daysFromToday(11) };
    expect(codes(await sg.request(BOOK, { input }, manager()))).toEqual(['PACKAGE_NOT_APPROVED']);
    await call(APPROVE, { id: pkg.id }, as.officer(), 'approveServicePackage');
    expect((await sg.request(BOOK, { input }, manager())).errors).toBeUndefined();
  });

  it('will not let an approved package lose a night', async () => {
    const pkg = await approved();
    const r = await sg.request(
      UPDATE,
      { id: pkg.id, input: packageInput({}, [{ itemId: makkah.itemId, dayOffset: 0, days: 5 }]) },
      manager(),
    );
    expect(codes(r)).toEqual(['NIGHTS_NOT_COVERED']);
    expect(await read(pkg.id)).toMatchObject({ status: 'APPROVED', version: pkg.version });
  });

  const transitions: [string, boolean, string, () => Promise<PackageNode>][] = [
    ['submit a DRAFT', true, 'submit', draft],
    ['submit a SUBMITTED', false, 'submit', submitted],
    ['submit an APPROVED', false, 'submit', approved],
    ['submit a REJECTED', true, 'submit', rejected],
    ['approve a DRAFT', false, 'approve', draft],
    ['approve a SUBMITTED', true, 'approve', submitted],
    ['approve an APPROVED', false, 'approve', approved],
    ['approve a REJECTED', false, 'approve', rejected],
    ['reject a DRAFT', false, 'reject', draft],
    ['reject a SUBMITTED', true, 'reject', submitted],
    ['reject an APPROVED', false, 'reject', approved],
    ['reject a REJECTED', false, 'reject', rejected],
  ];
  it.each(transitions)('%s: allowed %s', async (_what, allowed, step, make) => {
    const pkg = await make();
    const r =
      step === 'submit'
        ? await sg.request(SUBMIT, { id: pkg.id }, manager())
        : step === 'approve'
          ? await sg.request(APPROVE, { id: pkg.id }, as.officer())
          : await sg.request(REJECT, { id: pkg.id, reason: 'Not as sold' }, as.officer());
    if (allowed) {
      expect(r.errors).toBeUndefined();
    } else {
      expect(codes(r)).toEqual(['INVALID_PACKAGE_TRANSITION']);
      expect(await read(pkg.id)).toMatchObject({ status: pkg.status, version: pkg.version });
    }
  });
});

describe('the approval queue', () => {
  it('lists submitted packages only, the one waiting longest first, page by page', async () => {
    const first = await submitted();
    const second = await submitted();
    await approved();
    const all: { id: string; status: string; submittedAt: string | null }[] = [];
    let after: string | null = null;
    for (;;) {
      const r: GraphQLResponse<{
        packageApprovalQueue: {
          totalCount: number;
          edges: { node: { id: string; status: string; submittedAt: string | null } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }> = await sg.request(QUEUE, { first: 2, after }, as.officer());
      expect(r.errors).toBeUndefined();
      all.push(...r.data!.packageApprovalQueue.edges.map((e) => e.node));
      if (!r.data!.packageApprovalQueue.pageInfo.hasNextPage) {
        expect(all.length).toBe(r.data!.packageApprovalQueue.totalCount);
        break;
      }
      after = r.data!.packageApprovalQueue.pageInfo.endCursor;
    }
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(all.every((p) => p.status === 'SUBMITTED')).toBe(true);
    const ids = all.map((p) => p.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const times = all.map((p) => p.submittedAt ?? '');
    expect([...times].sort()).toEqual(times);
  });

  it('is for the ministry only, and refuses a cursor it did not issue', async () => {
    expect((await sg.request(QUEUE, {}, as.supervisor())).errors).toBeUndefined();
    expect(codes(await sg.request(QUEUE, {}, manager()))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(QUEUE, {}, as.provider(towers!.id)))).toEqual(['FORBIDDEN']);
    const bad = await sg.request(QUEUE, { after: 'bm9wZQ' }, as.officer());
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('has the demo’s submitted packages waiting for the officer', async () => {
    const r = await sg.request<{ packageApprovalQueue: { totalCount: number } }>(QUEUE, {}, as.officer());
    expect(r.data!.packageApprovalQueue.totalCount).toBeGreaterThanOrEqual(1);
  });
});

describe('who may change packages', () => {
  type Op = 'create' | 'update' | 'submit' | 'approve' | 'reject';
  const setUp = (op: Op): Promise<PackageNode> | null =>
    op === 'create' ? null : op === 'approve' || op === 'reject' ? submitted() : draft();
  const run = (op: Op, pkg: PackageNode | null, viewer: Viewer | null): Promise<GraphQLResponse<unknown>> => {
    switch (op) {
      case 'create':
        return sg.request(CREATE, { input: packageInput() }, viewer);
      case 'update':
        return sg.request(UPDATE, { id: pkg!.id, input: packageInput({ priceHalalas: 1 }) }, viewer);
      case 'submit':
        return sg.request(SUBMIT, { id: pkg!.id }, viewer);
      case 'approve':
        return sg.request(APPROVE, { id: pkg!.id }, viewer);
      default:
        return sg.request(REJECT, { id: pkg!.id, reason: 'Not as sold' }, viewer);
    }
  };
  const stepCount = async (): Promise<number> =>
    Number(
      (
        await sg.db.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from package_status_change`)
      )[0]!.n,
    );
  const F = 'FORBIDDEN';
  const U = 'UNAUTHENTICATED';
  const roles: [string, () => Viewer | null, Record<Op, string | null>][] = [
    ['the company’s manager', manager, { create: null, update: null, submit: null, approve: F, reject: F }],
    [
      'another company’s manager',
      () => as.manager(rawda!.id),
      { create: null, update: 'NOT_FOUND', submit: 'NOT_FOUND', approve: F, reject: F },
    ],
    ['an officer', as.officer, { create: F, update: F, submit: F, approve: null, reject: null }],
    ['a supervisor', as.supervisor, { create: F, update: F, submit: F, approve: F, reject: F }],
    ['an agent', () => as.agent(nusantara!.id), { create: F, update: F, submit: F, approve: F, reject: F }],
    ['a provider', () => as.provider(towers!.id), { create: F, update: F, submit: F, approve: F, reject: F }],
    ['an anonymous caller', () => null, { create: U, update: U, submit: U, approve: U, reject: U }],
  ];
  const table = roles.flatMap(([who, viewer, outcomes]) =>
    (Object.keys(outcomes) as Op[]).map((op) => [who, op, viewer, outcomes[op]] as const),
  );
  it.each(table)('%s → %s', async (_who, op, viewer, expected) => {
    const pkg = await setUp(op);
    const packages = await packageCount();
    const history = await stepCount();
    const r = await run(op, pkg, viewer());
    if (expected === null) {
      expect(r.errors).toBeUndefined();
      expect(await stepCount()).toBe(history + 1);
      return;
    }
    expect(codes(r)).toEqual([expected]);
    expect(await packageCount()).toBe(packages);
    expect(await stepCount()).toBe(history);
    if (pkg) expect(await read(pkg.id)).toMatchObject({ status: pkg.status, version: pkg.version });
  });
});

describe('reading packages', () => {
  it('filters by status and, for the ministry, by company', async () => {
    const LIST = `query($filter: ServicePackageFilter) { servicePackages(filter: $filter, first: 100) { edges { node { status company { id } } } } }`;
    const r = await sg.request<{ servicePackages: { edges: { node: { status: string; company: { id: string } } }[] } }>(
      LIST,
      { filter: { status: 'SUBMITTED', companyId: safwa!.id } },
      as.supervisor(),
    );
    expect(r.data!.servicePackages.edges.length).toBeGreaterThan(0);
    expect(
      r.data!.servicePackages.edges.every((e) => e.node.status === 'SUBMITTED' && e.node.company.id === safwa!.id),
    ).toBe(true);
    const other = await sg.request<{ servicePackages: { edges: unknown[] } }>(
      LIST,
      { filter: { companyId: safwa!.id } },
      as.manager(rawda!.id),
    );
    expect(other.data!.servicePackages.edges).toEqual([]);
  });

  it('reads packages with their components, items, providers and history in constant statements', async () => {
    const LIST = `query($first: Int) { servicePackages(first: $first) {
      totalCount edges { node { id components { days item { id nameEn provider { id nameEn } } }
        statusHistory(first: 5) { totalCount edges { node { action at } } } } } } }`;
    const cost = async (first: number): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await sg.request<{ servicePackages: { edges: { node: { components: unknown[] } }[] } }>(
        LIST,
        { first },
        as.supervisor(),
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.servicePackages.edges.length).toBe(first);
      expect(r.data!.servicePackages.edges.every((e) => e.node.components.length > 0)).toBe(true);
      return sg.db.statementCount - before;
    };
    const one = await cost(1);
    // Packages, count, components, items, providers, history rows, history counts.
    expect(one).toBe(7);
    expect(await cost(15)).toBe(one);
  });

  it('shows the demo packages composed from the demo inventory, each complete unless a draft', async () => {
    const LIST = `query { servicePackages(first: 100) { edges { node { status makkahNights madinahNights createdAt
      components { days item { kind provider { city } } } } } } }`;
    const r = await sg.request<{
      servicePackages: {
        edges: {
          node: {
            status: string;
            createdAt: string;
            makkahNights: number;
            madinahNights: number;
            components: { days: number; item: { kind: string; provider: { city: string } } }[];
          };
        }[];
      };
    }>(LIST, {}, as.manager(rawda!.id));
    // The demo's packages were created in the summer; tests above add their own.
    const demo = r.data!.servicePackages.edges.map((e) => e.node).filter((p) => p.createdAt < '2026-11-01');
    expect(demo.length).toBeGreaterThan(0);
    for (const pkg of demo) {
      const nightsIn = (city: string) =>
        pkg.components
          .filter((c) => c.item.kind === 'HOTEL' && c.item.provider.city === city)
          .reduce((sum, c) => sum + c.days, 0);
      expect([nightsIn('Makkah'), nightsIn('Madinah')]).toEqual([pkg.makkahNights, pkg.madinahNights]);
      expect(pkg.components.some((c) => c.item.kind === 'INSURANCE')).toBe(true);
    }
  });
});
