import { Migration } from '@umrah/db-kit';

/**
 * Unpaid holds lapse: a HELD booking carries the deadline by which it must be paid; past it a
 * worker moves it to EXPIRED and gives its inventory places back. EXPIRED is final, like CANCELLED,
 * and frees the pilgrim for another booking. Bookings taken before this migration get a full hold
 * period from the upgrade (24 hours, the default), not one counted from when they were taken.
 */
export class BookingHolds extends Migration {
  override name = '0007-booking-holds';

  up(): void {
    this.addSql(`alter table booking add column held_until timestamptz, add column expired_at timestamptz`);
    this.addSql(
      `update booking set held_until = greatest(now(), created_at) + interval '24 hours' where status = 'HELD'`,
    );
    // The service always sets the deadline from its setting; a row written without one gets the default period.
    this.addSql(`alter table booking alter column held_until set default now() + interval '24 hours'`);
    this.addSql(`alter table booking drop constraint booking_status_check`);
    this.addSql(
      `alter table booking add constraint booking_status_check check (status in ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED'))`,
    );
    // Each status carries exactly the stamps of the steps that led to it; a hold always has a deadline.
    this.addSql(`alter table booking drop constraint booking_status_stamps_check`);
    this.addSql(`
      alter table booking add constraint booking_status_stamps_check check (
        case status
          when 'HELD' then held_until is not null and confirmed_at is null and payment_reference is null
            and cancelled_at is null and cancel_reason is null and expired_at is null
          when 'CONFIRMED' then confirmed_at is not null and payment_reference is not null
            and cancelled_at is null and cancel_reason is null and expired_at is null
          when 'EXPIRED' then held_until is not null and expired_at is not null and expired_at >= held_until
            and confirmed_at is null and payment_reference is null and cancelled_at is null and cancel_reason is null
          else cancelled_at is not null and cancel_reason is not null
            and (confirmed_at is null) = (payment_reference is null) and expired_at is null
        end
      )`);
    this.addSql(`alter table booking add constraint booking_held_until_check check (held_until > created_at)`);
    // The moves the code makes, and no other: HELD to CONFIRMED only before the deadline, into
    // EXPIRED only from HELD, never back to HELD, and nothing out of CANCELLED or EXPIRED.
    this.addSql(`
      create function booking_transition_guard() returns trigger language plpgsql as $$
      begin
        if new.status = old.status then
          return new;
        end if;
        if old.status in ('CANCELLED', 'EXPIRED') or new.status = 'HELD'
           or (new.status = 'EXPIRED' and old.status <> 'HELD') then
          raise exception 'booking_transition: a % booking cannot become %', old.status, new.status
            using errcode = '23514', constraint = 'booking_transition';
        end if;
        if old.status = 'HELD' and new.status = 'CONFIRMED' and old.held_until <= now() then
          raise exception 'booking_transition: the hold lapsed at %, a HELD booking cannot become CONFIRMED after it', old.held_until
            using errcode = '23514', constraint = 'booking_transition';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger booking_transition_guard before update of status on booking
        for each row execute function booking_transition_guard()`);
    // One live (held or confirmed) booking per pilgrim: an expired one no longer counts.
    this.addSql(`drop index booking_live_pilgrim_key`);
    this.addSql(
      `create unique index booking_live_pilgrim_key on booking (pilgrim_id) where status in ('HELD', 'CONFIRMED')`,
    );
    // The expiry worker's queue: held bookings, earliest deadline first.
    this.addSql(`create index booking_hold_due_idx on booking (held_until) where status = 'HELD'`);
  }
}
