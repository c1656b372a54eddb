import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import {
  Role,
  canSeeCompanyData,
  findPage,
  isMinistry,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import { addDays, riyadhDate } from '../dates';
import { sql } from '../ledger/posting';
import { LoyaltyExpiry } from '../ledger/ledger.type';
import type { EarningRulesRow } from '../rules/rules.entity';
import { LoyaltyAccountEntity, type LoyaltyAccountRow } from './loyalty-account.entity';
import { LoyaltyAccount, LoyaltyTierProgress } from './loyalty-account.type';
import { multiplierPct, nextTier, tierFloor, tierFor, withMultiplier } from './tier';

export function toLoyaltyAccount(row: LoyaltyAccountRow): LoyaltyAccount {
  return Object.assign(new LoyaltyAccount(), {
    id: row.id,
    balance: row.balance,
    company: companyRef(row.companyId),
    openedAt: row.openedAt,
  });
}

/** The ministry reads every account; a manager only their own company's; anyone else nothing. */
export function accountSlice(viewer: Viewer | null): FilterQuery<LoyaltyAccountRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  return null;
}

export async function listAccounts(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<LoyaltyAccount>> {
  const where = accountSlice(viewer) ?? { id: null };
  const page = await findPage(em, LoyaltyAccountEntity, where as never, args, info);
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: toLoyaltyAccount(e.node as LoyaltyAccountRow) })),
  };
}

/** Accounts by id in one query; null where missing or outside the viewer's slice. */
export async function accountsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(LoyaltyAccount | null)[]> {
  const slice = accountSlice(viewer);
  const valid = ids.filter(isUuid);
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(LoyaltyAccountEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toLoyaltyAccount(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * The accounts of many companies in one query. Null for a company outside the viewer's slice and
 * for a company that has no account.
 */
export async function accountsOfCompanies(
  em: EntityManager,
  viewer: Viewer | null,
  companyIds: readonly string[],
): Promise<(LoyaltyAccount | null)[]> {
  const visible = [...new Set(companyIds.filter((id) => isUuid(id) && canSeeCompanyData(viewer, id)))];
  if (visible.length === 0) return companyIds.map(() => null);
  const rows = await em.find(LoyaltyAccountEntity, { companyId: { $in: visible } });
  const byCompany = new Map(rows.map((row) => [row.companyId, toLoyaltyAccount(row)]));
  return companyIds.map((id) => byCompany.get(id) ?? null);
}

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** Pilgrims each account registered in the 12 months up to `at` (included), in one statement, from the daily counts. */
export async function pilgrimsLastYear(
  em: EntityManager,
  accountIds: readonly string[],
  at: Date = new Date(),
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(accountIds.map((id) => [id, 0]));
  if (accountIds.length === 0) return counts;
  const rows = await sql<{ account_id: string; n: string | number }>(
    em,
    `select a.id as account_id, loyalty_pilgrims_in_year(a.id, ?::timestamptz, true) as n
       from loyalty_account a where a.id in (${placeholders(accountIds)})`,
    [at, ...accountIds],
  );
  for (const row of rows) counts.set(row.account_id, Number(row.n));
  return counts;
}

/** Each account's tier and the way to the next, under the rules given (those in force now). */
export async function tierProgress(
  em: EntityManager,
  accountIds: readonly string[],
  rules: EarningRulesRow,
  at: Date = new Date(),
): Promise<LoyaltyTierProgress[]> {
  const counts = await pilgrimsLastYear(em, accountIds, at);
  return accountIds.map((id) => {
    const pilgrims = counts.get(id) ?? 0;
    const tier = tierFor(pilgrims, rules);
    const pct = multiplierPct(tier, rules);
    const next = nextTier(tier);
    const nextFrom = next ? tierFloor(next, rules) : null;
    const toNext = nextFrom === null ? null : nextFrom - pilgrims;
    return Object.assign(new LoyaltyTierProgress(), {
      tier,
      pilgrimsLast12Months: pilgrims,
      multiplierPercent: pct,
      nextTier: next,
      nextTierFrom: nextFrom,
      pilgrimsToNextTier: toNext,
      pointsToNextTier: toNext === null ? null : toNext * withMultiplier(rules.pointsPerPilgrim, pct),
    });
  });
}

/** Points of each account that expire by `until` (inclusive), in one grouped statement. */
export async function pointsExpiringBy(
  em: EntityManager,
  accountIds: readonly string[],
  until: string,
): Promise<number[]> {
  if (accountIds.length === 0) return [];
  const rows = await sql<{ account_id: string; n: string | number }>(
    em,
    `select account_id, sum(remaining) as n from loyalty_points_lot
      where account_id in (${placeholders(accountIds)}) and remaining > 0 and expires_on <= ?::date
      group by account_id`,
    [...accountIds, until],
  );
  const byAccount = new Map(rows.map((row) => [row.account_id, Number(row.n)]));
  return accountIds.map((id) => byAccount.get(id) ?? 0);
}

export const expiringSoonUntil = (rules: EarningRulesRow, today: string = riyadhDate()): string =>
  addDays(today, rules.expiryNoticeDays);

/** The next days on which each account's points expire, earliest first, in one statement. */
export async function expirySchedules(
  em: EntityManager,
  accountIds: readonly string[],
  first: number,
): Promise<LoyaltyExpiry[][]> {
  if (accountIds.length === 0) return [];
  const rows = await sql<{ account_id: string; expires_on: string; remaining: number }>(
    em,
    `select account_id, expires_on, remaining from (
       select account_id, expires_on::text as expires_on, remaining,
              row_number() over (partition by account_id order by expires_on) as n
         from loyalty_points_lot where account_id in (${placeholders(accountIds)}) and remaining > 0
     ) x where n <= ? order by account_id, expires_on`,
    [...accountIds, first],
  );
  const byAccount = new Map<string, LoyaltyExpiry[]>(accountIds.map((id) => [id, []]));
  for (const row of rows) {
    byAccount
      .get(row.account_id)
      ?.push(Object.assign(new LoyaltyExpiry(), { expiresOn: row.expires_on, points: Number(row.remaining) }));
  }
  return accountIds.map((id) => byAccount.get(id) ?? []);
}
