import type { EntityManager } from '@umrah/db-kit';
import type { EventHandler, FeedEvent } from '@umrah/events';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['bookingId', 'bookingReference', 'pilgrimId', 'companyId', 'packageId', 'startsOn', 'endsOn'] as const;
type BookingPayload = Record<(typeof FIELDS)[number], string>;

function readPayload(payload: Record<string, unknown>): BookingPayload | null {
  const values = FIELDS.map((key) => payload[key]);
  if (!values.every((v): v is string => typeof v === 'string' && v.length > 0)) return null;
  const read = Object.fromEntries(FIELDS.map((key, i) => [key, values[i]])) as BookingPayload;
  return DAY.test(read.startsOn) && DAY.test(read.endsOn) && read.endsOn > read.startsOn ? read : null;
}

/**
 * Upserts the booking as the event tells it, only for a pilgrim registered here by the same
 * company (a booking of someone else's pilgrim never counts). Order-safe on top of the inbox's
 * once-only delivery: an event older than the one applied changes nothing, and a cancellation is final.
 */
async function applyBooking(em: EntityManager, event: FeedEvent, status: 'CONFIRMED' | 'CANCELLED'): Promise<void> {
  const b = readPayload(event.payload);
  if (!b) return;
  await em.getConnection().execute(
    `insert into pilgrim_booking
       (booking_id, pilgrim_id, company_id, package_id, booking_reference, starts_on, ends_on, status, event_seq)
     select ?, p.id, p.company_id, ?, ?, ?::date, ?::date, ?, ? from pilgrim p where p.id = ? and p.company_id = ?
     on conflict (booking_id) do update set status = excluded.status, package_id = excluded.package_id,
       booking_reference = excluded.booking_reference, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
       event_seq = excluded.event_seq, updated_at = now()
     where pilgrim_booking.event_seq < excluded.event_seq and pilgrim_booking.status <> 'CANCELLED'`,
    [b.bookingId, b.packageId, b.bookingReference, b.startsOn, b.endsOn, status, event.seq, b.pilgrimId, b.companyId],
    'run',
    em.getTransactionContext(),
  );
}

/** Applies the packages subgraph's booking events; others are acknowledged and ignored. */
export const packagesEventHandler: EventHandler = async (em, event) => {
  if (event.type === 'BookingConfirmed') await applyBooking(em, event, 'CONFIRMED');
  if (event.type === 'BookingCancelled') await applyBooking(em, event, 'CANCELLED');
};
