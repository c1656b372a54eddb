import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import {
  Role,
  canSeeCompanyData,
  findPage,
  isMinistry,
  pagesByParent,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import { ServicePackageEntity, type ServicePackageRow } from './service-package.entity';
import { ServicePackage, type PackageStatus } from './service-package.type';

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
  info?: GraphQLResolveInfo,
): Promise<Page<ServicePackage>> {
  const where = packageSlice(viewer) ?? { id: null };
  return toPackagePage(
    (await findPage(em, ServicePackageEntity, where as never, args, info)) as Page<ServicePackageRow>,
  );
}

/** Packages by id in one query; null where missing or outside the viewer's slice. */
export async function packagesByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(ServicePackage | null)[]> {
  const slice = packageSlice(viewer);
  const valid = ids.filter(isUuid);
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
