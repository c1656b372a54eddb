import type { Database, EntityManager } from '@umrah/db-kit';
import { FEED_START, MAX_BATCH, httpFeed, type Feed, type FeedCursor, type FeedEvent } from './feed';

/** The consuming side's tables: events already applied (by id) and how far each feed was read. */
export const INBOX_SQL = [
  `create table inbox_event (
    event_id uuid primary key,
    source text not null,
    seq bigint not null,
    type text not null,
    processed_at timestamptz not null default now()
  )`,
  `create table feed_position (
    source text primary key,
    seq bigint not null check (seq >= 0)
  )`,
];

/**
 * The consuming side's part of the gap-free feed (see `OUTBOX_ORDER_SQL`), applied by a migration
 * after `INBOX_SQL` — in the same one for an inbox created from now on. A position becomes the
 * cursor `(tx_id, seq)`. Existing positions restart from the beginning of the feed: events already
 * applied are found in the inbox and skipped without running the handler, and any event the old
 * `seq`-only position skipped (the gap this fixes) is applied now. The inbox is keyed per source,
 * so two consumers of one feed in one database (named apart) each apply every event.
 */
export const INBOX_ORDER_SQL = [
  `alter table feed_position add column tx_id xid8 not null default '0'`,
  `update feed_position set seq = 0`,
  `alter table inbox_event drop constraint inbox_event_pkey, add primary key (source, event_id)`,
];

/**
 * Applies one event inside the consumer's transaction. A handler that can apply many events in a
 * few set-based statements carries them as `batch` (see `setBasedHandler`); the consumer then
 * hands it each chunk's new events at once.
 */
export type EventHandler = ((em: EntityManager, event: FeedEvent) => Promise<void>) & {
  readonly batch?: (em: EntityManager, events: readonly FeedEvent[]) => Promise<void>;
};

/** A handler that applies a chunk's events together, in feed order; one event is a chunk of one. */
export function setBasedHandler(
  apply: (em: EntityManager, events: readonly FeedEvent[]) => Promise<void>,
): EventHandler {
  return Object.assign((em: EntityManager, event: FeedEvent) => apply(em, [event]), { batch: apply });
}

// The chunk's inbox rows in one statement; returns the ids of the events not applied before.
const INSERT_INBOX = `
  insert into inbox_event (event_id, source, seq, type)
  select r.event_id, ?, r.seq, r.type from jsonb_to_recordset(?::jsonb) as r(event_id uuid, seq bigint, type text)
  on conflict (source, event_id) do nothing
  returning event_id`;

/**
 * Applies a batch of events in feed order, each exactly once: the inbox rows, the handler's changes
 * and the new feed position commit together, so a redelivered event (a crash before the position
 * moved) changes nothing. One transaction per batch rather than per event: the commit is most of an
 * event's cost on a server database. A handler that fails rolls the whole batch back (the consumer
 * then applies that batch event by event). Returns how many events the handler applied.
 */
export async function applyEvents(
  db: Database,
  source: string,
  events: readonly FeedEvent[],
  handler: EventHandler,
  types?: readonly string[],
): Promise<number> {
  const last = events[events.length - 1];
  if (!last) return 0;
  return db.fork().transactional(async (em) => {
    // An event of a type this consumer does not take is passed over: the position moves past it,
    // and neither the inbox nor the count of applied events holds it.
    const taken = types ? events.filter((event) => types.includes(event.type)) : events;
    const inserted =
      taken.length === 0
        ? []
        : await em
            .getConnection()
            .execute<{ event_id: string }[]>(
              INSERT_INBOX,
              [source, JSON.stringify(taken.map((e) => ({ event_id: e.id, seq: e.seq, type: e.type })))],
              'all',
              em.getTransactionContext(),
            );
    const fresh = new Set(inserted.map((row) => row.event_id));
    // `delete` is true once per id: an event listed twice in one chunk is applied once.
    const apply = taken.filter((event) => fresh.delete(event.id));
    if (handler.batch) {
      if (apply.length > 0) await handler.batch(em, apply);
    } else {
      for (const event of apply) {
        await handler(em, event);
        // Each event's changes are written before the next one's handler reads.
        await em.flush();
      }
    }
    const applied = apply.length;
    await em.getConnection().execute(
      `insert into feed_position (source, tx_id, seq) values (?, cast(? as xid8), ?)
         on conflict (source) do update set tx_id = excluded.tx_id, seq = excluded.seq
         where (feed_position.tx_id, feed_position.seq) < (excluded.tx_id, excluded.seq)`,
      [source, last.txId, last.seq],
      'run',
      em.getTransactionContext(),
    );
    await em.flush();
    return applied;
  });
}

