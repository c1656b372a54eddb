import type { Database } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoId } from '@umrah/demo';
import { seedCompanyDirectory } from '@umrah/subgraph-kit';
import { seedDemoBookings } from './booking/booking.demo';
import { seedComplianceDemo } from './compliance/compliance.demo';
import { seedDemoInventory } from './inventory/inventory.demo';
import { ServiceProviderEntity } from './provider/provider.entity';
import { composeDemoPackage } from './service-package/service-package.demo';
import { ServicePackageEntity } from './service-package/service-package.entity';
import { PackageStatus } from './service-package/service-package.type';

interface PackageTemplate {
  nameAr: string;
  nameEn: string;
  priceHalalas: number;
  makkahNights: number;
  madinahNights: number;
  saleStartsOn: string;
  saleEndsOn: string;
}

// Sale periods fall in the 1448 AH season (visas from mid-June 2026, Ramadan 1448 in February 2027).
const templates: PackageTemplate[] = [
  {
    nameAr: 'باقة رمضان الذهبية',
    nameEn: 'Ramadan Gold Package',
    priceHalalas: 850000,
    makkahNights: 10,
    madinahNights: 4,
    saleStartsOn: '2026-11-01',
    saleEndsOn: '2027-02-20',
  },
  {
    nameAr: 'باقة العمرة الاقتصادية',
    nameEn: 'Economy Umrah Package',
    priceHalalas: 295000,
    makkahNights: 5,
    madinahNights: 3,
    saleStartsOn: '2026-06-20',
    saleEndsOn: '2027-03-25',
  },
  {
    nameAr: 'باقة الروضة الشريفة',
    nameEn: 'Noble Rawdah Package',
    priceHalalas: 420000,
    makkahNights: 4,
    madinahNights: 6,
    saleStartsOn: '2026-07-01',
    saleEndsOn: '2027-03-15',
  },
  {
    nameAr: 'باقة العائلة المميزة',
    nameEn: 'Family Premium Package',
    priceHalalas: 1275000,
    makkahNights: 8,
    madinahNights: 5,
    saleStartsOn: '2026-09-01',
    saleEndsOn: '2027-01-31',
  },
  {
    nameAr: 'باقة العشر الأواخر',
    nameEn: 'Last Ten Nights Package',
    priceHalalas: 1890000,
    makkahNights: 10,
    madinahNights: 0,
    saleStartsOn: '2026-12-01',
    saleEndsOn: '2027-02-25',
  },
  {
    nameAr: 'باقة الإثراء والسيرة',
    nameEn: 'Seerah Enrichment Package',
    priceHalalas: 560000,
    makkahNights: 5,
    madinahNights: 5,
    saleStartsOn: '2026-08-15',
    saleEndsOn: '2027-03-31',
  },
];

const statuses = [
  PackageStatus.APPROVED,
  PackageStatus.SUBMITTED,
  PackageStatus.APPROVED,
  PackageStatus.DRAFT,
  PackageStatus.REJECTED,
];

/**
 * Seeds the provider registry with its inventory and a few packages per demo company composed
 * from it (when no provider exists yet), then the demo bookings, which reserve that inventory
 * (when no booking exists yet), then the compliance record (complaints, inspections, violations).
 */
export async function seedPackagesDemo(db: Database): Promise<void> {
  // The demo's companies and contracts, as the companies feed will tell them.
  await seedCompanyDirectory(db.fork(), demoCompanies, demoAgents);
  await seedCatalogue(db);
  await seedDemoBookings(db);
  await seedComplianceDemo(db);
}

async function seedCatalogue(db: Database): Promise<void> {
  const em = db.fork();
  if ((await em.count(ServiceProviderEntity, {})) > 0) return;
  // Providers of every kind in Makkah, Madinah and Jeddah, with inventory open for the season.
  await seedDemoInventory(em);
  demoCompanies.forEach((company, c) => {
    const count = 2 + (c % 3);
    for (let n = 0; n < count; n++) {
      const template = templates[(c + n * 2) % templates.length]!;
      const pkg = em.create(ServicePackageEntity, {
        id: demoId(`package:${company.id}:${n}`),
        companyId: company.id,
        ...template,
        // The same template sells at slightly different prices from company to company.
        priceHalalas: template.priceHalalas + c * 15000,
        // Every company's first package is approved, so each has one its pilgrims can be booked on.
        status: n === 0 ? PackageStatus.APPROVED : statuses[(c + n) % statuses.length]!,
      });
      // Composed from the demo inventory, with the history of its approval.
      composeDemoPackage(em, pkg, c, n);
    }
  });
  await em.flush();
}
