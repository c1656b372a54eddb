import { uuidv7 } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagesSubgraph } from '../src/index';
import { createBookablePackage, daysFromToday } from './builders';
import { createComposedPackage, dayCounts, openDays } from './inventory.builders';

let sg: TestSubgraph;
const [safwa, rawda] = demoCompanies;
const [nusantara] = demoAgents;
const [towers] = demoProviders;
const manager = (): Viewer => as.manager(safwa!.id);

beforeAll(async () => {
  sg = await bootSubgraph(packagesSubgraph, { demo: true });
});
afterAll(() => sg.close());

interface Reservation {
  firstDay: string;
  lastDay: string;
  days: number;
  quantity: number;
  bookingReference: string;
  bookingStatus: string;
  company: { id: string };
  item: { id: string; provider: { id: string } };
}
interface BookingNode {
  id: string;
  bookingReference: string;
  status: string;
  reservations: Reservation[];
}
const RESERVATION =
  'firstDay lastDay days quantity bookingReference bookingStatus company { id } item { id provider { id } }';
const BOOK = `mutation($input: BookPackageInput!) { bookPackage(input: $input) { id bookingReference status reservations { ${RESERVATION} } } }`;
const CONFIRM = `mutation($id: ID!) { confirmBooking(id: $id, paymentReference: "SADAD-1") { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id, reason: "Pilgrim withdrew") { id status reservations { ${RESERVATION} } } }`;
const RESERVATIONS = `query($filter: InventoryReservationFilter, $first: Int) {
  inventoryReservations(filter: $filter, first: $first) { totalCount edges { node { ${RESERVATION} } } }
}`;

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  sg.db.orm.em.getConnection().execute<T[]>(query, params);
const bookingCount = async (): Promise<number> =>
  Number((await sql<{ n: string }>(`select count(*) as n from booking`))[0]!.n);

/** The 8-night stay starting `inDays` from today. */
const stay = (inDays = 3) => ({ startsOn: daysFromToday(inDays), endsOn: daysFromToday(inDays + 8) });
const book = (
  viewer: Viewer | null,
  packageId: string,
  inDays = 3,
): Promise<GraphQLResponse<{ bookPackage: BookingNode }>> =>
  sg.request<{ bookPackage: BookingNode }>(
    BOOK,
    { input: { packageId, pilgrimId: uuidv7(), ...stay(inDays) } },
    viewer,
  );
const reservedOn = async (itemId: string, from: string, to: string): Promise<number[]> =>
  (await dayCounts(sg.db, itemId, from, to)).map((d) => d.reserved);

/** Every (item, day): reserved equals the places held by live bookings' reservations covering it. */
async function ledgerMismatches(): Promise<unknown[]> {
  return sql(
    `select a.item_id, a.day::text, a.reserved, coalesce(sum(r.quantity) filter (where b.status <> 'CANCELLED'), 0) as held
       from inventory_allotment a
       left join booking_reservation r on r.item_id = a.item_id and a.day >= r.first_day and a.day < r.first_day + r.days
       left join booking b on b.id = r.booking_id
      group by a.item_id, a.day, a.reserved
     having a.reserved <> coalesce(sum(r.quantity) filter (where b.status <> 'CANCELLED'), 0)`,
  );
}

