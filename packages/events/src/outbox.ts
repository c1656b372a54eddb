import { defineEntity, p, uuidv7, type EntityManager } from '@umrah/db-kit';

/** The outbox table; each producing subgraph creates it in a migration. `seq` orders the feed. */
export const OUTBOX_SQL = [
  `create table outbox_event (
    seq bigserial primary key,
    id uuid not null unique,
    type text not null,
    aggregate_type text not null,
    aggregate_id text not null,
    payload jsonb not null,
    occurred_at timestamptz not null default now()
  )`,
  `create index outbox_event_aggregate_idx on outbox_event (aggregate_type, aggregate_id, seq)`,
];

/**
 * Makes the feed gap-free under concurrent writers (see `readFeed`): each row records its writing
 * transaction, and the feed is ordered by `(tx_id, seq)`. Applied by a migration after
 * `OUTBOX_SQL` — in the same migration for an outbox created from now on, in a later one for an
 * existing outbox, whose rows get `tx_id` 0: they stay first, in their old order, so a consumer's
 * old position `seq` N is the cursor `(0, N)`.
 */
export const OUTBOX_ORDER_SQL = [
  `alter table outbox_event add column tx_id xid8 not null default '0'`,
  `alter table outbox_event alter column tx_id set default pg_current_xact_id()`,
  `create index outbox_event_feed_idx on outbox_event (tx_id, seq)`,
];

// `tx_id` is left to its column default: the database knows the writing transaction, not the ORM.
export const OutboxEventEntity = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: {
    seq: p.bigint('number').primary().autoincrement(),
    id: p.uuid().unique(),
    type: p.string(),
    aggregateType: p.string(),
    aggregateId: p.string(),
    payload: p.json<Record<string, unknown>>(),
    occurredAt: p.datetime().onCreate(() => new Date()),
  },
});

export interface DomainEvent {
  /** Past-tense name, e.g. `LicenseSuspended`. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/**
 * Queues an event in the unit of work: it is written by the same flush, in the same transaction,
 * as the change it describes — so there is never a change without its event or the reverse.
 */
export function recordEvent(em: EntityManager, event: DomainEvent): string {
  const id = uuidv7();
  em.create(OutboxEventEntity, { id, ...event } as never);
  return id;
}
