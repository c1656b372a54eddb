import { Migration } from '@umrah/db-kit';

/**
 * The 12-month pilgrim count reads at most half a day of ledger lines at each end of its window.
 *
 * `loyalty_pilgrims_in_year` (migration 0007) took the window's whole days from `loyalty_pilgrim_day`
 * and counted the two partial days from the ledger. At its upper end that was every line of the day up
 * to the instant: a company's tier read scanned all its registrations of today, thousands for a
 * large company in season (the manager overview's p50 grew with each bulk import). A partial day is
 * now counted from the side of the instant that holds fewer lines: for an instant of the last ten
 * minutes (the tier now, an event being earned) and any instant after noon UTC, the day's kept total
 * minus the lines after it, which for "now" are none; otherwise the lines from midnight up to it.
 * Both sides give the same count; only the cost differs.
 */
export class PilgrimDayComplements extends Migration {
  override name = '0010-pilgrim-day-complements';

  up(): void {
    this.addSql(`
      create or replace function loyalty_pilgrims_in_year(account uuid, upto timestamptz, upto_included boolean)
      returns bigint language sql stable as $$
        with w as (
          select upto - interval '12 months' as low,
                 ((upto - interval '12 months') at time zone 'UTC')::date as low_day,
                 (upto at time zone 'UTC')::date as high_day
        ), b as (
          select w.*,
                 (w.low_day::timestamp at time zone 'UTC') as low_start,
                 ((w.low_day + 1)::timestamp at time zone 'UTC') as low_end,
                 (w.high_day::timestamp at time zone 'UTC') as high_start,
                 ((w.high_day + 1)::timestamp at time zone 'UTC') as high_end
            from w
        ),
        -- Not materialized: each use below must walk its own index range, not a copy of every line.
        lines as not materialized (
          select e.occurred_at, e.pilgrims from loyalty_ledger_entry e where e.account_id = account and e.pilgrims > 0
        ), day_total as not materialized (
          select d.day, d.pilgrims from loyalty_pilgrim_day d where d.account_id = account
        )
        select
          (select coalesce(sum(d.pilgrims), 0) from day_total d, b where d.day > b.low_day and d.day < b.high_day)
          -- The low day after \`low\`.
          + (select case
               when b.low - b.low_start >= interval '12 hours' then
                 (select coalesce(sum(l.pilgrims), 0) from lines l where l.occurred_at > b.low and l.occurred_at < b.low_end)
               else
                 (select coalesce(sum(d.pilgrims), 0) from day_total d where d.day = b.low_day)
                 - (select coalesce(sum(l.pilgrims), 0) from lines l
                     where l.occurred_at >= b.low_start and l.occurred_at <= b.low)
             end from b)
          -- The high day up to \`upto\` (at it too, when \`upto_included\`).
          + (select case
               when upto - b.high_start < interval '12 hours' and upto < now() - interval '10 minutes' then
                 (select coalesce(sum(l.pilgrims), 0) from lines l
                   where l.occurred_at >= b.high_start and (l.occurred_at < upto or (upto_included and l.occurred_at = upto)))
               else
                 (select coalesce(sum(d.pilgrims), 0) from day_total d where d.day = b.high_day)
                 - (select coalesce(sum(l.pilgrims), 0) from lines l
                     where l.occurred_at < b.high_end and (l.occurred_at > upto or (not upto_included and l.occurred_at = upto)))
             end from b)
      $$`);
  }
}
