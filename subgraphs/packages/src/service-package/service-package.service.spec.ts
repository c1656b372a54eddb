import type { Database } from '@umrah/db-kit';
import { demoCompanies } from '@umrah/demo';
import { PageArgs } from '@umrah/subgraph-kit';
import { as, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackage } from '../../test/builders';
import { packagesSubgraph } from '../index';
import { listPackages, packagesByIds, packagesOfCompanies } from './service-package.service';

const [safwa, rawda, bayt] = demoCompanies;
const page = (first = 20, after: string | null = null): PageArgs => Object.assign(new PageArgs(), { first, after });

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(packagesSubgraph);
  await packagesSubgraph.seedDemo(db);
});
afterAll(() => db.close());

describe('the database keeps package rules', () => {
  it('accepts a valid package', async () => {
    await expect(createPackage(db, safwa!.id)).resolves.toBeTruthy();
  });

  it('refuses a zero or negative price', async () => {
    await expect(createPackage(db, safwa!.id, { priceHalalas: 0 })).rejects.toThrow(/check constraint/);
    await expect(createPackage(db, safwa!.id, { priceHalalas: -100 })).rejects.toThrow(/check constraint/);
  });

  it('refuses a stay of no nights, of more than 90, or with negative nights', async () => {
    await expect(createPackage(db, safwa!.id, { makkahNights: 0, madinahNights: 0 })).rejects.toThrow(
      /check constraint/,
    );
    await expect(createPackage(db, safwa!.id, { makkahNights: 60, madinahNights: 31 })).rejects.toThrow(
      /check constraint/,
    );
    await expect(createPackage(db, safwa!.id, { makkahNights: 5, madinahNights: -1 })).rejects.toThrow(
      /check constraint/,
    );
  });

  it('refuses a sale period that ends on or before its start', async () => {
    await expect(
      createPackage(db, safwa!.id, { saleStartsOn: '2027-01-01', saleEndsOn: '2027-01-01' }),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuses an unknown status', async () => {
    await expect(createPackage(db, safwa!.id, { status: 'SOLD_OUT' })).rejects.toThrow(/check constraint/);
  });
});

describe('slices', () => {
  it('lists every company’s packages to the ministry and only their own to a manager', async () => {
    const all = await listPackages(db.fork(), as.supervisor(), page(100));
    expect(new Set(all.edges.map((e) => e.node.company.id)).size).toBe(demoCompanies.length);
    const own = await listPackages(db.fork(), as.manager(rawda!.id), page(100));
    expect(own.edges.length).toBeGreaterThan(0);
    expect(own.edges.every((e) => e.node.company.id === rawda!.id)).toBe(true);
  });

  it('resolves packages by id only inside the viewer’s slice', async () => {
    const own = await listPackages(db.fork(), as.manager(bayt!.id), page(1));
    const id = own.edges[0]!.node.id;
    expect((await packagesByIds(db.fork(), as.officer(), [id]))[0]?.id).toBe(id);
    expect((await packagesByIds(db.fork(), as.manager(bayt!.id), [id]))[0]?.id).toBe(id);
    expect(await packagesByIds(db.fork(), as.manager(safwa!.id), [id])).toEqual([null]);
    expect(await packagesByIds(db.fork(), null, [id, 'not-a-uuid'])).toEqual([null, null]);
  });
});

describe('packages of many companies', () => {
  it('reads one page per company in one statement, plus one for counts when asked', async () => {
    const ids = demoCompanies.map((c) => c.id);
    const before = db.statementCount;
    const pages = await packagesOfCompanies(db.fork(), as.supervisor(), ids, page(2), true);
    expect(db.statementCount - before).toBe(2);
    pages.forEach((p) => {
      expect(p!.edges.length).toBeLessThanOrEqual(2);
      expect(p!.pageInfo.hasNextPage).toBe(p!.totalCount! > 2);
    });
  });

  it('gives null for companies outside the viewer’s slice without querying for them', async () => {
    const pages = await packagesOfCompanies(db.fork(), as.manager(safwa!.id), [safwa!.id, rawda!.id], page(), false);
    expect(pages[0]?.edges.every((e) => e.node.company.id === safwa!.id)).toBe(true);
    expect(pages[1]).toBeNull();
    const before = db.statementCount;
    expect(await packagesOfCompanies(db.fork(), as.manager(safwa!.id), [rawda!.id], page(), true)).toEqual([null]);
    expect(db.statementCount - before).toBe(0);
  });

  it('continues a company’s list after a cursor', async () => {
    const [firstPage] = await packagesOfCompanies(db.fork(), as.supervisor(), [bayt!.id], page(2), true);
    const [nextPage] = await packagesOfCompanies(
      db.fork(),
      as.supervisor(),
      [bayt!.id],
      page(100, firstPage!.pageInfo.endCursor),
      true,
    );
    const seen = [...firstPage!.edges, ...nextPage!.edges].map((e) => e.node.id);
    expect(new Set(seen).size).toBe(firstPage!.totalCount);
    expect(nextPage!.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page size above 100 naming the argument', async () => {
    await expect(packagesOfCompanies(db.fork(), as.supervisor(), [safwa!.id], page(101), false)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});
