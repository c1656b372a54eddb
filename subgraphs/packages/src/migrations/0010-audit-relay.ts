import { Migration } from '@umrah/db-kit';
import { AUDIT_RELAY_SQL } from '@umrah/subgraph-kit';

/** Each audit row is also published (outbox) for the graph-wide trail the companies subgraph keeps. */
export class PackagesAuditRelay extends Migration {
  override name = '0010-audit-relay';

  up(): void {
    for (const sql of AUDIT_RELAY_SQL) this.addSql(sql);
  }
}
