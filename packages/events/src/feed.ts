import type { Database } from '@umrah/db-kit';
import type { Request, Response } from 'express';

export interface FeedEvent {
  /** Order within the writing transaction (and, before `OUTBOX_ORDER_SQL`, the only order). */
  seq: number;
  /** The writing transaction's id (`xid8`, as decimal text); `'0'` for events written before it was recorded. */
  txId: string;
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** A text field of an event's payload, or null when it is missing or not text. */
export const payloadText = (payload: Record<string, unknown>, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
};

/**
 * Where a consumer stands in a feed: the `(txId, seq)` of the last event it applied. The feed is
 * ordered by that pair, so an event is itself a valid cursor (`readFeed(db, lastEvent, n)`).
 */
export interface FeedCursor {
  readonly txId: string;
  readonly seq: number;
}

/** Before the first event. */
export const FEED_START: FeedCursor = { txId: '0', seq: 0 };

/** A feed's cursor as one opaque query-string token: `<txId>:<seq>`. */
export function formatCursor(cursor: FeedCursor): string {
  return `${cursor.txId}:${cursor.seq}`;
}

/**
 * Reads a cursor token; `null` when malformed. A bare number N is a position kept before the
 * transaction was recorded, i.e. `(0, N)` — which also makes `0` (or nothing) the start.
 */
export function parseCursor(token: string): FeedCursor | null {
  const match = /^(?:(\d{1,20}):)?(\d{1,15})$/.exec(token);
  if (!match) return null;
  const txId = BigInt(match[1] ?? '0');
  return txId < 2n ** 64n ? { txId: String(txId), seq: Number(match[2]) } : null;
}

/** A source of events for a consumer: the producer's HTTP feed, or this database's own outbox. */
export interface Feed {
  /** Up to `limit` events after `after`, in feed order; never one that an unfinished transaction could precede. */
  read(after: FeedCursor, limit: number): Promise<FeedEvent[]>;
}

export interface ReadFeedOptions {
  /**
   * How long to wait, in milliseconds, when committed events are held back behind a transaction
   * still in flight (default 5000): a read right after a commit then sees it, unless some
   * transaction stays open longer, in which case the events come with a later read.
   */
  waitMs?: number;
}

/** The most events one read of a feed returns. */
export const MAX_BATCH = 500;
const DEFAULT_WAIT_MS = 5_000;
const RETRY_MS = 20;

interface OutboxRow {
  seq: string | number;
  tx_id: string;
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: unknown;
  occurred_at: Date | string;
  ready: boolean;
}

// Why not `where seq > ?`: a sequence value is taken at insert, not at commit, so a transaction
// holding seq 11 can commit after one holding seq 12 was read, and a position moved to 12 skips 11.
// Instead, only rows of transactions older than every transaction still running (the snapshot's
// xmin) are delivered; such rows are final — no transaction can commit another row before them —
// and the feed is ordered by (transaction id, seq). `ready` marks that prefix in the same snapshot.
//
// Caveat: between two transactions the order is their transaction id, taken at their first write,
// not their commit order. Two transactions changing the same aggregate are serialised by its row
// lock, yet the one that committed second may be delivered first if it wrote anything earlier.
// A consumer that must keep the latest state per aggregate compares a version (e.g. the
// producer's seq for that aggregate) instead of trusting arrival order.
const FEED_SQL = `with horizon as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
  select o.seq, o.tx_id::text as tx_id, o.id, o.type, o.aggregate_type, o.aggregate_id, o.payload, o.occurred_at,
    o.tx_id < horizon.xmin as ready
  from outbox_event o, horizon
  where (o.tx_id, o.seq) > (cast(? as xid8), ?)
  order by o.tx_id, o.seq
  limit ?`;

async function readOnce(
  db: Database,
  after: FeedCursor,
  limit: number,
): Promise<{ events: FeedEvent[]; heldBack: boolean }> {
  const rows = await db.orm.em.getConnection().execute<OutboxRow[]>(FEED_SQL, [after.txId, after.seq, limit]);
  const ready = rows.filter((r) => r.ready);
  return {
    heldBack: ready.length < rows.length,
    events: ready.map((r) => ({
      seq: Number(r.seq),
      txId: r.tx_id,
      id: r.id,
      type: r.type,
      aggregateType: r.aggregate_type,
      aggregateId: r.aggregate_id,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
      occurredAt: new Date(r.occurred_at).toISOString(),
    })),
  };
}

/**
 * Reads this database's outbox in feed order after a cursor (`0`: from the start). Consumers keep
 * their own cursor (at-least-once); nothing can later appear behind an event this returned.
 */
export async function readFeed(
  db: Database,
  after: FeedCursor | 0,
  limit: number,
  options: ReadFeedOptions = {},
): Promise<FeedEvent[]> {
  const cursor = after === 0 ? FEED_START : { txId: after.txId, seq: after.seq };
  const size = Math.min(Math.max(Math.trunc(limit), 1), MAX_BATCH);
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  for (;;) {
    const { events, heldBack } = await readOnce(db, cursor, size);
    if (!heldBack || Date.now() >= deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/**
 * This database's own outbox as a feed, read without HTTP: a subgraph consuming its own events
 * (webhook fan-out) passes `feed: localFeed(db)` to `startConsumer`.
 */
export function localFeed(db: Database, options: ReadFeedOptions = {}): Feed {
  return { read: (after, limit) => readFeed(db, after, limit, options) };
}

/** Another subgraph's `GET /events`, called with its subgraph secret. */
export function httpFeed(url: string, secret: string): Feed {
  return {
    read: async (after, limit) => {
      const target = new URL(url);
      target.searchParams.set('after', formatCursor(after));
      target.searchParams.set('limit', String(limit));
      const response = await fetch(target, {
        headers: { 'x-subgraph-secret': secret },
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`feed ${url} answered ${response.status}`);
      return ((await response.json()) as { events: FeedEvent[] }).events;
    },
  };
}

/**
 * `GET /events?after=<cursor>&limit=<n>`, mounted behind the subgraph secret. Answers
 * `{ events, next }`, where `next` is the cursor to pass as `after` for the following page.
 */
export function eventFeedHandler(db: Database) {
  return async (req: Request, res: Response): Promise<void> => {
    const token = req.query['after'] ?? '0';
    const after = typeof token === 'string' ? parseCursor(token) : null;
    const limit = Number(req.query['limit'] ?? 100);
    if (!after || !Number.isInteger(limit)) {
      res.status(400).json({ error: 'after must be a cursor returned as next, and limit an integer' });
      return;
    }
    const events = await readFeed(db, after, limit);
    const last = events[events.length - 1];
    res.json({ events, next: formatCursor(last ?? after) });
  };
}
