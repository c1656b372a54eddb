import type { Database } from '@umrah/db-kit';
import { applyBatch, feedPosition, localFeed, type EventHandler } from '@umrah/events';
import type { BackgroundWorker, SubgraphRuntime } from '@umrah/subgraph-kit';
import { webhookConfig } from './webhook.config';
import { webhookFanOut } from './webhook.fanout';
import { WEBHOOK_EVENT_OF } from './webhook.payload';
import { createWebhookSender } from './webhook.sender';

export const WEBHOOK_FAN_OUT = 'webhook-fan-out';
export const WEBHOOK_SENDER = 'webhook-sender';
/** The fan-out's name as a consumer of this subgraph's own outbox: keys its position and inbox rows. */
export const WEBHOOK_SOURCE = 'webhooks';
const FEED_BATCH = 200;

/**
 * One bounded pass over this subgraph's own outbox: each event after the fan-out's position is
 * applied once (inbox), in feed order, a chunk per transaction. Driven by the worker runner rather than `startConsumer`'s
 * own timer, so tests run it with `runWorkers()` and nothing polls behind their back.
 */
function localConsumer(db: Database, handler: EventHandler): () => Promise<number> {
  const feed = localFeed(db);
  return async () => {
    const events = await feed.read(await feedPosition(db, WEBHOOK_SOURCE), FEED_BATCH);
    // Only the event types webhooks carry get an inbox row; the rest (audit entries, registrations) are passed over.
    await applyBatch(db, WEBHOOK_SOURCE, events, handler, Object.keys(WEBHOOK_EVENT_OF));
    return events.length;
  };
}

/** The fan-out (outbox events → deliveries) and the sender (deliveries → HTTP), as background workers. */
export function webhookWorkers(runtime: SubgraphRuntime): BackgroundWorker[] {
  const config = webhookConfig();
  const sender = createWebhookSender({ db: runtime.db, config });
  return [
    {
      name: WEBHOOK_FAN_OUT,
      intervalMs: config.pollMs,
      runOnce: localConsumer(
        runtime.db,
        webhookFanOut(() => config.maxAttempts),
      ),
    },
    { name: WEBHOOK_SENDER, intervalMs: config.pollMs, runOnce: sender.runOnce },
  ];
}
