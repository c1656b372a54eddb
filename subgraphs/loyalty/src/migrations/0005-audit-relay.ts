import { Migration } from '@umrah/db-kit';
import { OUTBOX_ORDER_SQL, OUTBOX_SQL } from '@umrah/events';
import { AUDIT_RELAY_SQL } from '@umrah/subgraph-kit';

/**
 * Loyalty gets an outbox: each audit row is published from it for the graph-wide trail the
 * companies subgraph keeps.
 */
export class LoyaltyAuditRelay extends Migration {
  override name = '0005-audit-relay';

  up(): void {
    for (const sql of [...OUTBOX_SQL, ...OUTBOX_ORDER_SQL, ...AUDIT_RELAY_SQL]) this.addSql(sql);
  }
}
