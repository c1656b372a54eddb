import { Migration } from '@umrah/db-kit';

/**
 * A company's pilgrims of the last 12 months (its tier) without summing a year of ledger lines:
 * `loyalty_pilgrim_day` keeps each account's registrations per UTC day, maintained by the posting
 * trigger (the ledger is append-only, so an insert is the only change), and
 * `loyalty_pilgrims_in_year` adds the whole days of the window from it and the two partial days at
 * its ends from the ledger. Its cost is a year of days plus two days of lines, whatever the season.
 */
export class PilgrimDays extends Migration {
  override name = '0007-pilgrim-days';

  up(): void {
    this.addSql(`
      create table loyalty_pilgrim_day (
        account_id uuid not null references loyalty_account (id),
        day date not null,
        pilgrims integer not null check (pilgrims > 0),
        primary key (account_id, day)
      )`);
    this.addSql(`
      insert into loyalty_pilgrim_day (account_id, day, pilgrims)
      select account_id, (occurred_at at time zone 'UTC')::date, sum(pilgrims)
        from loyalty_ledger_entry where pilgrims > 0 group by 1, 2`);
    this.addSql(`
      create or replace function loyalty_number_entry() returns trigger language plpgsql as $$
      begin
        perform set_config('loyalty.posting', 'on', true);
        update loyalty_account set balance = balance + new.points, last_line = last_line + 1, updated_at = now()
         where id = new.account_id
         returning last_line, balance into new.line, new.balance_after;
        if not found then
          raise exception 'loyalty account % does not exist', new.account_id;
        end if;
        perform set_config('loyalty.posting', 'off', true);
        if new.pilgrims > 0 then
          insert into loyalty_pilgrim_day (account_id, day, pilgrims)
          values (new.account_id, (new.occurred_at at time zone 'UTC')::date, new.pilgrims)
          on conflict (account_id, day) do update set pilgrims = loyalty_pilgrim_day.pilgrims + excluded.pilgrims;
        end if;
        return new;
      end
      $$`);
    // Pilgrims of the account registered in the 12 months before \`upto\`: after upto - 12 months,
    // before upto (or at it too, when \`upto_included\`).
    this.addSql(`
      create function loyalty_pilgrims_in_year(account uuid, upto timestamptz, upto_included boolean)
      returns bigint language sql stable as $$
        with w as (
          select upto - interval '12 months' as low,
                 ((upto - interval '12 months') at time zone 'UTC')::date as low_day,
                 (upto at time zone 'UTC')::date as high_day
        )
        select
          (select coalesce(sum(d.pilgrims), 0) from loyalty_pilgrim_day d, w
            where d.account_id = account and d.day > w.low_day and d.day < w.high_day)
          + (select coalesce(sum(e.pilgrims), 0) from loyalty_ledger_entry e, w
              where e.account_id = account and e.pilgrims > 0 and e.occurred_at > w.low
                and e.occurred_at < ((w.low_day + 1)::timestamp at time zone 'UTC'))
          + (select coalesce(sum(e.pilgrims), 0) from loyalty_ledger_entry e, w
              where e.account_id = account and e.pilgrims > 0
                and e.occurred_at >= (w.high_day::timestamp at time zone 'UTC') and e.occurred_at <= upto
                and (upto_included or e.occurred_at < upto))
      $$`);
  }
}
