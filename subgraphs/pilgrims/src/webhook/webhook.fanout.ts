import { isUuid, uuidv7 } from '@umrah/db-kit';
import type { EventHandler } from '@umrah/events';
import { WEBHOOK_EVENT_OF } from './webhook.payload';

/**
 * Turns one outbox event into one delivery per active subscription of a party it concerns: the
 * company's (payload `companyId`) and the agent's (payload `agentId`). The unique key on
 * (subscription, event) makes a redelivered event change nothing.
 */
export function webhookFanOut(attemptLimit: () => number): EventHandler {
  return async (em, event) => {
    const eventType = WEBHOOK_EVENT_OF[event.type];
    if (!eventType) return;
    const party = (value: unknown): string | null => (typeof value === 'string' && isUuid(value) ? value : null);
    const companyId = party(event.payload['companyId']);
    const agentId = party(event.payload['agentId']);
    if (!companyId && !agentId) return;
    const connection = em.getConnection();
    const transaction = em.getTransactionContext();
    const subscriptions = await connection.execute<{ id: string }[]>(
      `select id from webhook_subscription
        where active and ? = any (event_types) and (company_id = ? or agent_id = ?)
        order by id`,
      [eventType, companyId, agentId],
      'all',
      transaction,
    );
    if (subscriptions.length === 0) return;
    const now = new Date();
    const limit = attemptLimit();
    const payload = JSON.stringify(event.payload);
    await connection.execute(
      `insert into webhook_delivery
         (id, subscription_id, event_id, event_type, occurred_at, payload, attempt_limit, next_attempt_at)
       values ${subscriptions.map(() => '(?, ?, ?, ?, ?, ?::jsonb, ?, ?)').join(', ')}
       on conflict (subscription_id, event_id) do nothing`,
      subscriptions.flatMap((s) => [
        uuidv7(),
        s.id,
        event.id,
        eventType,
        new Date(event.occurredAt),
        payload,
        limit,
        now,
      ]),
      'run',
      transaction,
    );
  };
}
