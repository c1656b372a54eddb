import type { EntityManager } from '@umrah/db-kit';
import { demoAccounts, demoId } from '@umrah/demo';
import { demoItemCatalogue, demoItemId } from '../inventory/inventory.demo';
import { checkComplete, checkComponents, type ComponentSpec } from './service-package.composition';
import { PackageComponentEntity, PackageStatusChangeEntity, type ServicePackageRow } from './service-package.entity';
import { PackageAction, PackageStatus } from './service-package.type';

const provider = (key: string): string => demoId(`provider:${key}`);
const item = (providerKey: string, code: string): string => demoItemId(provider(providerKey), code);

const MAKKAH_HOTELS = ['hilton-makkah', 'ajyad', 'haram-view'];
const MADINAH_HOTELS = ['madinah-inn', 'taiba-front', 'ansar'];
const DAY_MS = 86_400_000;
const OFFICER = demoAccounts.find((a) => a.role === 'MINISTRY_OFFICER')!.id;
const REJECTIONS = [
  'The Madinah hotel is too far from the Prophet’s Mosque for the price asked; choose a nearer one or lower the price.',
  'The package sells Ramadan nights at the economy price of another season; correct the price or the sale period.',
];

/**
 * A demo package's services from the demo inventory: Makkah nights first, then Madinah nights,
 * with the coaches between them, meals, a visit in each city and insurance from the day of arrival.
 */
export function demoComponents(pkg: ServicePackageRow, c: number, n: number): ComponentSpec[] {
  const m = pkg.makkahNights;
  const nights = m + pkg.madinahNights;
  const cheap = pkg.priceHalalas < 500_000;
  const makkahHotel = MAKKAH_HOTELS[(c + n) % MAKKAH_HOTELS.length]!;
  const madinahHotel = MADINAH_HOTELS[(c + 2 * n) % MADINAH_HOTELS.length]!;
  const room = (hotel: string): string => (hotel === 'haram-view' ? 'DOUBLE' : cheap ? 'QUAD' : 'DOUBLE');
  const components: ComponentSpec[] = [{ itemId: item('saptco', 'JED-MAK'), dayOffset: 0, days: 1 }];
  if (m > 0) {
    components.push({ itemId: item(makkahHotel, room(makkahHotel)), dayOffset: 0, days: m });
    components.push({ itemId: item('catering', 'FULL'), dayOffset: 0, days: m });
  }
  if (m >= 2) components.push({ itemId: item('makkah-heritage', 'HIRA'), dayOffset: 1, days: 1 });
  if (pkg.madinahNights > 0) {
    const viaShuttle = c % 2 === 1;
    components.push({ itemId: item(viaShuttle ? 'makkah-shuttle' : 'saptco', 'MAK-MED'), dayOffset: m, days: 1 });
    components.push({ itemId: item(madinahHotel, room(madinahHotel)), dayOffset: m, days: pkg.madinahNights });
    components.push({ itemId: item('madinah-kitchens', 'FULL'), dayOffset: m, days: pkg.madinahNights });
    if (pkg.madinahNights >= 2) components.push({ itemId: item('ziyarat', 'UHUD-QUBA'), dayOffset: m + 1, days: 1 });
    components.push(
      viaShuttle
        ? { itemId: item('taiba-coaches', 'MED-APT'), dayOffset: nights, days: 1 }
        : { itemId: item('saptco', 'MED-JED'), dayOffset: nights, days: 1 },
    );
  } else {
    components.push({ itemId: item('makkah-shuttle', 'MAK-JED'), dayOffset: nights, days: 1 });
  }
  components.push({ itemId: item('insurance', 'BASIC'), dayOffset: 0, days: 1 });
  return components;
}

/**
 * Gives a demo package its components, the stamps of its status and the history that led there
 * (created by the company's manager, submitted, decided by the demo officer). The composition is
 * checked by the rules real packages meet, so a mistake in the demo fails the seed.
 */
export function composeDemoPackage(em: EntityManager, pkg: ServicePackageRow, c: number, n: number): void {
  const components = demoComponents(pkg, c, n);
  const items = demoItemCatalogue();
  const unknown = components.find((spec) => !items.has(spec.itemId));
  if (unknown) throw new Error(`demo package ${pkg.id} uses item ${unknown.itemId}, which the demo inventory lacks`);
  checkComponents(pkg, components, items);
  if (pkg.status !== PackageStatus.DRAFT) checkComplete(pkg, components, items);
  components.forEach((spec, position) =>
    em.create(PackageComponentEntity, {
      id: demoId(`component:${pkg.id}:${position}`),
      packageId: pkg.id,
      position,
      ...spec,
    }),
  );
  const manager = demoAccounts.find((a) => a.role === 'COMPANY_MANAGER' && a.companyId === pkg.companyId);
  const created = new Date(Date.parse('2026-06-10T09:00:00Z') + (c * 7 + n * 3) * DAY_MS);
  const submitted = new Date(created.getTime() + 2 * DAY_MS);
  const decided = new Date(submitted.getTime() + 3 * DAY_MS + 4 * 3_600_000);
  const steps: { action: PackageAction; from: PackageStatus | null; to: PackageStatus; at: Date; reason?: string }[] = [
    { action: PackageAction.CREATED, from: null, to: PackageStatus.DRAFT, at: created },
  ];
  const status = pkg.status as PackageStatus;
  if (status !== PackageStatus.DRAFT) {
    steps.push({
      action: PackageAction.SUBMITTED,
      from: PackageStatus.DRAFT,
      to: PackageStatus.SUBMITTED,
      at: submitted,
    });
  }
  if (status === PackageStatus.APPROVED) {
    steps.push({ action: PackageAction.APPROVED, from: PackageStatus.SUBMITTED, to: status, at: decided });
  }
  if (status === PackageStatus.REJECTED) {
    const reason = REJECTIONS[(c + n) % REJECTIONS.length]!;
    steps.push({ action: PackageAction.REJECTED, from: PackageStatus.SUBMITTED, to: status, at: decided, reason });
    pkg.rejectionReason = reason;
  }
  steps.forEach((step, i) => {
    const byOfficer = step.action === PackageAction.APPROVED || step.action === PackageAction.REJECTED;
    em.create(PackageStatusChangeEntity, {
      id: demoId(`package-step:${pkg.id}:${i}`),
      packageId: pkg.id,
      companyId: pkg.companyId,
      action: step.action,
      fromStatus: step.from,
      toStatus: step.to,
      version: i + 1,
      reason: step.reason ?? null,
      actorAccountId: byOfficer ? OFFICER : (manager?.id ?? null),
      actorRole: byOfficer ? 'MINISTRY_OFFICER' : 'COMPANY_MANAGER',
      at: step.at,
    });
  });
  const last = steps[steps.length - 1]!;
  pkg.version = steps.length;
  pkg.createdAt = created;
  pkg.updatedAt = last.at;
  pkg.submittedAt = status === PackageStatus.DRAFT ? null : submitted;
  pkg.decidedAt = status === PackageStatus.APPROVED || status === PackageStatus.REJECTED ? decided : null;
}
