import { LockMode, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { Role, badInput, forbidden, type Viewer } from '@umrah/subgraph-kit';
import { riyadhToday } from '../booking/booking.service';
import { daysBetween, isCalendarDay } from '../inventory/days';
import { InventoryItemEntity } from '../inventory/inventory.entity';
import { ServiceProviderEntity } from '../provider/provider.entity';
import { checkComplete, checkComponents, type ComponentItem, type ComponentSpec } from './service-package.composition';
import {
  PackageComponentEntity,
  PackageStatusChangeEntity,
  ServicePackageEntity,
  type ServicePackageRow,
} from './service-package.entity';
import {
  componentItemNotFound,
  componentRuleRefusal,
  invalidPackageTransition,
  packageVersionConflict,
  servicePackageNotFound,
} from './service-package.errors';
import type { ServicePackageInput } from './service-package.inputs';
import { toServicePackage } from './service-package.service';
import { PackageAction, PackageStatus, type ServicePackage } from './service-package.type';

const MAX_PRICE = 2_000_000_000;
const MAX_NIGHTS = 90;

/** Only a company manager composes packages, and only their own company's. */
function managedCompany(viewer: Viewer): string {
  if (viewer.role !== Role.COMPANY_MANAGER || !viewer.companyId) throw forbidden();
  return viewer.companyId;
}

/** Only a ministry officer decides on packages. */
function officer(viewer: Viewer): void {
  if (viewer.role !== Role.MINISTRY_OFFICER) throw forbidden();
}

interface PackageSpec {
  nameAr: string;
  nameEn: string;
  priceHalalas: number;
  makkahNights: number;
  madinahNights: number;
  saleStartsOn: string;
  saleEndsOn: string;
  components: ComponentSpec[];
}

function text(value: string, field: string, what: string): string {
  const trimmed = value.trim();
  // Characters as the database's char_length counts them (an emoji is one, not two UTF-16 units).
  const length = [...trimmed].length;
  if (length < 2 || length > 200) throw badInput(field, `Give ${what} of 2 to 200 characters.`);
  return trimmed;
}

/** The input's own rules, before any component's item is looked at. */
function checkInput(input: ServicePackageInput): PackageSpec {
  const nameAr = text(input.nameAr, 'input.nameAr', 'an Arabic name');
  const nameEn = text(input.nameEn, 'input.nameEn', 'an English name');
  if (!Number.isInteger(input.priceHalalas) || input.priceHalalas < 1 || input.priceHalalas > MAX_PRICE) {
    throw badInput('input.priceHalalas', 'Give a price per pilgrim of at least 1 halala.');
  }
  for (const field of ['makkahNights', 'madinahNights'] as const) {
    if (!Number.isInteger(input[field]) || input[field] < 0) {
      throw badInput(`input.${field}`, 'Give a number of nights, 0 or more.');
    }
  }
  const nights = input.makkahNights + input.madinahNights;
  if (nights < 1 || nights > MAX_NIGHTS) {
    throw badInput('input.madinahNights', `A package is a stay of 1 to ${MAX_NIGHTS} nights in all.`);
  }
  for (const field of ['saleStartsOn', 'saleEndsOn'] as const) {
    if (!isCalendarDay(input[field])) throw badInput(`input.${field}`, 'This day does not exist in the calendar.');
  }
  const today = riyadhToday();
  if (input.saleEndsOn < today)
    throw badInput('input.saleEndsOn', `The sale period must not end before today (${today}).`);
  if (daysBetween(input.saleStartsOn, input.saleEndsOn) < nights) {
    throw badInput('input.saleEndsOn', `The sale period must be long enough for one stay of ${nights} nights.`);
  }
  const components = input.components.map((c, i) => {
    if (!isUuid(c.itemId)) throw componentItemNotFound(`input.components.${i}.itemId`);
    return { itemId: c.itemId, dayOffset: c.dayOffset, days: c.days };
  });
  return {
    nameAr,
    nameEn,
    priceHalalas: input.priceHalalas,
    makkahNights: input.makkahNights,
    madinahNights: input.madinahNights,
    saleStartsOn: input.saleStartsOn,
    saleEndsOn: input.saleEndsOn,
    components,
  };
}

/** Kind and provider city of each component's item, in two statements; a missing item names its component. */
async function componentItems(
  em: EntityManager,
  components: readonly ComponentSpec[],
  field = 'input.components',
): Promise<Map<string, ComponentItem>> {
  const ids = [...new Set(components.map((c) => c.itemId))];
  if (ids.length === 0) return new Map();
  const items = await em.find(InventoryItemEntity, { id: { $in: ids } });
  const providers = await em.find(ServiceProviderEntity, { id: { $in: [...new Set(items.map((i) => i.providerId))] } });
  const cityOf = new Map(providers.map((p) => [p.id, p.city]));
  const byId = new Map(items.map((i) => [i.id, { kind: i.kind, city: cityOf.get(i.providerId) ?? '' }]));
  components.forEach((c, i) => {
    if (!byId.has(c.itemId)) throw componentItemNotFound(`${field}.${i}.itemId`);
  });
  return byId;
}

async function storedComponents(em: EntityManager, packageId: string): Promise<ComponentSpec[]> {
  const rows = await em.find(PackageComponentEntity, { packageId }, { orderBy: { position: 'asc' } });
  return rows.map((r) => ({ itemId: r.itemId, dayOffset: r.dayOffset, days: r.days }));
}

function writeComponents(tx: EntityManager, packageId: string, components: readonly ComponentSpec[]): void {
  components.forEach((c, position) => tx.create(PackageComponentEntity, { id: uuidv7(), packageId, position, ...c }));
}

function recordStep(
  tx: EntityManager,
  viewer: Viewer,
  pkg: ServicePackageRow,
  action: PackageAction,
  from: PackageStatus | null,
  reason: string | null = null,
): void {
  tx.create(PackageStatusChangeEntity, {
    id: uuidv7(),
    packageId: pkg.id,
    companyId: pkg.companyId,
    action,
    fromStatus: from,
    toStatus: pkg.status,
    version: pkg.version,
    reason,
    actorAccountId: viewer.accountId,
    actorRole: viewer.role,
    at: new Date(),
  });
}

/**
 * Locks a package for a change (`select … for update`), so concurrent edits, decisions and bookings
 * (which hold a shared lock) take turns. A manager finds only their company's; an officer any.
 */
async function lockPackage(
  tx: EntityManager,
  id: string,
  companyId: string | null,
  expectedVersion?: number | null,
): Promise<ServicePackageRow> {
  const pkg = await tx.findOne(
    ServicePackageEntity,
    { id, ...(companyId ? { companyId } : {}) },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!pkg) throw servicePackageNotFound();
  if (expectedVersion != null && pkg.version !== expectedVersion) {
    throw packageVersionConflict(expectedVersion, pkg.version);
  }
  return pkg;
}

/** Rethrows the database's refusal of a composition rule as the code's error for it (a check raced or was bypassed). */
function refusedRule(error: unknown): never {
  throw componentRuleRefusal(error) ?? error;
}

/** A manager creates a DRAFT package of their company; it may still be incomplete. */
export async function createServicePackage(
  em: EntityManager,
  viewer: Viewer,
  input: ServicePackageInput,
): Promise<ServicePackage> {
  const companyId = managedCompany(viewer);
  const spec = checkInput(input);
  checkComponents(spec, spec.components, await componentItems(em, spec.components));
  const row = await em
    .transactional(async (tx) => {
      const now = new Date();
      const { components, ...fields } = spec;
      const pkg = tx.create(ServicePackageEntity, {
        id: uuidv7(),
        companyId,
        ...fields,
        status: PackageStatus.DRAFT,
        version: 1,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
        decidedAt: null,
        rejectionReason: null,
      });
      writeComponents(tx, pkg.id, components);
      recordStep(tx, viewer, pkg, PackageAction.CREATED, null);
      return pkg;
    })
    .catch(refusedRule);
  return toServicePackage(row);
}

const sameComponents = (a: readonly ComponentSpec[], b: readonly ComponentSpec[]): boolean =>
  a.length === b.length &&
  a.every((c, i) => c.itemId === b[i]!.itemId && c.dayOffset === b[i]!.dayOffset && c.days === b[i]!.days);

function unchanged(pkg: ServicePackageRow, spec: PackageSpec, stored: readonly ComponentSpec[]): boolean {
  return (
    pkg.nameAr === spec.nameAr &&
    pkg.nameEn === spec.nameEn &&
    pkg.priceHalalas === spec.priceHalalas &&
    pkg.makkahNights === spec.makkahNights &&
    pkg.madinahNights === spec.madinahNights &&
    pkg.saleStartsOn === spec.saleStartsOn &&
    pkg.saleEndsOn === spec.saleEndsOn &&
    sameComponents(stored, spec.components)
  );
}

/**
 * A manager replaces a package of their company as a whole. A DRAFT stays a draft; a REJECTED one
 * becomes a DRAFT again (to be fixed and resubmitted); a SUBMITTED one stays submitted; an APPROVED
 * one goes back to SUBMITTED, and cannot be booked until approved again (bookings already made keep
 * their places). A submitted or approved package must stay complete. The same content again changes
 * nothing (a safe retry).
 */
export async function updateServicePackage(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: ServicePackageInput,
  expectedVersion?: number | null,
): Promise<ServicePackage> {
  const companyId = managedCompany(viewer);
  if (!isUuid(id)) throw servicePackageNotFound();
  const spec = checkInput(input);
  const items = await componentItems(em, spec.components);
  checkComponents(spec, spec.components, items);
  const row = await em
    .transactional(async (tx) => {
      const pkg = await lockPackage(tx, id, companyId, expectedVersion);
      const stored = await storedComponents(tx, pkg.id);
      if (unchanged(pkg, spec, stored)) return pkg;
      const from = pkg.status as PackageStatus;
      const mustBeComplete = from === PackageStatus.SUBMITTED || from === PackageStatus.APPROVED;
      if (mustBeComplete) checkComplete(spec, spec.components, items);
      const { components, ...fields } = spec;
      Object.assign(pkg, fields);
      pkg.version += 1;
      pkg.updatedAt = new Date();
      let action = PackageAction.UPDATED;
      if (from === PackageStatus.REJECTED) {
        pkg.status = PackageStatus.DRAFT;
        pkg.rejectionReason = null;
      } else if (from === PackageStatus.APPROVED) {
        pkg.status = PackageStatus.SUBMITTED;
        pkg.submittedAt = pkg.updatedAt;
        pkg.decidedAt = null;
        action = PackageAction.CHANGED_AFTER_APPROVAL;
      }
      await tx.nativeDelete(PackageComponentEntity, { packageId: pkg.id });
      writeComponents(tx, pkg.id, components);
      recordStep(tx, viewer, pkg, action, from);
      return pkg;
    })
    .catch(refusedRule);
  return toServicePackage(row);
}

/** DRAFT or REJECTED → SUBMITTED, once the package is complete. */
export async function submitServicePackage(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  expectedVersion?: number | null,
): Promise<ServicePackage> {
  const companyId = managedCompany(viewer);
  if (!isUuid(id)) throw servicePackageNotFound();
  const row = await em.transactional(async (tx) => {
    const pkg = await lockPackage(tx, id, companyId, expectedVersion);
    const from = pkg.status as PackageStatus;
    if (from !== PackageStatus.DRAFT && from !== PackageStatus.REJECTED)
      throw invalidPackageTransition(from, 'submitted');
    const components = await storedComponents(tx, pkg.id);
    const items = await componentItems(tx, components, 'components');
    checkComponents(pkg, components, items, 'components');
    checkComplete(pkg, components, items, 'components');
    pkg.status = PackageStatus.SUBMITTED;
    pkg.rejectionReason = null;
    pkg.version += 1;
    pkg.updatedAt = new Date();
    pkg.submittedAt = pkg.updatedAt;
    pkg.decidedAt = null;
    recordStep(tx, viewer, pkg, PackageAction.SUBMITTED, from);
    return pkg;
  });
  return toServicePackage(row);
}

function checkReason(reason: string): string {
  const text = reason.trim();
  const length = [...text].length;
  if (length < 3 || length > 1000) {
    throw badInput(
      'reason',
      'Give a reason of 3 to 1000 characters; the company reads it and it stays in the history.',
    );
  }
  return text;
}

/**
 * An officer decides on a SUBMITTED package: APPROVED (it may then be booked) or REJECTED with a
 * reason. With `expectedVersion`, a package changed since the officer read it is refused.
 */
export async function decideServicePackage(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
  expectedVersion?: number | null,
): Promise<ServicePackage> {
  officer(viewer);
  const reason = decision.approve ? null : checkReason(decision.reason);
  if (!isUuid(id)) throw servicePackageNotFound();
  const row = await em.transactional(async (tx) => {
    const pkg = await lockPackage(tx, id, null, expectedVersion);
    const from = pkg.status as PackageStatus;
    if (from !== PackageStatus.SUBMITTED)
      throw invalidPackageTransition(from, decision.approve ? 'approved' : 'rejected');
    if (decision.approve) {
      const components = await storedComponents(tx, pkg.id);
      const items = await componentItems(tx, components, 'components');
      checkComplete(pkg, components, items, 'components');
    }
    pkg.status = decision.approve ? PackageStatus.APPROVED : PackageStatus.REJECTED;
    pkg.rejectionReason = reason;
    pkg.version += 1;
    pkg.updatedAt = new Date();
    pkg.decidedAt = pkg.updatedAt;
    recordStep(tx, viewer, pkg, decision.approve ? PackageAction.APPROVED : PackageAction.REJECTED, from, reason);
    return pkg;
  });
  return toServicePackage(row);
}
