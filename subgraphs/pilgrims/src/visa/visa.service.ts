import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import {
  Role,
  badInput,
  canSeeCompanyData,
  columnSortKey,
  findPage,
  findSortedPage,
  isMinistry,
  type Page,
  type PageArgs,
  type SortKey,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { NATIONALITY } from '../pilgrim/pilgrim.inputs';
import { VisaApplicationEntity, VisaStatusChangeEntity, type VisaApplicationRow } from './visa.entity';
import { VisaApplicationOrderField, type VisaApplicationFilter, type VisaApplicationOrder } from './visa.inputs';
import { VisaApplication, VisaStats, VisaStatusChange, type PortKind, type VisaStatus } from './visa.type';

export function toVisa(row: VisaApplicationRow): VisaApplication {
  return Object.assign(new VisaApplication(), {
    id: row.id,
    status: row.status as VisaStatus,
    submittedAt: row.submittedAt,
    mofaReference: row.mofaReference ?? null,
    visaNumber: row.visaNumber ?? null,
    season: row.season,
    nationality: row.nationality,
    approvedAt: row.approvedAt ?? null,
    paidAt: row.paidAt ?? null,
    paymentReference: row.paymentReference ?? null,
    feeHalalas: row.feeHalalas ?? null,
    sentToMofaAt: row.sentToMofaAt ?? null,
    issuedAt: row.issuedAt ?? null,
    processingSeconds: row.processingMs == null ? null : Number(row.processingMs) / 1000,
    enterBy: row.enterBy ?? null,
    arrivedOn: row.arrivedOn ?? null,
    arrivalPort: row.arrivalPort ?? null,
    arrivalPortKind: (row.arrivalPortKind as PortKind | null) ?? null,
    stayUntil: row.stayUntil ?? null,
    departedOn: row.departedOn ?? null,
    departurePort: row.departurePort ?? null,
    overstayedAt: row.overstayedAt ?? null,
    lastError: row.lastError ?? null,
    nextAttemptAt: row.nextAttemptAt ?? null,
    pilgrimId: row.pilgrimId,
    companyId: row.companyId,
    agentId: row.agentId ?? null,
  });
}

/**
 * The applications a viewer may read, as a condition on the application's own columns: the
 * ministry all, a manager the company's, an agent those of pilgrims it registered; else null.
 */
export function visaSlice(viewer: Viewer | null): FilterQuery<VisaApplicationRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  if (viewer.role === Role.AGENT && viewer.agentId) return { agentId: viewer.agentId };
  return null;
}

/**
 * The sorts of the visa lists, each served by an index on (company_id, column, id) (migration
 * 0013). Columns filled in later in the workflow (issuance, processing time, stay) are null until
 * then and sort as the largest values; the timestamps are kept at millisecond precision by the
 * database so a cursor's value is exact.
 */
const VISA_SORT_KEYS: Record<VisaApplicationOrderField, SortKey<VisaApplicationRow>> = {
  [VisaApplicationOrderField.SUBMITTED_AT]: columnSortKey<VisaApplicationRow>('submittedAt', 'timestamp'),
  [VisaApplicationOrderField.STATUS]: columnSortKey<VisaApplicationRow>('status', 'text'),
  [VisaApplicationOrderField.NATIONALITY]: columnSortKey<VisaApplicationRow>('nationality', 'text'),
  [VisaApplicationOrderField.ISSUED_AT]: columnSortKey<VisaApplicationRow>('issuedAt', 'timestamp', { nullable: true }),
  [VisaApplicationOrderField.PROCESSING_TIME]: columnSortKey<VisaApplicationRow>('processingMs', 'integer', {
    nullable: true,
  }),
  [VisaApplicationOrderField.STAY_UNTIL]: columnSortKey<VisaApplicationRow>('stayUntil', 'date', { nullable: true }),
};

/** One page of the applications the viewer may read, filtered: in submission order, or as asked. */
export async function listVisas(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: VisaApplicationFilter | null | undefined,
  info?: GraphQLResolveInfo,
  order?: VisaApplicationOrder | null,
): Promise<Page<VisaApplication>> {
  const where: FilterQuery<VisaApplicationRow>[] = [visaSlice(viewer) ?? { id: null }];
  if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter?.companyId != null) {
    if (!isUuid(filter.companyId)) throw badInput('filter.companyId', 'Not a company id.');
    where.push({ companyId: filter.companyId });
  }
  if (filter?.nationality != null) {
    const nationality = filter.nationality.trim().toUpperCase();
    if (!NATIONALITY.test(nationality))
      throw badInput('filter.nationality', 'Nationality is a two-letter country code.');
    where.push({ nationality });
  }
  if (filter?.season != null) {
    if (!/^[0-9]{4}$/.test(filter.season)) throw badInput('filter.season', 'A season is a Hijri year of four digits.');
    where.push({ season: filter.season });
  }
  if (filter?.overstayed != null) where.push({ overstayedAt: filter.overstayed ? { $ne: null } : null });
  const all = { $and: where } as FilterQuery<VisaApplicationRow>;
  const page = (
    order
      ? await findSortedPage(em, VisaApplicationEntity, all, order, VISA_SORT_KEYS, args, info)
      : await findPage(em, VisaApplicationEntity, all, args, info)
  ) as Page<VisaApplicationRow>;
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toVisa(e.node) })) };
}

/** The history of many applications in one statement, oldest step first. */
export async function historiesOf(em: EntityManager, visaIds: readonly string[]): Promise<VisaStatusChange[][]> {
  const rows = await em.find(
    VisaStatusChangeEntity,
    { visaApplicationId: { $in: [...new Set(visaIds)] } },
    { orderBy: { changedAt: 'asc', id: 'asc' } },
  );
  const byVisa = new Map<string, VisaStatusChange[]>();
  for (const row of rows) {
    const list = byVisa.get(row.visaApplicationId) ?? [];
    list.push(
      Object.assign(new VisaStatusChange(), {
        id: row.id,
        fromStatus: (row.fromStatus as VisaStatus | null) ?? null,
        toStatus: row.toStatus as VisaStatus,
        changedAt: row.changedAt,
        changedBy: row.changedBy ?? null,
        reason: row.reason ?? null,
      }),
    );
    byVisa.set(row.visaApplicationId, list);
  }
  return visaIds.map((id) => byVisa.get(id) ?? []);
}

/**
 * Visa applications by id in one query; outside the viewer's slice (the same as the pilgrim's:
 * company and agent are copied onto the application) an application reads as missing.
 */
export async function visasByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(VisaApplication | null)[]> {
  const slice = visaSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(VisaApplicationEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toVisa(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * The latest application of each pilgrim (a rejected or cancelled one until the pilgrim applies
 * again), or null where none was made. Callers pass pilgrims the viewer may read.
 */
export async function visasOfPilgrims(
  em: EntityManager,
  pilgrimIds: readonly string[],
): Promise<(VisaApplication | null)[]> {
  const rows = await em.find(
    VisaApplicationEntity,
    { pilgrimId: { $in: [...new Set(pilgrimIds)] } },
    { orderBy: { submittedAt: 'asc', id: 'asc' } },
  );
  const byPilgrim = new Map(rows.map((row) => [row.pilgrimId, toVisa(row)]));
  return pilgrimIds.map((id) => byPilgrim.get(id) ?? null);
}

/** A company's statistics, or null unless the viewer may see that company's data. */
export function visaStatsOf(viewer: Viewer | null, companyId: string): VisaStats | null {
  if (!isUuid(companyId) || !canSeeCompanyData(viewer, companyId)) return null;
  return Object.assign(new VisaStats(), { companyId });
}
