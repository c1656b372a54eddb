import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import {
  MINISTRY_ROLES,
  Role,
  badInput,
  checkPageSize,
  decodeCursor,
  isMinistry,
  selects,
  toPage,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { AccountEntity } from '../account/account.entity';
import { AuditLogEntity, type AuditLogRow } from './audit.entity';
import { AuditEntry, type AuditLogFilter, type AuditSource } from './audit.type';

function toEntry(row: AuditLogRow): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: row.id,
    at: row.at,
    actorAccountId: row.actorAccountId ?? null,
    actorRole: (row.actorRole ?? null) as Role | null,
    operation: row.operation,
    targetId: row.targetId ?? null,
    reason: row.reason ?? null,
    outcome: row.outcome,
    source: row.source.toUpperCase() as AuditSource,
    companyId: row.companyId ?? null,
  });
}

const empty = (): Page<AuditEntry> => ({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });

/**
 * The audit trail of one company, newest first: calls recorded against it (as its company or as
 * their target). The ministry reads every entry; a manager reads their own company's only, and
 * there only what the ministry and the company's own accounts did — not refused attempts by
 * outsiders, which would name other companies' staff. Any other company reads as an empty trail.
 */
export async function auditTrail(
  em: EntityManager,
  viewer: Viewer,
  companyId: string,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<AuditEntry>> {
  const first = checkPageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  if (!isUuid(companyId)) return empty();
  const conditions: FilterQuery<AuditLogRow>[] = [{ $or: [{ companyId }, { targetId: companyId }] }];
  if (!isMinistry(viewer)) {
    if (viewer.role !== Role.COMPANY_MANAGER || viewer.companyId !== companyId) return empty();
    const staff = await em.find(AccountEntity, { companyId }, { fields: ['id'] });
    const own = [...new Set([viewer.accountId, ...staff.map((a) => a.id)])];
    conditions.push({ $or: [{ actorRole: { $in: [...MINISTRY_ROLES] } }, { actorAccountId: { $in: own } }] });
  }
  const where = { $and: conditions } as FilterQuery<AuditLogRow>;
  const keyset = (afterId ? { $and: [...conditions, { id: { $lt: afterId } }] } : where) as FilterQuery<AuditLogRow>;
  const [rows, totalCount] = await Promise.all([
    em.find(AuditLogEntity, keyset, { orderBy: { id: 'desc' }, limit: first + 1 }),
    selects(info, 'totalCount') ? em.count(AuditLogEntity, where) : Promise.resolve(undefined),
  ]);
  return toPage(rows.map(toEntry), first, totalCount);
}

const OPERATION = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

function logWhere(filter: AuditLogFilter | null | undefined): FilterQuery<AuditLogRow>[] {
  const where: FilterQuery<AuditLogRow>[] = [];
  if (!filter) return where;
  if (filter.source) where.push({ source: filter.source.toLowerCase() });
  if (filter.operation != null) {
    if (!OPERATION.test(filter.operation))
      throw badInput('filter.operation', 'Name one mutation, e.g. suspendLicense.');
    where.push({ operation: filter.operation });
  }
  if (filter.refused != null) where.push({ outcome: filter.refused ? { $ne: 'OK' } : 'OK' });
  for (const key of ['actorAccountId', 'companyId'] as const) {
    const id = filter[key];
    if (id == null) continue;
    if (!isUuid(id)) throw badInput(`filter.${key}`, 'Not an id.');
    where.push({ [key]: id });
  }
  if (filter.from && filter.to && filter.to < filter.from) {
    throw badInput('filter.to', 'The period must end after it starts.');
  }
  if (filter.from) where.push({ at: { $gte: filter.from } });
  if (filter.to) where.push({ at: { $lt: filter.to } });
  return where;
}

/**
 * The graph-wide audit log for the ministry, newest first: every mutation call in every subgraph,
 * filtered. Each filter has an index that serves it in id order.
 */
export async function auditLog(
  em: EntityManager,
  filter: AuditLogFilter | null | undefined,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<AuditEntry>> {
  const first = checkPageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const conditions = logWhere(filter);
  const where = (conditions.length ? { $and: conditions } : {}) as FilterQuery<AuditLogRow>;
  const keyset = (afterId ? { $and: [...conditions, { id: { $lt: afterId } }] } : where) as FilterQuery<AuditLogRow>;
  const [rows, totalCount] = await Promise.all([
    em.find(AuditLogEntity, keyset, { orderBy: { id: 'desc' }, limit: first + 1 }),
    selects(info, 'totalCount') ? em.count(AuditLogEntity, where) : Promise.resolve(undefined),
  ]);
  return toPage(rows.map(toEntry), first, totalCount);
}
