import type { EntityManager } from '@umrah/db-kit';
import { badInput } from '@umrah/subgraph-kit';
import { addMonths, riyadhDate } from '../dates';
import { sql } from '../ledger/posting';
import { pilgrimsLastYear, expiringSoonUntil } from '../loyalty-account/loyalty-account.service';
import { LoyaltyTier, tierFor } from '../loyalty-account/tier';
import { RedemptionStatus } from '../redemption/redemption.type';
import { requireRulesInForce } from '../rules/rules.service';
import {
  LoyaltyMonthFigures,
  LoyaltyProgrammeStatistics,
  LoyaltyRedemptionStatusCount,
  LoyaltyRewardFigures,
  LoyaltyTierCount,
} from './statistics.type';

const MAX_MONTHS = 36;
const TIERS = [LoyaltyTier.BRONZE, LoyaltyTier.SILVER, LoyaltyTier.GOLD, LoyaltyTier.PLATINUM];
const STATUSES = Object.values(RedemptionStatus);

/** The last `count` months up to the current one (Riyadh), `YYYY-MM`, oldest first. */
export function lastMonths(count: number, today: string = riyadhDate()): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => addMonths(first, i - count + 1).slice(0, 7));
}

/** Figures over every account, in a handful of grouped statements whatever the number of accounts. */
export async function programmeStatistics(
  em: EntityManager,
  months: number,
  now: Date = new Date(),
): Promise<LoyaltyProgrammeStatistics> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    throw badInput('months', `Ask for 1 to ${MAX_MONTHS} months.`);
  }
  const rules = await requireRulesInForce(em, now);
  const today = riyadhDate(now);
  const until = expiringSoonUntil(rules, today);
  const [totals] = await sql<{ accounts: string | number; outstanding: string | number | null }>(
    em,
    `select count(*) as accounts, sum(balance) as outstanding from loyalty_account`,
  );
  const [expiring] = await sql<{ n: string | number | null }>(
    em,
    `select sum(remaining) as n from loyalty_points_lot where remaining > 0 and expires_on <= ?::date`,
    [until],
  );
  const accountIds = (await sql<{ id: string }>(em, `select id from loyalty_account`)).map((r) => r.id);
  const pilgrims = await pilgrimsLastYear(em, accountIds, now);
  const tierCounts = new Map<LoyaltyTier, number>(TIERS.map((t) => [t, 0]));
  for (const id of accountIds) {
    const tier = tierFor(pilgrims.get(id) ?? 0, rules);
    tierCounts.set(tier, (tierCounts.get(tier) ?? 0) + 1);
  }

  const monthList = lastMonths(months, today);
  // The Kingdom keeps UTC+3 all year: shifting by three hours gives the Riyadh month.
  const moved = await sql<{ month: string; kind: string; points: string | number }>(
    em,
    `select to_char(occurred_at + interval '3 hours', 'YYYY-MM') as month, kind, sum(points) as points
       from loyalty_ledger_entry where occurred_at >= ?::timestamptz group by 1, 2`,
    [`${monthList[0]}-01T00:00:00+03:00`],
  );
  const byMonth = new Map(
    monthList.map((month) => [
      month,
      Object.assign(new LoyaltyMonthFigures(), { month, earned: 0, redeemed: 0, refunded: 0, expired: 0, adjusted: 0 }),
    ]),
  );
  for (const row of moved) {
    const figures = byMonth.get(row.month);
    if (!figures) continue;
    const points = Number(row.points);
    if (row.kind === 'EARN') figures.earned += points;
    if (row.kind === 'REDEEM') figures.redeemed -= points;
    if (row.kind === 'REFUND') figures.refunded += points;
    if (row.kind === 'EXPIRE') figures.expired -= points;
    if (row.kind === 'ADJUST') figures.adjusted += points;
  }

  const statusRows = await sql<{ status: string; n: string | number; points: string | number }>(
    em,
    `select status, count(*) as n, sum(points) as points from loyalty_redemption group by status`,
  );
  const byStatus = new Map(statusRows.map((r) => [r.status, r]));
  const top = await sql<{ reward_id: string; n: string | number; units: string | number; points: string | number }>(
    em,
    `select reward_id, count(*) as n, sum(quantity) as units, sum(points) as points from loyalty_redemption
      where status not in ('REJECTED', 'CANCELLED') group by reward_id order by units desc, reward_id limit 10`,
  );

  return Object.assign(new LoyaltyProgrammeStatistics(), {
    accounts: Number(totals?.accounts ?? 0),
    pointsOutstanding: Number(totals?.outstanding ?? 0),
    expiringSoon: Number(expiring?.n ?? 0),
    expiringSoonUntil: until,
    byTier: TIERS.map((tier) => Object.assign(new LoyaltyTierCount(), { tier, accounts: tierCounts.get(tier) ?? 0 })),
    byMonth: monthList.map((m) => byMonth.get(m)!),
    redemptionsByStatus: STATUSES.map((status) =>
      Object.assign(new LoyaltyRedemptionStatusCount(), {
        status,
        requests: Number(byStatus.get(status)?.n ?? 0),
        points: Number(byStatus.get(status)?.points ?? 0),
      }),
    ),
    topRewards: top.map((row) =>
      Object.assign(new LoyaltyRewardFigures(), {
        rewardId: row.reward_id,
        requests: Number(row.n),
        units: Number(row.units),
        points: Number(row.points),
      }),
    ),
  });
}
