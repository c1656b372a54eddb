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
  requireCompany,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import { policyInForce } from '../compliance/compliance.policy';
import { PartyKind, TallyChanges, type Party } from '../compliance/compliance.tally';
import { addDays, checkText, isCalendarDay, optionalId, riyadhDate } from '../compliance/compliance.validation';
import { checkFine, checkOfficerType } from '../violation/violation.penalty';
import { checkProvider, insertViolation } from '../violation/violation.record';
import { ViolationSource, ViolationType } from '../violation/violation.type';
import { InspectionEntity, type InspectionRow } from './inspection.entity';
import { MAX_VIOLATIONS_PER_INSPECTION, type InspectionFilter, type RecordInspectionInput } from './inspection.inputs';
import { Inspection } from './inspection.type';

export function toInspection(row: InspectionRow): Inspection {
  return Object.assign(new Inspection(), {
    id: row.id,
    company: row.companyId ? companyRef(row.companyId) : null,
    providerId: row.providerId ?? null,
    city: row.city,
    site: row.site,
    visitedOn: row.visitedOn,
    findings: row.findings,
    recordedAt: row.recordedAt,
  });
}

/** The ministry reads every inspection; a manager those naming their company; a provider those naming it. */
export function inspectionSlice(viewer: Viewer | null): FilterQuery<InspectionRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  if (viewer.role === Role.PROVIDER && viewer.providerId) return { providerId: viewer.providerId };
  return null;
}

function checkDay(day: string | null | undefined, field: string): string | null {
  if (day == null) return null;
  if (!isCalendarDay(day)) throw badInput(field, 'This day does not exist in the calendar.');
  return day;
}

export async function listInspections(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: InspectionFilter | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<Inspection>> {
  const slice = inspectionSlice(viewer);
  if (!slice) throw forbidden();
  const where: FilterQuery<InspectionRow>[] = [slice];
  const companyId = optionalId(filter?.companyId, 'filter.companyId');
  const providerId = optionalId(filter?.providerId, 'filter.providerId');
  const from = checkDay(filter?.visitedFrom, 'filter.visitedFrom');
  const to = checkDay(filter?.visitedTo, 'filter.visitedTo');
  if (companyId) where.push({ companyId });
  if (providerId) where.push({ providerId });
  if (from) where.push({ visitedOn: { $gte: from } });
  if (to) where.push({ visitedOn: { $lte: to } });
  const page = (await findPage(em, InspectionEntity, { $and: where } as never, args, info)) as Page<InspectionRow>;
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toInspection(e.node) })) };
}

/** Inspections by id in one query; one outside the viewer's slice is null exactly like a missing one. */
export async function inspectionsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(Inspection | null)[]> {
  const slice = inspectionSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(InspectionEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toInspection(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * An officer records a field visit and, in the same transaction, the violations it found, each
 * against the inspection's company or its provider, with the cure period of the policy in force
 * starting on the day of the visit. All or nothing.
 */
export async function recordInspection(
  em: EntityManager,
  viewer: Viewer,
  input: RecordInspectionInput,
  now: Date = new Date(),
): Promise<Inspection> {
  if (viewer.role !== Role.MINISTRY_OFFICER) throw forbidden();
  const companyId = optionalId(input.companyId, 'input.companyId');
  const providerId = optionalId(input.providerId, 'input.providerId');
  if (!companyId && !providerId) {
    throw badInput('input.companyId', 'Name the company, the provider or both that the visit was about.');
  }
  const city = checkText(input.city, 'input.city', 2, 60);
  const site = checkText(input.site, 'input.site', 2, 200);
  const findings = checkText(input.findings, 'input.findings', 10, 4000);
  const today = riyadhDate(now);
  const visitedOn = checkDay(input.visitedOn, 'input.visitedOn')!;
  if (visitedOn > today)
    throw badInput('input.visitedOn', `A visit cannot be recorded before it happens (today is ${today}).`);
  if (visitedOn < addDays(today, -366))
    throw badInput('input.visitedOn', 'Record visits within a year of the day they happened.');
  const found = input.violations ?? [];
  if (found.length > MAX_VIOLATIONS_PER_INSPECTION) {
    throw badInput('input.violations', `Record at most ${MAX_VIOLATIONS_PER_INSPECTION} violations per inspection.`);
  }
  const checked = found.map((v, i) => {
    const field = `input.violations.${i}`;
    const against = v.against ?? (companyId && providerId ? null : companyId ? PartyKind.COMPANY : PartyKind.PROVIDER);
    if (!against)
      throw badInput(
        `${field}.against`,
        'The visit names a company and a provider: say whom this violation is against.',
      );
    const partyId = against === PartyKind.COMPANY ? companyId : providerId;
    if (!partyId)
      throw badInput(
        `${field}.against`,
        `The visit names no ${against === PartyKind.COMPANY ? 'company' : 'provider'}.`,
      );
    const party: Party = { kind: against, id: partyId };
    const type = checkOfficerType(v.type, `${field}.type`);
    // It names the complaint it follows from, which a visit does not (the database requires one).
    if (type === ViolationType.COMPLAINT_UPHELD) {
      throw badInput(
        `${field}.type`,
        'An upheld complaint is fined from the complaint itself (recordViolation), not from a field visit; choose another type.',
      );
    }
    return {
      party,
      type,
      fineHalalas: checkFine(v.fineHalalas, `${field}.fineHalalas`),
      details: checkText(v.details, `${field}.details`, 3, 2000),
    };
  });

  const row = await em.transactional(async (tx) => {
    if (providerId) await checkProvider(tx, providerId, 'input.providerId');
    if (companyId) await requireCompany(tx, companyId, 'input.companyId');
    const inspection = tx.create(InspectionEntity, {
      id: uuidv7(),
      companyId,
      providerId,
      city,
      site,
      visitedOn,
      findings,
      recordedBy: viewer.accountId,
      recordedAt: now,
    });
    if (checked.length > 0) {
      const policy = await policyInForce(tx);
      const tallies = new TallyChanges();
      for (const v of checked) {
        await insertViolation(
          tx,
          {
            ...v,
            source: ViolationSource.INSPECTION,
            recordedBy: viewer,
            recordedAt: now,
            cureDueOn: addDays(visitedOn, policy.curePeriodDays),
            inspectionId: inspection.id,
          },
          tallies,
        );
      }
      await tallies.write(tx);
    }
    return inspection;
  });
  return toInspection(row);
}
