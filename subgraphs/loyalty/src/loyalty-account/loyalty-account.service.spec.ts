import type { Database } from '@umrah/db-kit';
import { uuidv7 } from '@umrah/db-kit';
import { demoCompanies } from '@umrah/demo';
import { PageArgs } from '@umrah/subgraph-kit';
import { as, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loyaltySubgraph } from '../index';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { LoyaltyAccountEntity } from './loyalty-account.entity';
import { accountsByIds, accountsOfCompanies, listAccounts, openAccount } from './loyalty-account.service';
import { tierFor } from './tier';

const [safwa, rawda, bayt] = demoCompanies;
const withPoints = demoCompanies.filter((c) => c.loyaltyBalance > 0);
const withoutPoints = demoCompanies.filter((c) => c.loyaltyBalance === 0);
const page = (first = 20): PageArgs => Object.assign(new PageArgs(), { first, after: null });

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(loyaltySubgraph);
  await loyaltySubgraph.seedDemo(db);
});
afterAll(() => db.close());

async function ledgerSum(accountId: string): Promise<number> {
  const rows = await db
    .fork()
    .getConnection()
    .execute<{ total: string | number | null }[]>(
      'select sum(points) as total from loyalty_ledger_entry where account_id = ?',
      [accountId],
    );
  return Number(rows[0]?.total ?? 0);
}

describe('the demo accounts', () => {
  it('open one account per company with points, its balance equal to its ledger and its tier set by it', async () => {
    const rows = await db.fork().find(LoyaltyAccountEntity, {});
    expect(rows).toHaveLength(withPoints.length);
    for (const company of withPoints) {
      const row = rows.find((r) => r.companyId === company.id)!;
      expect(row.balance).toBe(company.loyaltyBalance);
      expect(row.tier).toBe(tierFor(company.loyaltyBalance));
      expect(await ledgerSum(row.id)).toBe(row.balance);
    }
  });
});

describe('the database keeps the points rules', () => {
  it('refuses a negative balance', async () => {
    const em = db.fork();
    const account = await em.findOneOrFail(LoyaltyAccountEntity, { companyId: bayt!.id });
    account.balance = -1;
    await expect(em.flush()).rejects.toThrow(/check constraint/);
    expect((await db.fork().findOneOrFail(LoyaltyAccountEntity, { companyId: bayt!.id })).balance).toBe(
      bayt!.loyaltyBalance,
    );
  });

  it('refuses a second account for the same company', async () => {
    await expect(
      openAccount(db.fork(), { companyId: safwa!.id, openingBalance: 10, source: 'test:again' }),
    ).rejects.toThrow(/unique/);
  });

  it('refuses a ledger entry of zero points, one leaving a negative balance, and the same source twice', async () => {
    const account = await db.fork().findOneOrFail(LoyaltyAccountEntity, { companyId: rawda!.id });
    const entry = (points: number, balanceAfter: number, source: string) => {
      const em = db.fork();
      em.create(LedgerEntryEntity, { id: uuidv7(), account: account.id, kind: 'ADJUST', points, balanceAfter, source });
      return em.flush();
    };
    await expect(entry(0, 10, 'test:zero')).rejects.toThrow(/check constraint/);
    await expect(entry(-20_000, -10_380, 'test:overdraw')).rejects.toThrow(/check constraint/);
    await expect(entry(5, rawda!.loyaltyBalance + 5, 'demo:season-1447-points')).rejects.toThrow(/unique/);
  });

  it('opens an account with nothing earned without a ledger entry', async () => {
    const company = uuidv7();
    const account = await openAccount(db.fork(), { companyId: company, openingBalance: 0, source: 'test:empty' });
    expect(account).toMatchObject({ balance: 0, tier: 'BRONZE', company: { id: company } });
    expect(await db.fork().count(LedgerEntryEntity, { account: account.id })).toBe(0);
  });
});

describe('slices', () => {
  it('lists every account to the ministry and none to anyone else', async () => {
    expect((await listAccounts(db.fork(), as.supervisor(), page(), undefined)).totalCount).toBeGreaterThanOrEqual(
      withPoints.length,
    );
    expect(
      (await listAccounts(db.fork(), as.manager(safwa!.id), page(), undefined)).edges.map((e) => e.node.company.id),
    ).toEqual([safwa!.id]);
  });

  it('resolves an account by id for the ministry and its own manager only', async () => {
    const [own] = await accountsOfCompanies(db.fork(), as.manager(safwa!.id), [safwa!.id]);
    expect((await accountsByIds(db.fork(), as.officer(), [own!.id]))[0]?.id).toBe(own!.id);
    expect((await accountsByIds(db.fork(), as.manager(safwa!.id), [own!.id]))[0]?.id).toBe(own!.id);
    expect(await accountsByIds(db.fork(), as.manager(rawda!.id), [own!.id])).toEqual([null]);
    expect(await accountsByIds(db.fork(), null, [own!.id])).toEqual([null]);
  });

  it('reads many companies’ accounts in one statement, null outside the slice or without an account', async () => {
    const ids = [safwa!.id, rawda!.id, withoutPoints[0]!.id];
    const before = db.statementCount;
    const all = await accountsOfCompanies(db.fork(), as.supervisor(), ids);
    expect(db.statementCount - before).toBe(1);
    expect(all.map((a) => a?.balance ?? null)).toEqual([safwa!.loyaltyBalance, rawda!.loyaltyBalance, null]);
    const manager = await accountsOfCompanies(db.fork(), as.manager(rawda!.id), ids);
    expect(manager.map((a) => a?.company.id ?? null)).toEqual([null, rawda!.id, null]);
  });
});
