import { Migration } from '@umrah/db-kit';
import { OUTBOX_ORDER_SQL, OUTBOX_SQL } from '@umrah/events';
import { BOOKING_REFERENCE_PATTERN } from '../booking/booking.reference';

/**
 * Bookings of approved packages for pilgrims, and the outbox: this subgraph now publishes
 * `BookingConfirmed` and `BookingCancelled`, which the pilgrims subgraph needs before a visa is issued.
 */
export class Bookings extends Migration {
  override name = '0003-bookings';

  up(): void {
    for (const sql of [...OUTBOX_SQL, ...OUTBOX_ORDER_SQL]) this.addSql(sql);
    // Target of booking's composite key: a booking's package belongs to the booking's company.
    this.addSql(`alter table service_package add constraint service_package_id_company_key unique (id, company_id)`);
    this.addSql(`
      create table booking (
        id uuid primary key,
        booking_reference text not null check (booking_reference ~ '${BOOKING_REFERENCE_PATTERN}'),
        pilgrim_id uuid not null,
        company_id uuid not null,
        package_id uuid not null,
        starts_on date not null,
        ends_on date not null,
        status text not null default 'HELD' check (status in ('HELD', 'CONFIRMED', 'CANCELLED')),
        created_by uuid not null,
        created_at timestamptz not null default now(),
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text check (char_length(btrim(cancel_reason)) between 3 and 500),
        payment_reference text check (char_length(payment_reference) between 3 and 64),
        idempotency_key text check (char_length(idempotency_key) between 1 and 200),
        constraint booking_reference_key unique (booking_reference),
        constraint booking_package_fk foreign key (package_id, company_id) references service_package (id, company_id),
        constraint booking_dates_check check (ends_on > starts_on),
        -- Each status carries exactly the stamps of the steps that led to it.
        constraint booking_status_stamps_check check (
          case status
            when 'HELD' then confirmed_at is null and payment_reference is null and cancelled_at is null and cancel_reason is null
            when 'CONFIRMED' then confirmed_at is not null and payment_reference is not null and cancelled_at is null and cancel_reason is null
            else cancelled_at is not null and cancel_reason is not null and (confirmed_at is null) = (payment_reference is null)
          end
        )
      )`);
    // One live (held or confirmed) booking per pilgrim: the rule the visa check relies on.
    this.addSql(`create unique index booking_live_pilgrim_key on booking (pilgrim_id) where status <> 'CANCELLED'`);
    // A retried bookPackage with the same key from the same account finds the first booking.
    this.addSql(
      `create unique index booking_idempotency_key on booking (created_by, idempotency_key) where idempotency_key is not null`,
    );
    // Lists are read page by page in id order (keyset), per company, and filtered by package or pilgrim.
    this.addSql(`create index booking_company_idx on booking (company_id, id)`);
    this.addSql(`create index booking_package_idx on booking (package_id, id)`);
    this.addSql(`create index booking_pilgrim_idx on booking (pilgrim_id, id)`);
  }
}
