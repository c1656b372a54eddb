import type { FilterQuery } from '@mikro-orm/core';
import { LockMode, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  findPage,
  forbidden,
  isMinistry,
  type Page,
  type PageArgs,
  type Viewer,
  requireCompany,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { pilgrimRef } from '../booking/pilgrim.type';
import { companyRef } from '../company/company.type';
import { ComplaintEntity } from '../complaint/complaint.entity';
import { ComplaintStatus } from '../complaint/complaint.rules';
import { policyInForce } from '../compliance/compliance.policy';
import { PartyKind, TallyChanges, partyOf } from '../compliance/compliance.tally';
import { addDays, checkText, optionalId, riyadhDate } from '../compliance/compliance.validation';
import {
  ViolationEntity,
  ViolationStatusChangeEntity,
  type ViolationRow,
  type ViolationStatusChangeRow,
} from './violation.entity';
import {
  complaintNotUpheld,
  curePeriodRunning,
  invalidViolationTransition,
  violationAlreadyRecorded,
  violationNotFound,
} from './violation.errors';
import type { RecordViolationInput, ViolationFilter } from './violation.inputs';
import { checkFine, checkOfficerType, transitionDelta } from './violation.penalty';
import { checkProvider, insertViolation, publishViolation } from './violation.record';
import { Violation, ViolationSource, ViolationStatus, ViolationStatusChange, ViolationType } from './violation.type';

// Reading violations within the caller's slice, and the officers' commands on them. Recording's
// shared path is violation.record.ts; what a violation costs, violation.penalty.ts; the overstay
// consumer, violation.handler.ts.

const NOTE = { min: 3, max: 2000 } as const;

export function toViolation(row: ViolationRow, today: string = riyadhDate()): Violation {
  return Object.assign(new Violation(), {
    id: row.id,
    type: row.type as ViolationType,
    status: row.status as ViolationStatus,
    source: row.source as ViolationSource,
    company: row.companyId ? companyRef(row.companyId) : null,
    providerId: row.providerId ?? null,
    inspectionId: row.inspectionId ?? null,
    complaintId: row.complaintId ?? null,
    details: row.details,
    fineHalalas: Number(row.fineHalalas),
    points: row.points,
    pilgrim: row.pilgrimId ? pilgrimRef(row.pilgrimId) : null,
    visaApplicationId: row.sourceVisaApplicationId ?? null,
    season: row.season ?? null,
    recordedAt: row.recordedAt,
    cureDueOn: row.cureDueOn,
    cureOverdue: row.status === ViolationStatus.OPEN && today > row.cureDueOn,
    closedAt: row.closedAt ?? null,
    closeNote: row.closeNote ?? null,
  });
}

const toStep = (row: ViolationStatusChangeRow): ViolationStatusChange =>
  Object.assign(new ViolationStatusChange(), {
    id: row.id,
    fromStatus: (row.fromStatus as ViolationStatus | null) ?? null,
    toStatus: row.toStatus as ViolationStatus,
    note: row.note ?? null,
    changedBy: row.changedBy ?? null,
    changedByRole: (row.changedByRole as Role | null) ?? null,
    changedAt: row.changedAt,
  });

/** The ministry reads every violation; a manager their company's; a provider its own; anyone else none. */
export function violationSlice(viewer: Viewer | null): FilterQuery<ViolationRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  if (viewer.role === Role.PROVIDER && viewer.providerId) return { providerId: viewer.providerId };
  return null;
}

