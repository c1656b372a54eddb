import { randomUUID } from 'node:crypto';
import type { Database } from '@umrah/db-kit';
import type { AppError } from '@umrah/subgraph-kit';
import { as, licensedCompany, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, deliver, ledgerDisagreements, registration } from '../../test/support';
import { addDays, riyadhDate } from '../dates';
import { loyaltySubgraph } from '../index';
import { adjustPoints } from '../ledger/ledger.service';
import { createReward } from '../reward/reward.service';
import { RewardCategory } from '../reward/reward.type';
import {
  approveRedemption,
  cancelRedemption,
  fulfilRedemption,
  rejectRedemption,
  requestRedemption,
} from './redemption.service';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(loyaltySubgraph);
});
afterAll(() => db.close());

const today = riyadhDate();
const officer = as.officer();

async function reward(costPoints: number, stock: number, activeFrom = addDays(today, -1), activeUntil?: string) {
  return createReward(db.fork(), officer, {
    category: RewardCategory.COMPUTER_SYSTEMS,
    nameAr: 'حاسب',
    nameEn: 'Computer',
    descriptionAr: 'حاسب للاختبار',
    descriptionEn: 'A test computer',
    costPoints,
    stock,
    activeFrom,
    activeUntil: activeUntil ?? null,
  });
}

/** A company with `points` points, earned by an officer's adjustment. */
async function companyWith(points: number): Promise<string> {
  const company = await licensedCompany(db);
  await adjustPoints(db.fork(), officer, { companyId: company, points, reason: 'Opening points for the test' });
  return company;
}

const stockOf = async (id: string): Promise<number> =>
  Number(
    (
      await db
        .fork()
        .getConnection()
        .execute<{ stock: number }[]>(`select stock from loyalty_reward where id = ?`, [id])
    )[0]!.stock,
  );

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return String((error as AppError).extensions?.['code']);
  }
  throw new Error('expected a refusal');
};

describe('a redemption from request to fulfilment', () => {
  it('holds the points and the units at once, then approves and fulfils without touching them again', async () => {
    const company = await companyWith(10_000);
    const laptop = await reward(2_500, 5);
    const manager = as.manager(company);
    const requested = await requestRedemption(db.fork(), manager, { rewardId: laptop.id, quantity: 2 });
    expect(requested).toMatchObject({ status: 'REQUESTED', points: 5_000, quantity: 2 });
    expect(await balanceOf(db, company)).toBe(5_000);
    expect(await stockOf(laptop.id)).toBe(3);
    const approved = await approveRedemption(db.fork(), officer, { id: requested.id, note: 'Approved' });
    expect(approved).toMatchObject({ status: 'APPROVED', decisionNote: 'Approved' });
    const fulfilled = await fulfilRedemption(db.fork(), officer, { id: requested.id, note: 'Delivered to Makkah' });
    expect(fulfilled).toMatchObject({ status: 'FULFILLED', fulfilmentNote: 'Delivered to Makkah' });
    expect(fulfilled.fulfilledAt).toBeInstanceOf(Date);
    expect(await balanceOf(db, company)).toBe(5_000);
    expect(await stockOf(laptop.id)).toBe(3);
    // Nothing moves a request twice or backwards.
    expect(await codeOf(fulfilRedemption(db.fork(), officer, { id: requested.id }))).toBe(
      'INVALID_REDEMPTION_TRANSITION',
    );
    expect(await codeOf(rejectRedemption(db.fork(), officer, { id: requested.id, reason: 'Too late now' }))).toBe(
      'INVALID_REDEMPTION_TRANSITION',
    );
    expect(await codeOf(fulfilRedemption(db.fork(), officer, { id: randomUUID() }))).toBe('REDEMPTION_NOT_FOUND');
  });

  it('refunds exactly the held points to the lots they came from, and the units, when rejected', async () => {
    const company = randomUUID();
    // Three lots: 10 points expiring 2027-02-10, 10 on 2027-03-05 (rules v1) and 12 on 2028-11-01 (v2).
    for (const at of ['2025-02-10T09:00:00+03:00', '2025-03-05T09:00:00+03:00', '2026-11-01T09:00:00+03:00']) {
      await deliver(db, registration(company, at));
    }
    const forum = await reward(15, 2);
    const requested = await requestRedemption(db.fork(), as.manager(company), { rewardId: forum.id, quantity: 1 });
    const lots = () =>
      db
        .fork()
        .getConnection()
        .execute<{ expires_on: string; remaining: number }[]>(
          `select l.expires_on::text as expires_on, l.remaining from loyalty_points_lot l join loyalty_account a on a.id = l.account_id
            where a.company_id = ? order by l.expires_on`,
          [company],
        );
    // Oldest first: the lot expiring first is emptied, the next gives 5.
    expect((await lots()).map((l) => Number(l.remaining))).toEqual([0, 5, 12]);
    expect(await balanceOf(db, company)).toBe(17);
    expect(await stockOf(forum.id)).toBe(1);
    const rejected = await rejectRedemption(db.fork(), officer, { id: requested.id, reason: 'The forum is full' });
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionNote: 'The forum is full' });
    expect(await balanceOf(db, company)).toBe(32);
    expect((await lots()).map((l) => Number(l.remaining))).toEqual([10, 10, 12]);
    expect(await stockOf(forum.id)).toBe(2);
    expect(await codeOf(rejectRedemption(db.fork(), officer, { id: requested.id, reason: 'Again' }))).toBe(
      'INVALID_REDEMPTION_TRANSITION',
    );
  });

  it('lets a manager cancel their own waiting request (refunded), and no other company’s', async () => {
    const company = await companyWith(1_000);
    const training = await reward(400, 10);
    const requested = await requestRedemption(db.fork(), as.manager(company), { rewardId: training.id, quantity: 1 });
    expect(await codeOf(cancelRedemption(db.fork(), as.manager(randomUUID()), requested.id))).toBe(
      'REDEMPTION_NOT_FOUND',
    );
    expect(await balanceOf(db, company)).toBe(600);
    const cancelled = await cancelRedemption(db.fork(), as.manager(company), requested.id);
    expect(cancelled.status).toBe('CANCELLED');
    expect(await balanceOf(db, company)).toBe(1_000);
    expect(await stockOf(training.id)).toBe(10);
  });

  it('refuses a request beyond the balance, beyond the stock, or outside the active dates, changing nothing', async () => {
    const company = await companyWith(1_000);
    const manager = as.manager(company);
    const dear = await reward(1_001, 5);
    const scarce = await reward(100, 1);
    const later = await reward(100, 5, addDays(today, 3));
    const over = await reward(100, 5, addDays(today, -30), addDays(today, -1));
    expect(await codeOf(requestRedemption(db.fork(), manager, { rewardId: dear.id, quantity: 1 }))).toBe(
      'INSUFFICIENT_POINTS',
    );
    expect(await codeOf(requestRedemption(db.fork(), manager, { rewardId: scarce.id, quantity: 2 }))).toBe(
      'OUT_OF_STOCK',
    );
    expect(await codeOf(requestRedemption(db.fork(), manager, { rewardId: later.id, quantity: 1 }))).toBe(
      'REWARD_NOT_AVAILABLE',
    );
    expect(await codeOf(requestRedemption(db.fork(), manager, { rewardId: over.id, quantity: 1 }))).toBe(
      'REWARD_NOT_AVAILABLE',
    );
    expect(await codeOf(requestRedemption(db.fork(), manager, { rewardId: scarce.id, quantity: 0 }))).toBe(
      'BAD_USER_INPUT',
    );
    // A company that never earned has no account: it has no points either.
    expect(
      await codeOf(requestRedemption(db.fork(), as.manager(randomUUID()), { rewardId: scarce.id, quantity: 1 })),
    ).toBe('INSUFFICIENT_POINTS');
    expect(await balanceOf(db, company)).toBe(1_000);
    expect(await stockOf(dear.id)).toBe(5);
    expect(await stockOf(scarce.id)).toBe(1);
  });

  it('leaves the books in agreement', async () => {
    expect(await ledgerDisagreements(db)).toEqual([]);
  });
});

