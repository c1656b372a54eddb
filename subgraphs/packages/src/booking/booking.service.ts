import type { FilterQuery } from '@mikro-orm/core';
import {
  LockMode,
  UniqueConstraintViolationException,
  isUuid,
  uuidv7,
  type Database,
  type EntityManager,
} from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import {
  Role,
  badInput,
  type BackgroundWorker,
  findPage,
  forbidden,
  isMinistry,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import { addDays } from '../inventory/days';
import { releaseInventory, reserveInventory } from '../inventory/reservation.service';
import {
  PackageComponentEntity,
  ServicePackageEntity,
  type ServicePackageRow,
} from '../service-package/service-package.entity';
import { PackageStatus } from '../service-package/service-package.type';
import { bookingConfig } from './booking.config';
import { BookingEntity, type BookingRow } from './booking.entity';
import {
  bookingNotFound,
  holdLapsed,
  idempotencyKeyReused,
  invalidBookingTransition,
  lengthMismatch,
  outsidePackageDates,
  packageNotApproved,
  packageNotFound,
  pilgrimAlreadyBooked,
  startsInThePast,
} from './booking.errors';
import type { BookPackageInput, BookingFilter } from './booking.inputs';
import { newBookingReference } from './booking.reference';
import { Booking, BookingStatus } from './booking.type';
import { pilgrimRef, type Pilgrim } from './pilgrim.type';

const MAX_IDEMPOTENCY_KEY = 200;
const PAYMENT_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/_-]{2,63}$/;
const MIN_REASON = 3;
const MAX_REASON = 500;
const DAY_MS = 86_400_000;

const riyadhDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in the Kingdom now, `YYYY-MM-DD`: bookings are dated in local days. */
export const riyadhToday = (at: Date = new Date()): string => riyadhDay.format(at);

/** Whether an ISO day exists in the calendar (the Date scalar lets 30 February through). */
const isCalendarDay = (day: string): boolean => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
};

/** Nights between two ISO days (the first day of the stay and the day of leaving). */
export const nightsBetween = (startsOn: string, endsOn: string): number =>
  Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / DAY_MS);

export function toBooking(row: BookingRow): Booking {
  return Object.assign(new Booking(), {
    id: row.id,
    bookingReference: row.bookingReference,
    status: row.status as BookingStatus,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    nights: nightsBetween(row.startsOn, row.endsOn),
    pilgrim: pilgrimRef(row.pilgrimId),
    company: companyRef(row.companyId),
    packageId: row.packageId,
    createdAt: row.createdAt,
    confirmedAt: row.confirmedAt ?? null,
    paymentReference: row.paymentReference ?? null,
    cancelledAt: row.cancelledAt ?? null,
    cancelReason: row.cancelReason ?? null,
    heldUntil: row.heldUntil ?? null,
    expiredAt: row.expiredAt ?? null,
  });
}

/** The ministry reads every booking; a manager only their own company's; anyone else nothing. */
export function bookingSlice(viewer: Viewer | null): FilterQuery<BookingRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  return null;
}

function uuidFilter(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  if (!isUuid(value)) throw badInput(field, 'Give an id this API issued.');
  return value;
}

export async function listBookings(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: BookingFilter | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<Booking>> {
  const slice = bookingSlice(viewer);
  if (!slice) throw forbidden();
  const where: FilterQuery<BookingRow>[] = [slice];
  const packageId = uuidFilter(filter?.packageId, 'filter.packageId');
  const pilgrimId = uuidFilter(filter?.pilgrimId, 'filter.pilgrimId');
  if (packageId) where.push({ packageId });
  if (pilgrimId) where.push({ pilgrimId });
  if (filter?.status) where.push({ status: filter.status });
  const page = (await findPage(em, BookingEntity, { $and: where } as never, args, info)) as Page<BookingRow>;
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toBooking(e.node) })) };
}

