import 'reflect-metadata';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { registerEnumType } from 'type-graphql';
import { badInput } from './errors';
import { checkPageSize, selects, type CountOf, type Page, type PageArgs } from './pagination';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Order of a sorted list.',
  valuesConfig: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

/** A list's `orderBy` argument: what to sort by (a subgraph's own enum) and in which direction. */
export interface SortOrder<Field extends string = string> {
  field: Field;
  direction: SortDirection;
}

export type SortOp = '$gt' | '$lt' | '$eq';

/**
 * How one sortable field reads and compares. The page helper adds the id as the last sort term, so
 * equal values keep a stable order and the cursor (value, id) names one position exactly.
 *
 * A key whose column may be null says so with `isNull`: missing values then sort as the largest
 * (PostgreSQL's default: last ascending, first descending), which one plain btree index on
 * (…, column, id) serves in both directions.
 */
export interface SortKey<Row> {
  /** The ORDER BY term for this field, e.g. `{ nameEn: 'asc' }` (or through a relation). */
  orderBy(direction: 'asc' | 'desc'): Record<string, unknown>;
  /** The row's value as the text a cursor carries; null only for a nullable key. */
  valueOf(row: Row): string | null;
  /** The row's value compared with a cursor's (non-null) value. */
  compare(op: SortOp, value: string): FilterQuery<Row>;
  /** Whether a cursor's text is a value of this field (a forged cursor must not reach SQL). */
  valid(value: string): boolean;
  /** The condition "this field is null"; present exactly when the field may be null. */
  isNull?: FilterQuery<Row>;
}

/** How a column's values travel in a cursor. Timestamps must be stored at millisecond precision. */
export type SortValueKind = 'text' | 'date' | 'timestamp' | 'integer';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^-?\d{1,15}$/;

const KINDS: Record<
  SortValueKind,
  { toText(v: unknown): string; fromText(t: string): unknown; valid(t: string): boolean }
> = {
  text: { toText: String, fromText: (t) => t, valid: () => true },
  date: { toText: String, fromText: (t) => t, valid: (t) => DAY.test(t) },
  // Exact only when the column holds milliseconds (as a JavaScript Date does); see the migrations.
  timestamp: {
    toText: (v) => (v as Date).toISOString(),
    fromText: (t) => new Date(t),
    valid: (t) => !Number.isNaN(Date.parse(t)),
  },
  integer: { toText: (v) => String(Number(v)), fromText: (t) => Number(t), valid: (t) => INTEGER.test(t) },
};

/** The sort key of one column of the row itself. */
export function columnSortKey<Row>(
  property: keyof Row & string,
  kind: SortValueKind,
  options: { nullable?: boolean } = {},
): SortKey<Row> {
  const codec = KINDS[kind];
  return {
    orderBy: (direction) => ({ [property]: direction }),
    valueOf: (row) => {
      const value = row[property] as unknown;
      return value == null ? null : codec.toText(value);
    },
    compare: (op, value) => ({ [property]: { [op]: codec.fromText(value) } }) as FilterQuery<Row>,
    valid: codec.valid,
    ...(options.nullable ? { isNull: { [property]: null } as FilterQuery<Row> } : {}),
  };
}

interface SortCursor {
  f: string;
  d: SortDirection;
  v: string | null;
  id: string;
}

/** A cursor for the row at (value, id) in a list sorted by `order`. */
export function encodeSortCursor(order: SortOrder, value: string | null, id: string): string {
  const cursor: SortCursor = { f: order.field, d: order.direction, v: value, id };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/**
 * Reads a cursor issued for this very sort order; one of another order, of the unsorted list, or
 * forged is refused as bad input on `field`.
 */
export function decodeSortCursor<Row>(
  text: string,
  order: SortOrder,
  key: SortKey<Row>,
  field = 'after',
): { value: string | null; id: string } {
  const refuse = () =>
    badInput(field, 'The cursor is not one this API issued for this sort order; start again from the first page.');
  let cursor: Partial<SortCursor> | null;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<SortCursor> | null;
  } catch {
    throw refuse();
  }
  if (
    !cursor ||
    typeof cursor !== 'object' ||
    cursor.f !== order.field ||
    cursor.d !== order.direction ||
    typeof cursor.id !== 'string' ||
    !isUuid(cursor.id)
  ) {
    throw refuse();
  }
  const value = cursor.v;
  if (value === null ? !key.isNull : typeof value !== 'string' || !key.valid(value)) throw refuse();
  return { value: value ?? null, id: cursor.id };
}

/** The rows after the cursor's position (value, id), nulls counting as the largest values. */
function afterCursor<Row>(key: SortKey<Row>, descending: boolean, value: string | null, id: string): FilterQuery<Row> {
  const op = descending ? '$lt' : '$gt';
  const idAfter = { id: { [op]: id } } as FilterQuery<Row>;
  if (value === null) {
    // Nulls come last ascending (only later nulls follow) and first descending (every value follows).
    const laterNulls = { $and: [key.isNull!, idAfter] } as FilterQuery<Row>;
    return descending ? ({ $or: [laterNulls, { $not: key.isNull! }] } as FilterQuery<Row>) : laterNulls;
  }
  const after: FilterQuery<Row>[] = [key.compare(op, value), { $and: [key.compare('$eq', value), idAfter] } as never];
  if (key.isNull && !descending) after.push(key.isNull);
  return { $or: after } as FilterQuery<Row>;
}

/**
 * One page of a list sorted by a field, ties broken by id in the same direction, so pages never
 * overlap or skip a row: one statement for the rows (first + 1, to know whether more follow) and a
 * count only when `totalCount` is selected. The cursor carries the field, the direction, the
 * value and the id.
 */
export async function findSortedPage<Row extends { id: string }, Field extends string>(
  em: EntityManager,
  entity: EntityName<Row>,
  where: FilterQuery<Row>,
  order: SortOrder<Field>,
  keys: Record<Field, SortKey<Row>>,
  args: PageArgs,
  info?: GraphQLResolveInfo,
  count: CountOf = () => em.count(entity, where),
): Promise<Page<Row>> {
  const first = checkPageSize(args.first);
  const key = keys[order.field];
  if (!key) throw badInput('orderBy.field', 'This list cannot be sorted by that field.');
  const descending = order.direction === SortDirection.DESC;
  const direction = descending ? 'desc' : 'asc';
  let keyset = where;
  if (args.after) {
    const cursor = decodeSortCursor(args.after, order, key);
    keyset = { $and: [where, afterCursor(key, descending, cursor.value, cursor.id)] } as FilterQuery<Row>;
  }
  const [rows, totalCount] = await Promise.all([
    em.find(entity, keyset, { orderBy: [key.orderBy(direction), { id: direction }] as never, limit: first + 1 }),
    selects(info, 'totalCount') ? count() : Promise.resolve(undefined),
  ]);
  const items = (rows as Row[]).slice(0, first);
  const cursorOf = (row: Row) => encodeSortCursor(order, key.valueOf(row), row.id);
  const last = items[items.length - 1];
  return {
    edges: items.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(last) : null },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}