// PGlite runs every statement on one connection: races only happen on a PostgreSQL server.
describe.runIf(process.env['TEST_DATABASE_URL'])('concurrent redemptions (PostgreSQL)', () => {
  it('never overdraw a balance: of ten requests at once against 100 points at 30 each, exactly three succeed', async () => {
    const company = await companyWith(100);
    const item = await reward(30, 100);
    const manager = as.manager(company);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => requestRedemption(db.fork(), manager, { rewardId: item.id, quantity: 1 })),
    );
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r.reason as AppError).extensions?.['code']);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toEqual(Array(7).fill('INSUFFICIENT_POINTS'));
    expect(await balanceOf(db, company)).toBe(10);
    expect(await stockOf(item.id)).toBe(97);
    expect(await ledgerDisagreements(db)).toEqual([]);
  });

  it('never oversell a stock: of eight companies asking at once for the last two units, exactly two get one', async () => {
    const companies = await Promise.all(Array.from({ length: 8 }, () => companyWith(500)));
    const item = await reward(100, 2);
    const results = await Promise.allSettled(
      companies.map((c) => requestRedemption(db.fork(), as.manager(c), { rewardId: item.id, quantity: 1 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r.reason as AppError).extensions?.['code']),
    ).toEqual(Array(6).fill('OUT_OF_STOCK'));
    expect(await stockOf(item.id)).toBe(0);
    const balances = await Promise.all(companies.map((c) => balanceOf(db, c)));
    expect(balances.filter((b) => b === 400)).toHaveLength(2);
    expect(balances.filter((b) => b === 500)).toHaveLength(6);
  });

  it('two rejections and a cancellation racing on one request: exactly one wins, and the points come back once', async () => {
    const company = await companyWith(300);
    const item = await reward(100, 10);
    const requested = await requestRedemption(db.fork(), as.manager(company), { rewardId: item.id, quantity: 1 });
    const results = await Promise.allSettled([
      rejectRedemption(db.fork(), officer, { id: requested.id, reason: 'Rejected in a race' }),
      rejectRedemption(db.fork(), officer, { id: requested.id, reason: 'Rejected twice in a race' }),
      cancelRedemption(db.fork(), as.manager(company), requested.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await balanceOf(db, company)).toBe(300);
    expect(await stockOf(item.id)).toBe(10);
    expect(await ledgerDisagreements(db)).toEqual([]);
  });
});
