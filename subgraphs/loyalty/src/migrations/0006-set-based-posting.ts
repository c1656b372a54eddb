import { Migration } from '@umrah/db-kit';

/**
 * Posting moves the account as each line is numbered, in the same row trigger, so one statement
 * can post many lines to an account (earning a whole chunk of events at once). Before, the account
 * followed in an AFTER trigger, which a multi-row insert runs only once every line is numbered: all
 * of them took the same line number. A line still cannot take a balance below zero (the account's
 * and the line's checks), and nothing else may move a balance (`loyalty_guard_account`).
 */
export class SetBasedPosting extends Migration {
  override name = '0006-set-based-posting';

  up(): void {
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
        return new;
      end
      $$`);
    this.addSql(`drop trigger loyalty_ledger_entry_apply on loyalty_ledger_entry`);
    this.addSql(`drop function loyalty_apply_entry()`);
  }
}
