import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Migration, openDatabase, type Database } from '@umrah/db-kit';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEED_START,
  INBOX_ORDER_SQL,
  INBOX_SQL,
  OUTBOX_ORDER_SQL,
  OUTBOX_SQL,
  OutboxEventEntity,
  applyEvent,
  eventFeedHandler,
  feedPosition,
  localFeed,
  readFeed,
  recordEvent,
  startConsumer,
  type EventHandler,
} from './index';

const TALLY_SQL = `create table tally (id serial primary key, source text not null, aggregate_id text not null)`;

class Outbox extends Migration {
  override name = '0001-outbox';
  up(): void {
    for (const sql of [...OUTBOX_SQL, ...OUTBOX_ORDER_SQL]) this.addSql(sql);
  }
}
class Inbox extends Migration {
  override name = '0001-inbox';
  up(): void {
    for (const sql of [...INBOX_SQL, ...INBOX_ORDER_SQL, TALLY_SQL]) this.addSql(sql);
  }
}
/** A subgraph that consumes its own outbox (webhook fan-out): both sides in one database. */
class OutboxAndInbox extends Migration {
  override name = '0001-outbox-and-inbox';
  up(): void {
    for (const sql of [...OUTBOX_SQL, ...OUTBOX_ORDER_SQL, ...INBOX_SQL, ...INBOX_ORDER_SQL, TALLY_SQL])
      this.addSql(sql);
  }
}
/** Both sides as they were before the feed recorded transactions. */
class LegacyOutboxAndInbox extends Migration {
  override name = '0001-legacy';
  up(): void {
    for (const sql of [...OUTBOX_SQL, ...INBOX_SQL, TALLY_SQL]) this.addSql(sql);
  }
}

let producer: Database;
let consumer: Database;
let server: Server;
let feedUrl: string;

beforeAll(async () => {
  producer = await openDatabase({ entities: [OutboxEventEntity], migrations: [Outbox] });
  await producer.migrate();
  consumer = await openDatabase({ entities: [], migrations: [Inbox] });
  await consumer.migrate();
  const app = express();
  app.get('/events', eventFeedHandler(producer));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
});
afterAll(async () => {
  server.close();
  await producer.close();
  await consumer.close();
});

