import { Migration } from '@umrah/db-kit';

/**
 * What this subgraph knows of the packages subgraph's bookings, kept from its `BookingConfirmed`
 * and `BookingCancelled` events: the visa issuance asks for a confirmed booking locally instead of
 * calling another subgraph. Only bookings of a pilgrim by the pilgrim's own company are kept.
 */
export class PilgrimBookings extends Migration {
  override name = '0010-bookings';

  up(): void {
    this.addSql(`
      create table pilgrim_booking (
        booking_id uuid primary key,
        pilgrim_id uuid not null,
        company_id uuid not null,
        package_id uuid not null,
        booking_reference text not null,
        starts_on date not null,
        ends_on date not null,
        status text not null check (status in ('CONFIRMED', 'CANCELLED')),
        -- Position of the event last applied: an older event never overwrites a newer one.
        event_seq bigint not null,
        updated_at timestamptz not null default now(),
        check (ends_on > starts_on)
      )`);
    this.addSql(`create index pilgrim_booking_pilgrim_idx on pilgrim_booking (pilgrim_id)`);
  }
}
