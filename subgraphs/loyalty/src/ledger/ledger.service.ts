import { isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import {
  badInput,
  checkPageSize,
  decodeCursor,
  requireCompany,
  toPage,
  type Page,
  type Viewer,
} from '@umrah/subgraph-kit';
import { addDays, addMonths, isDate, riyadhDate } from '../dates';
import type { LoyaltyTier } from '../loyalty-account/tier';
import { checkReason, requireRulesInForce } from '../rules/rules.service';
import { adjustmentOverdraws, statementTooLong } from './ledger.errors';
import type { AdjustLoyaltyPointsInput, LoyaltyLedgerFilter } from './ledger.inputs';
import { LedgerEntryCause, LedgerEntryKind, LoyaltyLedgerEntry, LoyaltyStatement } from './ledger.type';
import { credit, debit, lockAccount, openAndLockAccount, sql } from './posting';

const MAX_ADJUSTMENT = 10_000_000;
const MAX_STATEMENT_ENTRIES = 50_000;
const MAX_STATEMENT_DAYS = 366;

interface EntryRow {
  id: string;
  account_id: string;
  line: number;
  kind: string;
  cause: string;
  points: number;
  balance_after: number;
  source: string;
  occurred_at: Date | string;
  created_at: Date | string;
  rule_id: string | null;
  rule_version: number | null;
  tier: string | null;
  multiplier_pct: number | null;
  event_id: string | null;
  reference: string | null;
  redemption_id: string | null;
  reason: string | null;
  expires_on: string | null;
}

const ENTRY_COLUMNS = `e.id, e.account_id, e.line, e.kind, e.cause, e.points, e.balance_after, e.source, e.occurred_at,
  e.created_at, e.rule_id, r.version as rule_version, e.tier, e.multiplier_pct, e.event_id, e.reference,
  e.redemption_id, e.reason,
  (select l.expires_on::text from loyalty_lot_use u join loyalty_points_lot l on l.id = u.lot_id
    where u.entry_id = e.id and u.points > 0 and e.kind in ('EARN', 'ADJUST') limit 1) as expires_on`;

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export function toLedgerEntry(row: EntryRow): LoyaltyLedgerEntry {
  return Object.assign(new LoyaltyLedgerEntry(), {
    id: row.id,
    line: Number(row.line),
    kind: row.kind as LedgerEntryKind,
    cause: row.cause as LedgerEntryCause,
    points: Number(row.points),
    balanceAfter: Number(row.balance_after),
    occurredAt: asDate(row.occurred_at),
    recordedAt: asDate(row.created_at),
    source: row.source,
    sourceEventId: row.event_id,
    reference: row.reference,
    ruleId: row.rule_id,
    tier: (row.tier as LoyaltyTier | null) ?? null,
    multiplierPercent: row.multiplier_pct === null ? null : Number(row.multiplier_pct),
    redemptionId: row.redemption_id,
    reason: row.reason,
    expiresOn: row.expires_on,
  });
}

// A day of the Riyadh calendar as the instant it starts (the Kingdom keeps UTC+3 all year).
const dayStart = (day: string): string => `${day}T00:00:00+03:00`;

function filterSql(filter: LoyaltyLedgerFilter | null | undefined): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter?.kinds && filter.kinds.length > 0) {
    parts.push(`e.kind in (${filter.kinds.map(() => '?').join(', ')})`);
    params.push(...filter.kinds);
  }
  if (filter?.from) {
    if (!isDate(filter.from)) throw badInput('filter.from', 'Must be a calendar date, YYYY-MM-DD.');
    parts.push(`e.created_at >= ?::timestamptz`);
    params.push(dayStart(filter.from));
  }
  if (filter?.to) {
    if (!isDate(filter.to)) throw badInput('filter.to', 'Must be a calendar date, YYYY-MM-DD.');
    if (filter.from && filter.to < filter.from)
      throw badInput('filter.to', 'The last day cannot come before the first.');
    parts.push(`e.created_at < ?::timestamptz`);
    params.push(dayStart(addDays(filter.to, 1)));
  }
  return { where: parts.map((p) => ` and ${p}`).join(''), params };
}

export interface LedgerPageArgs {
  first: number;
  after?: string | null;
  filter?: LoyaltyLedgerFilter | null;
  withCount: boolean;
}

/**
 * A page of each account's ledger, newest line first, for many accounts in one statement (and
 * one more for the counts when asked); each account's page costs its own rows, not its whole
 * ledger. The cursor is an entry id; it only continues its own account.
 */
export async function ledgerPages(
  em: EntityManager,
  accountIds: readonly string[],
  args: LedgerPageArgs,
): Promise<Page<LoyaltyLedgerEntry>[]> {
  const first = checkPageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const { where, params } = filterSql(args.filter);
  const ids = accountIds.map(() => '?').join(', ');
  // One branch per account, walking its (account_id, line) index newest first and stopping after the page.
  const branch = `(select ${ENTRY_COLUMNS}
       from loyalty_ledger_entry e left join loyalty_earning_rules r on r.id = e.rule_id
      where e.account_id = ?${where}
        ${afterId ? 'and e.line < (select a.line from loyalty_ledger_entry a where a.id = ? and a.account_id = e.account_id)' : ''}
      order by e.line desc limit ?)`;
  const rows =
    accountIds.length === 0
      ? []
      : await sql<EntryRow>(
          em,
          accountIds.map(() => branch).join(' union all '),
          accountIds.flatMap((id) => [id, ...params, ...(afterId ? [afterId] : []), first + 1]),
        );
  const counts = new Map<string, number>();
  if (args.withCount) {
    const counted = await sql<{ account_id: string; n: string | number }>(
      em,
      `select e.account_id, count(*) as n from loyalty_ledger_entry e where e.account_id in (${ids})${where} group by e.account_id`,
      [...accountIds, ...params],
    );
    for (const row of counted) counts.set(row.account_id, Number(row.n));
  }
  const byAccount = new Map<string, LoyaltyLedgerEntry[]>(accountIds.map((id) => [id, []]));
  for (const row of rows) byAccount.get(row.account_id)?.push(toLedgerEntry(row));
  return accountIds.map((id) =>
    toPage(byAccount.get(id) ?? [], first, args.withCount ? (counts.get(id) ?? 0) : undefined),
  );
}

