import type { Database, EntityManager } from '@umrah/db-kit';
import { FEED_START, httpFeed, type Feed, type FeedCursor, type FeedEvent } from './feed';

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

export type EventHandler = (em: EntityManager, event: FeedEvent) => Promise<void>;

/**
 * Applies one event exactly once: the inbox row, the handler's changes and the new feed position
 * commit together, so a redelivered event (a crash before the position moved) changes nothing.
 */
export async function applyEvent(
  db: Database,
  source: string,
  event: FeedEvent,
  handler: EventHandler,
): Promise<boolean> {
  return db.fork().transactional(async (em) => {
    const inserted = await em
      .getConnection()
      .execute<{ event_id: string }[]>(
        `insert into inbox_event (event_id, source, seq, type) values (?, ?, ?, ?) on conflict (source, event_id) do nothing returning event_id`,
        [event.id, source, event.seq, event.type],
        'all',
        em.getTransactionContext(),
      );
    if (inserted.length > 0) await handler(em, event);
    await em.getConnection().execute(
      `insert into feed_position (source, tx_id, seq) values (?, cast(? as xid8), ?)
         on conflict (source) do update set tx_id = excluded.tx_id, seq = excluded.seq
         where (feed_position.tx_id, feed_position.seq) < (excluded.tx_id, excluded.seq)`,
      [source, event.txId, event.seq],
      'run',
      em.getTransactionContext(),
    );
    await em.flush();
    return inserted.length > 0;
  });
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
  const batch = options.batchSize ?? 200;
  const feed = options.feed !== undefined ? options.feed : httpFeed(options.feedUrl, options.secret);
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);

  const drainOnce = async (): Promise<number> => {
    let applied = 0;
    for (;;) {
      const events = await feed.read(await feedPosition(options.db, options.source), batch);
      for (const event of events) {
        if (await applyEvent(options.db, options.source, event, options.handler)) applied += 1;
      }
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
