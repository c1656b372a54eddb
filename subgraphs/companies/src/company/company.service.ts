import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import { Role, badInput, findPage, isMinistry, type Page, type PageArgs, type Viewer } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { licenseStatusWhere, toLicense } from '../license/license.service';
import { CompanyEntity, type CompanyRow } from './company.entity';
import { Company, type CompanyFilter } from './company.type';

export function toCompany(row: CompanyRow): Company {
  return Object.assign(new Company(), {
    id: row.id,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    crNumber: row.crNumber,
    city: row.city,
    license: toLicense(row.license as never),
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterWhere(filter: CompanyFilter | null | undefined): FilterQuery<CompanyRow>[] {
  const where: FilterQuery<CompanyRow>[] = [];
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > 100) throw badInput('filter.search', 'Search text must be at most 100 characters.');
    const like = `%${escapeLike(search)}%`;
    where.push({ $or: [{ nameAr: { $ilike: like } }, { nameEn: { $ilike: like } }, { crNumber: { $like: like } }] });
  }
  if (filter?.city) where.push({ city: filter.city });
  if (filter?.licenseStatus)
    where.push({ license: licenseStatusWhere(filter.licenseStatus) } as FilterQuery<CompanyRow>);
  return where;
}

/** The ministry lists every company; a manager's list holds only their own. */
export async function listCompanies(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: CompanyFilter | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<Company>> {
  const where = filterWhere(filter);
  if (!isMinistry(viewer)) where.push({ id: viewer.role === Role.COMPANY_MANAGER ? viewer.companyId : null });
  const page = await findPage(em, CompanyEntity, (where.length ? { $and: where } : {}) as never, args, info);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCompany(e.node as CompanyRow) })) };
}

/**
 * Companies by id in one query. The registry entry is public to every signed-in party;
 * an anonymous caller gets nothing, exactly as if the ids did not exist.
 */
export async function companiesByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(Company | null)[]> {
  const valid = ids.filter(isUuid);
  if (!viewer || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(CompanyEntity, { id: { $in: valid } });
  const byId = new Map(rows.map((row) => [row.id, toCompany(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}
