import { isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  checkPageSize,
  decodeCursor,
  forbidden,
  isMinistry,
  toPage,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { BookingStatus } from '../booking/booking.type';
import { companyRef } from '../company/company.type';
import { addDays, isCalendarDay } from './days';
import { InventoryItemEntity } from './inventory.entity';
import { inventoryUnavailable } from './inventory.errors';
import type { InventoryReservationFilter } from './inventory.inputs';
import { InventoryReservation } from './inventory.type';

/** Places of one item a booking needs: `days` consecutive days from `firstDay`. */
export interface ReservationNeed {
  itemId: string;
  firstDay: string;
  days: number;
}

/** `(values (?, ?, ?), …) as n(item_id, first_day, days)`: the needs as a table to join on. */
function needsTable(needs: readonly ReservationNeed[]): { sql: string; params: unknown[] } {
  return {
    sql: `(values ${needs.map(() => '(?::uuid, ?::date, ?::integer)').join(', ')}) as n(item_id, first_day, days)`,
    params: needs.flatMap((n) => [n.itemId, n.firstDay, n.days]),
  };
}

const COVERS = 'a.item_id = n.item_id and a.day >= n.first_day and a.day < n.first_day + n.days';

/**
 * Takes `quantity` places of every item a booking needs on every day it needs them, all or nothing:
 * call it inside the booking's transaction, after the booking row is written. The rows are locked
 * first in one fixed order (item, day), so concurrent bookings queue instead of deadlocking; then
 * one conditional update (`reserved + n <= capacity`) takes the places. The database's check keeps
 * `reserved` within the capacity even if this code were wrong. Refuses with INVENTORY_UNAVAILABLE,
 * naming the first item and day short of places; the caller's transaction then rolls back.
 */
export async function reserveInventory(
  tx: EntityManager,
  bookingId: string,
  needs: readonly ReservationNeed[],
  quantity = 1,
): Promise<void> {
  if (needs.length === 0) return;
  const table = needsTable(needs);
  const locked = await tx.execute<{ item_id: string; day: string; capacity: number; reserved: number }[]>(
    `select a.item_id, a.day::text as day, a.capacity, a.reserved
       from inventory_allotment a join ${table.sql} on ${COVERS}
      order by a.item_id, a.day
        for update of a`,
    table.params,
  );
  const free = new Map(locked.map((row) => [`${row.item_id}|${row.day}`, row.capacity - row.reserved]));
  for (const need of needs) {
    for (let d = 0; d < need.days; d++) {
      const day = addDays(need.firstDay, d);
      const available = free.get(`${need.itemId}|${day}`) ?? 0;
      if (available < quantity) {
        const item = await tx.findOne(InventoryItemEntity, { id: need.itemId });
        throw inventoryUnavailable(item?.nameEn ?? need.itemId, need.itemId, day, Math.max(available, 0));
      }
    }
  }
  const wanted = needs.reduce((sum, n) => sum + n.days, 0);
  const taken = await tx.execute<{ item_id: string }[]>(
    `update inventory_allotment a set reserved = a.reserved + ?, updated_at = now()
       from ${table.sql}
      where ${COVERS} and a.reserved + ? <= a.capacity
     returning a.item_id`,
    [quantity, ...table.params, quantity],
  );
  // Every needed row was locked and checked above; a shortfall here means two needs share a day.
  if (taken.length !== wanted) {
    const first = needs[0]!;
    throw inventoryUnavailable(first.itemId, first.itemId, first.firstDay, 0);
  }
  await tx.execute(
    `insert into booking_reservation (id, booking_id, item_id, provider_id, first_day, days, quantity)
     select v.id, ?::uuid, v.item_id, i.provider_id, v.first_day, v.days, ?
       from (values ${needs.map(() => '(?::uuid, ?::uuid, ?::date, ?::integer)').join(', ')}) as v(id, item_id, first_day, days)
       join inventory_item i on i.id = v.item_id`,
    [bookingId, quantity, ...needs.flatMap((n) => [uuidv7(), n.itemId, n.firstDay, n.days])],
  );
}

/**
 * Gives back every place a booking holds; call it inside the cancellation's transaction. Locks the
 * rows in the same (item, day) order as bookings do before changing them.
 */
export async function releaseInventory(tx: EntityManager, bookingId: string): Promise<void> {
  const locked = await tx.execute<{ item_id: string }[]>(
    `select a.item_id from inventory_allotment a
       join booking_reservation r on r.item_id = a.item_id and a.day >= r.first_day and a.day < r.first_day + r.days
      where r.booking_id = ?
      order by a.item_id, a.day
        for update of a`,
    [bookingId],
  );
  if (locked.length === 0) return;
  await tx.execute(
    `update inventory_allotment a set reserved = a.reserved - r.quantity, updated_at = now()
       from booking_reservation r
      where r.booking_id = ? and a.item_id = r.item_id and a.day >= r.first_day and a.day < r.first_day + r.days`,
    [bookingId],
  );
}

interface ReservationRow {
  id: string;
  item_id: string;
  booking_id: string;
  first_day: string;
  days: number;
  quantity: number;
  booking_reference: string;
  status: string;
  company_id: string;
}

const RESERVATION_COLUMNS = `r.id, r.item_id, r.booking_id, r.first_day::text as first_day, r.days, r.quantity,
  b.booking_reference, b.status, b.company_id`;

function toReservation(row: ReservationRow): InventoryReservation {
  return Object.assign(new InventoryReservation(), {
    id: row.id,
    itemId: row.item_id,
    firstDay: row.first_day,
    lastDay: addDays(row.first_day, row.days - 1),
    days: row.days,
    quantity: row.quantity,
    bookingReference: row.booking_reference,
    bookingStatus: row.status as BookingStatus,
    company: companyRef(row.company_id),
  });
}

function day(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  if (!isCalendarDay(value)) throw badInput(field, 'This day does not exist in the calendar.');
  return value;
}

/**
 * The reservations on a provider's inventory, oldest first: a provider reads its own, the ministry
 * everyone's (optionally one provider's). Two statements whatever the page size.
 */
export async function listReservations(
  em: EntityManager,
  viewer: Viewer,
  filter: InventoryReservationFilter | null | undefined,
  args: PageArgs,
  withCount: boolean,
): Promise<Page<InventoryReservation>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (viewer.role === Role.PROVIDER && viewer.providerId) {
    where.push('r.provider_id = ?');
    params.push(viewer.providerId);
  } else if (!isMinistry(viewer)) {
    throw forbidden();
  }
  if (filter?.providerId != null) {
    if (!isUuid(filter.providerId)) throw badInput('filter.providerId', 'Give a provider id this API issued.');
    where.push('r.provider_id = ?');
    params.push(filter.providerId);
  }
  if (filter?.itemId != null) {
    if (!isUuid(filter.itemId)) throw badInput('filter.itemId', 'Give an item id this API issued.');
    where.push('r.item_id = ?');
    params.push(filter.itemId);
  }
  const from = day(filter?.from, 'filter.from');
  const to = day(filter?.to, 'filter.to');
  if (from) {
    where.push('r.first_day + r.days > ?::date');
    params.push(from);
  }
  if (to) {
    where.push('r.first_day <= ?::date');
    params.push(to);
  }
  if (filter?.bookingStatus) {
    where.push('b.status = ?');
    params.push(filter.bookingStatus);
  }
  const first = checkPageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const condition = where.length > 0 ? where.join(' and ') : 'true';
  const connection = em.getConnection();
  const [rows, counted] = await Promise.all([
    connection.execute<ReservationRow[]>(
      `select ${RESERVATION_COLUMNS} from booking_reservation r join booking b on b.id = r.booking_id
        where ${condition}${afterId ? ' and r.id > ?' : ''} order by r.id limit ?`,
      [...params, ...(afterId ? [afterId] : []), first + 1],
    ),
    withCount
      ? connection.execute<{ n: number }[]>(
          `select count(*)::int as n from booking_reservation r join booking b on b.id = r.booking_id where ${condition}`,
          params,
        )
      : Promise.resolve(undefined),
  ]);
  const page = toPage(rows, first, counted ? Number(counted[0]!.n) : undefined);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toReservation(e.node) })) };
}

/** What each booking reserved, in one statement; the caller has already checked the bookings' access. */
export async function reservationsOfBookings(
  em: EntityManager,
  bookingIds: readonly string[],
): Promise<InventoryReservation[][]> {
  const ids = [...new Set(bookingIds.filter(isUuid))];
  if (ids.length === 0) return bookingIds.map(() => []);
  const rows = await em.getConnection().execute<ReservationRow[]>(
    `select ${RESERVATION_COLUMNS} from booking_reservation r join booking b on b.id = r.booking_id
      where r.booking_id in (${ids.map(() => '?').join(', ')}) order by r.booking_id, r.first_day, r.days, r.id`,
    ids,
  );
  const byBooking = new Map<string, InventoryReservation[]>(ids.map((id) => [id, []]));
  for (const row of rows) byBooking.get(row.booking_id)?.push(toReservation(row));
  return bookingIds.map((id) => byBooking.get(id) ?? []);
}
