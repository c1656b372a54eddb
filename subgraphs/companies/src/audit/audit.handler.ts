import type { EntityManager } from '@umrah/db-kit';
import type { EventHandler, FeedEvent } from '@umrah/events';

type AuditSource = 'pilgrims' | 'packages' | 'loyalty';

const text = (payload: Record<string, unknown>, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
};

/**
 * Keeps another subgraph's audit entry in the graph-wide trail, under its own id, so a redelivered
 * event changes nothing. Other events of the same feed are not for this subgraph.
 */
export function auditEventHandler(source: AuditSource): EventHandler {
  return async (em: EntityManager, event: FeedEvent) => {
    if (event.type !== 'AuditRecorded') return;
    const entry = event.payload;
    await em.getConnection().execute(
      `insert into audit_log (id, at, actor_account_id, actor_role, operation, target_id, company_id, reason, outcome, request_id, source)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
      [
        text(entry, 'id') ?? event.id,
        text(entry, 'at') ?? event.occurredAt,
        text(entry, 'actorAccountId'),
        text(entry, 'actorRole'),
        text(entry, 'operation') ?? 'unknown',
        text(entry, 'targetId'),
        text(entry, 'companyId'),
        text(entry, 'reason'),
        text(entry, 'outcome') ?? 'UNKNOWN',
        text(entry, 'requestId'),
        source,
      ],
      'run',
      em.getTransactionContext(),
    );
  };
}
