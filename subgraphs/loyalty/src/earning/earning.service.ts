import type { EntityManager } from '@umrah/db-kit';
import { addMonths, riyadhDate } from '../dates';
import { credit, openAndLockAccount, sql, type PostedEntry } from '../ledger/posting';
import { LedgerEntryCause, LedgerEntryKind } from '../ledger/ledger.type';
import { multiplierPct, tierFor, withMultiplier } from '../loyalty-account/tier';
import { rulesInForce } from '../rules/rules.service';

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

/**
 * Pilgrims the company registered in the 12 months up to an instant (excluded), from its ledger:
 * every registration entry counts one, an opening balance the pilgrims it was earned for.
 */
export async function pilgrimsInYearBefore(em: EntityManager, accountId: string, at: Date): Promise<number> {
  const [row] = await sql<{ n: string | number | null }>(
    em,
    `select coalesce(sum(pilgrims), 0) as n from loyalty_ledger_entry
      where account_id = ? and pilgrims > 0 and occurred_at > ?::timestamptz - interval '12 months' and occurred_at < ?`,
    [accountId, at, at],
  );
  return Number(row?.n ?? 0);
}

/**
 * Points for a registered pilgrim or an issued visa, under the rules in force when it happened
 * and the tier the company held then. Opens the company's account on its first event. Earns once
 * per event, and once per pilgrim or visa whatever event carries it; returns null when nothing
 * was earned (already earned, no rules in force yet, or no bonus for visas).
 */
export async function accrue(em: EntityManager, accrual: Accrual): Promise<PostedEntry | null> {
  const account = await openAndLockAccount(em, accrual.companyId);
  const source = eventSource(accrual.eventId);
  const seen = await sql(
    em,
    `select 1 from loyalty_ledger_entry where (account_id = ? and source = ?) or (cause = ? and reference = ?) limit 1`,
    [account.id, source, accrual.cause, accrual.reference],
  );
  if (seen.length > 0) return null;
  const rules = await rulesInForce(em, accrual.occurredAt);
  if (!rules) return null;
  const base = accrual.cause === LedgerEntryCause.PILGRIM_REGISTERED ? rules.pointsPerPilgrim : rules.visaIssuedBonus;
  if (base === 0) return null;
  const tier = tierFor(await pilgrimsInYearBefore(em, account.id, accrual.occurredAt), rules);
  const pct = multiplierPct(tier, rules);
  return credit(
    em,
    account,
    {
      kind: LedgerEntryKind.EARN,
      cause: accrual.cause,
      points: withMultiplier(base, pct),
      source,
      occurredAt: accrual.occurredAt,
      ruleId: rules.id,
      tier,
      multiplierPct: pct,
      pilgrims: accrual.cause === LedgerEntryCause.PILGRIM_REGISTERED ? 1 : 0,
      eventId: accrual.eventId,
      reference: accrual.reference,
    },
    addMonths(riyadhDate(accrual.occurredAt), rules.expiryMonths),
  );
}
