import type { FilterQuery } from '@mikro-orm/core';
import { UniqueConstraintViolationException, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  findPage,
  isMinistry,
  pagesByParent,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { PilgrimEntity } from '../pilgrim/pilgrim.entity';
import { pilgrimCounts, toPilgrim } from '../pilgrim/pilgrim.service';
import type { Pilgrim } from '../pilgrim/pilgrim.type';
import { actingCompany } from '../registration/acting-company';
import { groupNotFound, groupNumberTaken } from '../registration/registration.errors';
import { policyInForce } from '../season/season.service';
import { PilgrimGroupEntity, type PilgrimGroupRow } from './group.entity';
import { PilgrimGroup, type CreatePilgrimGroupInput } from './group.type';

/** Format rule for group numbers (DOMAIN.md: 5 to 6 digits); the database checks it too. */
export const GROUP_NUMBER = /^[0-9]{5,6}$/;
const MAX_GROUP_NAME = 120;

export const toPilgrimGroup = (row: PilgrimGroupRow): PilgrimGroup =>
  Object.assign(new PilgrimGroup(), {
    id: row.id,
    groupNumber: row.groupNumber,
    name: row.name,
    season: row.season,
    createdAt: row.createdAt,
    companyId: row.companyId,
    agentId: row.agentId ?? null,
  });

/**
 * The groups a viewer may read: the ministry all, a manager their company's, an agent those it
 * created; anyone else none (null).
 */
export function groupSlice(viewer: Viewer | null): FilterQuery<PilgrimGroupRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  if (viewer.role === Role.AGENT && viewer.agentId) return { agentId: viewer.agentId };
  return null;
}

/** One page of the groups the viewer may read, oldest first. */
export async function listPilgrimGroups(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<PilgrimGroup>> {
  const where = groupSlice(viewer) ?? { id: null };
  const page = (await findPage(em, PilgrimGroupEntity, where, args, info)) as Page<PilgrimGroupRow>;
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPilgrimGroup(e.node) })) };
}

/** Groups by id in one query; null where missing or outside the viewer's slice, alike. */
export async function groupsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(PilgrimGroup | null)[]> {
  const slice = groupSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(PilgrimGroupEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toPilgrimGroup(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * One page of pilgrims for each of many groups the viewer could already read (two statements at
 * most). Only the group's own side registers into it, so its pilgrims are all in the reader's slice.
 */
export async function pilgrimsOfGroups(
  em: EntityManager,
  groupIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<Page<Pilgrim>[]> {
  const pages = await pagesByParent(
    em,
    PilgrimEntity,
    'groupId',
    groupIds,
    args,
    withCount,
    pilgrimCounts(em, 'GROUP'),
  );
  return groupIds.map((id) => {
    const page = pages.get(id);
    if (!page) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPilgrim(e.node) })) };
  });
}

/**
 * The group a caller registers a pilgrim into: one of the caller's own side (an agent's own
 * groups; a manager's company's groups made by managers). Anything else looks missing.
 */
export async function groupForRegistration(
  em: EntityManager,
  viewer: Viewer,
  groupId: string,
): Promise<PilgrimGroupRow> {
  if (!isUuid(groupId)) throw groupNotFound();
  const where: FilterQuery<PilgrimGroupRow> =
    viewer.role === Role.AGENT
      ? { id: groupId, agentId: viewer.agentId }
      : { id: groupId, companyId: viewer.companyId, agentId: null };
  const group = await em.findOne(PilgrimGroupEntity, where);
  if (!group) throw groupNotFound();
  return group;
}

async function nextGroupNumber(em: EntityManager): Promise<string> {
  const rows = await em
    .getConnection()
    .execute<{ n: string | number }[]>(`select nextval('pilgrim_group_number_seq') as n`);
  return String(rows[0]!.n);
}

/** Registers a group for the caller's company (manager) or a contracted company (agent), in the current season. */
export async function createPilgrimGroup(
  em: EntityManager,
  viewer: Viewer,
  input: CreatePilgrimGroupInput,
): Promise<PilgrimGroup> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_GROUP_NAME) {
    throw badInput('input.name', `The group name must be 1 to ${MAX_GROUP_NAME} characters.`);
  }
  const wanted = input.groupNumber?.trim() || null;
  if (wanted != null && !GROUP_NUMBER.test(wanted)) {
    throw badInput('input.groupNumber', 'A group number is 5 or 6 digits.');
  }
  const acting = await actingCompany(em, viewer, input.companyId);
  const { season } = await policyInForce(em);
  const groupNumber = wanted ?? (await nextGroupNumber(em));
  const row = {
    id: uuidv7(),
    companyId: acting.companyId,
    agentId: acting.agentId,
    groupNumber,
    name,
    season: season.hijriYear,
    createdBy: viewer.accountId,
    createdAt: new Date(),
  };
  try {
    // Its own unit of work, so a refused insert leaves nothing pending in the request's.
    await em.transactional(async (tx) => {
      tx.create(PilgrimGroupEntity, row);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw groupNumberTaken(groupNumber);
    throw error;
  }
  return toPilgrimGroup(row as PilgrimGroupRow);
}