describe('booking reserves every component’s inventory', () => {
  it('holds one place of each item on each day its component uses, and says so on the booking', async () => {
    const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 10 });
    const r = await book(manager(), pkg.packageId, 4);
    expect(r.errors).toBeUndefined();
    const booking = r.data!.bookPackage;
    const d = (n: number) => daysFromToday(4 + n);
    expect(await reservedOn(pkg.transport.itemId, d(-1), d(1))).toEqual([0, 1, 0]);
    expect(await reservedOn(pkg.makkahHotel.itemId, d(-1), d(5))).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect(await reservedOn(pkg.madinahHotel.itemId, d(4), d(8))).toEqual([0, 1, 1, 1, 0]);
    // In the order of the stay: by first day, then the shorter first.
    expect(booking.reservations.map((x) => [x.item.id, x.firstDay, x.lastDay, x.days, x.quantity])).toEqual([
      [pkg.transport.itemId, d(0), d(0), 1, 1],
      [pkg.makkahHotel.itemId, d(0), d(4), 5, 1],
      [pkg.madinahHotel.itemId, d(5), d(7), 3, 1],
    ]);
    expect(booking.reservations.every((x) => x.bookingReference === booking.bookingReference)).toBe(true);
  });

  it('confirming changes no count; cancelling gives every place back', async () => {
    const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 10 });
    const booking = (await book(manager(), pkg.packageId, 4)).data!.bookPackage;
    await sg.request(CONFIRM, { id: booking.id }, manager());
    expect(await reservedOn(pkg.makkahHotel.itemId, daysFromToday(4), daysFromToday(8))).toEqual([1, 1, 1, 1, 1]);
    const cancelled = await sg.request<{ cancelBooking: BookingNode }>(CANCEL, { id: booking.id }, manager());
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelBooking.reservations.every((x) => x.bookingStatus === 'CANCELLED')).toBe(true);
    for (const item of [pkg.makkahHotel, pkg.madinahHotel, pkg.transport]) {
      expect((await reservedOn(item.itemId, daysFromToday(0), daysFromToday(14))).every((n) => n === 0)).toBe(true);
    }
  });

  it('refuses a stay with a day short of places, naming the item and the day, and reserves nothing at all', async () => {
    const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 10 });
    const fullNight = daysFromToday(4 + 6);
    await openDays(sg.db, pkg.madinahHotel.itemId, fullNight, fullNight, 0);
    const before = await bookingCount();
    const r = await book(manager(), pkg.packageId, 4);
    expect(codes(r)).toEqual(['INVENTORY_UNAVAILABLE']);
    expect(r.errors![0]!.extensions).toMatchObject({
      field: 'input.startsOn',
      details: { itemId: pkg.madinahHotel.itemId, day: fullNight, available: 0 },
    });
    expect(await bookingCount()).toBe(before);
    expect((await reservedOn(pkg.makkahHotel.itemId, daysFromToday(0), daysFromToday(14))).every((n) => n === 0)).toBe(
      true,
    );
    // Other dates of the same package still book.
    expect((await book(manager(), pkg.packageId, 20)).errors).toBeUndefined();
  });

  it('refuses a stay on days the provider has not opened', async () => {
    const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 10 });
    await sql(`delete from inventory_allotment where item_id = ? and day = ?::date`, [
      pkg.transport.itemId,
      daysFromToday(30),
    ]);
    const r = await book(manager(), pkg.packageId, 30);
    expect(codes(r)).toEqual(['INVENTORY_UNAVAILABLE']);
    expect(r.errors![0]!.extensions).toMatchObject({ details: { itemId: pkg.transport.itemId, available: 0 } });
  });

  it('takes the last place, then refuses the next booking', async () => {
    const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 2 });
    expect((await book(manager(), pkg.packageId, 6)).errors).toBeUndefined();
    expect((await book(manager(), pkg.packageId, 6)).errors).toBeUndefined();
    expect(codes(await book(manager(), pkg.packageId, 6))).toEqual(['INVENTORY_UNAVAILABLE']);
    expect(await reservedOn(pkg.makkahHotel.itemId, daysFromToday(6), daysFromToday(10))).toEqual([2, 2, 2, 2, 2]);
  });

  it('reserves nothing for a package composed before Maqam inventory (no components)', async () => {
    const packageId = await createBookablePackage(sg.db, safwa!.id);
    const r = await book(manager(), packageId);
    expect(r.errors).toBeUndefined();
    expect(r.data!.bookPackage.reservations).toEqual([]);
  });

  const outsiders: [string, () => Viewer | null, string][] = [
    ['a supervisor', as.supervisor, 'FORBIDDEN'],
    ['an officer', as.officer, 'FORBIDDEN'],
    ['an agent', () => as.agent(nusantara!.id), 'FORBIDDEN'],
    ['a provider', () => as.provider(towers!.id), 'FORBIDDEN'],
    ['another company’s manager', () => as.manager(rawda!.id), 'NOT_FOUND'],
    ['an anonymous caller', () => null, 'UNAUTHENTICATED'],
  ];
  it.each(outsiders)('lets %s neither book, confirm nor cancel, and no place moves', async (_who, caller, code) => {
    const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 10 });
    const booking = (await book(manager(), pkg.packageId, 4)).data!.bookPackage;
    const before = await reservedOn(pkg.makkahHotel.itemId, daysFromToday(0), daysFromToday(30));
    const bookings = await bookingCount();
    expect(codes(await book(caller(), pkg.packageId, 15))).toEqual([code]);
    expect(codes(await sg.request(CONFIRM, { id: booking.id }, caller()))).toEqual([code]);
    expect(codes(await sg.request(CANCEL, { id: booking.id }, caller()))).toEqual([code]);
    expect(await reservedOn(pkg.makkahHotel.itemId, daysFromToday(0), daysFromToday(30))).toEqual(before);
    expect(await bookingCount()).toBe(bookings);
    const [row] = await sql<{ status: string }>(`select status from booking where id = ?`, [booking.id]);
    expect(row!.status).toBe('HELD');
  });

  it('keeps every day’s reserved count equal to what live bookings hold, demo bookings included', async () => {
    expect(await ledgerMismatches()).toEqual([]);
    const demo = await sql<{ n: string }>(
      `select count(*) as n from booking_reservation r join booking b on b.id = r.booking_id
        where b.status <> 'CANCELLED' and b.created_at < '2026-11-20'`,
    );
    expect(Number(demo[0]!.n)).toBeGreaterThan(50);
  });
});

