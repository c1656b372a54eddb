import { Migration } from '@umrah/db-kit';
import { OUTBOX_SQL } from '@umrah/events';
import { AUDIT_LOG_SQL } from '@umrah/subgraph-kit';

/** The audit trail of every mutation, and the outbox of events other subgraphs consume. */
export class CompaniesAuditAndOutbox extends Migration {
  override name = '0002-audit-and-outbox';

  up(): void {
    for (const sql of [...AUDIT_LOG_SQL, ...OUTBOX_SQL]) this.addSql(sql);
  }
}
