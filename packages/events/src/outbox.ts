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
