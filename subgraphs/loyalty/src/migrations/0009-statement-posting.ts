import { Migration } from '@umrah/db-kit';

/**
 * A numbered batch of ledger lines moves its accounts and day counts once per statement.
 *
 * The row trigger (migrations 0006, 0007) numbers each line by updating its account row and its
 * day's `loyalty_pilgrim_day` row: a chunk of 250 earnings for one company wrote the same two rows
 * 250 times in one statement, the largest cost of earning at 10 M pilgrims. A poster that holds its
 * accounts' locks may now number the lines itself: it sets `loyalty.batch` for the next statement,
 * the row trigger leaves those lines alone, and a statement trigger checks that every account's new
 * lines follow its last line one by one, each balance the running sum, before it moves the account
 * and the day counts once. A batch that does not follow is refused whole. Without the setting,
 * every insert is numbered line by line as before.
 */
export class StatementPosting extends Migration {
  override name = '0009-statement-posting';

  up(): void {
    this.addSql(`
      create or replace function loyalty_number_entry() returns trigger language plpgsql as $$
      begin
        if current_setting('loyalty.batch', true) = 'on' then
          return new;
        end if;
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
    this.addSql(`
      create function loyalty_apply_batch() returns trigger language plpgsql as $$
      declare
        wrong text;
      begin
        if coalesce(current_setting('loyalty.batch', true), '') <> 'on' then
          return null;
        end if;
        perform set_config('loyalty.batch', 'off', true);
        with account as (
          select a.id, a.balance, a.last_line from loyalty_account a
           where a.id in (select account_id from new_rows)
           order by a.id for update
        ), expected as (
          select n.id, a.last_line + row_number() over w as line, a.balance + sum(n.points) over w as balance_after
            from new_rows n join account a on a.id = n.account_id
          window w as (partition by n.account_id order by n.line)
        )
        select string_agg(n.id::text, ', ') into wrong
          from new_rows n left join expected x on x.id = n.id
         where x.id is null or x.line <> n.line or x.balance_after <> n.balance_after;
        if wrong is not null then
          raise exception 'loyalty ledger lines do not follow their accounts: %', wrong;
        end if;
        perform set_config('loyalty.posting', 'on', true);
        update loyalty_account a
           set balance = a.balance + s.points, last_line = a.last_line + s.lines, updated_at = now()
          from (select account_id, sum(points) as points, count(*) as lines from new_rows group by account_id) s
         where a.id = s.account_id;
        perform set_config('loyalty.posting', 'off', true);
        insert into loyalty_pilgrim_day (account_id, day, pilgrims)
        select account_id, (occurred_at at time zone 'UTC')::date, sum(pilgrims) from new_rows
         where pilgrims > 0 group by 1, 2 order by 1, 2
        on conflict (account_id, day) do update set pilgrims = loyalty_pilgrim_day.pilgrims + excluded.pilgrims;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger loyalty_ledger_entry_batch after insert on loyalty_ledger_entry
        referencing new table as new_rows for each statement execute function loyalty_apply_batch()`);
  }
}
