import { uuidv7, type Database } from '@umrah/db-kit';
import { demoCompanies } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../../test/builders';
import { createComposedPackage, dayCounts, type ComposedPackage } from '../../test/inventory.builders';
import { packagesSubgraph } from '../index';
import { bookingConfig } from './booking.config';
import { bookPackage, cancelBooking, confirmBooking, expireHeldBookings } from './booking.service';
import type { Booking } from './booking.type';

const [safwa] = demoCompanies;
const manager = (): Viewer => as.manager(safwa!.id);
const HOUR_MS = 3_600_000;

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(packagesSubgraph);
});
afterAll(() => db.close());

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.getConnection().execute<T[]>(query, params);

/** The 8-night stay of a composed package starting `inDays` from today, for a new pilgrim. */
const book = (pkg: ComposedPackage, inDays = 5, pilgrimId: string = uuidv7()): Promise<Booking> =>
  bookPackage(db.fork(), manager(), {
    packageId: pkg.packageId,
    pilgrimId,
    startsOn: daysFromToday(inDays),
    endsOn: daysFromToday(inDays + 8),
  });

const statusOf = async (id: string): Promise<string> =>
  (await sql<{ status: string }>(`select status from booking where id = ?`, [id]))[0]!.status;
const eventsOf = async (id: string, type: string): Promise<number> =>
  Number(
    (
      await sql<{ n: string }>(`select count(*) as n from outbox_event where aggregate_id = ? and type = ?`, [id, type])
    )[0]!.n,
  );
const reservedOn = async (itemId: string, inDays: number, days: number): Promise<number[]> =>
  (await dayCounts(db, itemId, daysFromToday(inDays), daysFromToday(inDays + days - 1))).map((d) => d.reserved);
/** Moves a booking's taking and its hold deadline into the past, as if the hold period had gone by. */
const lapse = (id: string): Promise<unknown> =>
  sql(
    `update booking set created_at = now() - interval '2 days', held_until = now() - interval '1 hour' where id = ?`,
    [id],
  );
const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return String((error as { extensions?: { code?: string } }).extensions?.code ?? (error as Error).message);
  }
  return 'no error';
};