/** Bookings by id in one query; one outside the viewer's slice is null exactly like a missing one. */
export async function bookingsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(Booking | null)[]> {
  const slice = bookingSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(BookingEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toBooking(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** A held or confirmed booking is live: the pilgrim has at most one (the live-booking index). */
const LIVE_STATUSES = [BookingStatus.HELD, BookingStatus.CONFIRMED];

/**
 * Each pilgrim's live (held or confirmed) booking, in one query on the live-booking index; null
 * where there is none or it is outside the viewer's slice.
 */
export async function liveBookingsOfPilgrims(
  em: EntityManager,
  viewer: Viewer | null,
  pilgrimIds: readonly string[],
): Promise<(Booking | null)[]> {
  const slice = bookingSlice(viewer);
  const valid = [...new Set(pilgrimIds.filter(isUuid))];
  if (!slice || valid.length === 0) return pilgrimIds.map(() => null);
  const rows = await em.find(BookingEntity, {
    $and: [slice, { pilgrimId: { $in: valid }, status: { $in: LIVE_STATUSES } }],
  });
  const byPilgrim = new Map(rows.map((row) => [row.pilgrimId, toBooking(row)]));
  return pilgrimIds.map((id) => byPilgrim.get(id) ?? null);
}

// ---------------------------------------------------------------------------------------------
// Changes. Confirmations, cancellations and expiries are published as events, in the same transaction.

export const BOOKING_EVENT = { aggregateType: 'Booking' } as const;

/** Queues `BookingConfirmed`, `BookingCancelled` or `BookingExpired` for a booking in the unit of work. */
export function recordBookingEvent(
  em: EntityManager,
  type: 'BookingConfirmed' | 'BookingCancelled' | 'BookingExpired',
  row: Pick<BookingRow, 'id' | 'bookingReference' | 'pilgrimId' | 'companyId' | 'packageId' | 'startsOn' | 'endsOn'>,
): void {
  recordEvent(em, {
    ...BOOKING_EVENT,
    type,
    aggregateId: row.id,
    payload: {
      bookingId: row.id,
      bookingReference: row.bookingReference,
      pilgrimId: row.pilgrimId,
      companyId: row.companyId,
      packageId: row.packageId,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
    },
  });
}

/** Only a company manager changes bookings, and only their own company's. */
function managedCompany(viewer: Viewer): string {
  if (viewer.role !== Role.COMPANY_MANAGER || !viewer.companyId) throw forbidden();
  return viewer.companyId;
}

function checkIdempotencyKey(idempotencyKey: string | null | undefined): string | null {
  if (idempotencyKey == null) return null;
  const key = idempotencyKey.trim();
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY) {
    throw badInput('idempotencyKey', `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY} characters.`);
  }
  return key;
}

/** The booking an earlier call with this key made; refused when that call asked for something else. */
async function earlierBooking(
  em: EntityManager,
  viewer: Viewer,
  key: string,
  input: BookPackageInput,
): Promise<Booking | null> {
  const earlier = await em.findOne(BookingEntity, { createdBy: viewer.accountId, idempotencyKey: key });
  if (!earlier) return null;
  const same =
    earlier.packageId === input.packageId &&
    earlier.pilgrimId === input.pilgrimId &&
    earlier.startsOn === input.startsOn &&
    earlier.endsOn === input.endsOn;
  if (!same) throw idempotencyKeyReused();
  return toBooking(earlier);
}

/** The package's own rules for a stay: approved, within its dates and exactly its length. */
function checkStay(pkg: ServicePackageRow, input: BookPackageInput): void {
  if (pkg.status !== PackageStatus.APPROVED) throw packageNotApproved(pkg.status);
  if (input.startsOn < pkg.saleStartsOn || input.endsOn > pkg.saleEndsOn) {
    throw outsidePackageDates(pkg.saleStartsOn, pkg.saleEndsOn);
  }
  const nights = pkg.makkahNights + pkg.madinahNights;
  if (nightsBetween(input.startsOn, input.endsOn) !== nights) throw lengthMismatch(nights);
}

/**
 * A manager books one of their company's pilgrims on one of its approved packages; the booking is
 * HELD until confirmed or until its hold deadline (then the expiry worker expires it), and holds one place of every component's inventory on the days that
 * component uses (see reserveInventory), in the same transaction. The pilgrim id is taken as given
 * (the pilgrims registry is another subgraph): a pilgrim of another company is not refused here,
 * but the pilgrims subgraph ignores such a booking, so it never counts for a visa. With an
 * idempotency key, a retried call returns the booking of the first.
 */
export async function bookPackage(
  em: EntityManager,
  viewer: Viewer,
  input: BookPackageInput,
  idempotencyKey?: string | null,
): Promise<Booking> {
  const companyId = managedCompany(viewer);
  const key = checkIdempotencyKey(idempotencyKey);
  if (key) {
    const earlier = await earlierBooking(em, viewer, key, input);
    if (earlier) return earlier;
  }
  if (!isUuid(input.packageId)) throw packageNotFound();
  if (!isUuid(input.pilgrimId)) throw badInput('input.pilgrimId', 'Give the id of a pilgrim of your company.');
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (!isCalendarDay(input[field])) throw badInput(`input.${field}`, 'This day does not exist in the calendar.');
  }
  if (input.endsOn <= input.startsOn) throw badInput('input.endsOn', 'The last day must come after the first day.');
  const today = riyadhToday();
  if (input.startsOn < today) throw startsInThePast(today);
  const { holdMs } = bookingConfig();

  for (let attempt = 1; ; attempt++) {
    try {
      const row = await em.transactional(async (tx) => {
        // Shared lock: the package cannot change status while the booking is written against it.
        const pkg = await tx.findOne(
          ServicePackageEntity,
          { id: input.packageId, companyId },
          { lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
        );
        // A package of another company looks exactly like a missing one.
        if (!pkg) throw packageNotFound();
        checkStay(pkg, input);
        const live = await tx.count(BookingEntity, {
          pilgrimId: input.pilgrimId,
          status: { $in: LIVE_STATUSES },
        });
        if (live > 0) throw pilgrimAlreadyBooked();
        const components = await tx.find(
          PackageComponentEntity,
          { packageId: pkg.id },
          { orderBy: { position: 'asc' } },
        );
        const now = new Date();
        const booking = tx.create(BookingEntity, {
          id: uuidv7(),
          bookingReference: newBookingReference(),
          pilgrimId: input.pilgrimId,
          companyId,
          packageId: pkg.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          status: BookingStatus.HELD,
          createdBy: viewer.accountId,
          createdAt: now,
          heldUntil: new Date(now.getTime() + holdMs),
          confirmedAt: null,
          cancelledAt: null,
          cancelReason: null,
          paymentReference: null,
          expiredAt: null,
          idempotencyKey: key,
        });
        // The booking row first (reservations point at it), then every component's places, all or
        // nothing: a package without components (composed before Maqam inventory) reserves nothing.
        await tx.flush();
        await reserveInventory(
          tx,
          booking.id,
          components.map((c) => ({ itemId: c.itemId, firstDay: addDays(input.startsOn, c.dayOffset), days: c.days })),
        );
        return booking;
      });
      return toBooking(row);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // A concurrent retry with the same key won the race: answer what it booked.
      if (key) {
        const earlier = await earlierBooking(em.fork(), viewer, key, input);
        if (earlier) return earlier;
      }
      // Two random references met (one in 2^50): draw again; anything else is the live-booking key.
      if (/booking_reference/.test(error.message) && attempt < 3) continue;
      throw pilgrimAlreadyBooked();
    }
  }
}

/** Locks a booking of the manager's company for a change; another company's looks missing. */
async function lockOwnBooking(tx: EntityManager, companyId: string, id: string): Promise<BookingRow> {
  const row = await tx.findOne(
    BookingEntity,
    { id, companyId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!row) throw bookingNotFound();
  return row;
}

/** The database's transition guard refused a move the code let through (its clock said the hold lapsed). */
const isTransitionRefusal = (error: unknown): boolean =>
  error instanceof Error && /booking_transition/.test(error.message);

/**
 * HELD → CONFIRMED once paid, while the package is still approved and before the hold deadline
 * (checked here too: the expiry worker may not have run yet); publishes `BookingConfirmed`.
 * Repeating it with the same payment reference returns the booking unchanged (a safe retry).
 */
export async function confirmBooking(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  paymentReference: string,
): Promise<Booking> {
  const companyId = managedCompany(viewer);
  if (!isUuid(id)) throw bookingNotFound();
  const payment = paymentReference.trim();
  if (!PAYMENT_REFERENCE.test(payment)) {
    throw badInput(
      'paymentReference',
      'A payment reference is 3 to 64 letters, digits, dashes, slashes or underscores, starting with a letter or digit.',
    );
  }
  let lapsedAt: Date | null = null;
  const row = await em
    .transactional(async (tx) => {
      const booking = await lockOwnBooking(tx, companyId, id);
      if (booking.status === BookingStatus.CONFIRMED && booking.paymentReference === payment) return booking;
      if (booking.status !== BookingStatus.HELD) {
        throw invalidBookingTransition(booking.status, BookingStatus.CONFIRMED);
      }
      lapsedAt = booking.heldUntil ?? null;
      if (booking.heldUntil && booking.heldUntil.getTime() <= Date.now()) throw holdLapsed(booking.heldUntil);
      const pkg = await tx.findOneOrFail(
        ServicePackageEntity,
        { id: booking.packageId },
        { lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
      );
      if (pkg.status !== PackageStatus.APPROVED) throw packageNotApproved(pkg.status, 'id');
      booking.status = BookingStatus.CONFIRMED;
      booking.confirmedAt = new Date();
      booking.paymentReference = payment;
      recordBookingEvent(tx, 'BookingConfirmed', booking);
      return booking;
    })
    .catch((error: unknown) => {
      if (lapsedAt && isTransitionRefusal(error)) throw holdLapsed(lapsedAt);
      throw error;
    });
  return toBooking(row);
}

/**
 * HELD or CONFIRMED → CANCELLED with a reason; gives its inventory places back and publishes
 * `BookingCancelled`, in one transaction. A cancellation is final; an expired booking has nothing
 * left to cancel.
 */
export async function cancelBooking(em: EntityManager, viewer: Viewer, id: string, reason: string): Promise<Booking> {
  const companyId = managedCompany(viewer);
  if (!isUuid(id)) throw bookingNotFound();
  const why = reason.trim();
  // Characters as the database's char_length counts them (an emoji is one, not two UTF-16 units).
  const length = [...why].length;
  if (length < MIN_REASON || length > MAX_REASON) {
    throw badInput('reason', `Give a reason of ${MIN_REASON} to ${MAX_REASON} characters.`);
  }
  const row = await em.transactional(async (tx) => {
    const booking = await lockOwnBooking(tx, companyId, id);
    if (booking.status === BookingStatus.CANCELLED || booking.status === BookingStatus.EXPIRED) {
      throw invalidBookingTransition(booking.status, BookingStatus.CANCELLED);
    }
    booking.status = BookingStatus.CANCELLED;
    booking.cancelledAt = new Date();
    booking.cancelReason = why;
    await releaseInventory(tx, booking.id);
    recordBookingEvent(tx, 'BookingCancelled', booking);
    return booking;
  });
  return toBooking(row);
}

// ---------------------------------------------------------------------------------------------
// Unpaid holds lapse.

export const BOOKING_EXPIRY = 'booking-expiry';
const EXPIRY_BATCH = 100;

/**
 * Expires one HELD booking whose deadline is at or before `now`, if there is one no other
 * transaction holds: EXPIRED, its places given back the way a cancellation gives them back, an
 * audit row and `BookingExpired`, all in one transaction. The claim skips locked rows, so
 * concurrent passes (two processes) never expire the same booking twice, and a manager confirming
 * or cancelling it at that moment either wins or finds it expired. Returns whether it expired one.
 */
async function expireOne(db: Database, now: Date): Promise<boolean> {
  return db.fork().transactional(async (tx) => {
    const [booking] = await tx.find(
      BookingEntity,
      { status: BookingStatus.HELD, heldUntil: { $lte: now } },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { heldUntil: 'asc', id: 'asc' }, limit: 1 },
    );
    if (!booking) return false;
    booking.status = BookingStatus.EXPIRED;
    booking.expiredAt = now;
    await releaseInventory(tx, booking.id);
    recordBookingEvent(tx, 'BookingExpired', booking);
    // Recorded like the managers' changes (audit_log), with no actor: the deadline made it.
    await tx.execute(
      `insert into audit_log (id, at, operation, target_id, company_id, reason, outcome, arguments)
       values (?, ?, 'expireBooking', ?, ?, ?, 'OK', ?::jsonb)`,
      [
        uuidv7(),
        now,
        booking.id,
        booking.companyId,
        `The hold lapsed at ${booking.heldUntil!.toISOString()} without payment.`,
        JSON.stringify({ bookingReference: booking.bookingReference, heldUntil: booking.heldUntil!.toISOString() }),
      ],
    );
    return true;
  });
}

/**
 * Expires the HELD bookings whose hold deadline is at or before `now`, up to one batch, each in
 * its own short transaction (a booking locks its inventory rows in the same order a cancellation
 * does, so neither can deadlock the other). Returns how many it expired; a second pass over the
 * same bookings finds none.
 */
export async function expireHeldBookings(db: Database, now: Date = new Date()): Promise<number> {
  let expired = 0;
  while (expired < EXPIRY_BATCH && (await expireOne(db, now))) expired += 1;
  return expired;
}

/** The expiry job: every minute by default (BOOKING_EXPIRY_POLL_MS), expires lapsed holds. */
export function bookingExpiryWorker(db: Database, intervalMs = bookingConfig().expiryPollMs): BackgroundWorker {
  return { name: BOOKING_EXPIRY, intervalMs, runOnce: () => expireHeldBookings(db) };
}

/**
 * The pilgrim registry lives in the pilgrims subgraph; here a reference only anchors
 * `Pilgrim.booking`, which checks access itself. Anonymous callers get nothing.
 */
export function pilgrimReferences(viewer: Viewer | null, ids: readonly string[]): (Pilgrim | null)[] {
  return ids.map((id) => (viewer && isUuid(id) ? pilgrimRef(id) : null));
}
