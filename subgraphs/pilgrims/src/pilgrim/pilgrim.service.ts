import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import {
  type CountByParent,
  type CountOf,
  Role,
  canSeeCompanyData,
  columnSortKey,
  findPage,
  findSortedPage,
  isMinistry,
  pagesByParent,
  type Page,
  type PageArgs,
  type SortKey,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { PilgrimEntity, type PilgrimRow } from './pilgrim.entity';
import { checkPilgrimFilter, PilgrimOrderField, type PilgrimFilter, type PilgrimOrder } from './pilgrim.inputs';
import { Pilgrim, type Sex } from './pilgrim.type';

export function toPilgrim(row: PilgrimRow): Pilgrim {
  return Object.assign(new Pilgrim(), {
    id: row.id,
    season: row.season,
    fullNameAr: [row.givenNameAr, row.fatherNameAr, row.grandfatherNameAr, row.familyNameAr].join(' '),
    fullNameEn: [row.givenNameEn, row.fatherNameEn, row.grandfatherNameEn, row.familyNameEn].join(' '),
    givenNameAr: row.givenNameAr,
    fatherNameAr: row.fatherNameAr,
    grandfatherNameAr: row.grandfatherNameAr,
    familyNameAr: row.familyNameAr,
    givenNameEn: row.givenNameEn,
    fatherNameEn: row.fatherNameEn,
    grandfatherNameEn: row.grandfatherNameEn,
    familyNameEn: row.familyNameEn,
    passportNumber: row.passportNumber,
    nationality: row.nationality,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex as Sex,
    companyId: row.companyId,
    agentId: row.agentId ?? null,
    groupId: row.groupId ?? null,
    passportIssuedOn: row.passportIssuedOn ?? null,
    passportExpiresOn: row.passportExpiresOn ?? null,
    plannedDepartureOn: row.plannedDepartureOn ?? null,
  });
}

/**
 * The pilgrims a viewer may read: the ministry all, a manager their company's, an agent those it
 * registered; anyone else (providers, anonymous callers) none, which is null here.
 */
export function pilgrimSlice(viewer: Viewer | null): FilterQuery<PilgrimRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  if (viewer.role === Role.AGENT && viewer.agentId) return { agentId: viewer.agentId };
  return null;
}

/**
 * The ids of the pilgrims a viewer may read, as a subquery for other tables' conditions
 * (`{ pilgrimId: { $in: ... } }`); undefined when the viewer reads every pilgrim.
 */
export function visiblePilgrimIds(em: EntityManager, slice: FilterQuery<PilgrimRow>): FilterQuery<object> | undefined {
  if (Object.keys(slice).length === 0) return undefined;
  return {
    $in: em
      .createQueryBuilder(PilgrimEntity, 'p')
      .select('p.id')
      .where(slice as never),
  } as FilterQuery<object>;
}

const NAME_COLUMNS = [
  'givenNameAr',
  'fatherNameAr',
  'grandfatherNameAr',
  'familyNameAr',
  'givenNameEn',
  'fatherNameEn',
  'grandfatherNameEn',
  'familyNameEn',
] as const;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterWhere(filter: PilgrimFilter | null | undefined): FilterQuery<PilgrimRow>[] {
  checkPilgrimFilter(filter);
  const where: FilterQuery<PilgrimRow>[] = [];
  if (filter?.nationality) where.push({ nationality: filter.nationality });
  // The current application's status, kept on the pilgrim row (migration 0017).
  if (filter?.visaStatus) where.push({ visaStatus: filter.visaStatus });
  // Every word must match some part of a name or the passport number, so "Muhammad Khan" finds him.
  const words = (filter?.search ?? '').trim().split(/\s+/).filter(Boolean);
  for (const word of words) {
    const like = `%${escapeLike(word)}%`;
    where.push({
      $or: [
        ...NAME_COLUMNS.map((column) => ({ [column]: { $ilike: like } })),
        { passportNumber: { $like: `%${escapeLike(word.toUpperCase())}%` } },
      ],
    } as FilterQuery<PilgrimRow>);
  }
  return where;
}

const toPilgrimPage = (page: Page<PilgrimRow>): Page<Pilgrim> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPilgrim(e.node) })),
});

/**
 * The sorts a manager uses in the table. Each is served by an index on (company_id, column, id)
 * (migration 0013). The only nullable column, the passport expiry (pilgrims loaded before
 * registration recorded it), sorts its missing values as the largest; registration time is kept
 * at millisecond precision by the database so the cursor's value is exact.
 */
