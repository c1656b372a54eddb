import { uuidv7, type EntityManager } from '@umrah/db-kit';
import { addMonths, riyadhDate } from '../dates';
import { sql } from '../ledger/posting';
import { LedgerEntryCause, LedgerEntryKind } from '../ledger/ledger.type';
import { multiplierPct, tierFor, withMultiplier } from '../loyalty-account/tier';
import { EarningRulesEntity, type EarningRulesRow } from '../rules/rules.entity';

export interface Accrual {
  companyId: string;
  /** The event the points come from; its id makes the accrual idempotent. */
  eventId: string;
  occurredAt: Date;
  cause: LedgerEntryCause.PILGRIM_REGISTERED | LedgerEntryCause.VISA_ISSUED;
  /** The pilgrim (registration) or visa application (issued visa). */
  reference: string;
}

export const eventSource = (eventId: string): string => `pilgrims:${eventId}`;

const json = (rows: readonly unknown[]): string => JSON.stringify(rows);

/** Opens the accounts of companies earning for the first time, then locks them all, in one order. */
/** An account as locked for a chunk: where its next line starts. */
interface LockedAccount {
  id: string;
  balance: number;
  lastLine: number;
}

async function lockAccounts(em: EntityManager, companyIds: readonly string[]): Promise<Map<string, LockedAccount>> {
  await sql(
    em,
    `insert into loyalty_account (id, company_id)
     select r.id, r.company_id from jsonb_to_recordset(?::jsonb) as r(id uuid, company_id uuid)
     on conflict (company_id) do nothing`,
    [json(companyIds.map((companyId) => ({ id: uuidv7(), company_id: companyId })))],
  );
  const rows = await sql<{ id: string; company_id: string; balance: number | string; last_line: number | string }>(
    em,
    `select id, company_id, balance, last_line from loyalty_account
      where company_id in (select value::uuid from jsonb_array_elements_text(?::jsonb))
      order by company_id for update`,
    [json(companyIds)],
  );
  return new Map(
    rows.map((row) => [row.company_id, { id: row.id, balance: Number(row.balance), lastLine: Number(row.last_line) }]),
  );
}

/** The accruals' sources and their pilgrims or visas that already earned (`source` / `cause:reference`). */
async function alreadyEarned(
  em: EntityManager,
  accruals: readonly { accountId: string; source: string; cause: string; reference: string }[],
): Promise<Set<string>> {
  const rows = await sql<{ source: string; cause: string; reference: string | null }>(
    em,
    `select e.source, e.cause, e.reference from loyalty_ledger_entry e
       join jsonb_to_recordset(?::jsonb) as r(account_id uuid, source text) on e.account_id = r.account_id and e.source = r.source
     union
     select e.source, e.cause, e.reference from loyalty_ledger_entry e
       join jsonb_to_recordset(?::jsonb) as r(cause text, reference text) on e.cause = r.cause and e.reference = r.reference
      where e.cause in ('PILGRIM_REGISTERED', 'VISA_ISSUED')`,
    [
      json(accruals.map((a) => ({ account_id: a.accountId, source: a.source }))),
      json(accruals.map((a) => ({ cause: a.cause, reference: a.reference }))),
    ],
  );
  return new Set(rows.flatMap((row) => [row.source, `${row.cause}:${row.reference}`]));
}

/** Every rules version in force at some instant up to `latest`, newest first. */
const rulesUpTo = (em: EntityManager, latest: Date): Promise<EarningRulesRow[]> =>
  em.find(
    EarningRulesEntity,
    { effectiveFrom: { $lte: latest } },
    { orderBy: { effectiveFrom: 'desc', version: 'desc' } },
  );

interface Window {
  /** Pilgrims the ledger holds for the account in the 12 months before the instant (excluded). */
  pilgrims: number;
  /** The instant 12 months before, as the database counts months. */
  from: Date;
}

/**
 * For each (account, instant): the company's pilgrims in the 12 months before it, from the ledger,
 * and where that window starts. One full window is counted per account, at its earliest instant,
 * from the daily counts (`loyalty_pilgrims_in_year`, migration 0007); every later instant only adds
 * what entered and takes what left since, two short index ranges.
 */
