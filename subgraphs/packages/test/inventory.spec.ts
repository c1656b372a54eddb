import { uuidv7 } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagesSubgraph } from '../src/index';
import { demoRegistry } from '../src/inventory/inventory.demo';
import { createProvider, daysFromToday } from './builders';
import { createItem, dayCounts } from './inventory.builders';

let sg: TestSubgraph;
const [safwa] = demoCompanies;
const [nusantara] = demoAgents;
const [towers] = demoProviders;

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph, { demo: true });
});
afterAll(() => sg.close());

interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface ProviderNode {
  id: string;
  kind: string;
  city: string;
  licenseNumber: string;
}
interface DayNode {
  day: string;
  capacity: number;
  reserved: number;
  available: number;
  priceHalalas: number;
}
interface ItemNode {
  id: string;
  kind: string;
  code: string;
  roomType: string | null;
  routeFrom: string | null;
  provider: { id: string };
}
interface AvailabilityNode {
  item: ItemNode;
  days: DayNode[];
  coversPeriod: boolean;
  fewestAvailable: number;
}

const PROVIDERS = `query($filter: ServiceProviderFilter, $first: Int, $after: String) {
  serviceProviders(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id kind city licenseNumber } } pageInfo { hasNextPage endCursor }
  }
}`;
const REGISTER = `mutation($input: RegisterServiceProviderInput!) {
  registerServiceProvider(input: $input) { id nameEn kind city licenseNumber registeredAt }
}`;
const ITEM_FIELDS = 'id kind code roomType routeFrom provider { id }';
const CREATE_ITEM = `mutation($input: CreateInventoryItemInput!) { createInventoryItem(input: $input) { ${ITEM_FIELDS} } }`;
const SET = `mutation($input: SetInventoryAllotmentsInput!) {
  setInventoryAllotments(input: $input) { item { id } days { day capacity reserved available priceHalalas } coversPeriod fewestAvailable }
}`;
const ITEMS = `query($filter: InventoryFilter, $first: Int) {
  inventoryItems(filter: $filter, first: $first) { totalCount edges { node { ${ITEM_FIELDS} } } }
}`;
const ITEM = `query($id: ID!) { inventoryItem(id: $id) { ${ITEM_FIELDS} } }`;
const AVAILABILITY = `query($from: Date!, $to: Date!, $filter: InventoryFilter, $min: Int, $first: Int, $after: String) {
  availability(from: $from, to: $to, filter: $filter, minAvailable: $min, first: $first, after: $after) {
    totalCount
    edges { node { item { ${ITEM_FIELDS} } days { day capacity reserved available priceHalalas } coversPeriod fewestAvailable } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const PROVIDER_ITEMS = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on ServiceProvider { id inventoryItems(first: 5) { totalCount edges { node { id } } } } }
}`;

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  sg.db.orm.em.getConnection().execute<T[]>(query, params);
const count = async (table: string): Promise<number> =>
  Number((await sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

let licence = 0;
const registration = (overrides: Record<string, unknown> = {}) => ({
  nameAr: 'فندق الاختبار',
  nameEn: 'Test Hotel',
  kind: 'HOTEL',
  city: 'Makkah',
  licenseNumber: `MQM-HOT-T${Date.now() % 100000}${(licence += 1)}`,
  ...overrides,
});

const hotelItem = (code: string) => ({ code, nameAr: 'غرفة مزدوجة', nameEn: 'Double room', roomType: 'DOUBLE' });

describe('the provider registry', () => {
  it('is readable by every signed-in party, and by nobody anonymous', async () => {
    for (const viewer of [
      as.supervisor(),
      as.officer(),
      as.manager(safwa!.id),
      as.agent(nusantara!.id),
      as.provider(towers!.id),
    ]) {
      const r = await sg.request<{ serviceProviders: Connection<ProviderNode> }>(PROVIDERS, { first: 1 }, viewer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.serviceProviders.totalCount).toBeGreaterThanOrEqual(demoRegistry.length);
    }
    expect(codes(await sg.request(PROVIDERS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('has providers of every kind in Makkah, Madinah and Jeddah in the demo', async () => {
    for (const city of ['Makkah', 'Madinah', 'Jeddah']) {
      const r = await sg.request<{ serviceProviders: Connection<ProviderNode> }>(
        PROVIDERS,
        { filter: { city }, first: 100 },
        as.agent(nusantara!.id),
      );
      expect(r.data!.serviceProviders.edges.every((e) => e.node.city === city)).toBe(true);
      expect(new Set(r.data!.serviceProviders.edges.map((e) => e.node.kind)).size).toBeGreaterThanOrEqual(3);
    }
    const kinds = new Set(demoRegistry.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['HOTEL', 'TRANSPORT', 'CATERING', 'ENRICHMENT', 'INSURANCE', 'TRAVEL_AGENT']));
  });

  it('filters by kind and by city, ignoring letter case', async () => {
    const r = await sg.request<{ serviceProviders: Connection<ProviderNode> }>(
      PROVIDERS,
      { filter: { kind: 'HOTEL', city: 'makkah' }, first: 100 },
      as.manager(safwa!.id),
    );
    const expected = demoRegistry.filter((p) => p.kind === 'HOTEL' && p.city === 'Makkah').map((p) => p.id);
    expect(r.data!.serviceProviders.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(expected));
    expect(r.data!.serviceProviders.edges.every((e) => e.node.kind === 'HOTEL' && e.node.city === 'Makkah')).toBe(true);
    const wildcard = await sg.request<{ serviceProviders: Connection<ProviderNode> }>(
      PROVIDERS,
      { filter: { city: '%' } },
      as.officer(),
    );
    expect(wildcard.data!.serviceProviders.totalCount).toBe(0);
    const blank = await sg.request(PROVIDERS, { filter: { city: ' ' } }, as.officer());
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.city' });
  });

  it('pages with cursors', async () => {
    const first = await sg.request<{ serviceProviders: Connection<ProviderNode> }>(
      PROVIDERS,
      { first: 4 },
      as.officer(),
    );
    const rest = await sg.request<{ serviceProviders: Connection<ProviderNode> }>(
      PROVIDERS,
      { first: 100, after: first.data!.serviceProviders.pageInfo.endCursor },
      as.officer(),
    );
    const ids = [...first.data!.serviceProviders.edges, ...rest.data!.serviceProviders.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(first.data!.serviceProviders.totalCount);
  });

  it('lets an officer register a provider, with its licence number in capitals', async () => {
    const input = registration({ licenseNumber: ' mqm-tra-9001 ', kind: 'TRANSPORT', city: 'Jeddah' });
    const r = await sg.request<{ registerServiceProvider: ProviderNode & { registeredAt: string } }>(
      REGISTER,
      { input },
      as.officer(),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.registerServiceProvider).toMatchObject({
      kind: 'TRANSPORT',
      city: 'Jeddah',
      licenseNumber: 'MQM-TRA-9001',
    });
    const again = await sg.request(REGISTER, { input: { ...input, licenseNumber: 'MQM-TRA-9001' } }, as.officer());
    expect(codes(again)).toEqual(['PROVIDER_LICENCE_TAKEN']);
    expect(again.errors![0]!.extensions?.['field']).toBe('input.licenseNumber');
  });

  it('refuses a malformed licence number or a blank name, naming the field', async () => {
    const bad = await sg.request(REGISTER, { input: registration({ licenseNumber: 'x' }) }, as.officer());
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.licenseNumber' });
    const blank = await sg.request(REGISTER, { input: registration({ nameEn: ' ' }) }, as.officer());
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nameEn' });
  });

  const others: [string, () => Viewer | null, string][] = [
    ['a supervisor', as.supervisor, 'FORBIDDEN'],
    ['a manager', () => as.manager(safwa!.id), 'FORBIDDEN'],
    ['an agent', () => as.agent(nusantara!.id), 'FORBIDDEN'],
    ['a provider', () => as.provider(towers!.id), 'FORBIDDEN'],
    ['an anonymous caller', () => null, 'UNAUTHENTICATED'],
  ];
  it.each(others)('refuses %s registering a provider, and nothing is added', async (_who, caller, code) => {
    const before = await count('service_provider');
    expect(codes(await sg.request(REGISTER, { input: registration() }, caller()))).toEqual([code]);
    expect(await count('service_provider')).toBe(before);
  });
});

describe('inventory items', () => {
  it('lets a provider add items of its own kind, with the details of that kind', async () => {
    const hotel = await createProvider(sg.db, { kind: 'HOTEL', city: 'Makkah' });
    const r = await sg.request<{ createInventoryItem: ItemNode }>(
      CREATE_ITEM,
      { input: hotelItem('dbl-haram') },
      as.provider(hotel),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createInventoryItem).toMatchObject({
      kind: 'HOTEL',
      code: 'DBL-HARAM',
      roomType: 'DOUBLE',
      routeFrom: null,
      provider: { id: hotel },
    });
    const twice = await sg.request(CREATE_ITEM, { input: hotelItem('DBL-HARAM') }, as.provider(hotel));
    expect(codes(twice)).toEqual(['INVENTORY_CODE_TAKEN']);

    const coach = await createProvider(sg.db, { kind: 'TRANSPORT', city: 'Jeddah' });
    const route = { code: 'JED-MAK', nameAr: 'جدة مكة', nameEn: 'Jeddah to Makkah' };
    const noRoute = await sg.request(CREATE_ITEM, { input: route }, as.provider(coach));
    expect(noRoute.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.routeFrom' });
    const withRoom = await sg.request(
      CREATE_ITEM,
      { input: { ...route, routeFrom: 'Jeddah', routeTo: 'Makkah', roomType: 'QUAD' } },
      as.provider(coach),
    );
    expect(withRoom.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roomType' });
    const ok = await sg.request<{ createInventoryItem: ItemNode }>(
      CREATE_ITEM,
      { input: { ...route, routeFrom: 'Jeddah', routeTo: 'Makkah' } },
      as.provider(coach),
    );
    expect(ok.data!.createInventoryItem).toMatchObject({ kind: 'TRANSPORT', routeFrom: 'Jeddah', roomType: null });
  });

  it('has no inventory for travel agents', async () => {
    const agency = await createProvider(sg.db, { kind: 'TRAVEL_AGENT', city: 'Jeddah' });
    const r = await sg.request(
      CREATE_ITEM,
      { input: { code: 'FLIGHT', nameAr: 'رحلة', nameEn: 'Flight' } },
      as.provider(agency),
    );
    expect(codes(r)).toEqual(['NO_INVENTORY_FOR_KIND']);
  });

  it('shows a provider only its own items; the ministry and managers see every provider’s', async () => {
    const mine = await createItem(sg.db, { kind: 'CATERING', city: 'Madinah' });
    const theirs = await createItem(sg.db, { kind: 'CATERING', city: 'Madinah' });
    const me = as.provider(mine.providerId);
    const list = await sg.request<{ inventoryItems: Connection<ItemNode> }>(ITEMS, { first: 100 }, me);
    expect(list.data!.inventoryItems.edges.map((e) => e.node.id)).toEqual([mine.itemId]);
    const asking = await sg.request<{ inventoryItems: Connection<ItemNode> }>(
      ITEMS,
      { filter: { providerId: theirs.providerId } },
      me,
    );
    expect(asking.data!.inventoryItems.totalCount).toBe(0);
    expect((await sg.request<{ inventoryItem: null }>(ITEM, { id: theirs.itemId }, me)).data!.inventoryItem).toBeNull();
    const refs = [mine.providerId, theirs.providerId].map((id) => ({ __typename: 'ServiceProvider', id }));
    const entities = await sg.request<{ _entities: { inventoryItems: Connection<ItemNode> | null }[] }>(
      PROVIDER_ITEMS,
      { r: refs },
      me,
    );
    expect(entities.data!._entities.map((e) => e.inventoryItems?.totalCount ?? null)).toEqual([1, null]);
    for (const viewer of [as.supervisor(), as.manager(safwa!.id)]) {
      const seen = await sg.request<{ inventoryItem: ItemNode | null }>(ITEM, { id: theirs.itemId }, viewer);
      expect(seen.data!.inventoryItem?.provider.id).toBe(theirs.providerId);
    }
    expect(codes(await sg.request(ITEMS, {}, as.agent(nusantara!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(ITEMS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('filters by kind and by the provider’s city', async () => {
    const r = await sg.request<{ inventoryItems: Connection<ItemNode> }>(
      ITEMS,
      { filter: { kind: 'HOTEL', city: 'Madinah' }, first: 100 },
      as.manager(safwa!.id),
    );
    const madinahHotels = new Set(
      demoRegistry.filter((p) => p.kind === 'HOTEL' && p.city === 'Madinah').map((p) => p.id),
    );
    expect(r.data!.inventoryItems.totalCount).toBeGreaterThan(0);
    expect(r.data!.inventoryItems.edges.every((e) => e.node.kind === 'HOTEL')).toBe(true);
    expect(r.data!.inventoryItems.edges.filter((e) => madinahHotels.has(e.node.provider.id)).length).toBeGreaterThan(0);
  });
});

describe('allotments', () => {
  it('opens one day per day of the period, then changes capacity and price without touching reservations', async () => {
    const { providerId, itemId } = await createItem(sg.db, { kind: 'ENRICHMENT', city: 'Makkah' });
    const from = daysFromToday(200);
    const to = daysFromToday(209);
    const me = as.provider(providerId);
    const r = await sg.request<{ setInventoryAllotments: AvailabilityNode }>(
      SET,
      { input: { itemId, from, to, capacity: 40, priceHalalas: 7500 } },
      me,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.setInventoryAllotments.days).toHaveLength(10);
    expect(r.data!.setInventoryAllotments).toMatchObject({ coversPeriod: true, fewestAvailable: 40 });
    expect((await dayCounts(sg.db, itemId, from, to)).length).toBe(10);
    await sql(`update inventory_allotment set reserved = 12 where item_id = ? and day = ?::date`, [itemId, from]);
    const changed = await sg.request<{ setInventoryAllotments: AvailabilityNode }>(
      SET,
      { input: { itemId, from, to, capacity: 30, priceHalalas: 9000 } },
      me,
    );
    expect(changed.data!.setInventoryAllotments.days[0]).toEqual({
      day: from,
      capacity: 30,
      reserved: 12,
      available: 18,
      priceHalalas: 9000,
    });
    expect(changed.data!.setInventoryAllotments.fewestAvailable).toBe(18);
  });

  it('refuses a capacity below what bookings hold, on any day, and changes no day', async () => {
    const { providerId, itemId } = await createItem(sg.db, { kind: 'HOTEL', city: 'Makkah', capacity: 20 });
    const from = daysFromToday(1);
    const to = daysFromToday(10);
    await sql(`update inventory_allotment set reserved = 7 where item_id = ? and day = ?::date`, [
      itemId,
      daysFromToday(6),
    ]);
    const r = await sg.request(
      SET,
      { input: { itemId, from, to, capacity: 5, priceHalalas: 100 } },
      as.provider(providerId),
    );
    expect(codes(r)).toEqual(['CAPACITY_BELOW_RESERVED']);
    expect(r.errors![0]!.extensions).toMatchObject({
      field: 'input.capacity',
      details: { day: daysFromToday(6), reserved: 7 },
    });
    const days = await dayCounts(sg.db, itemId, from, to);
    expect(days.every((d) => d.capacity === 20)).toBe(true);
    const atReserved = await sg.request(
      SET,
      { input: { itemId, from, to, capacity: 7, priceHalalas: 100 } },
      as.provider(providerId),
    );
    expect(atReserved.errors).toBeUndefined();
  });

  it('is refused by the database too: reserved stays between 0 and the capacity', async () => {
    const { itemId } = await createItem(sg.db, { kind: 'HOTEL', city: 'Makkah', capacity: 3 });
    const day = daysFromToday(2);
    await expect(
      sql(`update inventory_allotment set reserved = 4 where item_id = ? and day = ?::date`, [itemId, day]),
    ).rejects.toThrow(/check constraint/);
    await sql(`update inventory_allotment set reserved = 3 where item_id = ? and day = ?::date`, [itemId, day]);
    await expect(
      sql(`update inventory_allotment set capacity = 2 where item_id = ? and day = ?::date`, [itemId, day]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql(`update inventory_allotment set reserved = -1 where item_id = ? and day = ?::date`, [itemId, day]),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuses past days, a period longer than a year, and a period that ends before it starts', async () => {
    const { providerId, itemId } = await createItem(sg.db, { kind: 'INSURANCE', city: 'Jeddah' });
    const me = as.provider(providerId);
    const base = { itemId, capacity: 10, priceHalalas: 100 };
    const past = await sg.request(SET, { input: { ...base, from: daysFromToday(-2), to: daysFromToday(3) } }, me);
    expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    const long = await sg.request(SET, { input: { ...base, from: daysFromToday(1), to: daysFromToday(400) } }, me);
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    const backwards = await sg.request(SET, { input: { ...base, from: daysFromToday(5), to: daysFromToday(4) } }, me);
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    const negative = await sg.request(
      SET,
      { input: { ...base, capacity: -1, from: daysFromToday(5), to: daysFromToday(6) } },
      me,
    );
    expect(negative.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity' });
  });

  it('treats another provider’s item as missing, and changes nothing', async () => {
    const theirs = await createItem(sg.db, { kind: 'HOTEL', city: 'Madinah', capacity: 9 });
    const mine = await createProvider(sg.db, { kind: 'HOTEL', city: 'Madinah' });
    const from = daysFromToday(1);
    const r = await sg.request(
      SET,
      { input: { itemId: theirs.itemId, from, to: from, capacity: 99, priceHalalas: 1 } },
      as.provider(mine),
    );
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect((await dayCounts(sg.db, theirs.itemId, from, from))[0]!.capacity).toBe(9);
  });

  const outsiders: [string, () => Viewer | null, string][] = [
    ['a supervisor', as.supervisor, 'FORBIDDEN'],
    ['an officer', as.officer, 'FORBIDDEN'],
    ['a manager', () => as.manager(safwa!.id), 'FORBIDDEN'],
    ['an agent', () => as.agent(nusantara!.id), 'FORBIDDEN'],
    ['an anonymous caller', () => null, 'UNAUTHENTICATED'],
  ];
  it.each(outsiders)('refuses %s every inventory change, and nothing changes', async (_who, caller, code) => {
    const { itemId } = await createItem(sg.db, { kind: 'HOTEL', city: 'Makkah', capacity: 8 });
    const items = await count('inventory_item');
    const from = daysFromToday(1);
    const attempts = await Promise.all([
      sg.request(CREATE_ITEM, { input: hotelItem(`X-${uuidv7().slice(-6)}`) }, caller()),
      sg.request(SET, { input: { itemId, from, to: from, capacity: 99, priceHalalas: 1 } }, caller()),
    ]);
    for (const attempt of attempts) expect(codes(attempt)).toEqual([code]);
    expect(await count('inventory_item')).toBe(items);
    expect((await dayCounts(sg.db, itemId, from, from))[0]!.capacity).toBe(8);
  });
});

describe('availability', () => {
  it('gives each item its days in the period, and with minAvailable only items free on every day', async () => {
    const provider = await createProvider(sg.db, { kind: 'HOTEL', city: 'Madinah' });
    const full = await createItem(sg.db, { kind: 'HOTEL', providerId: provider, capacity: 4 });
    const roomy = await createItem(sg.db, { kind: 'HOTEL', providerId: provider, capacity: 30 });
    const from = daysFromToday(20);
    const to = daysFromToday(26);
    await sql(`update inventory_allotment set reserved = 4 where item_id = ? and day = ?::date`, [
      full.itemId,
      daysFromToday(23),
    ]);
    const all = await sg.request<{ availability: Connection<AvailabilityNode> }>(
      AVAILABILITY,
      { from, to, filter: { providerId: provider } },
      as.manager(safwa!.id),
    );
    expect(all.errors).toBeUndefined();
    expect(all.data!.availability.totalCount).toBe(2);
    const byId = new Map(all.data!.availability.edges.map((e) => [e.node.item.id, e.node]));
    expect(byId.get(full.itemId)!.days.map((d) => d.day)).toEqual(
      Array.from({ length: 7 }, (_, i) => daysFromToday(20 + i)),
    );
    expect(byId.get(full.itemId)).toMatchObject({ coversPeriod: true, fewestAvailable: 0 });
    expect(byId.get(roomy.itemId)).toMatchObject({ coversPeriod: true, fewestAvailable: 30 });
    const free = await sg.request<{ availability: Connection<AvailabilityNode> }>(
      AVAILABILITY,
      { from, to, filter: { providerId: provider }, min: 1 },
      as.manager(safwa!.id),
    );
    expect(free.data!.availability.edges.map((e) => e.node.item.id)).toEqual([roomy.itemId]);
    // Beyond the opened days the period is not covered, so no item offers places on every day.
    const beyond = await sg.request<{ availability: Connection<AvailabilityNode> }>(
      AVAILABILITY,
      { from: daysFromToday(135), to: daysFromToday(150), filter: { providerId: provider }, min: 1 },
      as.manager(safwa!.id),
    );
    expect(beyond.data!.availability.totalCount).toBe(0);
  });

  it('shows a provider its own calendar only', async () => {
    const mine = await createItem(sg.db, { kind: 'TRANSPORT', city: 'Makkah' });
    await createItem(sg.db, { kind: 'TRANSPORT', city: 'Makkah' });
    const r = await sg.request<{ availability: Connection<AvailabilityNode> }>(
      AVAILABILITY,
      { from: daysFromToday(1), to: daysFromToday(30), first: 100 },
      as.provider(mine.providerId),
    );
    expect(r.data!.availability.edges.map((e) => e.node.item.id)).toEqual([mine.itemId]);
    expect(
      codes(await sg.request(AVAILABILITY, { from: daysFromToday(1), to: daysFromToday(2) }, as.agent(nusantara!.id))),
    ).toEqual(['FORBIDDEN']);
  });

  it('covers the demo season for the demo hotel’s provider account', async () => {
    const r = await sg.request<{ availability: Connection<AvailabilityNode> }>(
      AVAILABILITY,
      { from: '2027-02-01', to: '2027-03-31', min: 1 },
      as.provider(towers!.id),
    );
    expect(r.data!.availability.totalCount).toBeGreaterThanOrEqual(3);
    expect(r.data!.availability.edges.every((e) => e.node.days.length === 59)).toBe(true);
  });

  it('refuses a period longer than 92 days or ending before it starts, naming the argument', async () => {
    const long = await sg.request(AVAILABILITY, { from: '2027-01-01', to: '2027-06-01' }, as.officer());
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const backwards = await sg.request(AVAILABILITY, { from: '2027-01-05', to: '2027-01-01' }, as.officer());
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const min = await sg.request(AVAILABILITY, { from: '2027-01-01', to: '2027-01-05', min: 0 }, as.officer());
    expect(min.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minAvailable' });
  });

  it('pages with cursors and costs the same statements for 1 item as for 50', async () => {
    const cost = async (first: number): Promise<{ statements: number; ids: string[]; cursor: string | null }> => {
      const before = sg.db.statementCount;
      const r = await sg.request<{ availability: Connection<AvailabilityNode> }>(
        AVAILABILITY,
        { from: '2027-01-01', to: '2027-01-31', first },
        as.supervisor(),
      );
      expect(r.errors).toBeUndefined();
      return {
        statements: sg.db.statementCount - before,
        ids: r.data!.availability.edges.map((e) => e.node.item.id),
        cursor: r.data!.availability.pageInfo.endCursor,
      };
    };
    const one = await cost(1);
    const fifty = await cost(50);
    expect(fifty.ids).toHaveLength(50);
    // Items, count, days, providers of the items.
    expect(one.statements).toBe(4);
    expect(fifty.statements).toBe(one.statements);
    const next = await sg.request<{ availability: Connection<AvailabilityNode> }>(
      AVAILABILITY,
      { from: '2027-01-01', to: '2027-01-31', first: 1, after: one.cursor },
      as.supervisor(),
    );
    expect(next.data!.availability.edges[0]!.node.item.id).toBe(fifty.ids[1]);
  });

  it('lists items with their providers in constant statements', async () => {
    const cost = async (first: number): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await sg.request(ITEMS, { first }, as.manager(safwa!.id));
      expect(r.errors).toBeUndefined();
      return sg.db.statementCount - before;
    };
    expect(await cost(1)).toBe(3);
    expect(await cost(60)).toBe(3);
  });
});
