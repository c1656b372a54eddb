import { randomBytes } from 'node:crypto';
import { defineEntity, Migration, openDatabase, p, uuidv7, type Database } from '@umrah/db-kit';
import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { encodeCursor, type Page } from './pagination';
import {
  SortDirection,
  columnSortKey,
  decodeSortCursor,
  encodeSortCursor,
  findSortedPage,
  type SortKey,
  type SortOrder,
} from './sorting';

const Item = defineEntity({
  name: 'SortItem',
  tableName: 'sort_item',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    rank: p.integer().nullable(),
    day: p.string().columnType('date').nullable(),
    at: p.datetime(),
    tenant: p.string(),
  },
});
type ItemRow = InstanceType<typeof Item.class>;

class CreateItems extends Migration {
  override name = '0001_sort_item';
  up(): void {
    this.addSql(`
      create table sort_item (
        id uuid primary key, name text not null, rank integer, day date,
        at timestamptz(3) not null, tenant text not null)`);
  }
}

let dropScratch: (() => Promise<void>) | undefined;

/**
 * In-memory PGlite, or a scratch database on the PostgreSQL server of TEST_DATABASE_URL (the test
 * kit does this for subgraphs, but it depends on this package).
 */
async function openScratchDatabase(): Promise<Database> {
  const server = process.env['TEST_DATABASE_URL'];
  if (!server) return openDatabase({ entities: [Item], migrations: [CreateItems] });
  const name = `ug_test_kit_sorting_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ entities: [], migrations: [], url: server, poolSize: 1 });
  await admin.orm.em.getConnection().execute(`create database "${name}"`);
  dropScratch = async () => {
    await admin.orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
    await admin.close();
  };
  const url = new URL(server);
  url.pathname = `/${name}`;
  return openDatabase({ entities: [Item], migrations: [CreateItems], url: url.toString(), poolSize: 2 });
}

type Field = 'NAME' | 'RANK' | 'DAY' | 'AT';
const KEYS: Record<Field, SortKey<ItemRow>> = {
  NAME: columnSortKey<ItemRow>('name', 'text'),
  RANK: columnSortKey<ItemRow>('rank', 'integer', { nullable: true }),
  DAY: columnSortKey<ItemRow>('day', 'date', { nullable: true }),
  AT: columnSortKey<ItemRow>('at', 'timestamp'),
};

/** A resolver's info whose selection is the given fields of the connection. */
function infoSelecting(selection: string): GraphQLResolveInfo {
  const operation = parse(`{ items { ${selection} } }`).definitions[0] as OperationDefinitionNode;
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: {} } as never;
}

function badInputField(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions['code']).toBe('BAD_USER_INPUT');
    return (error as AppError).extensions['field'];
  }
  return expect.unreachable('the cursor was accepted');
}

describe('sort cursors', () => {
  const order: SortOrder<Field> = { field: 'RANK', direction: SortDirection.ASC };
  const id = uuidv7();

  it('round-trip the value (or null) and the id for the same sort order', () => {
    expect(decodeSortCursor(encodeSortCursor(order, '42', id), order, KEYS.RANK)).toEqual({ value: '42', id });
    expect(decodeSortCursor(encodeSortCursor(order, null, id), order, KEYS.RANK)).toEqual({ value: null, id });
  });

  it('refuse a cursor of another field or direction, of the unsorted list, or forged, naming `after`', () => {
    const cursor = encodeSortCursor(order, '42', id);
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
    const refused = [
      () => decodeSortCursor(cursor, { field: 'NAME', direction: SortDirection.ASC }, KEYS.NAME),
      () => decodeSortCursor(cursor, { ...order, direction: SortDirection.DESC }, KEYS.RANK),
      () => decodeSortCursor(encodeCursor(id), order, KEYS.RANK),
      () => decodeSortCursor('not a cursor', order, KEYS.RANK),
      () => decodeSortCursor(forged(null), order, KEYS.RANK),
      () => decodeSortCursor(forged({ f: 'RANK', d: 'ASC', v: '42', id: 'x' }), order, KEYS.RANK),
      () => decodeSortCursor(forged({ f: 'RANK', d: 'ASC', v: '1; drop table', id }), order, KEYS.RANK),
      () => decodeSortCursor(forged({ f: 'RANK', d: 'ASC', id }), order, KEYS.RANK),
      // A null value is only a position in a list whose field may be null.
      () => decodeSortCursor(forged({ f: 'AT', d: 'ASC', v: null, id }), { ...order, field: 'AT' }, KEYS.AT),
      () => decodeSortCursor(forged({ f: 'AT', d: 'ASC', v: 'yesterday', id }), { ...order, field: 'AT' }, KEYS.AT),
      () => decodeSortCursor(forged({ f: 'DAY', d: 'ASC', v: '2026-1-1', id }), { ...order, field: 'DAY' }, KEYS.DAY),
    ];
    for (const run of refused) expect(badInputField(run)).toBe('after');
  });
});

describe('findSortedPage', () => {
  let db: Database;
  const rows: ItemRow[] = [];
  const start = Date.parse('2026-03-01T08:00:00.000Z');

  beforeAll(async () => {
    db = await openScratchDatabase();
    await db.migrate();
    const em = db.fork();
    // Few distinct values, so most pages end inside a run of equal values; some nulls.
    for (let i = 0; i < 23; i += 1) {
      const row = em.create(Item, {
        id: uuidv7(),
        name: ['amina', 'bilal', 'fatima'][i % 3]!,
        rank: i % 4 === 0 ? null : i % 5,
        day: i % 6 === 0 ? null : `2026-0${1 + (i % 3)}-1${i % 2}`,
        at: new Date(start + (i % 7) * 1000),
        tenant: i % 8 === 7 ? 'other' : 'mine',
      });
      rows.push(row);
    }
    await em.flush();
  });

  afterAll(async () => {
    await db.close();
    await dropScratch?.();
  });

  const mine = () => rows.filter((row) => row.tenant === 'mine');

  /** The order the database must give: value, then id, nulls counting as the largest values. */
  function expected(field: Field, direction: SortDirection): string[] {
    const key = KEYS[field];
    const sign = direction === SortDirection.ASC ? 1 : -1;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const value = (row: ItemRow) => {
      const v = key.valueOf(row);
      return field === 'RANK' && v !== null ? Number(v) : v;
    };
    return [...mine()]
      .sort((a, b) => {
        const [va, vb] = [value(a), value(b)];
        let byValue = 0;
        if (va === null || vb === null) byValue = va === vb ? 0 : va === null ? 1 : -1;
        else byValue = typeof va === 'number' ? va - (vb as number) : cmp(va, vb as string);
        return sign * (byValue || cmp(a.id, b.id));
      })
      .map((row) => row.id);
  }

  for (const field of Object.keys(KEYS) as Field[]) {
    for (const direction of [SortDirection.ASC, SortDirection.DESC]) {
      it(`walks every page sorted by ${field} ${direction}: each row once, in order, ties by id`, async () => {
        const order = { field, direction };
        const seen: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 20; pages += 1) {
          const page: Page<ItemRow> = await findSortedPage(db.fork(), Item, { tenant: 'mine' }, order, KEYS, {
            first: 4,
            after,
          });
          seen.push(...page.edges.map((edge) => edge.node.id));
          expect(page.edges.length).toBeLessThanOrEqual(4);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(expected(field, direction));
      });
    }
  }

  it('reads the rows in one statement and counts only when totalCount is selected', async () => {
    const order = { field: 'NAME' as const, direction: SortDirection.DESC };
    const args = { first: 5, after: null };
    let before = db.statementCount;
    const page = await findSortedPage(db.fork(), Item, {}, order, KEYS, args, infoSelecting('edges { cursor }'));
    expect(db.statementCount - before).toBe(1);
    expect(page.totalCount).toBeUndefined();
    before = db.statementCount;
    const counted = await findSortedPage(db.fork(), Item, {}, order, KEYS, args, infoSelecting('totalCount'));
    expect(db.statementCount - before).toBe(2);
    expect(counted.totalCount).toBe(rows.length);
  });

  it('refuses a cursor of the list sorted another way and a page size over the limit', async () => {
    const byName = { field: 'NAME' as const, direction: SortDirection.ASC };
    const first = await findSortedPage(db.fork(), Item, {}, byName, KEYS, { first: 2 });
    const after = first.pageInfo.endCursor;
    const byRank = { field: 'RANK' as const, direction: SortDirection.ASC };
    await expect(findSortedPage(db.fork(), Item, {}, byRank, KEYS, { first: 2, after })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    await expect(findSortedPage(db.fork(), Item, {}, byName, KEYS, { first: 101 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});
