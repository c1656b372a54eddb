import type { Database } from '@umrah/db-kit';
import { uuidv7 } from '@umrah/db-kit';
import { ServicePackageEntity, ServiceProviderEntity } from '../src/index';

let serial = 0;

/** A valid package for a company; override any column to break one rule at a time. */
export async function createPackage(
  db: Database,
  companyId: string,
  overrides: Partial<{
    priceHalalas: number;
    makkahNights: number;
    madinahNights: number;
    saleStartsOn: string;
    saleEndsOn: string;
    status: string;
  }> = {},
): Promise<string> {
  const em = db.fork();
  const id = uuidv7();
  serial += 1;
  em.create(ServicePackageEntity, {
    id,
    companyId,
    nameAr: `باقة تجريبية ${serial}`,
    nameEn: `Test Package ${serial}`,
    status: 'DRAFT',
    priceHalalas: 450000,
    makkahNights: 5,
    madinahNights: 3,
    saleStartsOn: '2026-12-01',
    saleEndsOn: '2027-03-01',
    ...overrides,
  });
  await em.flush();
  return id;
}

export async function createProvider(
  db: Database,
  overrides: Partial<{ kind: string; licenseNumber: string; city: string }> = {},
): Promise<string> {
  const em = db.fork();
  const id = uuidv7();
  serial += 1;
  em.create(ServiceProviderEntity, {
    id,
    nameAr: `مزود تجريبي ${serial}`,
    nameEn: `Test Provider ${serial}`,
    kind: 'HOTEL',
    city: 'Makkah',
    licenseNumber: `MQM-TST-${serial}-${id.slice(-6)}`,
    ...overrides,
  });
  await em.flush();
  return id;
}

const DAY_MS = 86_400_000;

/** An ISO day relative to today (UTC), so date rules hold whenever the tests run. */
export const daysFromToday = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * An APPROVED package of 8 nights (5 Makkah + 3 Madinah) on sale from ten days ago to four months
 * ahead; override any column to break one rule at a time.
 */
export function createBookablePackage(
  db: Database,
  companyId: string,
  overrides: Parameters<typeof createPackage>[2] = {},
): Promise<string> {
  return createPackage(db, companyId, {
    status: 'APPROVED',
    makkahNights: 5,
    madinahNights: 3,
    saleStartsOn: daysFromToday(-10),
    saleEndsOn: daysFromToday(120),
    ...overrides,
  });
}
