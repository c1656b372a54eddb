import { Migration } from '@umrah/db-kit';
import { INBOX_ORDER_SQL, INBOX_SQL } from '@umrah/events';

/**
 * The audit trail of the whole graph: the other subgraphs relay each audit row as an event, and
 * this subgraph keeps them beside its own, marked by source, once each (the row's id is kept).
 */
export class GraphAuditTrail extends Migration {
  override name = '0008-graph-audit-trail';

  up(): void {
    for (const sql of [...INBOX_SQL, ...INBOX_ORDER_SQL]) this.addSql(sql);
    this.addSql(
      `alter table audit_log add column source text not null default 'companies'
         check (source in ('companies', 'pilgrims', 'packages', 'loyalty'))`,
    );
    // The ministry's log reads newest first, optionally narrowed by source, operation or a refusal.
    this.addSql(`create index audit_log_source_idx on audit_log (source, id)`);
    this.addSql(`create index audit_log_operation_idx on audit_log (operation, id)`);
    this.addSql(`create index audit_log_refused_idx on audit_log (id) where outcome <> 'OK'`);
    this.addSql(`create index audit_log_actor_idx on audit_log (actor_account_id, id)`);
  }
}