async function pilgrimWindows(
  em: EntityManager,
  instants: readonly { accountId: string; at: Date }[],
): Promise<Window[]> {
  const rows = await sql<{ k: number; pilgrims: string | number; window_from: Date | string }>(
    em,
    `with r as (
       select * from jsonb_to_recordset(?::jsonb) as r(k int, account_id uuid, at timestamptz)
     ), first as (
       select account_id, min(at) as t0 from r group by account_id
     ), base as materialized (
       select f.account_id, f.t0, loyalty_pilgrims_in_year(f.account_id, f.t0, false) as n from first f
     )
     select r.k, r.at - interval '12 months' as window_from,
            b.n
            + (select coalesce(sum(e.pilgrims), 0) from loyalty_ledger_entry e
                where e.account_id = r.account_id and e.pilgrims > 0 and e.occurred_at >= b.t0 and e.occurred_at < r.at)
            - (select coalesce(sum(e.pilgrims), 0) from loyalty_ledger_entry e
                where e.account_id = r.account_id and e.pilgrims > 0
                  and e.occurred_at > b.t0 - interval '12 months' and e.occurred_at <= r.at - interval '12 months') as pilgrims
       from r join base b on b.account_id = r.account_id`,
    [json(instants.map((instant, k) => ({ k, account_id: instant.accountId, at: instant.at.toISOString() })))],
  );
  const windows: Window[] = [];
  for (const row of rows) windows[row.k] = { pilgrims: Number(row.pilgrims), from: new Date(row.window_from) };
  return windows;
}

interface Entry {
  id: string;
  accountId: string;
  accrual: Accrual;
  rules: EarningRulesRow;
  tier: string;
  pct: number;
  points: number;
  expiresOn: string;
}

/**
 * Points for registered pilgrims and issued visas, under the rules in force when each happened and
 * the tier the company held then, in a fixed number of statements whatever the number of accruals.
 * Opens a company's account on its first event. Earns once per event, and once per pilgrim or visa
 * whatever event carries it; an accrual earns nothing when it already earned, when no rules were in
 * force yet, or when its rules give no bonus for visas. Accruals are applied in the order given, as
 * if one by one: an earlier registration counts towards a later one's tier.
 */
export async function accrueAll(em: EntityManager, accruals: readonly Accrual[]): Promise<number> {
  if (accruals.length === 0) return 0;
  const accounts = await lockAccounts(em, [...new Set(accruals.map((a) => a.companyId))].sort());
  const keyed = accruals.map((accrual) => ({
    accrual,
    accountId: accounts.get(accrual.companyId)!.id,
    source: eventSource(accrual.eventId),
    cause: accrual.cause,
    reference: accrual.reference,
  }));
  const seen = await alreadyEarned(em, keyed);
  const latest = new Date(Math.max(...accruals.map((a) => a.occurredAt.getTime())));
  const versions = await rulesUpTo(em, latest);

  const candidates = keyed.flatMap((k) => {
    if (seen.has(k.source) || seen.has(`${k.cause}:${k.reference}`)) return [];
    // Later in the list, the same event or pilgrim is already earned by this one.
    seen.add(k.source).add(`${k.cause}:${k.reference}`);
    const rules = versions.find((v) => v.effectiveFrom.getTime() <= k.accrual.occurredAt.getTime());
    if (!rules) return [];
    const base = k.cause === LedgerEntryCause.PILGRIM_REGISTERED ? rules.pointsPerPilgrim : rules.visaIssuedBonus;
    return base === 0 ? [] : [{ ...k, rules, base }];
  });
  if (candidates.length === 0) return 0;

  const windows = await pilgrimWindows(
    em,
    candidates.map((c) => ({ accountId: c.accountId, at: c.accrual.occurredAt })),
  );
  const entries: Entry[] = candidates.map((c, i) => {
    const at = c.accrual.occurredAt.getTime();
    const window = windows[i]!;
    // Registrations earlier in this list are not in the ledger yet; each counts as the ledger would.
    const earlier = candidates
      .slice(0, i)
      .filter(
        (e) =>
          e.accountId === c.accountId &&
          e.cause === LedgerEntryCause.PILGRIM_REGISTERED &&
          e.accrual.occurredAt.getTime() < at &&
          e.accrual.occurredAt.getTime() > window.from.getTime(),
      ).length;
    const tier = tierFor(window.pilgrims + earlier, c.rules);
    const pct = multiplierPct(tier, c.rules);
    return {
      id: uuidv7(),
      accountId: c.accountId,
      accrual: c.accrual,
      rules: c.rules,
      tier,
      pct,
      points: withMultiplier(c.base, pct),
      expiresOn: addMonths(riyadhDate(c.accrual.occurredAt), c.rules.expiryMonths),
    };
  });
  await postEarnings(em, entries, accounts);
  return entries.length;
}

