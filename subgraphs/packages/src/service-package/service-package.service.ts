import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import {
  Role,
  badInput,
  canSeeCompanyData,
  checkPageSize,
  findPage,
  forbidden,
  isMinistry,
  pagesByParent,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import {
  PackageComponentEntity,
  PackageStatusChangeEntity,
  ServicePackageEntity,
  type PackageComponentRow,
  type PackageStatusChangeRow,
  type ServicePackageRow,
} from './service-package.entity';
import type { ServicePackageFilter } from './service-package.inputs';
import {
  PackageComponent,
  PackageStatusChange,
  ServicePackage,
  type PackageAction,
  type PackageStatus,
} from './service-package.type';

export function toServicePackage(row: ServicePackageRow): ServicePackage {
  return Object.assign(new ServicePackage(), {
    id: row.id,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    status: row.status as PackageStatus,
    priceHalalas: row.priceHalalas,
    makkahNights: row.makkahNights,
    madinahNights: row.madinahNights,
    saleStartsOn: row.saleStartsOn,
    saleEndsOn: row.saleEndsOn,
    company: companyRef(row.companyId),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt ?? null,
    decidedAt: row.decidedAt ?? null,
    rejectionReason: row.rejectionReason ?? null,
  });
}

export function toPackageComponent(row: PackageComponentRow): PackageComponent {
  return Object.assign(new PackageComponent(), {
    id: row.id,
    itemId: row.itemId,
    position: row.position,
    dayOffset: row.dayOffset,
    days: row.days,
  });
}

export function toPackageStatusChange(row: PackageStatusChangeRow): PackageStatusChange {
  return Object.assign(new PackageStatusChange(), {
    id: row.id,
    action: row.action as PackageAction,
    fromStatus: (row.fromStatus ?? null) as PackageStatus | null,
    toStatus: row.toStatus as PackageStatus,
    version: row.version,
    reason: row.reason ?? null,
    actorAccountId: row.actorAccountId ?? null,
    actorRole: (row.actorRole ?? null) as Role | null,
    at: row.at,
  });
}

/** The ministry reads every package; a manager only their own company's; anyone else nothing. */
export function packageSlice(viewer: Viewer | null): FilterQuery<ServicePackageRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  return null;
}

const toPackagePage = (page: Page<ServicePackageRow>): Page<ServicePackage> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: toServicePackage(e.node) })),
});

export async function listPackages(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter?: ServicePackageFilter | null,
  info?: GraphQLResolveInfo,
): Promise<Page<ServicePackage>> {
  const where: FilterQuery<ServicePackageRow>[] = [packageSlice(viewer) ?? { id: null }];
  if (filter?.status) where.push({ status: filter.status });
  if (filter?.companyId != null) {
    if (!isUuid(filter.companyId)) throw badInput('filter.companyId', 'Give a company id this API issued.');
    where.push({ companyId: filter.companyId });
  }
  return toPackagePage(
    (await findPage(em, ServicePackageEntity, { $and: where } as never, args, info)) as Page<ServicePackageRow>,
  );
}

/** Packages by id in one query; null where missing or outside the viewer's slice. */
export async function packagesByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(ServicePackage | null)[]> {
  const slice = packageSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(ServicePackageEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toServicePackage(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * One page of packages for each of many companies, in one statement for the rows and one for the
 * counts (only when asked). A company outside the viewer's slice gets null, as if it had no list.
 */
export async function packagesOfCompanies(
  em: EntityManager,
  viewer: Viewer | null,
  companyIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<(Page<ServicePackage> | null)[]> {
  const visible = companyIds.filter((id) => isUuid(id) && canSeeCompanyData(viewer, id));
  const pages = await pagesByParent(em, ServicePackageEntity, 'companyId', visible, args, withCount);
  return companyIds.map((id) => {
    const page = pages.get(id);
    return page ? toPackagePage(page) : null;
  });
}

/** Components of many packages in one statement, in their order; the caller has checked access. */
export async function componentsOfPackages(
  em: EntityManager,
  packageIds: readonly string[],
): Promise<PackageComponent[][]> {
  const ids = [...new Set(packageIds.filter(isUuid))];
  if (ids.length === 0) return packageIds.map(() => []);
  const rows = await em.find(
    PackageComponentEntity,
    { packageId: { $in: ids } },
    { orderBy: { packageId: 'asc', position: 'asc' } },
  );
  const byPackage = new Map<string, PackageComponent[]>(ids.map((id) => [id, []]));
  for (const row of rows) byPackage.get(row.packageId)?.push(toPackageComponent(row));
  return packageIds.map((id) => byPackage.get(id) ?? []);
}

/** A page of history for each of many packages, oldest step first, in at most two statements. */
export async function historyOfPackages(
  em: EntityManager,
  packageIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<Page<PackageStatusChange>[]> {
  const pages = await pagesByParent(em, PackageStatusChangeEntity, 'packageId', packageIds, args, withCount);
  return packageIds.map((id) => {
    const page = pages.get(id)!;
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPackageStatusChange(e.node) })) };
  });
}

// The queue is ordered by how long a package has waited, so its cursor carries that time too, as
// PostgreSQL prints it (microseconds included, which a JavaScript Date would lose).
const encodeQueueCursor = (waitingSince: string, id: string): string =>
  Buffer.from(`${waitingSince}|${id}`, 'utf8').toString('base64url');

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function decodeQueueCursor(cursor: string): { waitingSince: string; id: string } {
  const [waitingSince = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!isUuid(id) || !TIMESTAMP_TEXT.test(waitingSince)) {
    throw badInput('after', 'The cursor is not one this API issued; start again from the first page.');
  }
  return { waitingSince, id };
}

const WAITING_SINCE = 'coalesce(submitted_at, created_at)';

/**
 * The ministry's approval queue: SUBMITTED packages of every company, the one waiting longest
 * first (keyset on the time it was submitted, then id). Two statements whatever the page size.
 */
export async function approvalQueue(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  withCount: boolean,
): Promise<Page<ServicePackage>> {
  if (!isMinistry(viewer)) throw forbidden();
  const first = checkPageSize(args.first);
  const after = args.after ? decodeQueueCursor(args.after) : null;
  const connection = em.getConnection();
  const [rows, counted] = await Promise.all([
    connection.execute<Record<string, unknown>[]>(
      `select *, ${WAITING_SINCE}::text as waiting_since from service_package
        where status = 'SUBMITTED'${after ? ` and (${WAITING_SINCE}, id) > (?::timestamptz, ?::uuid)` : ''}
        order by ${WAITING_SINCE}, id limit ?`,
      [...(after ? [after.waitingSince, after.id] : []), first + 1],
    ),
    withCount
      ? connection.execute<{ n: number }[]>(`select count(*)::int as n from service_package where status = 'SUBMITTED'`)
      : Promise.resolve(undefined),
  ]);
  const items = rows.slice(0, first).map((row) => {
    const waitingSince = String(row['waiting_since']);
    delete row['waiting_since'];
    return { waitingSince, row: em.map(ServicePackageEntity, row as never) as ServicePackageRow };
  });
  const last = items[items.length - 1];
  return {
    edges: items.map(({ waitingSince, row }) => ({
      cursor: encodeQueueCursor(waitingSince, row.id),
      node: toServicePackage(row),
    })),
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeQueueCursor(last.waitingSince, last.row.id) : null,
    },
    ...(counted ? { totalCount: Number(counted[0]!.n) } : {}),
  };
}
