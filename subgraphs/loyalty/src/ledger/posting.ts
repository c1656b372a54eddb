import { uuidv7, type EntityManager } from '@umrah/db-kit';
import { LedgerEntryCause, LedgerEntryKind } from './ledger.type';

/**
 * Writing to the ledger. Every function here runs inside the caller's transaction, after the
 * account was locked (`lockAccount`/`openAndLockAccount`): one writer per account at a time, so
 * balance checks, lot choices and line numbers cannot interleave. The database sets each line's
 * number and running balance from the locked account row and moves the account with it
 * (migration 0003); a line that would leave a negative balance is refused there too.
 */

export const sql = <T>(em: EntityManager, text: string, params: readonly unknown[] = []): Promise<T[]> =>
  em.getConnection().execute<T[]>(text, [...params], 'all', em.getTransactionContext());

export interface LockedAccount {
  id: string;
  companyId: string;
  balance: number;
}

interface AccountRow {
  id: string;
  company_id: string;
  balance: number;
}

const toLocked = (row: AccountRow): LockedAccount => ({
  id: row.id,
  companyId: row.company_id,
  balance: Number(row.balance),
});

/** Locks a company's account for this transaction; null when it has none. */
export async function lockAccount(em: EntityManager, companyId: string): Promise<LockedAccount | null> {
  const [row] = await sql<AccountRow>(
    em,
    `select id, company_id, balance from loyalty_account where company_id = ? for update`,
    [companyId],
  );
  return row ? toLocked(row) : null;
}

/** Locks an account by its id; null when there is none. */
export async function lockAccountById(em: EntityManager, accountId: string): Promise<LockedAccount | null> {
  const [row] = await sql<AccountRow>(
    em,
    `select id, company_id, balance from loyalty_account where id = ? for update`,
    [accountId],
  );
  return row ? toLocked(row) : null;
}

/** Opens the company's account if this is its first event, then locks it. */
export async function openAndLockAccount(em: EntityManager, companyId: string): Promise<LockedAccount> {
  await sql(em, `insert into loyalty_account (id, company_id) values (?, ?) on conflict (company_id) do nothing`, [
    uuidv7(),
    companyId,
  ]);
  const account = await lockAccount(em, companyId);
  if (!account) throw new Error(`loyalty account of ${companyId} vanished`);
  return account;
}

export interface NewEntry {
  kind: LedgerEntryKind;
  cause: LedgerEntryCause;
  points: number;
  /** Unique within the account: posting the same source twice is refused by the database. */
  source: string;
  occurredAt: Date;
  ruleId?: string | null;
  tier?: string | null;
  multiplierPct?: number | null;
  /** Pilgrims this entry counts towards the company's tier (1 for a registration). */
  pilgrims?: number;
  eventId?: string | null;
  reference?: string | null;
  redemptionId?: string | null;
  reason?: string | null;
  createdBy?: string | null;
  /** When the entry is written; now, except for history loaded by the demo seed. */
  recordedAt?: Date;
}

export interface PostedEntry {
  id: string;
  line: number;
  points: number;
  balanceAfter: number;
}

async function insertEntry(em: EntityManager, account: LockedAccount, entry: NewEntry): Promise<PostedEntry> {
  const id = uuidv7();
  // line and balance_after are placeholders: the database's trigger sets both.
  const [row] = await sql<{ line: number; balance_after: number }>(
    em,
    `insert into loyalty_ledger_entry (id, account_id, line, kind, cause, points, balance_after, source, occurred_at,
       rule_id, tier, multiplier_pct, pilgrims, event_id, reference, redemption_id, reason, created_by, created_at)
     values (?, ?, 0, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?::timestamptz, now())) returning line, balance_after`,
    [
      id,
      account.id,
      entry.kind,
      entry.cause,
      entry.points,
      entry.source,
      entry.occurredAt,
      entry.ruleId ?? null,
      entry.tier ?? null,
      entry.multiplierPct ?? null,
      entry.pilgrims ?? 0,
      entry.eventId ?? null,
      entry.reference ?? null,
      entry.redemptionId ?? null,
      entry.reason ?? null,
      entry.createdBy ?? null,
      entry.recordedAt ?? null,
    ],
  );
  const balanceAfter = Number(row!.balance_after);
  account.balance = balanceAfter;
  return { id, line: Number(row!.line), points: entry.points, balanceAfter };
}

/** Whether the account already has an entry with this source (idempotent posting). */
export async function hasSource(em: EntityManager, accountId: string, source: string): Promise<boolean> {
  const rows = await sql(em, `select 1 from loyalty_ledger_entry where account_id = ? and source = ?`, [
    accountId,
    source,
  ]);
  return rows.length > 0;
}

