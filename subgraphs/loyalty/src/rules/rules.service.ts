import { UniqueConstraintViolationException, uuidv7, type EntityManager } from '@umrah/db-kit';
import { badInput, isMinistry, type SubgraphContext, type Viewer } from '@umrah/subgraph-kit';
import { EarningRulesEntity, type EarningRulesRow } from './rules.entity';
import { noRulesInForce, rulesChangedConcurrently } from './rules.errors';
import type { SetLoyaltyEarningRulesInput } from './rules.inputs';
import { LoyaltyEarningRules } from './rules.type';

// A change may be stamped a moment before it reaches the server; further back would rewrite history.
const PAST_TOLERANCE_MS = 60_000;
const MAX_TIER_FLOOR = 10_000_000;

export function toEarningRules(row: EarningRulesRow, viewer: Viewer | null): LoyaltyEarningRules {
  return Object.assign(new LoyaltyEarningRules(), {
    id: row.id,
    version: row.version,
    season: row.season,
    effectiveFrom: row.effectiveFrom,
    pointsPerPilgrim: row.pointsPerPilgrim,
    visaIssuedBonus: row.visaIssuedBonus,
    silverFrom: row.silverFrom,
    goldFrom: row.goldFrom,
    platinumFrom: row.platinumFrom,
    silverMultiplierPercent: row.silverMultiplierPct,
    goldMultiplierPercent: row.goldMultiplierPct,
    platinumMultiplierPercent: row.platinumMultiplierPct,
    expiryMonths: row.expiryMonths,
    expiryNoticeDays: row.expiryNoticeDays,
    reason: row.reason,
    changedBy: viewer && isMinistry(viewer) ? (row.changedBy ?? null) : null,
    createdAt: row.createdAt,
  });
}

/** The version in force at an instant: the latest effective by then (the higher version on a tie). */
export async function rulesInForce(em: EntityManager, at: Date = new Date()): Promise<EarningRulesRow | null> {
  return em.findOne(
    EarningRulesEntity,
    { effectiveFrom: { $lte: at } },
    { orderBy: { effectiveFrom: 'desc', version: 'desc' } },
  );
}

export async function requireRulesInForce(em: EntityManager, at: Date = new Date()): Promise<EarningRulesRow> {
  const rules = await rulesInForce(em, at);
  if (!rules) throw noRulesInForce();
  return rules;
}

export async function currentRules(em: EntityManager, viewer: Viewer): Promise<LoyaltyEarningRules> {
  return toEarningRules(await requireRulesInForce(em), viewer);
}

/** Every version, newest first: what applied when, and what is announced. */
export async function rulesHistory(em: EntityManager, viewer: Viewer): Promise<LoyaltyEarningRules[]> {
  const rows = await em.find(EarningRulesEntity, {}, { orderBy: { version: 'desc' } });
  return rows.map((row) => toEarningRules(row, viewer));
}

/** Versions by id in one query (the rule a ledger entry was earned under). */
export async function rulesByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(LoyaltyEarningRules | null)[]> {
  const rows = ids.length > 0 ? await em.find(EarningRulesEntity, { id: { $in: [...new Set(ids)] } }) : [];
  const byId = new Map(rows.map((row) => [row.id, toEarningRules(row, viewer)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export function checkReason(value: string, field = 'input.reason'): string {
  const reason = value.trim();
  if ([...reason].length < 3 || [...reason].length > 1000)
    throw badInput(field, 'Give a reason of 3 to 1000 characters.');
  return reason;
}

function whole(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`input.${field}`, `Must be a whole number from ${min} to ${max.toLocaleString('en')}.`);
  }
  return value;
}

/** Adds a version of the earning rules (ministry officers); the history is kept. */
export async function setEarningRules(
  em: EntityManager,
  viewer: Viewer,
  input: SetLoyaltyEarningRulesInput,
  now: Date = new Date(),
): Promise<LoyaltyEarningRules> {
  if (!/^[0-9]{4}$/.test(input.season)) throw badInput('input.season', 'The season must be a four-digit Hijri year.');
  const reason = checkReason(input.reason);
  const effectiveFrom = input.effectiveFrom ?? now;
  if (Number.isNaN(effectiveFrom.getTime()) || effectiveFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw badInput('input.effectiveFrom', 'A rule change cannot apply from a time in the past.');
  }
  const [latest] = await em.find(EarningRulesEntity, {}, { orderBy: { version: 'desc' }, limit: 1 });
  if (!latest) throw noRulesInForce();
  const pick = (value: number | null | undefined, fallback: number): number => value ?? fallback;
  const next = {
    pointsPerPilgrim: whole('pointsPerPilgrim', pick(input.pointsPerPilgrim, latest.pointsPerPilgrim), 1, 100_000),
    visaIssuedBonus: whole('visaIssuedBonus', pick(input.visaIssuedBonus, latest.visaIssuedBonus), 0, 100_000),
    silverFrom: whole('silverFrom', pick(input.silverFrom, latest.silverFrom), 1, MAX_TIER_FLOOR),
    goldFrom: whole('goldFrom', pick(input.goldFrom, latest.goldFrom), 1, MAX_TIER_FLOOR),
    platinumFrom: whole('platinumFrom', pick(input.platinumFrom, latest.platinumFrom), 1, MAX_TIER_FLOOR),
    silverMultiplierPct: whole(
      'silverMultiplierPercent',
      pick(input.silverMultiplierPercent, latest.silverMultiplierPct),
      100,
      500,
    ),
    goldMultiplierPct: whole(
      'goldMultiplierPercent',
      pick(input.goldMultiplierPercent, latest.goldMultiplierPct),
      100,
      500,
    ),
    platinumMultiplierPct: whole(
      'platinumMultiplierPercent',
      pick(input.platinumMultiplierPercent, latest.platinumMultiplierPct),
      100,
      500,
    ),
    expiryMonths: whole('expiryMonths', pick(input.expiryMonths, latest.expiryMonths), 1, 120),
    expiryNoticeDays: whole('expiryNoticeDays', pick(input.expiryNoticeDays, latest.expiryNoticeDays), 1, 365),
  };
  if (!(next.silverFrom < next.goldFrom)) throw badInput('input.silverFrom', 'Silver must start below Gold.');
  if (!(next.goldFrom < next.platinumFrom)) throw badInput('input.goldFrom', 'Gold must start below Platinum.');
  if (next.silverMultiplierPct > next.goldMultiplierPct) {
    throw badInput('input.silverMultiplierPercent', 'Silver’s multiplier cannot be above Gold’s.');
  }
  if (next.goldMultiplierPct > next.platinumMultiplierPct) {
    throw badInput('input.goldMultiplierPercent', 'Gold’s multiplier cannot be above Platinum’s.');
  }
  const row = em.create(EarningRulesEntity, {
    id: uuidv7(),
    version: latest.version + 1,
    season: input.season,
    effectiveFrom,
    ...next,
    changedBy: viewer.accountId,
    reason,
  });
  try {
    await em.flush();
  } catch (error) {
    // Two officers saving at once both chose the same next version number: one of them wins.
    if (error instanceof UniqueConstraintViolationException) throw rulesChangedConcurrently();
    throw error;
  }
  return toEarningRules(row, viewer);
}

/** The rules in force now, read once per request however many fields need them. */
export function rulesNow(ctx: { em: EntityManager; loaders: SubgraphContext['loaders'] }): Promise<EarningRulesRow> {
  return ctx.loaders
    .get<'now', EarningRulesRow>('rules:now', async (keys) => {
      const rules = await requireRulesInForce(ctx.em);
      return keys.map(() => rules);
    })
    .load('now');
}
