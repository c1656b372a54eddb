import { randomBytes } from 'node:crypto';
import { Migration, openDatabase, type Database, type EntityManager } from '@umrah/db-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INBOX_ORDER_SQL,
  INBOX_SQL,
  OUTBOX_ORDER_SQL,
  OUTBOX_SQL,
  OutboxEventEntity,
  localFeed,
  readFeed,
  recordEvent,
  startConsumer,
  type FeedCursor,
} from './index';

// Concurrent writers only interleave on PostgreSQL (PGlite has one connection): CI sets TEST_DATABASE_URL.
const serverUrl = process.env['TEST_DATABASE_URL'];

class OutboxAndInbox extends Migration {
  override name = '0001-outbox-and-inbox';
  up(): void {
    for (const sql of [
      ...OUTBOX_SQL,
      ...OUTBOX_ORDER_SQL,
      ...INBOX_SQL,
      ...INBOX_ORDER_SQL,
      `create table tally (id serial primary key, aggregate_id text not null)`,
    ])
      this.addSql(sql);
  }
}

let admin: Database;
let db: Database;
const name = `ug_test_events_${randomBytes(5).toString('hex')}`;

beforeAll(async () => {
  if (!serverUrl) return;
  admin = await openDatabase({ entities: [], migrations: [], url: serverUrl, poolSize: 1 });
  await admin.orm.em.getConnection().execute(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  db = await openDatabase({
    entities: [OutboxEventEntity],
    migrations: [OutboxAndInbox],
    url: url.toString(),
    poolSize: 12, // ten writers open at once in the last test
  });
  await db.migrate();
});
afterAll(async () => {
  if (!serverUrl) return;
  await db?.close();
  await admin.orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
  await admin.close();
});

const registered = (em: EntityManager, pilgrim: string): void => {
  recordEvent(em, { type: 'PilgrimRegistered', aggregateType: 'Pilgrim', aggregateId: pilgrim, payload: {} });
};

/** A transaction that writes its event, then stays open until released. */
function openWriter(pilgrim: string): { written: Promise<void>; commit: () => Promise<void> } {
  let written!: () => void;
  let release!: () => void;
  const writtenP = new Promise<void>((resolve) => (written = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const done = db.fork().transactional(async (em) => {
    registered(em, pilgrim);
    await em.flush();
    written();
    await gate;
  });
  return {
    written: writtenP,
    commit: async () => {
      release();
      await done;
    },
  };
}

async function commitNow(pilgrim: string): Promise<void> {
  const em = db.fork();
  registered(em, pilgrim);
  await em.flush();
}

const pilgrims = (events: { aggregateId: string }[]): string[] => events.map((e) => e.aggregateId);

describe.runIf(serverUrl)('feed under concurrent writers (PostgreSQL)', () => {
  it('holds back an event committed behind a transaction still open, then delivers both, skipping none', async () => {
    const start: FeedCursor | 0 = (await readFeed(db, 0, 500, { waitMs: 0 })).at(-1) ?? 0;
    const first = openWriter('first');
    await first.written; // first took the lower seq and stays open
    await commitNow('second'); // second took the higher seq and committed

    // The gap: by seq, the committed event is visible while the lower one is not yet; a consumer that
    // moved its position to the higher seq would never see the lower one.
    const bySeq = await db.orm.em
      .getConnection()
      .execute<{ aggregate_id: string }[]>(
        `select aggregate_id from outbox_event where aggregate_id in ('first', 'second') order by seq`,
      );
    expect(pilgrims(bySeq.map((r) => ({ aggregateId: r.aggregate_id })))).toEqual(['second']);

    // The feed delivers neither while the older transaction is open, and a consumer does not move.
    expect(await readFeed(db, start, 500, { waitMs: 0 })).toEqual([]);
    const consumer = startConsumer({
      db,
      source: 'self',
      feed: localFeed(db, { waitMs: 0 }),
      handler: async (tx, event) => {
        await tx
          .getConnection()
          .execute(
            'insert into tally (aggregate_id) values (?)',
            [event.aggregateId],
            'run',
            tx.getTransactionContext(),
          );
      },
      intervalMs: 3_600_000,
    });
    expect(await consumer.drain()).toBe(0);

    await first.commit();
    const delivered = await readFeed(db, start, 500, { waitMs: 0 });
    expect(pilgrims(delivered)).toEqual(['first', 'second']);
    expect(delivered[0]!.seq).toBeLessThan(delivered[1]!.seq);
    expect(await consumer.drain()).toBe(2);
    const tally = await db.orm.em
      .getConnection()
      .execute<{ aggregate_id: string }[]>(`select aggregate_id from tally order by id`);
    expect(tally.map((r) => r.aggregate_id)).toEqual(['first', 'second']);
    expect(await consumer.drain()).toBe(0);
    await consumer.stop();
  });

  it('lets a read wait for the transaction holding events back, instead of answering short', async () => {
    const start: FeedCursor | 0 = (await readFeed(db, 0, 500, { waitMs: 0 })).at(-1) ?? 0;
    const first = openWriter('third');
    await first.written;
    await commitNow('fourth');
    const reading = readFeed(db, start, 500, { waitMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await first.commit();
    expect(pilgrims(await reading)).toEqual(['third', 'fourth']);
  });

  it('orders by transaction, so an event never appears behind a cursor already handed out', async () => {
    const start: FeedCursor | 0 = (await readFeed(db, 0, 500, { waitMs: 0 })).at(-1) ?? 0;
    // Ten writers commit in an order unrelated to their seq; readers poll while they do.
    const writers = Array.from({ length: 10 }, (_, i) => openWriter(`w${i}`));
    await Promise.all(writers.map((w) => w.written));
    const seen: string[] = [];
    let cursor: FeedCursor | 0 = start;
    for (const i of [7, 2, 9, 0, 5, 1, 8, 3, 6, 4]) {
      await writers[i]!.commit();
      const page = await readFeed(db, cursor, 500, { waitMs: 0 });
      seen.push(...pilgrims(page));
      cursor = page.at(-1) ?? cursor;
    }
    seen.push(...pilgrims(await readFeed(db, cursor, 500, { waitMs: 0 })));
    expect([...seen].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `w${i}`).sort());
    expect(new Set(seen).size).toBe(10);
  });
});
