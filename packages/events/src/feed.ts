import type { Database } from '@umrah/db-kit';
import type { Request, Response } from 'express';

export interface FeedEvent {
  seq: number;
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

const MAX_BATCH = 500;

/** Reads the outbox in order after a position; consumers keep their own position (at-least-once). */
export async function readFeed(db: Database, after: number, limit: number): Promise<FeedEvent[]> {
  const rows = await db.orm.em.getConnection().execute<
    {
      seq: string | number;
      id: string;
      type: string;
      aggregate_type: string;
      aggregate_id: string;
      payload: unknown;
      occurred_at: Date | string;
    }[]
  >(`select seq, id, type, aggregate_type, aggregate_id, payload, occurred_at from outbox_event where seq > ? order by seq limit ?`, [after, Math.min(Math.max(limit, 1), MAX_BATCH)]);
  return rows.map((r) => ({
    seq: Number(r.seq),
    id: r.id,
    type: r.type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    occurredAt: new Date(r.occurred_at).toISOString(),
  }));
}

/** `GET /events?after=<seq>&limit=<n>`, mounted behind the subgraph secret. */
export function eventFeedHandler(db: Database) {
  return async (req: Request, res: Response): Promise<void> => {
    const after = Number(req.query['after'] ?? 0);
    const limit = Number(req.query['limit'] ?? 100);
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit)) {
      res.status(400).json({ error: 'after and limit must be non-negative integers' });
      return;
    }
    const events = await readFeed(db, after, limit);
    res.json({ events, next: events.length ? events[events.length - 1]!.seq : after });
  };
}
