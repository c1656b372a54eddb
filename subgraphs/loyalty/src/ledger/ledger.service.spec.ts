import { randomUUID } from 'node:crypto';
import { uuidv7, type Database } from '@umrah/db-kit';
import type { AppError } from '@umrah/subgraph-kit';
import { as, licensedCompany, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, deliver, ledgerDisagreements, registration } from '../../test/support';
import { riyadhDate } from '../dates';
import { loyaltySubgraph } from '../index';
import { adjustPoints, ledgerPages, statement } from './ledger.service';
import { LedgerEntryKind } from './ledger.type';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(loyaltySubgraph);
});
afterAll(() => db.close());

const exec = (sql: string, params: unknown[] = []) => db.fork().getConnection().execute(sql, params);
const accountOf = async (companyId: string): Promise<string> =>
  (
    await db
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from loyalty_account where company_id = ?`, [companyId])
  )[0]!.id;
const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return String((error as AppError).extensions?.['code']);
  }
  throw new Error('expected a refusal');
};

describe('the database keeps the books', () => {
  const company = randomUUID();
  let account: string;
  beforeAll(async () => {
    await deliver(db, registration(company, '2026-11-01T09:00:00Z'));
    account = await accountOf(company);
  });

  it('refuses a balance changed other than by a ledger line, and an account opened with points', async () => {
    await expect(exec(`update loyalty_account set balance = 999 where id = ?`, [account])).rejects.toThrow(
      /changes only through its ledger/,
    );
    await expect(
      exec(`insert into loyalty_account (id, company_id, balance) values (?, ?, 50)`, [uuidv7(), randomUUID()]),
    ).rejects.toThrow(/opens empty/);
    expect(await balanceOf(db, company)).toBe(12);
  });

  it('refuses to rewrite or delete a ledger line', async () => {
    await expect(exec(`update loyalty_ledger_entry set points = 1000 where account_id = ?`, [account])).rejects.toThrow(
      /append-only/,
    );
    await expect(exec(`delete from loyalty_ledger_entry where account_id = ?`, [account])).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses a line that would leave a negative balance, whatever the code says its balance is', async () => {
    const line = (kind: string, points: number, reason: string | null = null) =>
      exec(
        `insert into loyalty_ledger_entry (id, account_id, line, kind, cause, points, balance_after, source, occurred_at, reason)
         values (?, ?, 0, ?, 'OFFICER_ADJUSTMENT', ?, 1000, ?, now(), ?)`,
        [uuidv7(), account, kind, points, `test:${randomUUID()}`, reason],
      );
    await expect(line('ADJUST', -13, 'Too much')).rejects.toThrow(/check constraint/);
    await expect(line('ADJUST', 5)).rejects.toThrow(/loyalty_ledger_adjust_reason/);
    await expect(line('EARN', -5)).rejects.toThrow(/loyalty_ledger_kind_sign/);
    expect(await balanceOf(db, company)).toBe(12);
  });

  it('numbers lines without gaps and keeps the running balance, for a line written directly too', async () => {
    // Rolled back afterwards: a line written around the service moves no lots.
    const rollback = new Error('rollback');
    await expect(
      db.fork().transactional(async (tx) => {
        const run = (sql: string, params: unknown[]) =>
          tx
            .getConnection()
            .execute<{ line: number; balance_after: number }[]>(sql, params, 'all', tx.getTransactionContext());
        await run(
          `insert into loyalty_ledger_entry (id, account_id, line, kind, cause, points, balance_after, source, occurred_at, reason)
           values (?, ?, 0, 'ADJUST', 'OFFICER_ADJUSTMENT', -4, 12345, ?, now(), 'Direct correction')`,
          [uuidv7(), account, `test:${randomUUID()}`],
        );
        const lines = await run(
          `select line, balance_after from loyalty_ledger_entry where account_id = ? order by line`,
          [account],
        );
        expect(lines.map((l) => [Number(l.line), Number(l.balance_after)])).toEqual([
          [1, 12],
          [2, 8],
        ]);
        const [row] = await run(
          `select balance as balance_after, last_line as line from loyalty_account where id = ?`,
          [account],
        );
        expect([Number(row!.balance_after), Number(row!.line)]).toEqual([8, 2]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await balanceOf(db, company)).toBe(12);
  });
});

describe('officers’ adjustments', () => {
  it('add points as a lot expiring under the rules in force, and take points only down to zero, each with its reason', async () => {
    const company = await licensedCompany(db);
    const officer = as.officer();
    const added = await adjustPoints(db.fork(), officer, {
      companyId: company,
      points: 500,
      reason: 'Migration from the old system',
    });
    expect(added).toMatchObject({
      kind: 'ADJUST',
      points: 500,
      balanceAfter: 500,
      reason: 'Migration from the old system',
    });
    expect(added.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      await codeOf(adjustPoints(db.fork(), officer, { companyId: company, points: -501, reason: 'Too much' })),
    ).toBe('INSUFFICIENT_POINTS');
    expect(await codeOf(adjustPoints(db.fork(), officer, { companyId: company, points: -5, reason: '  ' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(adjustPoints(db.fork(), officer, { companyId: company, points: 0, reason: 'Nothing' }))).toBe(
      'BAD_USER_INPUT',
    );
    const taken = await adjustPoints(db.fork(), officer, {
      companyId: company,
      points: -500,
      reason: 'Duplicate import',
    });
    expect(taken).toMatchObject({ points: -500, balanceAfter: 0, expiresOn: null });
  });

  it('refuse a company the companies feed never told of, as missing, and open no account for it', async () => {
    const unknown = randomUUID();
    await expect(
      adjustPoints(db.fork(), as.officer(), { companyId: unknown, points: 50, reason: 'Goodwill for a stranger' }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'input.companyId' } });
    expect(await balanceOf(db, unknown)).toBeNull();
  });
});

describe('reading the ledger', () => {
  let a: string;
  const b = randomUUID();
  beforeAll(async () => {
    a = await licensedCompany(db);
    for (let i = 0; i < 5; i++) await deliver(db, registration(a, `2026-11-0${i + 1}T09:00:00Z`));
    await deliver(db, registration(b, '2026-11-01T09:00:00Z'));
    await adjustPoints(db.fork(), as.officer(), { companyId: a, points: -3, reason: '=HYPERLINK("x") "quoted", here' });
  });

  it('pages newest first, filters by kind and continues from a cursor', async () => {
    const [idA] = [await accountOf(a)];
    const [first] = await ledgerPages(db.fork(), [idA], { first: 2, withCount: true });
    expect(first!.edges.map((e) => e.node.line)).toEqual([6, 5]);
    expect(first!.totalCount).toBe(6);
    const [next] = await ledgerPages(db.fork(), [idA], {
      first: 2,
      after: first!.pageInfo.endCursor,
      withCount: false,
    });
    expect(next!.edges.map((e) => e.node.line)).toEqual([4, 3]);
    const [earned] = await ledgerPages(db.fork(), [idA], {
      first: 10,
      filter: { kinds: [LedgerEntryKind.ADJUST] },
      withCount: true,
    });
    expect(earned!.edges.map((e) => e.node.points)).toEqual([-3]);
  });

  it('reads the pages of many accounts in one statement', async () => {
    const ids = [await accountOf(a), await accountOf(b)];
    const before = db.statementCount;
    const pages = await ledgerPages(db.fork(), ids, { first: 3, withCount: false });
    expect(db.statementCount - before).toBe(1);
    expect(pages.map((p) => p.edges.length)).toEqual([3, 1]);
  });

  it('exports a statement whose CSV lines run from the opening to the closing balance, formulas defused', async () => {
    const today = riyadhDate();
    const result = await statement(db.fork(), await accountOf(a), '2026-01-01', today);
    expect(result).toMatchObject({ openingBalance: 0, closingBalance: 57, entryCount: 6 });
    const rows = result.csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'line,recorded_at,occurred_at,kind,cause,points,balance_after,source,reference,rule_version,tier,multiplier_percent,expires_on,reason',
    );
    expect(rows).toHaveLength(7);
    expect(rows[1]).toMatch(
      /^1,[^,]+,2026-11-01T09:00:00.000Z,EARN,PILGRIM_REGISTERED,12,12,pilgrims:[0-9a-f-]+,[0-9a-f-]+,2,BRONZE,100,2028-11-01,$/,
    );
    expect(rows[6]).toMatch(
      /,ADJUST,OFFICER_ADJUSTMENT,-3,57,adjustment:[0-9a-f-]+,,,,,,"'=HYPERLINK\(""x""\) ""quoted"", here"$/,
    );
    const empty = await statement(db.fork(), await accountOf(a), '2020-01-01', '2020-01-31');
    expect(empty).toMatchObject({ openingBalance: 0, closingBalance: 0, entryCount: 0 });
    await expect(statement(db.fork(), await accountOf(a), '2026-01-01', '2027-06-01')).rejects.toThrow(
      /at most 366 days/,
    );
  });

  it('leaves the books in agreement', async () => {
    expect(await ledgerDisagreements(db)).toEqual([]);
  });
});
