import type { Database } from '@umrah/db-kit';
import { demoCompanies, demoPilgrims } from '@umrah/demo';
import { applyEvent, type FeedEvent } from '@umrah/events';
import { openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../index';
import { packagesEventHandler } from './booking.handler';
import { confirmedBookingsOf } from './booking.service';

const [safwa] = demoCompanies;
const [first, second, third] = demoPilgrims().filter((p) => p.companyId === safwa!.id);
let db: Database;
let seq = 1000;

beforeAll(async () => {
  db = await openTestDatabase(pilgrimsSubgraph);
  await pilgrimsSubgraph.seedDemo(db);
});
afterAll(() => db.close());

const payload = (bookingId: string, pilgrimId: string, companyId = safwa!.id) => ({
  bookingId,
  bookingReference: `BRN-${bookingId.slice(0, 10).replace(/-/g, '0').toUpperCase()}`,
  pilgrimId,
  companyId,
  packageId: '01900000-0000-7000-8000-00000000a001',
  startsOn: '2026-12-10',
  endsOn: '2026-12-18',
});

/** A packages feed event as the consumer receives it; each gets the next position in the feed. */
function event(type: string, body: Record<string, unknown>): FeedEvent {
  seq += 1;
  return {
    seq,
    txId: '0',
    id: crypto.randomUUID(),
    type,
    aggregateType: 'Booking',
    aggregateId: String(body['bookingId']),
    payload: body,
    occurredAt: new Date().toISOString(),
  } as FeedEvent;
}

const deliver = (e: FeedEvent): Promise<boolean> => applyEvent(db, 'packages', e, packagesEventHandler);
const bookingsOf = async (pilgrimId: string) => (await confirmedBookingsOf(db.fork(), [pilgrimId])).get(pilgrimId);

describe('the packages feed keeps the pilgrims’ confirmed bookings', () => {
  it('records a confirmation and drops it on cancellation', async () => {
    const id = crypto.randomUUID();
    await deliver(event('BookingConfirmed', payload(id, first!.id)));
    expect(await bookingsOf(first!.id)).toEqual([
      {
        bookingId: id,
        bookingReference: payload(id, first!.id).bookingReference,
        packageId: '01900000-0000-7000-8000-00000000a001',
        companyId: safwa!.id,
        startsOn: '2026-12-10',
        endsOn: '2026-12-18',
      },
    ]);
    await deliver(event('BookingCancelled', payload(id, first!.id)));
    expect(await bookingsOf(first!.id)).toEqual([]);
  });

  it('applies an event delivered twice once', async () => {
    const id = crypto.randomUUID();
    const confirmed = event('BookingConfirmed', payload(id, second!.id));
    expect(await deliver(confirmed)).toBe(true);
    expect(await deliver(confirmed)).toBe(false);
    expect((await bookingsOf(second!.id))!.map((b) => b.bookingId)).toEqual([id]);
  });

  it('lets no older event undo a newer one: a cancellation is final', async () => {
    const id = crypto.randomUUID();
    const confirmed = event('BookingConfirmed', payload(id, third!.id));
    const cancelled = event('BookingCancelled', payload(id, third!.id));
    await deliver(cancelled);
    // The confirmation comes late (another event id, as after a producer replay): it changes nothing.
    await deliver({ ...confirmed, id: crypto.randomUUID() });
    await deliver(event('BookingConfirmed', payload(id, third!.id)));
    expect(await bookingsOf(third!.id)).toEqual([]);
  });

  it('ignores a booking of a pilgrim of another company, of an unknown pilgrim, or with a broken payload', async () => {
    const other = demoCompanies.find((c) => c.id !== safwa!.id)!;
    const unknownPilgrim = crypto.randomUUID();
    await deliver(event('BookingConfirmed', payload(crypto.randomUUID(), first!.id, other.id)));
    await deliver(event('BookingConfirmed', payload(crypto.randomUUID(), unknownPilgrim)));
    await deliver(event('BookingConfirmed', { ...payload(crypto.randomUUID(), first!.id), endsOn: '2026-12-01' }));
    expect(await bookingsOf(first!.id)).toEqual([]);
    expect(await bookingsOf(unknownPilgrim)).toEqual([]);
    const rows = await db.orm.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from pilgrim_booking where pilgrim_id = ?`, [unknownPilgrim]);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('answers for many pilgrims in one statement, with an empty list for those without', async () => {
    const ids = [first!.id, second!.id, third!.id, 'not-a-uuid'];
    const before = db.statementCount;
    const map = await confirmedBookingsOf(db.fork(), ids);
    expect(db.statementCount - before).toBe(1);
    expect([...map.keys()]).toEqual(ids);
    expect(map.get(second!.id)!.length).toBe(1);
    expect(map.get(first!.id)).toEqual([]);
    expect(map.get('not-a-uuid')).toEqual([]);
  });
});
