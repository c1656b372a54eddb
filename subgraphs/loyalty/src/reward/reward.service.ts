import type { FilterQuery } from '@mikro-orm/core';
import { isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { Role, badInput, findPage, isMinistry, type Page, type PageArgs, type Viewer } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { isDate, riyadhDate } from '../dates';
import { sql } from '../ledger/posting';
import { RewardEntity, type RewardRow } from './reward.entity';
import { rewardNotFound, stockWouldBeNegative } from './reward.errors';
import type { CreateLoyaltyRewardInput, LoyaltyRewardFilter, UpdateLoyaltyRewardInput } from './reward.inputs';
import type { RewardCategory } from './reward.type';
import { LoyaltyReward } from './reward.type';

const MAX_COST = 100_000_000;
const MAX_STOCK = 1_000_000;

export const isActiveOn = (row: Pick<RewardRow, 'activeFrom' | 'activeUntil'>, day: string): boolean =>
  row.activeFrom <= day && (row.activeUntil === null || row.activeUntil === undefined || row.activeUntil >= day);

export function toReward(row: RewardRow, today: string = riyadhDate()): LoyaltyReward {
  return Object.assign(new LoyaltyReward(), {
    id: row.id,
    category: row.category as RewardCategory,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    descriptionAr: row.descriptionAr,
    descriptionEn: row.descriptionEn,
    costPoints: row.costPoints,
    stock: row.stock,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil ?? null,
    active: isActiveOn(row, today),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** Who reads the catalogue: the ministry all of it, managers what is active today; nobody else. */
function catalogueSlice(viewer: Viewer | null, today: string, includeInactive: boolean): FilterQuery<RewardRow> | null {
  if (!viewer) return null;
  const activeOnly: FilterQuery<RewardRow> = {
    activeFrom: { $lte: today },
    $or: [{ activeUntil: null }, { activeUntil: { $gte: today } }],
  };
  if (isMinistry(viewer)) return includeInactive ? {} : activeOnly;
  if (viewer.role === Role.COMPANY_MANAGER) return activeOnly;
  return null;
}

export async function listRewards(
  em: EntityManager,
  viewer: Viewer,
  filter: LoyaltyRewardFilter | null | undefined,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<LoyaltyReward>> {
  const today = riyadhDate();
  const slice = catalogueSlice(viewer, today, filter?.includeInactive ?? false) ?? { id: null };
  const where: FilterQuery<RewardRow> = filter?.category ? { $and: [slice, { category: filter.category }] } : slice;
  const page = await findPage(em, RewardEntity, where as never, args, info);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toReward(e.node as RewardRow, today) })) };
}

/** Rewards by id in one query, within the viewer's slice (references and `loyaltyReward`). */
export async function rewardsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(LoyaltyReward | null)[]> {
  const today = riyadhDate();
  const slice = catalogueSlice(viewer, today, true);
  const valid = ids.filter(isUuid);
  if (!slice || valid.length === 0) return ids.map(() => null);
  // A manager reads only active rewards here; the reward of their own redemption comes through it.
  const managerSlice = viewer && !isMinistry(viewer) ? catalogueSlice(viewer, today, false)! : slice;
  const rows = await em.find(RewardEntity, { $and: [managerSlice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toReward(row, today)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Rewards by id without a slice: for objects the caller may already see (its redemptions). */
export async function rewardsForRedemptions(em: EntityManager, ids: readonly string[]): Promise<LoyaltyReward[]> {
  const rows = await em.find(RewardEntity, { id: { $in: [...new Set(ids)] } });
  const byId = new Map(rows.map((row) => [row.id, toReward(row)]));
  return ids.map((id) => {
    const reward = byId.get(id);
    if (!reward) throw new Error(`reward ${id} of a redemption is missing`);
    return reward;
  });
}

function checkText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text.length < 1 || text.length > max) throw badInput(`input.${field}`, `Must be 1 to ${max} characters.`);
  return text;
}

function checkWhole(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(
      `input.${field}`,
      `Must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`,
    );
  }
  return value;
}

function checkDates(activeFrom: string, activeUntil: string | null): void {
  if (!isDate(activeFrom)) throw badInput('input.activeFrom', 'Must be a calendar date, YYYY-MM-DD.');
  if (activeUntil !== null && !isDate(activeUntil))
    throw badInput('input.activeUntil', 'Must be a calendar date, YYYY-MM-DD.');
  if (activeUntil !== null && activeUntil < activeFrom) {
    throw badInput('input.activeUntil', 'The last active day cannot come before the first.');
  }
}

export async function createReward(
  em: EntityManager,
  viewer: Viewer,
  input: CreateLoyaltyRewardInput,
): Promise<LoyaltyReward> {
  const activeUntil = input.activeUntil ?? null;
  checkDates(input.activeFrom, activeUntil);
  const row = em.create(RewardEntity, {
    id: uuidv7(),
    category: input.category,
    nameAr: checkText('nameAr', input.nameAr, 120),
    nameEn: checkText('nameEn', input.nameEn, 120),
    descriptionAr: checkText('descriptionAr', input.descriptionAr, 2000),
    descriptionEn: checkText('descriptionEn', input.descriptionEn, 2000),
    costPoints: checkWhole('costPoints', input.costPoints, 1, MAX_COST),
    stock: checkWhole('stock', input.stock, 0, MAX_STOCK),
    activeFrom: input.activeFrom,
    activeUntil,
    createdBy: viewer.accountId,
  });
  await em.flush();
  return toReward(row);
}

/**
 * Edits a reward. The stock moves by a difference in one conditional statement, so a request
 * taking a unit at the same moment is never overwritten and the stock never goes below zero.
 */
export async function updateReward(em: EntityManager, input: UpdateLoyaltyRewardInput): Promise<LoyaltyReward> {
  if (!isUuid(input.id)) throw rewardNotFound('input.id');
  const current = await em.findOne(RewardEntity, { id: input.id });
  if (!current) throw rewardNotFound('input.id');
  const activeFrom = input.activeFrom ?? current.activeFrom;
  const activeUntil = input.activeUntil === undefined ? (current.activeUntil ?? null) : input.activeUntil;
  checkDates(activeFrom, activeUntil);
  const text = (field: 'nameAr' | 'nameEn' | 'descriptionAr' | 'descriptionEn', max: number): string | null => {
    const value = input[field];
    return value === null || value === undefined ? null : checkText(field, value, max);
  };
  const stockChange =
    input.stockChange === null || input.stockChange === undefined
      ? 0
      : checkWhole('stockChange', input.stockChange, -MAX_STOCK, MAX_STOCK);
  const cost =
    input.costPoints === null || input.costPoints === undefined
      ? null
      : checkWhole('costPoints', input.costPoints, 1, MAX_COST);
  const [updated] = await sql<{ id: string }>(
    em,
    `update loyalty_reward set
       category = coalesce(?, category), name_ar = coalesce(?, name_ar), name_en = coalesce(?, name_en),
       description_ar = coalesce(?, description_ar), description_en = coalesce(?, description_en),
       cost_points = coalesce(?, cost_points), active_from = ?::date, active_until = ?::date,
       stock = stock + ?, updated_at = now()
     where id = ? and stock + ? >= 0 and stock + ? <= ?
     returning id`,
    [
      input.category ?? null,
      text('nameAr', 120),
      text('nameEn', 120),
      text('descriptionAr', 2000),
      text('descriptionEn', 2000),
      cost,
      activeFrom,
      activeUntil,
      stockChange,
      input.id,
      stockChange,
      stockChange,
      MAX_STOCK,
    ],
  );
  const row = await em.fork().findOne(RewardEntity, { id: input.id });
  if (!row) throw rewardNotFound('input.id');
  if (!updated) {
    if (row.stock + stockChange < 0) throw stockWouldBeNegative(row.stock);
    throw badInput('input.stockChange', `The stock cannot exceed ${MAX_STOCK.toLocaleString('en')} units.`);
  }
  return toReward(row);
}
