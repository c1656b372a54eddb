import type { Database } from '@umrah/db-kit';
import { uuidv7 } from '@umrah/db-kit';
import { InventoryItemEntity } from '../src/inventory/inventory.entity';
import { PackageComponentEntity } from '../src/service-package/service-package.entity';
import { createBookablePackage, createProvider, daysFromToday } from './builders';

let serial = 0;

type Kind = 'HOTEL' | 'TRANSPORT' | 'CATERING' | 'ENRICHMENT' | 'INSURANCE';

const DETAILS: Record<Kind, Record<string, string>> = {
  HOTEL: { roomType: 'DOUBLE' },
  TRANSPORT: { routeFrom: 'Jeddah airport', routeTo: 'Makkah' },
  CATERING: { mealPlan: 'FULL_BOARD' },
  ENRICHMENT: {},
  INSURANCE: {},
};

/** Opens an item's days (both ends included) straight in the table, as a provider would. */
export async function openDays(
  db: Database,
  itemId: string,
  from: string,
  to: string,
  capacity: number,
  priceHalalas = 30000,
): Promise<void> {
  await db.orm.em.getConnection().execute(
    `insert into inventory_allotment (item_id, day, capacity, reserved, price_halalas)
     select ?::uuid, d::date, ?, 0, ? from generate_series(?::date, ?::date, interval '1 day') d
     on conflict (item_id, day) do update set capacity = excluded.capacity`,
    [itemId, capacity, priceHalalas, from, to],
  );
}

/** An item of a new provider of that kind and city, open from ten days ago to 140 days ahead. */
export async function createItem(
  db: Database,
  options: { kind?: Kind; city?: string; capacity?: number; providerId?: string } = {},
): Promise<{ providerId: string; itemId: string }> {
  const kind = options.kind ?? 'HOTEL';
  const providerId =
    options.providerId ?? (await createProvider(db, { kind, ...(options.city ? { city: options.city } : {}) }));
  serial += 1;
  const em = db.fork();
  const itemId = uuidv7();
  em.create(InventoryItemEntity, {
    id: itemId,
    providerId,
    kind,
    code: `T${serial}-${itemId.slice(-6).toUpperCase()}`,
    nameAr: `صنف تجريبي ${serial}`,
    nameEn: `Test item ${serial}`,
    roomType: null,
    mealPlan: null,
    routeFrom: null,
    routeTo: null,
    ...DETAILS[kind],
    createdAt: new Date(),
  });
  await em.flush();
  await openDays(db, itemId, daysFromToday(-10), daysFromToday(140), options.capacity ?? 50);
  return { providerId, itemId };
}

export interface ComposedPackage {
  packageId: string;
  makkahHotel: { providerId: string; itemId: string };
  madinahHotel: { providerId: string; itemId: string };
  transport: { providerId: string; itemId: string };
}

/**
 * An APPROVED 8-night package (5 Makkah nights, 3 Madinah nights, a coach on the day of arrival)
 * composed from fresh inventory with `capacity` places a day, on sale from ten days ago to four
 * months ahead.
 */
export async function createComposedPackage(
  db: Database,
  companyId: string,
  options: { capacity?: number; status?: string } = {},
): Promise<ComposedPackage> {
  const capacity = options.capacity ?? 50;
  const makkahHotel = await createItem(db, { kind: 'HOTEL', city: 'Makkah', capacity });
  const madinahHotel = await createItem(db, { kind: 'HOTEL', city: 'Madinah', capacity });
  const transport = await createItem(db, { kind: 'TRANSPORT', city: 'Jeddah', capacity });
  const packageId = await createBookablePackage(db, companyId, options.status ? { status: options.status } : {});
  const em = db.fork();
  [
    { itemId: transport.itemId, dayOffset: 0, days: 1 },
    { itemId: makkahHotel.itemId, dayOffset: 0, days: 5 },
    { itemId: madinahHotel.itemId, dayOffset: 5, days: 3 },
  ].forEach((c, position) => em.create(PackageComponentEntity, { id: uuidv7(), packageId, position, ...c }));
  await em.flush();
  return { packageId, makkahHotel, madinahHotel, transport };
}

/** The capacity and reserved places of an item on each day of a period, in order. */
export async function dayCounts(
  db: Database,
  itemId: string,
  from: string,
  to: string,
): Promise<{ day: string; capacity: number; reserved: number }[]> {
  return db.orm.em.getConnection().execute(
    `select day::text as day, capacity, reserved from inventory_allotment
      where item_id = ? and day between ?::date and ?::date order by day`,
    [itemId, from, to],
  );
}
