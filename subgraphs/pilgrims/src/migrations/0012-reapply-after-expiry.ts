import { Migration } from '@umrah/db-kit';

/** A pilgrim whose visa expired unused may apply again in the same season, as after a rejection. */
export class ReapplyAfterExpiry extends Migration {
  override name = '0012-reapply-after-expiry';

  up(): void {
    this.addSql(`drop index visa_application_live_pilgrim_key`);
    this.addSql(`
      create unique index visa_application_live_pilgrim_key on visa_application (pilgrim_id)
        where status not in ('REJECTED', 'CANCELLED', 'EXPIRED')`);
  }
}
