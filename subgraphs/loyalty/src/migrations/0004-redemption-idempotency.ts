import { Migration } from '@umrah/db-kit';

/** A retried redemption request with the same key from the same account holds points once. */
export class RedemptionIdempotency extends Migration {
  override name = '0004-redemption-idempotency';

  up(): void {
    this.addSql(
      `alter table loyalty_redemption add column idempotency_key text check (char_length(idempotency_key) between 1 and 200)`,
    );
    this.addSql(`
      create unique index loyalty_redemption_idempotency_key on loyalty_redemption (requested_by, idempotency_key)
        where idempotency_key is not null`);
  }
}
