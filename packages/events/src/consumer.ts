import type { Database, EntityManager } from '@umrah/db-kit';
import type { FeedEvent } from './feed';

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
        `insert into inbox_event (event_id, source, seq, type) values (?, ?, ?, ?) on conflict (event_id) do nothing returning event_id`,
        [event.id, source, event.seq, event.type],
        'all',
        em.getTransactionContext(),
      );
    if (inserted.length > 0) await handler(em, event);
    await em
      .getConnection()
      .execute(
        `insert into feed_position (source, seq) values (?, ?) on conflict (source) do update set seq = greatest(feed_position.seq, excluded.seq)`,
        [source, event.seq],
        'run',
        em.getTransactionContext(),
      );
    await em.flush();
    return inserted.length > 0;
  });
}

export async function feedPosition(db: Database, source: string): Promise<number> {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ seq: string | number }[]>(`select seq from feed_position where source = ?`, [source]);
  return rows[0] ? Number(rows[0].seq) : 0;
}

export interface ConsumerOptions {
  db: Database;
  /** Name of the producing subgraph; positions are kept per source. */
  source: string;
  /** The producer's feed, e.g. http://127.0.0.1:4001/events */
  feedUrl: string;
  /** The producer's subgraph secret. */
  secret: string;
  handler: EventHandler;
  batchSize?: number;
  intervalMs?: number;
}

export interface Consumer {
  /** Reads and applies until the feed has nothing new; returns how many events were applied. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** Polls a producer's outbox feed and applies its events in order, at least once, idempotently. */
export function startConsumer(options: ConsumerOptions): Consumer {
  const batch = options.batchSize ?? 200;
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);

  const fetchBatch = async (after: number): Promise<FeedEvent[]> => {
    const url = new URL(options.feedUrl);
    url.searchParams.set('after', String(after));
    url.searchParams.set('limit', String(batch));
    const response = await fetch(url, {
      headers: { 'x-subgraph-secret': options.secret },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`feed ${options.source} answered ${response.status}`);
    return ((await response.json()) as { events: FeedEvent[] }).events;
  };

  const drainOnce = async (): Promise<number> => {
    let applied = 0;
    for (;;) {
      const events = await fetchBatch(await feedPosition(options.db, options.source));
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
