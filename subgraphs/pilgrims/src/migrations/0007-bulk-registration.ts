import { Migration } from '@umrah/db-kit';

/**
 * Bulk registration's idempotency: one row per (account, key) holding a fingerprint of the request
 * and what the first call answered, so a retried or concurrent call with the same key returns that
 * answer instead of registering again. The primary key is what makes a concurrent duplicate wait
 * and then find the first call's row.
 */
export class BulkRegistration extends Migration {
  override name = '0007-bulk-registration';

  up(): void {
    this.addSql(`
      create table bulk_registration (
        actor uuid not null,
        key text not null check (char_length(key) between 1 and 200),
        -- SHA-256 of the company, group and rows: the same key with another list is refused.
        request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
        company_id uuid not null,
        registered_count integer check (registered_count >= 0),
        failed_count integer check (failed_count >= 0),
        -- Per row: index, pilgrim id or error. Written in the transaction that claimed the key, so
        -- no other transaction ever sees it empty.
        result jsonb,
        created_at timestamptz not null default now(),
        primary key (actor, key)
      )`);
  }
}