export async function listViolations(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: ViolationFilter | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<Violation>> {
  const slice = violationSlice(viewer);
  if (!slice) throw forbidden();
  const today = riyadhDate();
  const where: FilterQuery<ViolationRow>[] = [slice];
  const companyId = optionalId(filter?.companyId, 'filter.companyId');
  const providerId = optionalId(filter?.providerId, 'filter.providerId');
  if (companyId) where.push({ companyId });
  if (providerId) where.push({ providerId });
  if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter?.type) where.push({ type: filter.type });
  if (filter?.source) where.push({ source: filter.source });
  if (filter?.cureOverdue != null) {
    const overdue: FilterQuery<ViolationRow> = { status: ViolationStatus.OPEN, cureDueOn: { $lt: today } };
    where.push(filter.cureOverdue ? overdue : { $not: overdue });
  }
  const page = (await findPage(em, ViolationEntity, { $and: where } as never, args, info)) as Page<ViolationRow>;
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toViolation(e.node, today) })) };
}

/** Violations by id in one query; one outside the viewer's slice is null exactly like a missing one. */
export async function violationsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(Violation | null)[]> {
  const slice = violationSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(ViolationEntity, { $and: [slice, { id: { $in: valid } }] });
  const today = riyadhDate();
  const byId = new Map(rows.map((row) => [row.id, toViolation(row, today)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The violations raised by each inspection (already visible to the caller), in one query. */
export async function violationsOfInspections(
  em: EntityManager,
  viewer: Viewer | null,
  inspectionIds: readonly string[],
): Promise<Violation[][]> {
  const slice = violationSlice(viewer);
  if (!slice) return inspectionIds.map(() => []);
  const rows = await em.find(
    ViolationEntity,
    { $and: [slice, { inspectionId: { $in: [...new Set(inspectionIds)] } }] },
    { orderBy: { id: 'asc' } },
  );
  const today = riyadhDate();
  const byInspection = new Map<string, Violation[]>();
  for (const row of rows) {
    const list = byInspection.get(row.inspectionId!) ?? [];
    list.push(toViolation(row, today));
    byInspection.set(row.inspectionId!, list);
  }
  return inspectionIds.map((id) => byInspection.get(id) ?? []);
}

/** The histories of many violations (already visible to the caller) in one query, oldest step first. */
export async function violationHistories(
  em: EntityManager,
  violationIds: readonly string[],
): Promise<ViolationStatusChange[][]> {
  const rows = await em.find(
    ViolationStatusChangeEntity,
    { violationId: { $in: [...new Set(violationIds)] } },
    { orderBy: { id: 'asc' } },
  );
  const byViolation = new Map<string, ViolationStatusChange[]>();
  for (const row of rows) {
    const steps = byViolation.get(row.violationId) ?? [];
    steps.push(toStep(row));
    byViolation.set(row.violationId, steps);
  }
  return violationIds.map((id) => byViolation.get(id) ?? []);
}

function officerOnly(viewer: Viewer): void {
  if (viewer.role !== Role.MINISTRY_OFFICER) throw forbidden();
}

/**
 * An officer records a violation against a company or a provider (not an overstay), optionally
 * following a complaint; the cure period of the policy in force starts today.
 */
export async function recordViolation(
  em: EntityManager,
  viewer: Viewer,
  input: RecordViolationInput,
  now: Date = new Date(),
): Promise<Violation> {
  officerOnly(viewer);
  const type = checkOfficerType(input.type, 'input.type');
  const fineHalalas = checkFine(input.fineHalalas, 'input.fineHalalas');
  const details = checkText(input.details, 'input.details', NOTE.min, NOTE.max);
  let companyId = optionalId(input.companyId, 'input.companyId');
  let providerId = optionalId(input.providerId, 'input.providerId');
  const complaintId = optionalId(input.complaintId, 'input.complaintId');
  if (companyId && providerId) {
    throw badInput('input.providerId', 'Name either the company or the provider, not both.');
  }
  if (type === ViolationType.COMPLAINT_UPHELD && !complaintId) throw complaintNotUpheld();

  const row = await em.transactional(async (tx) => {
    if (complaintId) {
      const complaint = await tx.findOne(ComplaintEntity, { id: complaintId });
      if (!complaint) throw badInput('input.complaintId', 'There is no such complaint.');
      if (!companyId && !providerId) {
        companyId = complaint.companyId ?? null;
        providerId = complaint.providerId ?? null;
      }
      if (
        (companyId ?? null) !== (complaint.companyId ?? null) ||
        (providerId ?? null) !== (complaint.providerId ?? null)
      ) {
        throw badInput('input.complaintId', 'The complaint is against another party than the violation.');
      }
      if (
        type === ViolationType.COMPLAINT_UPHELD &&
        !(complaint.status === ComplaintStatus.RESOLVED && complaint.upheld)
      ) {
        throw complaintNotUpheld();
      }
    }
    if (!companyId && !providerId) throw badInput('input.companyId', 'Name the company or the provider.');
    if (providerId) await checkProvider(tx, providerId, 'input.providerId');
    if (companyId) await requireCompany(tx, companyId, 'input.companyId');
    const policy = await policyInForce(tx);
    const tallies = new TallyChanges();
    const inserted = await insertViolation(
      tx,
      {
        party: companyId ? { kind: PartyKind.COMPANY, id: companyId } : { kind: PartyKind.PROVIDER, id: providerId! },
        type,
        details,
        fineHalalas,
        source: ViolationSource.OFFICER,
        recordedBy: viewer,
        recordedAt: now,
        cureDueOn: addDays(riyadhDate(now), policy.curePeriodDays),
        complaintId,
      },
      tallies,
    );
    if (!inserted) throw violationAlreadyRecorded();
    await tallies.write(tx);
    return inserted;
  });
  return toViolation(row, riyadhDate(now));
}

// ---------------------------------------------------------------------------------------------
// Officer actions on a recorded violation.

const ALLOWED_FROM: Record<ViolationStatus, ViolationStatus[]> = {
  [ViolationStatus.OPEN]: [],
  [ViolationStatus.CURED]: [ViolationStatus.OPEN],
  [ViolationStatus.ESCALATED]: [ViolationStatus.OPEN],
  [ViolationStatus.CANCELLED]: [ViolationStatus.OPEN, ViolationStatus.CURED, ViolationStatus.ESCALATED],
};

/**
 * Moves a violation to `to` under a row lock, with the officer's note: one history step, the
 * tally moved from its old status's counts to the new one's, and `ViolationStatusChanged`.
 */
export async function changeViolationStatus(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  to: ViolationStatus.CURED | ViolationStatus.ESCALATED | ViolationStatus.CANCELLED,
  note: string,
  now: Date = new Date(),
): Promise<Violation> {
  officerOnly(viewer);
  if (!isUuid(id)) throw violationNotFound();
  const text = checkText(note, 'note', NOTE.min, NOTE.max);
  const today = riyadhDate(now);
  const row = await em.transactional(async (tx) => {
    const violation = await tx.findOne(
      ViolationEntity,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!violation) throw violationNotFound();
    const from = violation.status as ViolationStatus;
    if (!ALLOWED_FROM[to].includes(from)) throw invalidViolationTransition(from, to);
    if (to === ViolationStatus.ESCALATED && today <= violation.cureDueOn) throw curePeriodRunning(violation.cureDueOn);
    violation.status = to;
    violation.closedAt = now;
    violation.closedBy = viewer.accountId;
    violation.closeNote = text;
    tx.create(ViolationStatusChangeEntity, {
      id: uuidv7(),
      violationId: violation.id,
      fromStatus: from,
      toStatus: to,
      note: text,
      changedBy: viewer.accountId,
      changedByRole: viewer.role,
      changedAt: now,
    });
    const tallies = new TallyChanges();
    tallies.add(partyOf(violation), transitionDelta(violation, from, to));
    await tallies.write(tx);
    publishViolation(tx, 'ViolationStatusChanged', violation, {
      fromStatus: from,
      note: text,
      changedAt: now.toISOString(),
    });
    return violation;
  });
  return toViolation(row, today);
}