export async function entryById(em: EntityManager, id: string): Promise<LoyaltyLedgerEntry> {
  const [row] = await sql<EntryRow>(
    em,
    `select ${ENTRY_COLUMNS} from loyalty_ledger_entry e left join loyalty_earning_rules r on r.id = e.rule_id where e.id = ?`,
    [id],
  );
  if (!row) throw new Error(`ledger entry ${id} not found`);
  return toLedgerEntry(row);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Prefix formula starters so a spreadsheet shows the text instead of running it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const STATEMENT_HEADER = [
  'line',
  'recorded_at',
  'occurred_at',
  'kind',
  'cause',
  'points',
  'balance_after',
  'source',
  'reference',
  'rule_version',
  'tier',
  'multiplier_percent',
  'expires_on',
  'reason',
];

/** An account's statement for whole Riyadh days, from its ledger in line order. */
export async function statement(
  em: EntityManager,
  accountId: string,
  from: string,
  to: string,
): Promise<LoyaltyStatement> {
  if (!isDate(from)) throw badInput('from', 'Must be a calendar date, YYYY-MM-DD.');
  if (!isDate(to)) throw badInput('to', 'Must be a calendar date, YYYY-MM-DD.');
  if (to < from) throw badInput('to', 'The last day cannot come before the first.');
  if (addDays(from, MAX_STATEMENT_DAYS - 1) < to) {
    throw badInput('to', `A statement covers at most ${MAX_STATEMENT_DAYS} days.`);
  }
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const [opening] = await sql<{ balance_after: number }>(
    em,
    `select balance_after from loyalty_ledger_entry where account_id = ? and created_at < ?::timestamptz order by line desc limit 1`,
    [accountId, start],
  );
  const rows = await sql<EntryRow>(
    em,
    `select ${ENTRY_COLUMNS} from loyalty_ledger_entry e left join loyalty_earning_rules r on r.id = e.rule_id
      where e.account_id = ? and e.created_at >= ?::timestamptz and e.created_at < ?::timestamptz
      order by e.line limit ?`,
    [accountId, start, end, MAX_STATEMENT_ENTRIES + 1],
  );
  if (rows.length > MAX_STATEMENT_ENTRIES) throw statementTooLong(MAX_STATEMENT_ENTRIES);
  const entries = rows.map(toLedgerEntry);
  const lines = entries.map((e, i) =>
    [
      e.line,
      e.recordedAt.toISOString(),
      e.occurredAt.toISOString(),
      e.kind,
      e.cause,
      e.points,
      e.balanceAfter,
      e.source,
      e.reference,
      rows[i]!.rule_version === null ? null : Number(rows[i]!.rule_version),
      e.tier,
      e.multiplierPercent,
      e.expiresOn,
      e.reason,
    ]
      .map(csvCell)
      .join(','),
  );
  const openingBalance = Number(opening?.balance_after ?? 0);
  return Object.assign(new LoyaltyStatement(), {
    from,
    to,
    openingBalance,
    closingBalance: entries.at(-1)?.balanceAfter ?? openingBalance,
    entryCount: entries.length,
    csv: [STATEMENT_HEADER.join(','), ...lines].join('\r\n') + '\r\n',
  });
}

/**
 * An officer's correction, with its reason: added points form a lot that expires under the rules
 * in force; taken points come from the lots that expire first and cannot leave a negative balance.
 */
export async function adjustPoints(
  em: EntityManager,
  viewer: Viewer,
  input: AdjustLoyaltyPointsInput,
  now: Date = new Date(),
): Promise<LoyaltyLedgerEntry> {
  if (!isUuid(input.companyId)) throw badInput('input.companyId', 'Not a company identifier.');
  if (!Number.isInteger(input.points) || input.points === 0 || Math.abs(input.points) > MAX_ADJUSTMENT) {
    throw badInput(
      'input.points',
      `Give a whole number of points other than zero, up to ${MAX_ADJUSTMENT.toLocaleString('en')} either way.`,
    );
  }
  const reason = checkReason(input.reason);
  const id = await em.transactional(async (tx) => {
    await requireCompany(tx, input.companyId, 'input.companyId');
    const entry = {
      kind: LedgerEntryKind.ADJUST,
      cause: LedgerEntryCause.OFFICER_ADJUSTMENT,
      points: input.points,
      source: `adjustment:${uuidv7()}`,
      occurredAt: now,
      reason,
      createdBy: viewer.accountId,
    };
    if (input.points > 0) {
      const rules = await requireRulesInForce(tx, now);
      const account = await openAndLockAccount(tx, input.companyId);
      const posted = await credit(
        tx,
        account,
        { ...entry, ruleId: rules.id },
        addMonths(riyadhDate(now), rules.expiryMonths),
      );
      return posted.id;
    }
    const account = await lockAccount(tx, input.companyId);
    if (!account || account.balance + input.points < 0) throw adjustmentOverdraws(account?.balance ?? 0, input.points);
    return (await debit(tx, account, entry)).id;
  });
  return entryById(em, id);
}