/**
 * Writes the entries in the given order, numbered here from the locked accounts: the database checks
 * that each account's lines follow on and moves the account and its day counts once for the
 * statement (migration 0009). Then adds their points to the lots of the days they expire on.
 */
async function postEarnings(
  em: EntityManager,
  entries: readonly Entry[],
  accounts: ReadonlyMap<string, LockedAccount>,
): Promise<void> {
  const next = new Map([...accounts.values()].map((a) => [a.id, { line: a.lastLine, balance: a.balance }]));
  const numbered = entries.map((e) => {
    const account = next.get(e.accountId)!;
    account.line += 1;
    account.balance += e.points;
    return { line: account.line, balance: account.balance };
  });
  await sql(em, `select set_config('loyalty.batch', 'on', true)`);
  await sql(
    em,
    `insert into loyalty_ledger_entry (id, account_id, line, kind, cause, points, balance_after, source, occurred_at,
       rule_id, tier, multiplier_pct, pilgrims, event_id, reference)
     select r.id, r.account_id, r.line, ?, r.cause, r.points, r.balance_after, r.source, r.occurred_at,
            r.rule_id, r.tier, r.multiplier_pct, r.pilgrims, r.event_id, r.reference
       from jsonb_to_recordset(?::jsonb) as r(n int, id uuid, account_id uuid, line int, balance_after int, cause text,
              points int, source text, occurred_at timestamptz, rule_id uuid, tier text, multiplier_pct int,
              pilgrims int, event_id uuid, reference text)
      order by r.n`,
    [
      LedgerEntryKind.EARN,
      json(
        entries.map((e, n) => ({
          n,
          id: e.id,
          line: numbered[n]!.line,
          balance_after: numbered[n]!.balance,
          account_id: e.accountId,
          cause: e.accrual.cause,
          points: e.points,
          source: eventSource(e.accrual.eventId),
          occurred_at: e.accrual.occurredAt.toISOString(),
          rule_id: e.rules.id,
          tier: e.tier,
          multiplier_pct: e.pct,
          pilgrims: e.accrual.cause === LedgerEntryCause.PILGRIM_REGISTERED ? 1 : 0,
          event_id: e.accrual.eventId,
          reference: e.accrual.reference,
        })),
      ),
    ],
  );
  const lots = new Map<string, { id: string; account_id: string; expires_on: string; points: number }>();
  for (const e of entries) {
    const key = `${e.accountId}:${e.expiresOn}`;
    const lot = lots.get(key) ?? { id: uuidv7(), account_id: e.accountId, expires_on: e.expiresOn, points: 0 };
    lot.points += e.points;
    lots.set(key, lot);
  }
  await sql(
    em,
    `with lot as (
       insert into loyalty_points_lot (id, account_id, expires_on, points, remaining)
       select l.id, l.account_id, l.expires_on, l.points, l.points
         from jsonb_to_recordset(?::jsonb) as l(id uuid, account_id uuid, expires_on date, points int)
       on conflict (account_id, expires_on) do update
         set points = loyalty_points_lot.points + excluded.points, remaining = loyalty_points_lot.remaining + excluded.remaining
       returning id, account_id, expires_on
     )
     insert into loyalty_lot_use (entry_id, lot_id, points)
     select u.entry_id, lot.id, u.points
       from jsonb_to_recordset(?::jsonb) as u(entry_id uuid, account_id uuid, expires_on date, points int)
       join lot on lot.account_id = u.account_id and lot.expires_on = u.expires_on`,
    [
      json([...lots.values()]),
      json(
        entries.map((e) => ({ entry_id: e.id, account_id: e.accountId, expires_on: e.expiresOn, points: e.points })),
      ),
    ],
  );
}
