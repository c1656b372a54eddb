import { LockMode, UniqueConstraintViolationException, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import { Role, badInput, forbidden, isMinistry, type Viewer } from '@umrah/subgraph-kit';
import { PilgrimEntity } from '../pilgrim/pilgrim.entity';
import { pilgrimSlice } from '../pilgrim/pilgrim.service';
import { IdempotencyKeyEntity } from '../registration/idempotency.entity';
import { policyInForce, riyadhDate } from '../season/season.service';
import { agentMayActFor, companiesMayOperate } from '../standing/standing.service';
import { VisaApplicationEntity, VisaStatusChangeEntity, type VisaApplicationRow } from './visa.entity';
import {
  VisaErrorCode,
  entryWindowClosed,
  invalidTransition,
  issuanceClosed,
  pilgrimNotFound,
  visaAlreadyApplied,
  visaNotFound,
} from './visa.errors';
import { issuanceRefusal, releaseQuotaPlace, stayUntilFor, takeQuotaPlace } from './visa.gate';
import type { RecordArrivalInput, RecordDepartureInput } from './visa.inputs';
import { VisaStatus } from './visa.type';
import { AppError } from '@umrah/subgraph-kit';

const MAX_REASON = 500;
const MAX_IDEMPOTENCY_KEY = 200;
const SUBMIT = 'submitVisaApplication';

/** Statuses in which an application still holds a quota place that a cancellation gives back. */
const BEFORE_ISSUANCE = new Set<string>([VisaStatus.APPROVED, VisaStatus.PAID]);

export interface StatusChange {
  to: VisaStatus;
  /** Account that made the change; null for the system (processor, scheduled jobs). */
  by: string | null;
  reason?: string | null;
  at?: Date;
}

/**
 * Moves an application to a new status inside the caller's transaction: the row, one history
 * step and a `VisaStatusChanged` event for the outbox (webhooks, other subgraphs) — all or none.
 */
export function changeStatus(em: EntityManager, row: VisaApplicationRow, change: StatusChange): void {
  const from = row.status;
  row.status = change.to;
  recordStatusStep(em, row, from, change);
}

/** The history step and the `VisaStatusChanged` event of a move from `from` (null: the submission). */
function recordStatusStep(em: EntityManager, row: VisaApplicationRow, from: string | null, change: StatusChange): void {
  const at = change.at ?? new Date();
  em.create(VisaStatusChangeEntity, {
    id: uuidv7(),
    visaApplicationId: row.id,
    fromStatus: from,
    toStatus: change.to,
    changedBy: change.by,
    changedAt: at,
    reason: change.reason ?? null,
  });
  recordEvent(em, {
    type: 'VisaStatusChanged',
    aggregateType: 'VisaApplication',
    aggregateId: row.id,
    payload: {
      visaApplicationId: row.id,
      pilgrimId: row.pilgrimId,
      companyId: row.companyId,
      agentId: row.agentId ?? null,
      fromStatus: from,
      toStatus: change.to,
      changedAt: at.toISOString(),
      reason: change.reason ?? null,
      mofaReference: row.mofaReference ?? null,
      visaNumber: row.visaNumber ?? null,
    },
  });
}

export function checkReason(reason: string, field = 'reason'): string {
  const trimmed = reason.trim();
  if ([...trimmed].length < 3 || [...trimmed].length > MAX_REASON) {
    throw badInput(field, `Give a reason of 3 to ${MAX_REASON} characters.`);
  }
  return trimmed;
}

/** Whether the viewer's slice holds the application: ministry all, a manager the company's, an agent its own. */
function mayRead(viewer: Viewer, row: VisaApplicationRow): boolean {
  if (isMinistry(viewer)) return true;
  if (viewer.role === Role.COMPANY_MANAGER) return viewer.companyId === row.companyId;
  if (viewer.role === Role.AGENT) return viewer.agentId != null && viewer.agentId === row.agentId;
  return false;
}

/** Loads and locks an application the viewer may act on; outside the slice it reads as missing. */
async function lockVisa(em: EntityManager, viewer: Viewer, id: string): Promise<VisaApplicationRow> {
  if (!isUuid(id)) throw visaNotFound();
  const row = await em.findOne(VisaApplicationEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!row || !mayRead(viewer, row)) throw visaNotFound();
  return row;
}

function requireManagerOf(viewer: Viewer, row: VisaApplicationRow): void {
  if (viewer.role !== Role.COMPANY_MANAGER || viewer.companyId !== row.companyId) throw forbidden();
}

async function earlierSubmission(em: EntityManager, viewer: Viewer, key: string): Promise<VisaApplicationRow | null> {
  const earlier = await em.findOne(IdempotencyKeyEntity, { actor: viewer.accountId, operation: SUBMIT, key });
  return earlier ? em.findOne(VisaApplicationEntity, { id: earlier.resultId }) : null;
}

/**
 * An agent (for a pilgrim it registered) or a manager (for the company's pilgrim) applies for the
 * pilgrim's visa. Refused outside the season's issuance period, when the company may not operate
 * or the agent's contract is not in force, and when the pilgrim already has a live application
 * (anything but a rejected, cancelled or expired one).
 */
export async function submitVisa(
  em: EntityManager,
  viewer: Viewer,
  pilgrimId: string,
  idempotencyKey?: string | null,
): Promise<VisaApplicationRow> {
  if (viewer.role !== Role.COMPANY_MANAGER && viewer.role !== Role.AGENT) throw forbidden();
  const key = idempotencyKey?.trim() || null;
  if (idempotencyKey != null && (key == null || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw badInput('idempotencyKey', `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY} characters.`);
  }
  const slice = pilgrimSlice(viewer);
  const pilgrim =
    slice && isUuid(pilgrimId) ? await em.findOne(PilgrimEntity, { $and: [slice, { id: pilgrimId }] }) : null;
  if (!pilgrim) throw pilgrimNotFound();
  if (key) {
    const earlier = await earlierSubmission(em, viewer, key);
    if (earlier && mayRead(viewer, earlier)) return earlier;
  }

  const today = riyadhDate();
  const { policy } = await policyInForce(em, pilgrim.season);
  if (today < policy.issuanceStartsOn || today > policy.issuanceEndsOn) {
    throw issuanceClosed(pilgrim.season, policy.issuanceStartsOn, policy.issuanceEndsOn);
  }
  const mayOperate = await companiesMayOperate(em, [pilgrim.companyId], today);
  if (!mayOperate.get(pilgrim.companyId)) {
    throw new AppError(
      VisaErrorCode.COMPANY_LICENCE_NOT_ACTIVE,
      'The company’s licence is not active, so it cannot apply for visas.',
    );
  }
  if (pilgrim.agentId && !(await agentMayActFor(em, pilgrim.companyId, pilgrim.agentId, today))) {
    throw new AppError(
      VisaErrorCode.AGENT_CONTRACT_NOT_ACTIVE,
      'The agency contract between the company and the agent who registered this pilgrim is not in force.',
    );
  }

  const now = new Date();
  const row = em.create(VisaApplicationEntity, {
    id: uuidv7(),
    pilgrimId: pilgrim.id,
    companyId: pilgrim.companyId,
    agentId: pilgrim.agentId ?? null,
    season: pilgrim.season,
    nationality: pilgrim.nationality,
    status: VisaStatus.SUBMITTED,
    submittedAt: now,
    submittedBy: viewer.accountId,
    attempts: 0,
    holdsQuota: false,
  } as VisaApplicationRow);
  try {
    await em.transactional(async (tx) => {
      tx.persist(row);
      // The application first: the history's statistics trigger reads it.
      await tx.flush();
      recordStatusStep(tx, row, null, { to: VisaStatus.SUBMITTED, by: viewer.accountId, at: now });
      if (key) {
        tx.create(IdempotencyKeyEntity, {
          actor: viewer.accountId,
          operation: SUBMIT,
          key,
          resultId: row.id,
          createdAt: now,
        });
      }
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    if (key) {
      const earlier = await earlierSubmission(em.fork(), viewer, key);
      if (earlier && mayRead(viewer, earlier)) return earlier;
    }
    throw visaAlreadyApplied();
  }
  return row;
}

/**
 * The company's manager approves a submitted application. Every precondition of issuance is
 * checked now, so the manager hears at once what is missing, and a quota place is taken under a
 * row lock; payment and MOFA then follow in the background (the visa processor).
 */
export async function approveVisa(em: EntityManager, viewer: Viewer, id: string): Promise<VisaApplicationRow> {
  return em.transactional(async (tx) => {
    const row = await lockVisa(tx, viewer, id);
    requireManagerOf(viewer, row);
    if (row.status !== VisaStatus.SUBMITTED) throw invalidTransition(row.status, 'approved');
    const today = riyadhDate();
    const { policy } = await policyInForce(tx, row.season);
    if (today < policy.issuanceStartsOn || today > policy.issuanceEndsOn) {
      throw issuanceClosed(row.season, policy.issuanceStartsOn, policy.issuanceEndsOn);
    }
    const pilgrim = await tx.findOneOrFail(PilgrimEntity, { id: row.pilgrimId });
    const refusal = await issuanceRefusal(
      tx,
      { companyId: row.companyId, agentId: row.agentId ?? null, pilgrim },
      policy,
      today,
    );
    if (refusal) throw refusal;
    await takeQuotaPlace(tx, row.season, row.companyId);
    const now = new Date();
    Object.assign(row, { approvedAt: now, holdsQuota: true, attempts: 0, nextAttemptAt: now, lastError: null });
    changeStatus(tx, row, { to: VisaStatus.APPROVED, by: viewer.accountId, at: now });
    return row;
  });
}

/** The company's manager rejects a submitted application, with a reason the agent will read. */
export async function rejectVisa(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  reason: string,
): Promise<VisaApplicationRow> {
  const why = checkReason(reason);
  return em.transactional(async (tx) => {
    const row = await lockVisa(tx, viewer, id);
    requireManagerOf(viewer, row);
    if (row.status !== VisaStatus.SUBMITTED) throw invalidTransition(row.status, 'rejected');
    changeStatus(tx, row, { to: VisaStatus.REJECTED, by: viewer.accountId, reason: why });
    return row;
  });
}

/**
 * The company's manager, or the agent who submitted it, withdraws an application before the
 * pilgrim travels: while submitted, approved or paid (the place and the fee are given back), or
 * once issued as long as the pilgrim has not entered. An application with MOFA cannot be withdrawn.
 */
export async function cancelVisa(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  reason: string,
): Promise<VisaApplicationRow> {
  const why = checkReason(reason);
  return em.transactional(async (tx) => {
    const row = await lockVisa(tx, viewer, id);
    if (isMinistry(viewer)) throw forbidden();
    const cancellable = [VisaStatus.SUBMITTED, VisaStatus.APPROVED, VisaStatus.PAID, VisaStatus.ISSUED] as string[];
    if (!cancellable.includes(row.status)) throw invalidTransition(row.status, 'cancelled');
    if (BEFORE_ISSUANCE.has(row.status) && row.holdsQuota) {
      await releaseQuotaPlace(tx, row.season, row.companyId);
      row.holdsQuota = false;
    }
    // A paid fee is refunded by the processor, which owns every call to the payment system.
    if (row.status === VisaStatus.PAID && row.paymentReference) {
      Object.assign(row, { nextAttemptAt: new Date(), attempts: 0 });
    } else {
      row.nextAttemptAt = null;
    }
    changeStatus(tx, row, { to: VisaStatus.CANCELLED, by: viewer.accountId, reason: why });
    return row;
  });
}

/** The manager re-arms processing that stopped on a refusal it can fix (e.g. a declined payment). */
export async function retryVisaProcessing(em: EntityManager, viewer: Viewer, id: string): Promise<VisaApplicationRow> {
  return em.transactional(async (tx) => {
    const row = await lockVisa(tx, viewer, id);
    requireManagerOf(viewer, row);
    if (row.status !== VisaStatus.APPROVED && row.status !== VisaStatus.PAID) {
      throw invalidTransition(row.status, 'retried');
    }
    Object.assign(row, { nextAttemptAt: new Date(), attempts: 0 });
    return row;
  });
}

const RECORDERS = new Set<Role>([Role.MINISTRY_OFFICER, Role.COMPANY_MANAGER]);

/**
 * Records the pilgrim's entry through a port (air, land or sea) — by a ministry officer (from the
 * border systems) or the company's manager — within the visa's entry window. The permitted stay
 * starts here.
 */
export async function recordArrival(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: RecordArrivalInput,
): Promise<VisaApplicationRow> {
  if (!RECORDERS.has(viewer.role)) throw forbidden();
  const port = input.port.trim();
  if ([...port].length < 2 || [...port].length > 80)
    throw badInput('input.port', 'Name the port of entry (2 to 80 characters).');
  return em.transactional(async (tx) => {
    const row = await lockVisa(tx, viewer, id);
    if (viewer.role === Role.COMPANY_MANAGER) requireManagerOf(viewer, row);
    if (row.status !== VisaStatus.ISSUED) throw invalidTransition(row.status, 'marked as arrived');
    const today = riyadhDate();
    const issuedOn = riyadhDate(row.issuedAt!);
    if (input.arrivedOn > today) throw badInput('input.arrivedOn', 'An arrival cannot be recorded for a future day.');
    if (input.arrivedOn < issuedOn) {
      throw badInput('input.arrivedOn', `The visa was issued on ${issuedOn}; the pilgrim cannot have entered before.`);
    }
    if (row.enterBy && input.arrivedOn > row.enterBy) throw entryWindowClosed(row.enterBy);
    const { policy } = await policyInForce(tx, row.season);
    Object.assign(row, {
      arrivedOn: input.arrivedOn,
      arrivalPort: port,
      arrivalPortKind: input.portKind,
      stayUntil: stayUntilFor(input.arrivedOn, policy),
    });
    changeStatus(tx, row, { to: VisaStatus.ARRIVED, by: viewer.accountId, reason: `${input.portKind}: ${port}` });
    return row;
  });
}

/** Records the pilgrim's departure; an overstayer who leaves stays counted as an overstay. */
export async function recordDeparture(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: RecordDepartureInput,
): Promise<VisaApplicationRow> {
  if (!RECORDERS.has(viewer.role)) throw forbidden();
  const port = input.port.trim();
  if ([...port].length < 2 || [...port].length > 80)
    throw badInput('input.port', 'Name the port of exit (2 to 80 characters).');
  return em.transactional(async (tx) => {
    const row = await lockVisa(tx, viewer, id);
    if (viewer.role === Role.COMPANY_MANAGER) requireManagerOf(viewer, row);
    if (row.status !== VisaStatus.ARRIVED && row.status !== VisaStatus.OVERSTAYED) {
      throw invalidTransition(row.status, 'marked as departed');
    }
    if (input.departedOn > riyadhDate())
      throw badInput('input.departedOn', 'A departure cannot be recorded for a future day.');
    if (input.departedOn < row.arrivedOn!) {
      throw badInput('input.departedOn', `The pilgrim entered on ${row.arrivedOn}; the departure cannot come before.`);
    }
    Object.assign(row, { departedOn: input.departedOn, departurePort: port });
    changeStatus(tx, row, { to: VisaStatus.DEPARTED, by: viewer.accountId, reason: port });
    return row;
  });
}