const tally = async (): Promise<number> =>
  Number((await consumer.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from tally'))[0]!.n);

const sql = <T>(db: Database, text: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.getConnection().execute<T[]>(text, params);

const tallied = async (db: Database, source: string): Promise<string[]> =>
  (
    await sql<{ aggregate_id: string }>(db, 'select aggregate_id from tally where source = ? order by id', [source])
  ).map((r) => r.aggregate_id);

/** Counts each event it is handed, per consumer, in the consumer's transaction. */
const counting =
  (source: string): EventHandler =>
  async (tx, event) => {
    await tx
      .getConnection()
      .execute(
        'insert into tally (source, aggregate_id) values (?, ?)',
        [source, event.aggregateId],
        'run',
        tx.getTransactionContext(),
      );
  };

describe('consumer', () => {
  it('applies every event once, even when delivered again, and survives a failing handler', async () => {
    const em = producer.fork();
    for (let i = 1; i <= 5; i++)
      recordEvent(em, { type: 'PilgrimRegistered', aggregateType: 'Pilgrim', aggregateId: `p${i}`, payload: {} });
    await em.flush();

    let failOn: string | null = 'p3';
    const handler = async (
      tx: Parameters<Parameters<typeof startConsumer>[0]['handler']>[0],
      event: { aggregateId: string },
    ) => {
      await tx
        .getConnection()
        .execute(
          'insert into tally (source, aggregate_id) values (?, ?)',
          ['producer', event.aggregateId],
          'run',
          tx.getTransactionContext(),
        );
      if (event.aggregateId === failOn) throw new Error('handler crashed mid-stream');
    };
    const first = startConsumer({
      db: consumer,
      source: 'producer',
      feedUrl,
      secret: 's',
      handler,
      intervalMs: 60_000,
    });
    await expect(first.drain()).rejects.toThrow('handler crashed mid-stream');
    expect(await tally()).toBe(2); // p1, p2 committed; p3 rolled back with its inbox row
    await first.stop();

    failOn = null;
    const second = startConsumer({
      db: consumer,
      source: 'producer',
      feedUrl,
      secret: 's',
      handler,
      intervalMs: 60_000,
    });
    expect(await second.drain()).toBeGreaterThanOrEqual(0);
    expect(await tally()).toBe(5);
    expect(await second.drain()).toBe(0);

    // A redelivered event (as after a crash between commit and acknowledgement) changes nothing.
    const [event] = await readFeed(producer, 0, 1);
    expect(await applyEvent(consumer, 'producer', event!, handler)).toBe(false);
    expect(await tally()).toBe(5);
    await second.stop();
  });

  it('reads its position back as the cursor of the last applied event, and the HTTP feed pages by it', async () => {
    const all = await readFeed(producer, 0, 100);
    const position = await feedPosition(consumer, 'producer');
    expect(position).toEqual({ txId: all[all.length - 1]!.txId, seq: all[all.length - 1]!.seq });
    expect(await feedPosition(consumer, 'nobody')).toEqual(FEED_START);

    const page = (await (await fetch(`${feedUrl}?limit=2`)).json()) as { events: { id: string }[]; next: string };
    expect(page.events.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    expect(page.next).toBe(`${all[1]!.txId}:${all[1]!.seq}`);
    const rest = (await (await fetch(`${feedUrl}?after=${page.next}`)).json()) as { events: { id: string }[] };
    expect(rest.events.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
    expect((await fetch(`${feedUrl}?after=12abc`)).status).toBe(400);
  });
});

describe('local feed', () => {
  it('lets a subgraph consume its own outbox, once per consumer, including events its handler records', async () => {
    const db = await openDatabase({ entities: [OutboxEventEntity], migrations: [OutboxAndInbox] });
    await db.migrate();
    // A webhook fan-out: each registration queues a delivery, itself an event, in the same transaction.
    const webhooks: EventHandler = async (tx, event) => {
      await counting('webhooks')(tx, event);
      if (event.type === 'PilgrimRegistered')
        recordEvent(tx, {
          type: 'WebhookQueued',
          aggregateType: 'Webhook',
          aggregateId: `hook-${event.aggregateId}`,
          payload: {},
        });
    };
    const fanOut = startConsumer({
      db,
      source: 'webhooks',
      feed: localFeed(db),
      handler: webhooks,
      intervalMs: 3_600_000,
    });
    // A consumer reads once as it starts; the drain waits for that read, which found nothing.
    expect(await fanOut.drain()).toBe(0);

    const em = db.fork();
    for (const id of ['p1', 'p2'])
      recordEvent(em, { type: 'PilgrimRegistered', aggregateType: 'Pilgrim', aggregateId: id, payload: {} });
    await em.flush();
    expect(await fanOut.drain()).toBe(2);
    expect(await fanOut.drain()).toBe(2); // the deliveries queued by the first pass
    expect(await fanOut.drain()).toBe(0);
    expect(await tallied(db, 'webhooks')).toEqual(['p1', 'p2', 'hook-p1', 'hook-p2']);

    // A second consumer of the same outbox, named apart, sees every event too.
    const audit = startConsumer({
      db,
      source: 'audit',
      feed: localFeed(db),
      handler: counting('audit'),
      intervalMs: 3_600_000,
    });
    await audit.drain();
    expect(await tallied(db, 'audit')).toEqual(['p1', 'p2', 'hook-p1', 'hook-p2']);
    const last = (await readFeed(db, 0, 100)).at(-1)!;
    expect(await feedPosition(db, 'audit')).toEqual({ txId: last.txId, seq: last.seq });
    await Promise.all([fanOut.stop(), audit.stop()]);
    await db.close();
  });

  it('after the upgrade, applies the event an old seq position skipped, and nothing applied before', async () => {
    const db = await openDatabase({ entities: [OutboxEventEntity], migrations: [LegacyOutboxAndInbox] });
    await db.migrate();
    const em = db.fork();
    for (const id of ['e1', 'e2', 'e3'])
      recordEvent(em, { type: 'PilgrimRegistered', aggregateType: 'Pilgrim', aggregateId: id, payload: {} });
    await em.flush();
    const old = await sql<{ id: string; seq: number; aggregate_id: string }>(
      db,
      'select id, seq, aggregate_id from outbox_event order by seq',
    );
    // The old consumer applied e1 and e3, and moved past e2 (committed late, after e3 was read).
    for (const e of [old[0]!, old[2]!]) {
      await sql(
        db,
        `insert into inbox_event (event_id, source, seq, type) values (?, 'self', ?, 'PilgrimRegistered')`,
        [e.id, e.seq],
      );
      await sql(db, `insert into tally (source, aggregate_id) values ('self', ?)`, [e.aggregate_id]);
    }
    await sql(db, `insert into feed_position (source, seq) values ('self', ?)`, [old[2]!.seq]);

    for (const statement of [...OUTBOX_ORDER_SQL, ...INBOX_ORDER_SQL]) await sql(db, statement);
    const later = db.fork();
    recordEvent(later, { type: 'PilgrimRegistered', aggregateType: 'Pilgrim', aggregateId: 'e4', payload: {} });
    await later.flush();

    const self = startConsumer({
      db,
      source: 'self',
      feed: localFeed(db),
      handler: counting('self'),
      intervalMs: 3_600_000,
    });
    await self.drain();
    expect(await tallied(db, 'self')).toEqual(['e1', 'e3', 'e2', 'e4']);
    expect(await self.drain()).toBe(0);
    await self.stop();
    await db.close();
  });
});
