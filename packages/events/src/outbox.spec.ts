import { Migration, openDatabase } from '@umrah/db-kit';
import { describe, expect, it } from 'vitest';
import { OUTBOX_SQL, OutboxEventEntity, readFeed, recordEvent } from './index';

class Outbox extends Migration {
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
    expect(await readFeed(db, all[0]!.seq, 10)).toHaveLength(1);
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
});
