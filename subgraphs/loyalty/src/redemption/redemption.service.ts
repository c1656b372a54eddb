import type { FilterQuery } from '@mikro-orm/core';
import { isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  findPage,
  forbidden,
  isMinistry,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import { riyadhDate } from '../dates';
import { LedgerEntryCause, LedgerEntryKind } from '../ledger/ledger.type';
import { debit, lockAccount, lockAccountById, refund, sql } from '../ledger/posting';
import { checkReason } from '../rules/rules.service';
import { RedemptionEntity, type RedemptionRow } from './redemption.entity';
import {
  insufficientPoints,
  invalidTransition,
  outOfStock,
  redemptionNotFound,
  rewardNotAvailable,
} from './redemption.errors';
import type {
  DecideLoyaltyRedemptionInput,
  LoyaltyRedemptionFilter,
  RejectLoyaltyRedemptionInput,
  RequestLoyaltyRedemptionInput,
} from './redemption.inputs';
import { LoyaltyRedemption, RedemptionStatus } from './redemption.type';

const MAX_QUANTITY = 100;
// Points are stored as 32-bit integers; a cost beyond them is beyond any balance too.
const MAX_POINTS = 2_147_483_647;

export function toRedemption(row: RedemptionRow): LoyaltyRedemption {
  return Object.assign(new LoyaltyRedemption(), {
    id: row.id,
    company: companyRef(row.companyId),
    rewardId: row.rewardId,
    quantity: row.quantity,
    points: row.points,
    status: row.status as RedemptionStatus,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt ?? null,
    decisionNote: row.decisionNote ?? null,
    fulfilledAt: row.fulfilledAt ?? null,
    fulfilmentNote: row.fulfilmentNote ?? null,
    updatedAt: row.updatedAt,
  });
}

/** The ministry sees every request; a manager their own company's; anyone else none. */
function redemptionSlice(viewer: Viewer | null): FilterQuery<RedemptionRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  return null;
}

export async function listRedemptions(
  em: EntityManager,
  viewer: Viewer,
  filter: LoyaltyRedemptionFilter | null | undefined,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<LoyaltyRedemption>> {
  const parts: FilterQuery<RedemptionRow>[] = [redemptionSlice(viewer) ?? { id: null }];
  if (filter?.statuses && filter.statuses.length > 0) parts.push({ status: { $in: filter.statuses } });
  if (filter?.companyId) {
    if (!isUuid(filter.companyId)) throw badInput('filter.companyId', 'Not a company identifier.');
    parts.push({ companyId: filter.companyId });
  }
  const page = await findPage(em, RedemptionEntity, { $and: parts } as never, args, info);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toRedemption(e.node as RedemptionRow) })) };
}

