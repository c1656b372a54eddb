import { Migration } from '@umrah/db-kit';
import { AUDIT_LOG_SQL } from '@umrah/subgraph-kit';

/** Every mutation of this subgraph is recorded here (see the kit's auditMutations). */
export class PilgrimsAudit extends Migration {
  override name = '0002-audit';

  up(): void {
    for (const sql of AUDIT_LOG_SQL) this.addSql(sql);
  }
}
