import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import { canSeeCompanyData, type Viewer } from '@umrah/subgraph-kit';
import { pilgrimSlice, visiblePilgrimIds } from '../pilgrim/pilgrim.service';
import { VisaApplicationEntity, type VisaApplicationRow } from './visa.entity';
import {
  NationalityCount,
  VISA_STATUSES,
  VisaApplication,
  VisaStats,
  VisaStatusCount,
  type VisaStatus,
} from './visa.type';

export function toVisa(row: VisaApplicationRow): VisaApplication {
  return Object.assign(new VisaApplication(), {
    id: row.id,
    status: row.status as VisaStatus,
    submittedAt: row.submittedAt,
    mofaReference: row.mofaReference ?? null,
    visaNumber: row.visaNumber ?? null,
    pilgrimId: row.pilgrimId,
  });
}

/**
 * Visa applications by id in one query. An application is readable exactly when its pilgrim is,
 * so the pilgrim slice applies through a semi-join; outside it reads as missing.
 */
export async function visasByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(VisaApplication | null)[]> {
  const slice = pilgrimSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const visible = visiblePilgrimIds(em, slice);
  const where = { id: { $in: valid }, ...(visible ? { pilgrimId: visible } : {}) } as FilterQuery<VisaApplicationRow>;
  const rows = await em.find(VisaApplicationEntity, where);
  const byId = new Map(rows.map((row) => [row.id, toVisa(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The application of each pilgrim, or null where none was made. Callers pass pilgrims the viewer may read. */
export async function visasOfPilgrims(
  em: EntityManager,
  pilgrimIds: readonly string[],
): Promise<(VisaApplication | null)[]> {
  const rows = await em.find(VisaApplicationEntity, { pilgrimId: { $in: [...new Set(pilgrimIds)] } });
  const byPilgrim = new Map(rows.map((row) => [row.pilgrimId, toVisa(row)]));
  return pilgrimIds.map((id) => byPilgrim.get(id) ?? null);
}

/** A company's statistics, or null unless the viewer may see that company's data. */
export function visaStatsOf(viewer: Viewer | null, companyId: string): VisaStats | null {
  if (!isUuid(companyId) || !canSeeCompanyData(viewer, companyId)) return null;
  return Object.assign(new VisaStats(), { companyId });
}

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** Counts per status for many companies in one grouped statement; every status listed, zeros included. */
export async function visaCountsByStatus(
  em: EntityManager,
  companyIds: readonly string[],
): Promise<VisaStatusCount[][]> {
  const ids = [...new Set(companyIds)];
  const rows = await em
    .getConnection()
    .execute<{ company_id: string; status: string; n: string | number }[]>(
      `select company_id, status, count(*) as n from visa_application where company_id in (${placeholders(ids)}) group by company_id, status`,
      ids,
    );
  const counts = new Map<string, number>(rows.map((r) => [`${r.company_id}:${r.status}`, Number(r.n)]));
  return companyIds.map((companyId) =>
    VISA_STATUSES.map((status) =>
      Object.assign(new VisaStatusCount(), { status, count: counts.get(`${companyId}:${status}`) ?? 0 }),
    ),
  );
}

/** Counts per nationality for many companies in one grouped statement, largest first. */
export async function visaCountsByNationality(
  em: EntityManager,
  companyIds: readonly string[],
): Promise<NationalityCount[][]> {
  const ids = [...new Set(companyIds)];
  const rows = await em.getConnection().execute<{ company_id: string; nationality: string; n: string | number }[]>(
    `select v.company_id, p.nationality, count(*) as n
       from visa_application v join pilgrim p on p.id = v.pilgrim_id
      where v.company_id in (${placeholders(ids)})
      group by v.company_id, p.nationality
      order by count(*) desc, p.nationality`,
    ids,
  );
  const byCompany = new Map<string, NationalityCount[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    byCompany
      .get(r.company_id)
      ?.push(Object.assign(new NationalityCount(), { nationality: r.nationality, count: Number(r.n) }));
  }
  return companyIds.map((id) => byCompany.get(id) ?? []);
}