describe('a provider sees the bookings on its inventory', () => {
  it('lists its reservations with the BRN, status and company; nobody else’s', async () => {
    const pkg = await createComposedPackage(sg.db, rawda!.id, { capacity: 10 });
    const booking = (await book(as.manager(rawda!.id), pkg.packageId, 8)).data!.bookPackage;
    const hotel = as.provider(pkg.makkahHotel.providerId);
    const r = await sg.request<{ inventoryReservations: { totalCount: number; edges: { node: Reservation }[] } }>(
      RESERVATIONS,
      {},
      hotel,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.inventoryReservations.edges.map((e) => e.node)).toEqual([
      {
        firstDay: daysFromToday(8),
        lastDay: daysFromToday(12),
        days: 5,
        quantity: 1,
        bookingReference: booking.bookingReference,
        bookingStatus: 'HELD',
        company: { id: rawda!.id },
        item: { id: pkg.makkahHotel.itemId, provider: { id: pkg.makkahHotel.providerId } },
      },
    ]);
    const filtered = await sg.request<{ inventoryReservations: { totalCount: number } }>(
      RESERVATIONS,
      { filter: { from: daysFromToday(13), to: daysFromToday(40) } },
      hotel,
    );
    expect(filtered.data!.inventoryReservations.totalCount).toBe(0);
    const other = await sg.request<{ inventoryReservations: { totalCount: number } }>(
      RESERVATIONS,
      { filter: { providerId: pkg.makkahHotel.providerId } },
      as.provider(pkg.madinahHotel.providerId),
    );
    expect(other.data!.inventoryReservations.totalCount).toBe(0);
    const ministry = await sg.request<{ inventoryReservations: { totalCount: number } }>(
      RESERVATIONS,
      { filter: { providerId: pkg.madinahHotel.providerId } },
      as.supervisor(),
    );
    expect(ministry.data!.inventoryReservations.totalCount).toBe(1);
    expect(codes(await sg.request(RESERVATIONS, {}, as.manager(rawda!.id)))).toEqual(['FORBIDDEN']);
    expect(codes(await sg.request(RESERVATIONS, {}, as.agent(nusantara!.id)))).toEqual(['FORBIDDEN']);
  });

  it('shows the demo hotel’s account the demo bookings on its rooms', async () => {
    const r = await sg.request<{ inventoryReservations: { totalCount: number; edges: { node: Reservation }[] } }>(
      RESERVATIONS,
      { first: 100 },
      as.provider(towers!.id),
    );
    expect(r.data!.inventoryReservations.totalCount).toBeGreaterThan(0);
    expect(r.data!.inventoryReservations.edges.every((e) => e.node.item.provider.id === towers!.id)).toBe(true);
  });

  it('reads reservations and bookings with their items in constant statements', async () => {
    const cost = async (query: string, first: number, viewer: Viewer): Promise<number> => {
      const before = sg.db.statementCount;
      const r = await sg.request(query, { first }, viewer);
      expect(r.errors).toBeUndefined();
      return sg.db.statementCount - before;
    };
    const one = await cost(RESERVATIONS, 1, as.supervisor());
    expect(one).toBe(4); // reservations, count, items, providers
    expect(await cost(RESERVATIONS, 50, as.supervisor())).toBe(one);
    const BOOKINGS = `query($first: Int) { bookings(first: $first) { totalCount edges { node { id reservations { ${RESERVATION} } } } } }`;
    const b1 = await cost(BOOKINGS, 1, as.officer());
    expect(b1).toBe(5); // bookings, count, reservations, items, providers
    expect(await cost(BOOKINGS, 40, as.officer())).toBe(b1);
  });
});

