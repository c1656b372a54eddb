import { createHash } from 'node:crypto';
import type { Database } from '@umrah/db-kit';
import { demoAccounts, demoId, demoPilgrims, type DemoVisaStatus } from '@umrah/demo';
import { reserveInventory } from '../inventory/reservation.service';
import {
  PackageComponentEntity,
  ServicePackageEntity,
  type ServicePackageRow,
} from '../service-package/service-package.entity';
import { PackageStatus } from '../service-package/service-package.type';
import { bookingConfig } from './booking.config';
import { BookingEntity } from './booking.entity';
import { newBookingReference } from './booking.reference';
import { recordBookingEvent } from './booking.service';
import { BookingStatus } from './booking.type';

// Visas still on their way to issuance: these pilgrims need a confirmed booking before the visa.
const NOT_YET_ISSUED = new Set<DemoVisaStatus>(['SUBMITTED', 'APPROVED', 'PAID', 'SENT_TO_MOFA']);
// Stays of the 1448 AH season start within the visa entry window counted from the day the demo is
// seeded (a week to three weeks ahead), so a pending visa's booking covers its stay whenever the
// demo runs during the season; they end before the season's last departure day.
const SEASON_LAST_DAY = '2027-03-23';
const DAY_MS = 86_400_000;
const seededOn = (): string => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10); // Riyadh date

const hash = (label: string): Buffer => createHash('sha256').update(`umrah-demo:${label}`).digest();

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A stay of the package's length inside both its dates and the season's; null when none fits. */
function stayFor(pkg: ServicePackageRow, today: string, offset: number): { startsOn: string; endsOn: string } | null {
  const nights = pkg.makkahNights + pkg.madinahNights;
  const earliest = addDays(today, 7);
  const first = pkg.saleStartsOn > earliest ? pkg.saleStartsOn : earliest;
  const last = pkg.saleEndsOn < SEASON_LAST_DAY ? pkg.saleEndsOn : SEASON_LAST_DAY;
  for (const startsOn of [addDays(first, offset), first]) {
    const endsOn = addDays(startsOn, nights);
    if (endsOn <= last) return { startsOn, endsOn };
  }
  return null;
}

/**
 * Bookings for the demo pilgrims whose visas are not yet issued, on their company's approved
 * packages: three in four are booked (most CONFIRMED, some only HELD), the rest have none, so the
 * visa issuance check can be seen both passing and failing. Confirmations are published and
 * inventory is reserved like real ones. Does nothing when bookings exist.
 */
export async function seedDemoBookings(db: Database): Promise<void> {
  const em = db.fork();
  if ((await em.count(BookingEntity, {})) > 0) return;
  const approved = await em.find(
    ServicePackageEntity,
    { status: PackageStatus.APPROVED },
    { orderBy: { companyId: 'asc', id: 'asc' } },
  );
  const waiting = demoPilgrims().filter((p) => NOT_YET_ISSUED.has(p.visa.status));
  const components = await em.find(
    PackageComponentEntity,
    { packageId: { $in: approved.map((pkg) => pkg.id) } },
    { orderBy: { packageId: 'asc', position: 'asc' } },
  );
  const today = seededOn();
  const takenAt = new Date(Date.now() - 13 * DAY_MS);
  const confirmedAt = new Date(Date.now() - 9 * DAY_MS);
  const { holdMs } = bookingConfig();
  await em.transactional(async (tx) => {
    for (const [k, pilgrim] of waiting.entries()) {
      if (k % 4 === 3) continue;
      const packages = approved.filter((pkg) => pkg.companyId === pilgrim.companyId);
      const pkg = packages[k % Math.max(packages.length, 1)];
      const stay = pkg ? stayFor(pkg, today, (k * 3) % 15) : null;
      if (!pkg || !stay) continue;
      const confirmed = k % 8 !== 1;
      const label = `booking:${pilgrim.id}`;
      const manager = demoAccounts.find((a) => a.role === 'COMPANY_MANAGER' && a.companyId === pilgrim.companyId);
      const row = tx.create(BookingEntity, {
        id: demoId(label),
        bookingReference: newBookingReference(hash(label)),
        pilgrimId: pilgrim.id,
        companyId: pilgrim.companyId,
        packageId: pkg.id,
        ...stay,
        status: confirmed ? BookingStatus.CONFIRMED : BookingStatus.HELD,
        createdBy: manager?.id ?? demoId('account:demo-seed'),
        createdAt: takenAt,
        // A held demo booking keeps a full hold period from seeding, so it shows its time left.
        heldUntil: new Date((confirmed ? takenAt.getTime() : Date.now()) + holdMs),
        expiredAt: null,
        confirmedAt: confirmed ? confirmedAt : null,
        cancelledAt: null,
        cancelReason: null,
        paymentReference: confirmed ? `SADAD-${hash(`payment:${pilgrim.id}`).readUInt32BE(0)}` : null,
        idempotencyKey: null,
      });
      if (confirmed) recordBookingEvent(tx, 'BookingConfirmed', row);
      // Each demo booking holds its places like a real one (the demo inventory has room for all).
      await tx.flush();
      await reserveInventory(
        tx,
        row.id,
        components
          .filter((c) => c.packageId === pkg.id)
          .map((c) => ({ itemId: c.itemId, firstDay: addDays(stay.startsOn, c.dayOffset), days: c.days })),
      );
    }
  });
}