export async function redemptionsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(LoyaltyRedemption | null)[]> {
  const slice = redemptionSlice(viewer);
  const valid = ids.filter(isUuid);
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(RedemptionEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toRedemption(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

async function reload(em: EntityManager, id: string): Promise<LoyaltyRedemption> {
  return toRedemption(await em.fork().findOneOrFail(RedemptionEntity, { id }));
}

function checkNote(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const note = value.trim();
  if (note.length === 0) return null;
  if (note.length > 1000) throw badInput(field, 'A note may have up to 1000 characters.');
  return note;
}

/**
 * A manager asks for a reward for their company. In one transaction, under the account's lock:
 * the reward's stock is taken by a conditional update (never below zero, only while active), the
 * balance is checked, and the points are held by a REDEEM entry taken from the lots that expire
 * first. Two requests racing for the last unit or the last points: one of them is refused.
 */
/** The request an account made earlier with this idempotency key, if any (its own company's only). */
async function earlierRequest(em: EntityManager, viewer: Viewer, companyId: string, key: string) {
  const [row] = await sql<{ id: string }>(
    em,
    `select id from loyalty_redemption where requested_by = ? and idempotency_key = ? and company_id = ?`,
    [viewer.accountId, key, companyId],
  );
  return row ? reload(em, row.id) : null;
}

export async function requestRedemption(
  em: EntityManager,
  viewer: Viewer,
  input: RequestLoyaltyRedemptionInput,
  now: Date = new Date(),
  idempotencyKey?: string | null,
): Promise<LoyaltyRedemption> {
  const companyId = viewer.role === Role.COMPANY_MANAGER ? viewer.companyId : null;
  if (!companyId) throw forbidden();
  const key = idempotencyKey?.trim() || null;
  if (idempotencyKey != null && (key == null || key.length > 200)) {
    throw badInput('idempotencyKey', 'An idempotency key is 1 to 200 characters.');
  }
  if (key) {
    const earlier = await earlierRequest(em, viewer, companyId, key);
    if (earlier) return earlier;
  }
  if (!isUuid(input.rewardId)) throw rewardNotAvailable();
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_QUANTITY) {
    throw badInput('input.quantity', `Ask for 1 to ${MAX_QUANTITY} units.`);
  }
  const today = riyadhDate(now);
  const id = uuidv7();
  try {
    await em.transactional(async (tx) => {
      const account = await lockAccount(tx, companyId);
      const [reward] = await sql<{ cost_points: number }>(
        tx,
        `update loyalty_reward set stock = stock - ?, updated_at = now()
        where id = ? and stock >= ? and active_from <= ?::date and (active_until is null or active_until >= ?::date)
        returning cost_points`,
        [input.quantity, input.rewardId, input.quantity, today, today],
      );
      if (!reward) {
        const [found] = await sql<{ stock: number; active: boolean }>(
          tx,
          `select stock, (active_from <= ?::date and (active_until is null or active_until >= ?::date)) as active
           from loyalty_reward where id = ?`,
          [today, today, input.rewardId],
        );
        if (!found || !found.active) throw rewardNotAvailable();
        throw outOfStock(Number(found.stock));
      }
      const cost = Number(reward.cost_points) * input.quantity;
      const balance = account?.balance ?? 0;
      if (!account || cost > balance || cost > MAX_POINTS) throw insufficientPoints(balance, cost);
      const hold = await debit(tx, account, {
        kind: LedgerEntryKind.REDEEM,
        cause: LedgerEntryCause.REDEMPTION_REQUESTED,
        points: -cost,
        source: `redemption:${id}:hold`,
        occurredAt: now,
        redemptionId: id,
        reference: input.rewardId,
        createdBy: viewer.accountId,
      });
      await sql(
        tx,
        `insert into loyalty_redemption (id, account_id, company_id, reward_id, quantity, points, status, requested_by,
         requested_at, hold_entry_id, updated_at, idempotency_key)
       values (?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?)`,
        [id, account.id, companyId, input.rewardId, input.quantity, cost, viewer.accountId, now, hold.id, now, key],
      );
    });
  } catch (error) {
    // A concurrent retry with the same key won the race (unique key): answer its request; nothing else was held.
    const earlier = key ? await earlierRequest(em.fork(), viewer, companyId, key) : null;
    if (earlier) return earlier;
    throw error;
  }
  return reload(em, id);
}

/** Moves a request forward by one conditional update; the loser of a race finds it already moved. */
async function advance(
  em: EntityManager,
  id: string,
  from: RedemptionStatus,
  to: RedemptionStatus.APPROVED | RedemptionStatus.FULFILLED,
  viewer: Viewer,
  note: string | null,
  action: string,
): Promise<LoyaltyRedemption> {
  if (!isUuid(id)) throw redemptionNotFound('input.id');
  const set =
    to === RedemptionStatus.APPROVED
      ? `decided_by = ?, decided_at = now(), decision_note = ?`
      : `fulfilled_by = ?, fulfilled_at = now(), fulfilment_note = ?`;
  const [moved] = await sql<{ id: string }>(
    em,
    `update loyalty_redemption set status = ?, ${set}, updated_at = now() where id = ? and status = ? returning id`,
    [to, viewer.accountId, note, id, from],
  );
  if (!moved) {
    const row = await em.findOne(RedemptionEntity, { id });
    if (!row) throw redemptionNotFound('input.id');
    throw invalidTransition(row.status, action);
  }
  return reload(em, id);
}

export const approveRedemption = (em: EntityManager, viewer: Viewer, input: DecideLoyaltyRedemptionInput) =>
  advance(
    em,
    input.id,
    RedemptionStatus.REQUESTED,
    RedemptionStatus.APPROVED,
    viewer,
    checkNote(input.note, 'input.note'),
    'approved',
  );

export const fulfilRedemption = (em: EntityManager, viewer: Viewer, input: DecideLoyaltyRedemptionInput) =>
  advance(
    em,
    input.id,
    RedemptionStatus.APPROVED,
    RedemptionStatus.FULFILLED,
    viewer,
    checkNote(input.note, 'input.note'),
    'fulfilled',
  );

/**
 * Ends a request without the reward: the held points come back to the lots they were taken from
 * (keeping their expiry) by a REFUND entry of exactly the held amount, and the units go back to stock.
 */
async function release(
  em: EntityManager,
  id: string,
  allowedFrom: readonly RedemptionStatus[],
  outcome: { status: RedemptionStatus.REJECTED | RedemptionStatus.CANCELLED; note: string | null; action: string },
  viewer: Viewer,
  ownCompany: string | null,
): Promise<LoyaltyRedemption> {
  if (!isUuid(id)) throw redemptionNotFound();
  await em.transactional(async (tx) => {
    const row = await tx.findOne(RedemptionEntity, { id });
    // Another company's request looks exactly like a missing one.
    if (!row || (ownCompany !== null && row.companyId !== ownCompany)) throw redemptionNotFound();
    // Lock order everywhere: account, then reward, then lots.
    const account = await lockAccountById(tx, row.accountId);
    const [locked] = await sql<{ status: string; points: number; quantity: number; hold_entry_id: string }>(
      tx,
      `select status, points, quantity, hold_entry_id from loyalty_redemption where id = ? for update`,
      [id],
    );
    if (!account || !locked) throw redemptionNotFound();
    if (!allowedFrom.includes(locked.status as RedemptionStatus))
      throw invalidTransition(locked.status, outcome.action);
    const cause =
      outcome.status === RedemptionStatus.REJECTED
        ? LedgerEntryCause.REDEMPTION_REJECTED
        : LedgerEntryCause.REDEMPTION_CANCELLED;
    const back = await refund(tx, account, locked.hold_entry_id, {
      kind: LedgerEntryKind.REFUND,
      cause,
      points: Number(locked.points),
      source: `redemption:${id}:refund`,
      occurredAt: new Date(),
      redemptionId: id,
      reference: row.rewardId,
      reason: outcome.note,
      createdBy: viewer.accountId,
    });
    await sql(tx, `update loyalty_reward set stock = stock + ?, updated_at = now() where id = ?`, [
      Number(locked.quantity),
      row.rewardId,
    ]);
    const decided = outcome.status === RedemptionStatus.REJECTED;
    await sql(
      tx,
      `update loyalty_redemption set status = ?, refund_entry_id = ?, updated_at = now()
         ${decided ? ', decided_by = ?, decided_at = now(), decision_note = ?' : ''}
       where id = ?`,
      decided ? [outcome.status, back.id, viewer.accountId, outcome.note, id] : [outcome.status, back.id, id],
    );
  });
  return reload(em, id);
}

export const rejectRedemption = (em: EntityManager, viewer: Viewer, input: RejectLoyaltyRedemptionInput) =>
  release(
    em,
    input.id,
    [RedemptionStatus.REQUESTED, RedemptionStatus.APPROVED],
    { status: RedemptionStatus.REJECTED, note: checkReason(input.reason), action: 'rejected' },
    viewer,
    null,
  );

/** A manager withdraws their own company's request while it waits for a decision. */
export function cancelRedemption(em: EntityManager, viewer: Viewer, id: string): Promise<LoyaltyRedemption> {
  if (viewer.role !== Role.COMPANY_MANAGER || !viewer.companyId) throw forbidden();
  return release(
    em,
    id,
    [RedemptionStatus.REQUESTED],
    { status: RedemptionStatus.CANCELLED, note: null, action: 'cancelled' },
    viewer,
    viewer.companyId,
  );
}
