import 'reflect-metadata';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { ClassType } from 'type-graphql';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page stands in the whole list (Relay cursor connections).' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; pass it as `after` to get the next page.',
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 1 to ${MAX_PAGE_SIZE}.`,
  })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (a previous page’s `pageInfo.endCursor`).',
  })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, nodeDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodeDescription} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item; use it as `after`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeDescription}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${nodeDescription} items.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more pages follow and how to fetch the next one.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

export const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string, field = 'after'): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw badInput(field, 'The cursor is not one this API issued; start again from the first page.');
  return id;
}

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(field, `Page size must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return first;
}

function selectionHas(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): boolean {
  if (!set) return false;
  return set.selections.some((s) => {
    if (s.kind === 'Field') return s.name.value === name;
    if (s.kind === 'InlineFragment') return selectionHas(s.selectionSet, name, info);
    return selectionHas(info.fragments[s.name.value]?.selectionSet, name, info);
  });
}

/** Whether the current field's selection asks for `name` (so costly parts run only when asked). */
export function selects(info: GraphQLResolveInfo | undefined, name: string): boolean {
  if (!info) return true;
  return info.fieldNodes.some((node) => selectionHas(node.selectionSet, name, info));
}

export function toPage<T extends { id: string }>(rows: T[], first: number, totalCount?: number): Page<T> {
  const items = rows.slice(0, first);
  const last = items[items.length - 1];
  return {
    edges: items.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.id) : null },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}

/** How a list's `totalCount` is found when not by counting its rows (a count the database keeps). */
export type CountOf = () => Promise<number>;

/**
 * One page by keyset on the time-ordered uuid primary key: one query for the rows
 * (first + 1 to know whether more follow) and one count only when `totalCount` is selected,
 * from `count` when given, else by counting `where`.
 */
export async function findPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  info?: GraphQLResolveInfo,
  count: CountOf = () => em.count(entity, where),
): Promise<Page<T>> {
  const first = checkPageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const keyset = (afterId ? { $and: [where, { id: { $gt: afterId } }] } : where) as FilterQuery<T>;
  const [rows, totalCount] = await Promise.all([
    em.find(entity, keyset, { orderBy: { id: 'asc' } as never, limit: first + 1 }),
    selects(info, 'totalCount') ? count() : Promise.resolve(undefined),
  ]);
  return toPage(rows as T[], first, totalCount);
}

function columnOf(properties: Record<string, { fieldNames: string[] }>, property: string, entity: string): string {
  const column = properties[property]?.fieldNames[0];
  if (!column) throw new Error(`${entity} has no column for ${property}`);
  return column;
}

/**
 * Pages of children for many parents in one statement, so a list of companies each with its first
 * N packages costs one query, not one per company. Each parent is its own branch of a `union all`
 * that walks the `(parent, id)` index and stops after the page: the cost is the page, however many
 * children a parent has (a window function over all of them grew with the season).
 */
export async function findPagesByParent<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  parentProperty: string,
  parentIds: readonly string[],
  first: number,
  afterId: string | null = null,
): Promise<Map<string, T[]>> {
  const meta = em.getMetadata().get(entity);
  const column = columnOf(meta.properties as Record<string, { fieldNames: string[] }>, parentProperty, meta.className);
  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length === 0) return byParent;
  const branch = `(select t.* from "${meta.tableName}" t where t."${column}" = ?${afterId ? ' and t.id > ?' : ''} order by t.id limit ?)`;
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    parentIds.map(() => branch).join(' union all '),
    parentIds.flatMap((id) => [id, ...(afterId ? [afterId] : []), first + 1]),
  );
  for (const row of rows) byParent.get(String(row[column]))?.push(em.map(entity, row as never) as T);
  return byParent;
}

/** Counts children for many parents in one grouped statement. */
export async function countByParent<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  parentProperty: string,
  parentIds: readonly string[],
): Promise<Map<string, number>> {
  const meta = em.getMetadata().get(entity);
  const column = columnOf(meta.properties as Record<string, { fieldNames: string[] }>, parentProperty, meta.className);
  const placeholders = parentIds.map(() => '?').join(', ');
  const rows = await em
    .getConnection()
    .execute<{ parent: string; n: string | number }[]>(
      `select t."${column}" as parent, count(*) as n from "${meta.tableName}" t where t."${column}" in (${placeholders}) group by 1`,
      [...parentIds],
    );
  const counts = new Map<string, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(String(row.parent), Number(row.n));
  return counts;
}

/** Counts of children for many parents (an entry for each, 0 for none), from wherever they are kept. */
export type CountByParent = (parentIds: readonly string[]) => Promise<Map<string, number>>;

/**
 * A page of children for each parent, with counts when asked, in at most two statements for all
 * parents together. The caller passes only parents the viewer may see. Counts are counted with
 * `countByParent` unless `counts` reads them from a maintained table (a parent with many children).
 */
export async function pagesByParent<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  parentProperty: string,
  parentIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
  counts: CountByParent = (parents) => countByParent(em, entity, parentProperty, parents),
): Promise<Map<string, Page<T>>> {
  const first = checkPageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const parents = [...new Set(parentIds)];
  if (parents.length === 0) return new Map();
  const [rows, counted] = await Promise.all([
    findPagesByParent(em, entity, parentProperty, parents, first, afterId),
    withCount ? counts(parents) : Promise.resolve(undefined),
  ]);
  return new Map(parents.map((id) => [id, toPage(rows.get(id) ?? [], first, counted?.get(id))]));
}
