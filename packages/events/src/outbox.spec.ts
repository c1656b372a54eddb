import { Migration, openDatabase } from '@umrah/db-kit';
import { describe, expect, it } from 'vitest';
import {
  FEED_START,
  OUTBOX_ORDER_SQL,
  OUTBOX_SQL,
  OutboxEventEntity,
  formatCursor,
  parseCursor,
  readFeed,
  recordEvent,
} from './index';

class Outbox extends Migration {
  override name = '0001-outbox';
  up(): void {
    for (const sql of [...OUTBOX_SQL, ...OUTBOX_ORDER_SQL]) this.addSql(sql);
  }
}
class LegacyOutbox extends Migration {
  override name = '0001-outbox';
  up(): void {
    for (const sql of OUTBOX_SQL) this.addSql(sql);
  }
}

describe('outbox', () => {
  it('writes events with the change and reads them back in order after a position', async () => {
    const db = await openDatabase({ entities: [OutboxEventEntity], migrations: [Outbox] });
    await db.migrate();
    const em = db.fork();
    recordEvent(em, {
      type: 'LicenseSuspended',
      aggregateType: 'Company',
      aggregateId: 'c1',
      payload: { until: '2026-12-20' },
    });
    recordEvent(em, { type: 'LicenseReinstated', aggregateType: 'Company', aggregateId: 'c1', payload: {} });
    await em.flush();
    const all = await readFeed(db, 0, 10);
    expect(all.map((e) => e.type)).toEqual(['LicenseSuspended', 'LicenseReinstated']);
    expect(all[0]!.payload).toEqual({ until: '2026-12-20' });
    expect(all[0]!.txId).toBe(all[1]!.txId); // one flush, one transaction
    expect(Number(all[0]!.txId)).toBeGreaterThan(0);
    expect((await readFeed(db, all[0]!, 10)).map((e) => e.type)).toEqual(['LicenseReinstated']);
    expect(await readFeed(db, all[1]!, 10)).toEqual([]);
    await db.close();
  });

  it('loses the event when the change is rolled back', async () => {
    const db = await openDatabase({ entities: [OutboxEventEntity], migrations: [Outbox] });
    await db.migrate();
    await expect(
      db.fork().transactional(async (em) => {
        recordEvent(em, { type: 'LicenseRevoked', aggregateType: 'Company', aggregateId: 'c2', payload: {} });
        await em.flush();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await readFeed(db, 0, 10)).toEqual([]);
    await db.close();
  });

  it('keeps the events of an outbox created before transactions were recorded first, in their order', async () => {
    const db = await openDatabase({ entities: [OutboxEventEntity], migrations: [LegacyOutbox] });
    await db.migrate();
    const em = db.fork();
    for (const id of ['old1', 'old2'])
      recordEvent(em, { type: 'LicenseSuspended', aggregateType: 'Company', aggregateId: id, payload: {} });
    await em.flush();
    // What a later migration applying OUTBOX_ORDER_SQL does to an outbox in use.
    for (const sql of OUTBOX_ORDER_SQL) await db.orm.em.getConnection().execute(sql, [], 'run');
    const later = db.fork();
    recordEvent(later, { type: 'LicenseSuspended', aggregateType: 'Company', aggregateId: 'new1', payload: {} });
    await later.flush();

    const all = await readFeed(db, 0, 10);
    expect(all.map((e) => [e.aggregateId, e.txId])).toEqual([
      ['old1', '0'],
      ['old2', '0'],
      ['new1', all[2]!.txId],
    ]);
    expect(Number(all[2]!.txId)).toBeGreaterThan(0);
    // A consumer's old position (seq of old1) is the cursor (0, seq): it goes on with old2.
    expect((await readFeed(db, parseCursor(String(all[0]!.seq))!, 10)).map((e) => e.aggregateId)).toEqual([
      'old2',
      'new1',
    ]);
    await db.close();
  });
});

describe('feed cursor', () => {
  it('round-trips as a token, reads a bare old position as transaction 0, and refuses anything else', () => {
    expect(parseCursor(formatCursor({ txId: '18446744073709551615', seq: 42 }))).toEqual({
      txId: '18446744073709551615',
      seq: 42,
    });
    expect(parseCursor('0')).toEqual(FEED_START);
    expect(parseCursor('17')).toEqual({ txId: '0', seq: 17 });
    expect(parseCursor('0007:3')).toEqual({ txId: '7', seq: 3 });
    for (const bad of ['', '-1', '1.5', 'abc', '1:2:3', '18446744073709551616:1', ':4', '4:'])
      expect(parseCursor(bad), bad).toBeNull();
  });
});