/** Adds points that expire on `expiresOn` (the lot of that day grows). */
export async function credit(
  em: EntityManager,
  account: LockedAccount,
  entry: NewEntry,
  expiresOn: string,
): Promise<PostedEntry> {
  if (entry.points <= 0) throw new Error('a credit adds points');
  const posted = await insertEntry(em, account, entry);
  const [lot] = await sql<{ id: string }>(
    em,
    `insert into loyalty_points_lot (id, account_id, expires_on, points, remaining) values (?, ?, ?, ?, ?)
     on conflict (account_id, expires_on) do update
       set points = loyalty_points_lot.points + excluded.points, remaining = loyalty_points_lot.remaining + excluded.remaining
     returning id`,
    [uuidv7(), account.id, expiresOn, entry.points, entry.points],
  );
  await sql(em, `insert into loyalty_lot_use (entry_id, lot_id, points) values (?, ?, ?)`, [
    posted.id,
    lot!.id,
    entry.points,
  ]);
  return posted;
}

/**
 * Takes points, from the lots that expire first. The caller has checked the balance; the
 * database refuses the line anyway if it would go below zero.
 */
export async function debit(em: EntityManager, account: LockedAccount, entry: NewEntry): Promise<PostedEntry> {
  if (entry.points >= 0) throw new Error('a debit takes points');
  const posted = await insertEntry(em, account, entry);
  const need = -entry.points;
  // One statement whatever the number of lots: each open lot's share in expiry order.
  const taken = await sql<{ points: number }>(
    em,
    `with ordered as (
       select id, remaining, sum(remaining) over (order by expires_on, id) - remaining as before
         from loyalty_points_lot where account_id = ? and remaining > 0
     ), taken as (
       select id, least(remaining, ? - before) as take from ordered where before < ?
     ), used as (
       update loyalty_points_lot l set remaining = l.remaining - t.take from taken t where l.id = t.id returning l.id, t.take
     )
     insert into loyalty_lot_use (entry_id, lot_id, points) select ?, id, -take from used returning points`,
    [account.id, need, need, posted.id],
  );
  const total = taken.reduce((sum, row) => sum - Number(row.points), 0);
  if (total !== need) throw new Error(`lots of account ${account.id} hold ${total} of the ${need} points taken`);
  return posted;
}

/** Gives back the points a debit took, to the very lots it took them from (so they keep their expiry). */
export async function refund(
  em: EntityManager,
  account: LockedAccount,
  debitEntryId: string,
  entry: NewEntry,
): Promise<PostedEntry> {
  if (entry.points <= 0) throw new Error('a refund adds points');
  const posted = await insertEntry(em, account, entry);
  const restored = await sql<{ points: number }>(
    em,
    `with uses as (
       select lot_id, -points as back from loyalty_lot_use where entry_id = ? and points < 0
     ), restored as (
       update loyalty_points_lot l set remaining = l.remaining + u.back from uses u where l.id = u.lot_id returning l.id, u.back
     )
     insert into loyalty_lot_use (entry_id, lot_id, points) select ?, id, back from restored returning points`,
    [debitEntryId, posted.id],
  );
  const total = restored.reduce((sum, row) => sum + Number(row.points), 0);
  if (total !== entry.points) throw new Error(`refund of ${entry.points} points restored ${total} to the lots`);
  return posted;
}

/** Expires what is left of one lot: an EXPIRE line, once per expiry of that lot. */
export async function expireLot(
  em: EntityManager,
  account: LockedAccount,
  lot: { id: string; expiresOn: string; remaining: number; expirations: number },
): Promise<PostedEntry> {
  const posted = await insertEntry(em, account, {
    kind: LedgerEntryKind.EXPIRE,
    cause: LedgerEntryCause.POINTS_EXPIRED,
    points: -lot.remaining,
    source: `expiry:${lot.id}:${lot.expirations + 1}`,
    // Points expire as the day begins in the Kingdom.
    occurredAt: new Date(`${lot.expiresOn}T00:00:00+03:00`),
    reference: lot.expiresOn,
  });
  const [updated] = await sql<{ id: string }>(
    em,
    `update loyalty_points_lot set remaining = 0, expirations = expirations + 1
      where id = ? and remaining = ? and expirations = ? returning id`,
    [lot.id, lot.remaining, lot.expirations],
  );
  if (!updated) throw new Error(`lot ${lot.id} changed while it expired`);
  await sql(em, `insert into loyalty_lot_use (entry_id, lot_id, points) values (?, ?, ?)`, [
    posted.id,
    lot.id,
    -lot.remaining,
  ]);
  return posted;
}