describe('an unpaid hold lapses', () => {
  it('takes a deadline one hold period after the booking is taken', async () => {
    const pkg = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const booking = await book(pkg);
    expect(booking.status).toBe('HELD');
    expect(booking.heldUntil!.getTime() - booking.createdAt.getTime()).toBe(bookingConfig().holdMs);
    expect(bookingConfig().holdMs).toBe(24 * HOUR_MS);
    expect(booking.expiredAt).toBeNull();
  });

  it('expires a due hold, gives its places back so a new booking can take them, once', async () => {
    const pkg = await createComposedPackage(db, safwa!.id, { capacity: 1 });
    const pilgrimId = uuidv7();
    const held = await book(pkg, 6, pilgrimId);
    expect(await codeOf(book(pkg, 6))).toBe('INVENTORY_UNAVAILABLE');
    expect(await reservedOn(pkg.makkahHotel.itemId, 6, 5)).toEqual([1, 1, 1, 1, 1]);

    // Not yet due: nothing happens.
    await expireHeldBookings(db, new Date(held.heldUntil!.getTime() - 1000));
    expect(await statusOf(held.id)).toBe('HELD');

    const at = new Date(held.heldUntil!.getTime() + 1000);
    expect(await expireHeldBookings(db, at)).toBeGreaterThanOrEqual(1);
    const [row] = await sql<{ status: string; expired_at: Date }>(
      `select status, expired_at from booking where id = ?`,
      [held.id],
    );
    expect(row!.status).toBe('EXPIRED');
    expect(new Date(row!.expired_at).getTime()).toBe(at.getTime());
    for (const item of [pkg.makkahHotel, pkg.madinahHotel, pkg.transport]) {
      expect((await reservedOn(item.itemId, 0, 20)).every((n) => n === 0)).toBe(true);
    }
    // The reservation rows stay, showing the booking expired.
    const [reservations] = await sql<{ n: string }>(
      `select count(*) as n from booking_reservation where booking_id = ?`,
      [held.id],
    );
    expect(Number(reservations!.n)).toBe(3);

    // A second pass finds nothing more to do: one event, one audit row, the places still free.
    expect(await expireHeldBookings(db, at)).toBe(0);
    expect(await eventsOf(held.id, 'BookingExpired')).toBe(1);
    expect(await eventsOf(held.id, 'BookingCancelled')).toBe(0);
    const audit = await sql<{ operation: string; actor_account_id: string | null; company_id: string }>(
      `select operation, actor_account_id, company_id from audit_log where target_id = ?`,
      [held.id],
    );
    expect(audit).toEqual([{ operation: 'expireBooking', actor_account_id: null, company_id: safwa!.id }]);
    expect(await reservedOn(pkg.makkahHotel.itemId, 6, 5)).toEqual([0, 0, 0, 0, 0]);

    // The freed place books again, and the same pilgrim may be booked again.
    const again = await book(pkg, 6, pilgrimId);
    expect(again.status).toBe('HELD');
    expect(await reservedOn(pkg.makkahHotel.itemId, 6, 5)).toEqual([1, 1, 1, 1, 1]);
  });

  it('publishes BookingExpired with the booking’s details', async () => {
    const pkg = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const held = await book(pkg, 9);
    await expireHeldBookings(db, new Date(held.heldUntil!.getTime() + 1));
    const [event] = await sql<{ payload: Record<string, unknown> }>(
      `select payload from outbox_event where aggregate_id = ? and type = 'BookingExpired'`,
      [held.id],
    );
    expect(event!.payload).toEqual({
      bookingId: held.id,
      bookingReference: held.bookingReference,
      pilgrimId: held.pilgrim!.id,
      companyId: safwa!.id,
      packageId: pkg.packageId,
      startsOn: daysFromToday(9),
      endsOn: daysFromToday(17),
    });
  });

  it('leaves confirmed and cancelled bookings alone', async () => {
    const pkg = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const confirmed = await book(pkg, 7);
    await confirmBooking(db.fork(), manager(), confirmed.id, 'SADAD-77');
    const cancelled = await book(pkg, 7);
    await cancelBooking(db.fork(), manager(), cancelled.id, 'Pilgrim withdrew');
    await expireHeldBookings(db, new Date(Date.now() + 48 * HOUR_MS));
    expect(await statusOf(confirmed.id)).toBe('CONFIRMED');
    expect(await statusOf(cancelled.id)).toBe('CANCELLED');
    expect(await reservedOn(pkg.makkahHotel.itemId, 7, 5)).toEqual([1, 1, 1, 1, 1]);
  });

  it('refuses to confirm after the deadline, even before the worker has run, and changes nothing', async () => {
    const pkg = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const held = await book(pkg, 8);
    await lapse(held.id);
    expect(await codeOf(confirmBooking(db.fork(), manager(), held.id, 'SADAD-1'))).toBe('INVALID_BOOKING_TRANSITION');
    expect(await statusOf(held.id)).toBe('HELD');
    expect(await eventsOf(held.id, 'BookingConfirmed')).toBe(0);
    expect(await reservedOn(pkg.makkahHotel.itemId, 8, 5)).toEqual([1, 1, 1, 1, 1]);
  });

  it('refuses to confirm or cancel an expired booking', async () => {
    const pkg = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const held = await book(pkg, 10);
    await lapse(held.id);
    await expireHeldBookings(db);
    expect(await statusOf(held.id)).toBe('EXPIRED');
    expect(await codeOf(confirmBooking(db.fork(), manager(), held.id, 'SADAD-2'))).toBe('INVALID_BOOKING_TRANSITION');
    expect(await codeOf(cancelBooking(db.fork(), manager(), held.id, 'Too late'))).toBe('INVALID_BOOKING_TRANSITION');
    expect(await statusOf(held.id)).toBe('EXPIRED');
    expect(await reservedOn(pkg.makkahHotel.itemId, 10, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('has the database refuse a confirmation past the deadline and any way out of EXPIRED', async () => {
    const pkg = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const lapsed = await book(pkg, 11);
    await lapse(lapsed.id);
    const confirmRaw = (id: string) =>
      sql(`update booking set status = 'CONFIRMED', confirmed_at = now(), payment_reference = 'RAW-1' where id = ?`, [
        id,
      ]);
    await expect(confirmRaw(lapsed.id)).rejects.toThrow(/booking_transition/);
    await expireHeldBookings(db);
    await expect(confirmRaw(lapsed.id)).rejects.toThrow(/booking_transition/);
    await expect(
      sql(`update booking set status = 'HELD', expired_at = null, held_until = now() + interval '1 day' where id = ?`, [
        lapsed.id,
      ]),
    ).rejects.toThrow(/booking_transition/);
    // An EXPIRED booking carries its expiry; a HELD one its deadline.
    await expect(sql(`update booking set expired_at = null where id = ?`, [lapsed.id])).rejects.toThrow(
      /booking_status_stamps_check/,
    );
    const live = await book(pkg, 11);
    await expect(sql(`update booking set held_until = null where id = ?`, [live.id])).rejects.toThrow(
      /booking_status_stamps_check|booking_held_until_check/,
    );
  });
});

describe('the packages subgraph', () => {
  it('runs the expiry job among its background workers', async () => {
    const sg = await bootSubgraph(packagesSubgraph);
    try {
      const pkg = await createComposedPackage(sg.db, safwa!.id, { capacity: 5 });
      const held = await bookPackage(sg.db.fork(), manager(), {
        packageId: pkg.packageId,
        pilgrimId: uuidv7(),
        startsOn: daysFromToday(5),
        endsOn: daysFromToday(13),
      });
      await sg.db.orm.em
        .getConnection()
        .execute(
          `update booking set created_at = now() - interval '2 days', held_until = now() - interval '1 minute' where id = ?`,
          [held.id],
        );
      expect(await sg.runWorkers()).toBeGreaterThanOrEqual(1);
      const r = await sg.request<{ booking: { status: string; heldUntil: string; expiredAt: string } }>(
        `query($id: ID!) { booking(id: $id) { status heldUntil expiredAt } }`,
        { id: held.id },
        manager(),
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.booking.status).toBe('EXPIRED');
      expect(Date.parse(r.data!.booking.expiredAt)).toBeGreaterThanOrEqual(Date.parse(r.data!.booking.heldUntil));
    } finally {
      await sg.close();
    }
  });
});

describe('concurrent expiry passes', () => {
  it.runIf(process.env['TEST_DATABASE_URL'])(
    'expire each due booking exactly once: one status change, one event, places given back once',
    async () => {
      const pkg = await createComposedPackage(db, safwa!.id, { capacity: 30 });
      const held: Booking[] = [];
      for (let i = 0; i < 24; i++) held.push(await book(pkg, 12));
      const ids = held.map((b) => b.id);
      await sql(
        `update booking set created_at = now() - interval '2 days', held_until = now() - interval '1 hour' where id in (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      const counts = await Promise.all([expireHeldBookings(db), expireHeldBookings(db), expireHeldBookings(db)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24);
      for (const id of ids) {
        expect(await statusOf(id)).toBe('EXPIRED');
        expect(await eventsOf(id, 'BookingExpired')).toBe(1);
      }
      const audits = await sql<{ n: string }>(
        `select count(*) as n from audit_log where operation = 'expireBooking' and target_id in (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      expect(Number(audits[0]!.n)).toBe(24);
      for (const item of [pkg.makkahHotel, pkg.madinahHotel, pkg.transport]) {
        expect((await reservedOn(item.itemId, 12, 8)).every((n) => n === 0)).toBe(true);
      }
    },
  );

  it.runIf(process.env['TEST_DATABASE_URL'])(
    'a manager confirming while the worker expires: exactly one of them wins',
    async () => {
      const pkg = await createComposedPackage(db, safwa!.id, { capacity: 30 });
      const held = await book(pkg, 13);
      // Due a moment from now: the confirmation may still be in time when it takes the lock.
      const [results] = await Promise.all([
        Promise.allSettled([confirmBooking(db.fork(), manager(), held.id, 'SADAD-RACE')]),
        expireHeldBookings(db, new Date(held.heldUntil!.getTime() + 1)),
      ]);
      const status = await statusOf(held.id);
      if (results[0]!.status === 'fulfilled') {
        expect(status).toBe('CONFIRMED');
        expect(await reservedOn(pkg.makkahHotel.itemId, 13, 5)).toEqual([1, 1, 1, 1, 1]);
      } else {
        expect(status).toBe('EXPIRED');
        expect(await reservedOn(pkg.makkahHotel.itemId, 13, 5)).toEqual([0, 0, 0, 0, 0]);
      }
      expect((await eventsOf(held.id, 'BookingExpired')) + (await eventsOf(held.id, 'BookingConfirmed'))).toBe(1);
    },
  );
});