/** Applies one event exactly once (see `applyEvents`); true when the handler applied it. */
export async function applyEvent(
  db: Database,
  source: string,
  event: FeedEvent,
  handler: EventHandler,
  types?: readonly string[],
): Promise<boolean> {
  return (await applyEvents(db, source, [event], handler, types)) > 0;
}

/**
 * Events applied per transaction by a consumer: a handler that runs statements per event keeps its
 * transactions to 25 events; a set-based handler runs a few statements per chunk, so a chunk of 250
 * is as short.
 */
const chunkSize = (handler: EventHandler): number => (handler.batch ? 250 : 25);

/**
 * Applies a batch read from a feed, in chunks (see `chunkSize`), one transaction each: short
 * transactions, because on a PostgreSQL server every open transaction holds back every feed (see
 * `readFeed`). A chunk that fails is applied again event by event, so the events before the failing
 * one commit and the consumer stops exactly at it; the failure is then rethrown.
 */
export async function applyBatch(
  db: Database,
  source: string,
  events: readonly FeedEvent[],
  handler: EventHandler,
  types?: readonly string[],
): Promise<number> {
  let applied = 0;
  const size = chunkSize(handler);
  for (let i = 0; i < events.length; i += size) {
    const chunk = events.slice(i, i + size);
    try {
      applied += await applyEvents(db, source, chunk, handler, types);
    } catch (error) {
      for (const event of chunk) {
        if (await applyEvent(db, source, event, handler, types)) applied += 1;
      }
      throw error;
    }
  }
  return applied;
}

/** The cursor of the last event applied from `source` (`FEED_START` before the first). */
export async function feedPosition(db: Database, source: string): Promise<FeedCursor> {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ tx_id: string; seq: string | number }[]>(
      `select tx_id::text as tx_id, seq from feed_position where source = ?`,
      [source],
    );
  return rows[0] ? { txId: rows[0].tx_id, seq: Number(rows[0].seq) } : FEED_START;
}

interface ConsumerBaseOptions {
  db: Database;
  /** Name of the feed as this database knows it (usually the producing subgraph); keys the position and the inbox. */
  source: string;
  handler: EventHandler;
  /** The event types the handler takes; others are passed over without an inbox row. All when absent. */
  types?: readonly string[];
  batchSize?: number;
  intervalMs?: number;
}

/** Where the events come from: another subgraph's HTTP feed, or any `Feed` such as `localFeed(db)`. */
export type ConsumerOptions = ConsumerBaseOptions &
  (
    | {
        /** The producer's feed, e.g. http://127.0.0.1:4001/events */
        feedUrl: string;
        /** The producer's subgraph secret. */
        secret: string;
        feed?: never;
      }
    | { feed: Feed; feedUrl?: never; secret?: never }
  );

export interface Consumer {
  /** Reads and applies until the feed has nothing new; returns how many events were applied. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Polls a feed and applies its events in order, at least once, idempotently: from another
 * subgraph (`feedUrl` + `secret`) or from this database's own outbox (`feed: localFeed(db)`).
 */
export function startConsumer(options: ConsumerOptions): Consumer {
  // As many events per read as a feed gives: a consumer that fell behind catches up in fewer round trips.
  const batch = options.batchSize ?? MAX_BATCH;
  const feed = options.feed !== undefined ? options.feed : httpFeed(options.feedUrl, options.secret);
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);

  const drainOnce = async (): Promise<number> => {
    let applied = 0;
    for (;;) {
      const events = await feed.read(await feedPosition(options.db, options.source), batch);
      applied += await applyBatch(options.db, options.source, events, options.handler, options.types);
      if (events.length < batch || stopped) return applied;
    }
  };

  const drain = (): Promise<number> => {
    running = running.catch(() => 0).then(drainOnce);
    return running;
  };

  let delay = options.intervalMs ?? 1000;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      try {
        await drain();
        delay = options.intervalMs ?? 1000;
      } catch (error) {
        // Producer down or a handler failed: nothing was committed for that event; retry with backoff.
        delay = Math.min(delay * 2, 30_000);
        console.warn(`[events] ${options.source}: ${(error as Error).message}; retrying in ${delay} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  };
  const looping = loop();

  return {
    drain,
    stop: async () => {
      stopped = true;
      await running.catch(() => 0);
      void looping;
    },
  };
}
