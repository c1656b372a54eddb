import { randomUUID } from 'node:crypto';
import type { Database } from '@umrah/db-kit';
import { as, licensedCompany, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, deliver, ledgerDisagreements, registration } from '../../test/support';
import { addDays, riyadhDate } from '../dates';
import { loyaltySubgraph } from '../index';
import { adjustPoints } from '../ledger/ledger.service';
import { rejectRedemption, requestRedemption } from '../redemption/redemption.service';
import { createReward } from '../reward/reward.service';
import { RewardCategory } from '../reward/reward.type';
import { expireDuePoints } from './expiry.service';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(loyaltySubgraph);
});
afterAll(() => db.close());

const expiries = (companyId: string) =>
  db
    .fork()
    .getConnection()
    .execute<{ points: number; occurred_at: Date; reference: string }[]>(
      `select e.points, e.occurred_at, e.reference from loyalty_ledger_entry e join loyalty_account a on a.id = e.account_id
        where a.company_id = ? and e.kind = 'EXPIRE' order by e.line`,
      [companyId],
    );

describe('points expire a configured number of months after earning', () => {
  // Rules v1 (season 1447): 10 points per pilgrim; v2 (1448): 12; both expire after 24 months.
  let company: string;
  beforeAll(async () => {
    company = await licensedCompany(db);
    await deliver(db, registration(company, '2025-02-10T09:00:00+03:00')); // expires 2027-02-10
    await deliver(db, registration(company, '2025-02-10T11:00:00+03:00')); // same day, same lot
    await deliver(db, registration(company, '2025-03-05T09:00:00+03:00')); // expires 2027-03-05
    await deliver(db, registration(company, '2026-11-01T09:00:00+03:00')); // expires 2028-11-01
  });

  it('writes nothing before the expiry day, then one EXPIRE entry for exactly what is left, once', async () => {
    expect(await expireDuePoints(db, '2027-02-09')).toBe(0);
    expect(await balanceOf(db, company)).toBe(42);
    expect(await expireDuePoints(db, '2027-02-10')).toBe(1);
    expect(await expireDuePoints(db, '2027-02-10')).toBe(0);
    expect(await expireDuePoints(db, '2027-02-11')).toBe(0);
    expect(await balanceOf(db, company)).toBe(22);
    const written = await expiries(company);
    expect(written.map((e) => [Number(e.points), e.reference])).toEqual([[-20, '2027-02-10']]);
    expect(new Date(written[0]!.occurred_at).toISOString()).toBe('2027-02-09T21:00:00.000Z');
  });

  it('expires only what a redemption left of a lot, oldest first', async () => {
    // An officer takes 5: from the lot expiring 2027-03-05.
    await adjustPoints(db.fork(), as.officer(), { companyId: company, points: -5, reason: 'Correction for the test' });
    expect(await expireDuePoints(db, '2027-03-05')).toBe(1);
    expect((await expiries(company)).map((e) => Number(e.points))).toEqual([-20, -5]);
    expect(await balanceOf(db, company)).toBe(12);
  });

  it('expires refunded points that come back to a lot past its day at the next run, exactly', async () => {
    const other = randomUUID();
    await deliver(db, registration(other, '2025-04-01T09:00:00+03:00')); // expires 2027-04-01
    await deliver(db, registration(other, '2026-11-01T09:00:00+03:00')); // expires 2028-11-01
    const today = riyadhDate();
    const item = await createReward(db.fork(), as.officer(), {
      category: RewardCategory.TRAINING,
      nameAr: 'دورة',
      nameEn: 'Course',
      descriptionAr: 'دورة للاختبار',
      descriptionEn: 'A test course',
      costPoints: 15,
      stock: 3,
      activeFrom: addDays(today, -1),
      activeUntil: null,
    });
    const held = await requestRedemption(db.fork(), as.manager(other), { rewardId: item.id, quantity: 1 });
    // The expiry day of the first lot passes while its points are held: nothing to expire.
    expect(await expireDuePoints(db, '2027-04-01')).toBe(0);
    await rejectRedemption(db.fork(), as.officer(), { id: held.id, reason: 'Not this season' });
    expect(await balanceOf(db, other)).toBe(22);
    expect(await expireDuePoints(db, '2027-04-01')).toBe(1);
    expect((await expiries(other)).map((e) => Number(e.points))).toEqual([-10]);
    expect(await balanceOf(db, other)).toBe(12);
    expect(await expireDuePoints(db, '2027-04-01')).toBe(0);
  });

  it('leaves the books in agreement', async () => {
    expect(await ledgerDisagreements(db)).toEqual([]);
  });
});

// Two runners (two instances of the subgraph) only race on a PostgreSQL server.
describe.runIf(process.env['TEST_DATABASE_URL'])('two expiry runners at once (PostgreSQL)', () => {
  it('write one EXPIRE entry per lot between them', async () => {
    const companies = Array.from({ length: 6 }, () => randomUUID());
    for (const company of companies) await deliver(db, registration(company, '2025-06-01T09:00:00+03:00'));
    const written = await Promise.all([expireDuePoints(db, '2027-06-01'), expireDuePoints(db, '2027-06-01')]);
    expect(written[0] + written[1]).toBe(companies.length);
    for (const company of companies) {
      expect((await expiries(company)).map((e) => Number(e.points))).toEqual([-10]);
      expect(await balanceOf(db, company)).toBe(0);
    }
    expect(await ledgerDisagreements(db)).toEqual([]);
  });
});