describe('concurrent bookings', () => {
  it.runIf(process.env['TEST_DATABASE_URL'])(
    'never exceed capacity: 20 bookings race for 5 places, exactly 5 succeed',
    async () => {
      const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 5 });
      const results = await Promise.all(Array.from({ length: 20 }, () => book(manager(), pkg.packageId, 5)));
      const booked = results.filter((r) => !r.errors);
      expect(booked.length).toBe(5);
      expect(results.filter((r) => r.errors).flatMap(codes)).toEqual(
        Array.from({ length: 15 }, () => 'INVENTORY_UNAVAILABLE'),
      );
      for (const item of [pkg.makkahHotel, pkg.madinahHotel]) {
        const days = await dayCounts(sg.db, item.itemId, daysFromToday(5), daysFromToday(12));
        expect(days.filter((d) => d.reserved > 0).every((d) => d.reserved === 5 && d.capacity === 5)).toBe(true);
      }
      expect(await reservedOn(pkg.transport.itemId, daysFromToday(5), daysFromToday(5))).toEqual([5]);
      expect(await ledgerMismatches()).toEqual([]);
    },
  );

  it.runIf(process.env['TEST_DATABASE_URL'])(
    'cancellations and bookings racing on the same days neither deadlock nor lose a place',
    async () => {
      const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 6 });
      const first = await Promise.all(Array.from({ length: 6 }, () => book(manager(), pkg.packageId, 7)));
      const held = first.map((r) => r.data!.bookPackage.id);
      const results = await Promise.all([
        ...held.slice(0, 4).map((id) => sg.request(CANCEL, { id }, manager())),
        ...Array.from({ length: 10 }, () => book(manager(), pkg.packageId, 7)),
      ]);
      expect(results.slice(0, 4).every((r) => !r.errors)).toBe(true);
      const rebooked = results.slice(4).filter((r) => !r.errors).length;
      expect(
        results
          .slice(4)
          .filter((r) => r.errors)
          .flatMap(codes)
          .every((c) => c === 'INVENTORY_UNAVAILABLE'),
      ).toBe(true);
      expect(rebooked).toBeLessThanOrEqual(4);
      const live = 6 - 4 + rebooked;
      expect(await reservedOn(pkg.makkahHotel.itemId, daysFromToday(7), daysFromToday(11))).toEqual(
        Array.from({ length: 5 }, () => live),
      );
      expect(await ledgerMismatches()).toEqual([]);
    },
  );

  it.runIf(process.env['TEST_DATABASE_URL'])(
    'a provider lowering capacity while bookings race never leaves reserved above capacity',
    async () => {
      const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 8 });
      const provider = as.provider(pkg.makkahHotel.providerId);
      const SET = `mutation($input: SetInventoryAllotmentsInput!) { setInventoryAllotments(input: $input) { fewestAvailable } }`;
      const results = await Promise.all([
        ...Array.from({ length: 8 }, () => book(manager(), pkg.packageId, 9)),
        sg.request(
          SET,
          {
            input: {
              itemId: pkg.makkahHotel.itemId,
              from: daysFromToday(9),
              to: daysFromToday(13),
              capacity: 3,
              priceHalalas: 100,
            },
          },
          provider,
        ),
      ]);
      const setResult = results[8]!;
      const days = await dayCounts(sg.db, pkg.makkahHotel.itemId, daysFromToday(9), daysFromToday(13));
      expect(days.every((d) => d.reserved <= d.capacity)).toBe(true);
      if (!setResult.errors) expect(days.every((d) => d.capacity === 3)).toBe(true);
      else expect(codes(setResult)).toEqual(['CAPACITY_BELOW_RESERVED']);
      expect(await ledgerMismatches()).toEqual([]);
    },
  );
});
