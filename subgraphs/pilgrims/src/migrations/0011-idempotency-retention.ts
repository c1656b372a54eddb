import { Migration } from '@umrah/db-kit';

/** Idempotency keys are forgotten after their retention; these indexes keep that sweep off full scans. */
export class IdempotencyRetention extends Migration {
  override name = '0011-idempotency-retention';

  up(): void {
    this.addSql(`create index idempotency_key_created_idx on idempotency_key (created_at)`);
    this.addSql(`create index bulk_registration_created_idx on bulk_registration (created_at)`);
  }
}
