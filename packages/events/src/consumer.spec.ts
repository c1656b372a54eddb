import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Migration, openDatabase, type Database } from '@umrah/db-kit';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INBOX_SQL,
  OUTBOX_SQL,
  OutboxEventEntity,
  applyEvent,
  eventFeedHandler,
  readFeed,
  recordEvent,
  startConsumer,
} from './index';

class Outbox extends Migration {
  override name = '0001-outbox';
  up(): void {
    for (const sql of OUTBOX_SQL) this.addSql(sql);
  }
}
class Inbox extends Migration {
  override name = '0001-inbox';
  up(): void {
    for (const sql of [...INBOX_SQL, `create table tally (id serial primary key, aggregate_id text not null)`])
      this.addSql(sql);
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
        .execute('insert into tally (aggregate_id) values (?)', [event.aggregateId], 'run', tx.getTransactionContext());
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
});
