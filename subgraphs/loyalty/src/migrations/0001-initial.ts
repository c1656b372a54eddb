import { Migration } from '@umrah/db-kit';

export class InitialLoyalty extends Migration {
  override name = '0001-initial';

  up(): void {
    // One Al-Barakat account per company; the balance can never go below zero, whatever the code does.
    this.addSql(`
      create table loyalty_account (
        id uuid primary key,
        company_id uuid not null unique,
        balance integer not null default 0 check (balance >= 0),
        tier text not null default 'BRONZE' check (tier in ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM')),
        opened_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    // Every change of a balance is a ledger line; `source` (an event or operation id) makes posting idempotent.
    this.addSql(`
      create table loyalty_ledger_entry (
        id uuid primary key,
        account_id uuid not null references loyalty_account (id),
        kind text not null check (kind in ('EARN', 'REDEEM', 'REFUND', 'EXPIRE', 'ADJUST')),
        points integer not null check (points <> 0),
        balance_after integer not null check (balance_after >= 0),
        source text not null check (char_length(source) between 1 and 200),
        created_at timestamptz not null default now(),
        unique (account_id, source)
      )`);
    this.addSql(`create index loyalty_ledger_entry_account_idx on loyalty_ledger_entry (account_id, created_at)`);
  }
}
