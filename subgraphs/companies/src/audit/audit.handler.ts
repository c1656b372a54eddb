import type { EntityManager } from '@umrah/db-kit';
import { payloadText, type EventHandler, type FeedEvent } from '@umrah/events';

type AuditSource = 'pilgrims' | 'packages' | 'loyalty';

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
        payloadText(entry, 'id') ?? event.id,
        payloadText(entry, 'at') ?? event.occurredAt,
        payloadText(entry, 'actorAccountId'),
        payloadText(entry, 'actorRole'),
        payloadText(entry, 'operation') ?? 'unknown',
        payloadText(entry, 'targetId'),
        payloadText(entry, 'companyId'),
        payloadText(entry, 'reason'),
        payloadText(entry, 'outcome') ?? 'UNKNOWN',
        payloadText(entry, 'requestId'),
        source,
      ],
      'run',
      em.getTransactionContext(),
    );
  };
}