const PILGRIM_SORT_KEYS: Record<PilgrimOrderField, SortKey<PilgrimRow>> = {
  [PilgrimOrderField.FAMILY_NAME_EN]: columnSortKey<PilgrimRow>('familyNameEn', 'text'),
  [PilgrimOrderField.GIVEN_NAME_EN]: columnSortKey<PilgrimRow>('givenNameEn', 'text'),
  [PilgrimOrderField.FAMILY_NAME_AR]: columnSortKey<PilgrimRow>('familyNameAr', 'text'),
  [PilgrimOrderField.GIVEN_NAME_AR]: columnSortKey<PilgrimRow>('givenNameAr', 'text'),
  [PilgrimOrderField.NATIONALITY]: columnSortKey<PilgrimRow>('nationality', 'text'),
  [PilgrimOrderField.DATE_OF_BIRTH]: columnSortKey<PilgrimRow>('dateOfBirth', 'date'),
  [PilgrimOrderField.PASSPORT_EXPIRES_ON]: columnSortKey<PilgrimRow>('passportExpiresOn', 'date', { nullable: true }),
  [PilgrimOrderField.REGISTERED_AT]: columnSortKey<PilgrimRow>('createdAt', 'timestamp'),
};

/**
 * How many pilgrims match, from the counts kept per company, nationality and visa status
 * (migration 0017) when the slice and filter are those dimensions: the ministry's list (every
 * company) or a manager's (one company) by nationality and status. A search or an agent's slice
 * is counted from the rows.
 */
function keptFilterCount(
  em: EntityManager,
  slice: FilterQuery<PilgrimRow>,
  filter: PilgrimFilter | null | undefined,
): CountOf | undefined {
  const { companyId, ...rest } = slice as { companyId?: string };
  if (filter?.search?.trim() || Object.keys(rest).length > 0) return undefined;
  const conditions: [string, string][] = [];
  if (companyId) conditions.push(['company_id', companyId]);
  if (filter?.nationality) conditions.push(['nationality', filter.nationality]);
  if (filter?.visaStatus) conditions.push(['visa_status', filter.visaStatus]);
  const where = conditions.length ? `where ${conditions.map(([column]) => `${column} = ?`).join(' and ')}` : '';
  return async () => {
    const [row] = await em.getConnection().execute<{ n: string | number | null }[]>(
      `select sum(n) as n from pilgrim_filter_count ${where}`,
      conditions.map(([, value]) => value),
    );
    return Number(row?.n ?? 0);
  };
}

/** One page of the pilgrims the viewer may read: oldest registration first, or in the order asked. */
export async function listPilgrims(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: PilgrimFilter | null | undefined,
  info?: GraphQLResolveInfo,
  order?: PilgrimOrder | null,
): Promise<Page<Pilgrim>> {
  const where = filterWhere(filter);
  const slice = pilgrimSlice(viewer);
  // `id is null` matches nothing: a viewer without a slice gets an empty list, not an error.
  where.push(slice ?? { id: null });
  const all = { $and: where } as FilterQuery<PilgrimRow>;
  const count = slice ? keptFilterCount(em, slice, filter) : undefined;
  const page = order
    ? await findSortedPage(em, PilgrimEntity, all, order, PILGRIM_SORT_KEYS, args, info, count)
    : await findPage(em, PilgrimEntity, all, args, info, count);
  return toPilgrimPage(page as Page<PilgrimRow>);
}

/** Pilgrims by id in one query; null where missing or outside the viewer's slice, alike. */
export async function pilgrimsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(Pilgrim | null)[]> {
  const slice = pilgrimSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(PilgrimEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toPilgrim(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Pilgrims of each company or group, from the counts the database keeps (migration 0016): one
 * row per parent, however large its season. An entry for every id asked, 0 for none.
 */
export function pilgrimCounts(em: EntityManager, kind: 'COMPANY' | 'GROUP'): CountByParent {
  return async (parentIds) => {
    const counts = new Map<string, number>(parentIds.map((id) => [id, 0]));
    const rows = await em
      .getConnection()
      .execute<{ parent_id: string; n: number }[]>(
        `select parent_id, n from pilgrim_count where parent_kind = ? and parent_id in (${parentIds.map(() => '?').join(', ')})`,
        [kind, ...parentIds],
      );
    for (const row of rows) counts.set(row.parent_id, Number(row.n));
    return counts;
  };
}

/**
 * One page of pilgrims for each of many companies: one statement for the rows and one for the
 * kept counts (only when asked). A company whose data the viewer may not see gets null.
 */
export async function pilgrimsOfCompanies(
  em: EntityManager,
  viewer: Viewer | null,
  companyIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<(Page<Pilgrim> | null)[]> {
  const visible = companyIds.filter((id) => isUuid(id) && canSeeCompanyData(viewer, id));
  const pages = await pagesByParent(
    em,
    PilgrimEntity,
    'companyId',
    visible,
    args,
    withCount,
    pilgrimCounts(em, 'COMPANY'),
  );
  return companyIds.map((id) => {
    const page = pages.get(id);
    return page ? toPilgrimPage(page) : null;
  });
}
