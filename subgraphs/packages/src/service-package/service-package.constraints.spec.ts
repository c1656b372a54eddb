import { uuidv7, type Database } from '@umrah/db-kit';
import { demoCompanies } from '@umrah/demo';
import type { AppError } from '@umrah/subgraph-kit';
import { openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComposedPackage, createItem, type ComposedPackage } from '../../test/inventory.builders';
import { packagesSubgraph } from '../index';
import { componentRuleRefusal } from './service-package.errors';

const [safwa] = demoCompanies;

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(packagesSubgraph);
});
afterAll(() => db.close());

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.getConnection().execute<T[]>(query, params);

/** Adds a component straight in the table, past every check the code makes. */
const insertComponent = (packageId: string, position: number, itemId: string, dayOffset: number, days: number) =>
  sql(`insert into package_component (id, package_id, position, item_id, day_offset, days) values (?, ?, ?, ?, ?, ?)`, [
    uuidv7(),
    packageId,
    position,
    itemId,
    dayOffset,
    days,
  ]);
const componentCount = async (packageId: string): Promise<number> =>
  Number(
    (await sql<{ n: string }>(`select count(*) as n from package_component where package_id = ?`, [packageId]))[0]!.n,
  );
/** The error the service gives for the database's refusal. */
const refusal = async (promise: Promise<unknown>): Promise<AppError | null> => {
  try {
    await promise;
  } catch (error) {
    return componentRuleRefusal(error);
  }
  throw new Error('the database accepted it');
};

// An 8-night package: a coach on day 0, Makkah hotel nights 0–4, Madinah hotel nights 5–7.
let pkg: ComposedPackage;
beforeAll(async () => {
  pkg = await createComposedPackage(db, safwa!.id, { capacity: 5 });
});

describe('the database keeps the package composition rules', () => {
  it('refuses a second hotel on a night another hotel gives, as COMPONENTS_OVERLAP naming both', async () => {
    const hotel = await createItem(db, { kind: 'HOTEL', city: 'Makkah' });
    const error = await refusal(insertComponent(pkg.packageId, 3, hotel.itemId, 4, 2));
    expect(error?.extensions).toMatchObject({
      code: 'COMPONENTS_OVERLAP',
      field: 'input.components.3',
      details: { otherPosition: 1, day: 4 },
    });
    // The same item on another night is fine for the rules, and a non-hotel may share nights.
    const coach = await createItem(db, { kind: 'TRANSPORT', city: 'Makkah' });
    await insertComponent(pkg.packageId, 4, coach.itemId, 2, 3);
    expect(await componentCount(pkg.packageId)).toBe(4);
  });

  it('refuses a hotel night past the stay’s last night, as COMPONENT_OUTSIDE_STAY', async () => {
    const other = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const hotel = await createItem(db, { kind: 'HOTEL', city: 'Madinah' });
    await sql(`delete from package_component where package_id = ? and item_id = ?`, [
      other.packageId,
      other.madinahHotel.itemId,
    ]);
    const error = await refusal(insertComponent(other.packageId, 2, hotel.itemId, 5, 4));
    expect(error?.extensions).toMatchObject({
      code: 'COMPONENT_OUTSIDE_STAY',
      field: 'input.components.2.days',
      details: { nights: 8 },
    });
    expect(error?.message).toMatch(/Hotel nights/);
    await insertComponent(other.packageId, 2, hotel.itemId, 5, 3);
    expect(await componentCount(other.packageId)).toBe(3);
  });

  it('lets other services reach the day of leaving, not past it', async () => {
    const coach = await createItem(db, { kind: 'TRANSPORT', city: 'Madinah' });
    const error = await refusal(insertComponent(pkg.packageId, 5, coach.itemId, 8, 2));
    expect(error?.extensions).toMatchObject({ code: 'COMPONENT_OUTSIDE_STAY', field: 'input.components.5.days' });
    expect(error?.message).toMatch(/A service must lie within the stay/);
    await insertComponent(pkg.packageId, 5, coach.itemId, 8, 1);
  });

  it('refuses shortening a package’s stay under its components', async () => {
    const other = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const error = await refusal(sql(`update service_package set madinah_nights = 2 where id = ?`, [other.packageId]));
    expect(error?.extensions).toMatchObject({ code: 'COMPONENT_OUTSIDE_STAY', details: { nights: 7 } });
    const [row] = await sql<{ madinah_nights: number }>(`select madinah_nights from service_package where id = ?`, [
      other.packageId,
    ]);
    expect(row!.madinah_nights).toBe(3);
    // Lengthening it is fine.
    await sql(`update service_package set madinah_nights = 4 where id = ?`, [other.packageId]);
  });

  it('refuses a move of a component onto another hotel’s night', async () => {
    const other = await createComposedPackage(db, safwa!.id, { capacity: 5 });
    const error = await refusal(
      sql(`update package_component set day_offset = 3 where package_id = ? and item_id = ?`, [
        other.packageId,
        other.madinahHotel.itemId,
      ]),
    );
    expect(error?.extensions).toMatchObject({ code: 'COMPONENTS_OVERLAP' });
  });

  it('checks at commit, so a package and its components may be written in any order', async () => {
    const hotel = await createItem(db, { kind: 'HOTEL', city: 'Makkah' });
    const id = uuidv7();
    await db.fork().transactional(async (tx) => {
      const run = (query: string, params: unknown[]) =>
        tx.getConnection().execute(query, params, 'run', tx.getTransactionContext());
      await run(
        `insert into package_component (id, package_id, position, item_id, day_offset, days) values (?, ?, 0, ?, 0, 4)`,
        [uuidv7(), id, hotel.itemId],
      );
      await run(
        `insert into service_package (id, company_id, name_ar, name_en, status, price_halalas, makkah_nights, madinah_nights, sale_starts_on, sale_ends_on)
         values (?, ?, 'باقة الترتيب', 'Order package', 'DRAFT', 100000, 4, 0, '2026-12-01', '2027-01-01')`,
        [id, safwa!.id],
      );
    });
    expect(await componentCount(id)).toBe(1);
  });

  it('leaves any other error alone', () => {
    expect(componentRuleRefusal(new Error('duplicate key value violates unique constraint'))).toBeNull();
    expect(componentRuleRefusal('not an error')).toBeNull();
  });
});
