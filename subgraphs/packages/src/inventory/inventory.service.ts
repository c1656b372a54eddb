import { UniqueConstraintViolationException, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  checkPageSize,
  decodeCursor,
  forbidden,
  isMinistry,
  pagesByParent,
  toPage,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import { riyadhToday } from '../booking/booking.service';
import { ServiceProviderEntity } from '../provider/provider.entity';
import { exactLike } from '../provider/provider.service';
import { ProviderKind } from '../provider/provider.type';
import { checkPeriod } from './days';
import { InventoryItemEntity, type InventoryItemRow } from './inventory.entity';
import {
  capacityBelowReserved,
  inventoryCodeTaken,
  inventoryItemNotFound,
  noInventoryForKind,
  ownProviderMissing,
} from './inventory.errors';
import type { CreateInventoryItemInput, InventoryFilter, SetInventoryAllotmentsInput } from './inventory.inputs';
import { InventoryDay, InventoryItem, ItemAvailability, type MealPlan, type RoomType } from './inventory.type';

/** The longest period a calendar query reads at once (a quarter). */
export const MAX_QUERY_DAYS = 92;
/** The longest period one allotment change covers (a year). */
export const MAX_ALLOTMENT_DAYS = 366;
const MAX_CAPACITY = 100_000;
const MAX_PRICE = 100_000_000;
const ITEM_CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;

export function toInventoryItem(row: InventoryItemRow): InventoryItem {
  return Object.assign(new InventoryItem(), {
    id: row.id,
    providerId: row.providerId,
    kind: row.kind as ProviderKind,
    code: row.code,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    roomType: (row.roomType ?? null) as RoomType | null,
    mealPlan: (row.mealPlan ?? null) as MealPlan | null,
    routeFrom: row.routeFrom ?? null,
    routeTo: row.routeTo ?? null,
    createdAt: row.createdAt,
  });
}

/**
 * Whose inventory a viewer may read: the ministry and company managers (who compose packages from
 * it) every provider's; a provider only its own (`providerId`); anyone else nothing (null).
 */
export function inventorySlice(viewer: Viewer | null): { providerId: string | null } | null {
  if (!viewer) return null;
  if (isMinistry(viewer) || viewer.role === Role.COMPANY_MANAGER) return { providerId: null };
  if (viewer.role === Role.PROVIDER && viewer.providerId) return { providerId: viewer.providerId };
  return null;
}

/** The provider a provider account acts for; anyone else may not change inventory. */
export function ownProviderId(viewer: Viewer): string {
  if (viewer.role !== Role.PROVIDER || !viewer.providerId) throw forbidden();
  return viewer.providerId;
}

interface SqlConditions {
  where: string[];
  params: unknown[];
}

/** SQL conditions on `inventory_item i` for a slice and a filter; a bad filter names its field. */
function itemConditions(
  slice: { providerId: string | null },
  filter: InventoryFilter | null | undefined,
): SqlConditions {
  const where: string[] = [];
  const params: unknown[] = [];
  if (slice.providerId) {
    where.push('i.provider_id = ?');
    params.push(slice.providerId);
  }
  if (filter?.providerId != null) {
    if (!isUuid(filter.providerId)) throw badInput('filter.providerId', 'Give a provider id this API issued.');
    where.push('i.provider_id = ?');
    params.push(filter.providerId);
  }
  if (filter?.kind) {
    where.push('i.kind = ?');
    params.push(filter.kind);
  }
  if (filter?.city != null) {
    if (filter.city.trim().length === 0) throw badInput('filter.city', 'Give a city name, or leave the filter out.');
    where.push(`i.provider_id in (select p.id from service_provider p where p.city ilike ?)`);
    params.push(exactLike(filter.city));
  }
  return { where, params };
}

/** One page of items in id order (keyset): one statement for the rows, one for the count when asked. */
async function pageOfItems(
  em: EntityManager,
  conditions: SqlConditions,
  args: PageArgs,
  withCount: boolean,
): Promise<Page<InventoryItemRow>> {
  const first = checkPageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const where = conditions.where.length > 0 ? conditions.where.join(' and ') : 'true';
  const connection = em.getConnection();
  const [rows, counted] = await Promise.all([
    connection.execute<Record<string, unknown>[]>(
      `select i.* from inventory_item i where ${where}${afterId ? ' and i.id > ?' : ''} order by i.id limit ?`,
      [...conditions.params, ...(afterId ? [afterId] : []), first + 1],
    ),
    withCount
      ? connection.execute<{ n: number }[]>(
          `select count(*)::int as n from inventory_item i where ${where}`,
          conditions.params,
        )
      : Promise.resolve(undefined),
  ]);
  const items = rows.map((row) => em.map(InventoryItemEntity, row as never) as InventoryItemRow);
  return toPage(items, first, counted ? Number(counted[0]!.n) : undefined);
}

const itemPage = (page: Page<InventoryItemRow>): Page<InventoryItem> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: toInventoryItem(e.node) })),
});

export async function listInventoryItems(
  em: EntityManager,
  viewer: Viewer,
  filter: InventoryFilter | null | undefined,
  args: PageArgs,
  withCount: boolean,
): Promise<Page<InventoryItem>> {
  const slice = inventorySlice(viewer);
  if (!slice) throw forbidden();
  return itemPage(await pageOfItems(em, itemConditions(slice, filter), args, withCount));
}

/** Items by id in one query; null where missing or outside the viewer's slice. */
export async function inventoryItemsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(InventoryItem | null)[]> {
  const slice = inventorySlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(InventoryItemEntity, {
    id: { $in: valid },
    ...(slice.providerId ? { providerId: slice.providerId } : {}),
  });
  const byId = new Map(rows.map((row) => [row.id, toInventoryItem(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * A page of items for each of many providers, in one statement (plus one for the counts when
 * asked). A provider outside the viewer's slice gets null.
 */
export async function itemsOfProviders(
  em: EntityManager,
  viewer: Viewer | null,
  providerIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<(Page<InventoryItem> | null)[]> {
  const slice = inventorySlice(viewer);
  const visible = providerIds.filter(
    (id) => isUuid(id) && slice !== null && (slice.providerId === null || slice.providerId === id),
  );
  const pages = await pagesByParent(em, InventoryItemEntity, 'providerId', visible, args, withCount);
  return providerIds.map((id) => {
    const page = pages.get(id);
    return page ? itemPage(page as Page<InventoryItemRow>) : null;
  });
}

interface AllotmentRow {
  item_id: string;
  day: string;
  capacity: number;
  reserved: number;
  price_halalas: number;
}

/** The opened days of many items in a period, in one statement; every item gets a list. */
export async function daysOfItems(
  em: EntityManager,
  itemIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, InventoryDay[]>> {
  const ids = [...new Set(itemIds)];
  const byItem = new Map<string, InventoryDay[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byItem;
  const rows = await em.getConnection().execute<AllotmentRow[]>(
    `select item_id, day::text as day, capacity, reserved, price_halalas from inventory_allotment
      where item_id in (${ids.map(() => '?').join(', ')}) and day between ?::date and ?::date
      order by item_id, day`,
    [...ids, from, to],
  );
  for (const row of rows) {
    byItem.get(row.item_id)?.push(
      Object.assign(new InventoryDay(), {
        day: row.day,
        capacity: row.capacity,
        reserved: row.reserved,
        available: row.capacity - row.reserved,
        priceHalalas: row.price_halalas,
      }),
    );
  }
  return byItem;
}

function toAvailability(item: InventoryItem, days: InventoryDay[], periodDays: number): ItemAvailability {
  const coversPeriod = days.length === periodDays;
  return Object.assign(new ItemAvailability(), {
    id: item.id,
    item,
    days,
    coversPeriod,
    fewestAvailable: coversPeriod ? Math.min(...days.map((d) => d.available)) : 0,
  });
}

/**
 * Items with their days in a period, for a calendar or for composing a package. Without
 * `minAvailable`, every item with at least one opened day in the period; with it, only items
 * opened on every day of the period with at least that many places free each day. Three
 * statements whatever the page size: the items, their count (when asked), their days.
 */
export async function listAvailability(
  em: EntityManager,
  viewer: Viewer,
  period: { from: string; to: string },
  filter: InventoryFilter | null | undefined,
  minAvailable: number | null | undefined,
  args: PageArgs,
  withCount: boolean,
): Promise<Page<ItemAvailability>> {
  const slice = inventorySlice(viewer);
  if (!slice) throw forbidden();
  const length = checkPeriod(period.from, period.to, MAX_QUERY_DAYS);
  const conditions = itemConditions(slice, filter);
  if (minAvailable == null) {
    conditions.where.push(
      'exists (select 1 from inventory_allotment a where a.item_id = i.id and a.day between ?::date and ?::date)',
    );
    conditions.params.push(period.from, period.to);
  } else {
    if (!Number.isInteger(minAvailable) || minAvailable < 1 || minAvailable > MAX_CAPACITY) {
      throw badInput('minAvailable', `Ask for 1 to ${MAX_CAPACITY} places.`);
    }
    conditions.where.push(
      `(select count(*) from inventory_allotment a
         where a.item_id = i.id and a.day between ?::date and ?::date and a.capacity - a.reserved >= ?) = ?`,
    );
    conditions.params.push(period.from, period.to, minAvailable, length);
  }
  const page = await pageOfItems(em, conditions, args, withCount);
  const days = await daysOfItems(
    em,
    page.edges.map((e) => e.node.id),
    period.from,
    period.to,
  );
  return {
    ...page,
    edges: page.edges.map((e) => ({
      cursor: e.cursor,
      node: toAvailability(toInventoryItem(e.node), days.get(e.node.id) ?? [], length),
    })),
  };
}

function checkText(value: string, field: string, min: number, max: number, what: string): string {
  const text = value.trim();
  // Characters as the database's char_length counts them (an emoji is one, not two UTF-16 units).
  const length = [...text].length;
  if (length < min || length > max) throw badInput(field, `Give ${what} of ${min} to ${max} characters.`);
  return text;
}

/** The details an item of this kind carries, all present, none extra. */
function kindDetails(
  kind: ProviderKind,
  input: CreateInventoryItemInput,
): Pick<InventoryItemRow, 'roomType' | 'mealPlan' | 'routeFrom' | 'routeTo'> {
  const refuse = (field: string, what: string): never => {
    throw badInput(`input.${field}`, `Only ${what} have this detail; leave it out for a ${kind} item.`);
  };
  const require = (field: string, what: string): never => {
    throw badInput(`input.${field}`, `A ${kind} item needs ${what}.`);
  };
  if (input.roomType != null && kind !== ProviderKind.HOTEL) refuse('roomType', 'hotel items');
  if (input.mealPlan != null && kind !== ProviderKind.CATERING) refuse('mealPlan', 'catering items');
  if (input.routeFrom != null && kind !== ProviderKind.TRANSPORT) refuse('routeFrom', 'transport items');
  if (input.routeTo != null && kind !== ProviderKind.TRANSPORT) refuse('routeTo', 'transport items');
  if (kind === ProviderKind.HOTEL && input.roomType == null) require('roomType', 'a room type');
  if (kind === ProviderKind.CATERING && input.mealPlan == null) require('mealPlan', 'a meal plan');
  let routeFrom: string | null = null;
  let routeTo: string | null = null;
  if (kind === ProviderKind.TRANSPORT) {
    if (input.routeFrom == null) require('routeFrom', 'where the route starts');
    if (input.routeTo == null) require('routeTo', 'where the route ends');
    routeFrom = checkText(input.routeFrom!, 'input.routeFrom', 2, 80, 'a place');
    routeTo = checkText(input.routeTo!, 'input.routeTo', 2, 80, 'a place');
    if (routeFrom.toLowerCase() === routeTo.toLowerCase()) {
      throw badInput('input.routeTo', 'A route ends somewhere else than where it starts.');
    }
  }
  return { roomType: input.roomType ?? null, mealPlan: input.mealPlan ?? null, routeFrom, routeTo };
}

/** A provider adds an item to its own inventory; the item's kind is the provider's kind. */
export async function createInventoryItem(
  em: EntityManager,
  viewer: Viewer,
  input: CreateInventoryItemInput,
): Promise<InventoryItem> {
  const providerId = ownProviderId(viewer);
  const provider = await em.findOne(ServiceProviderEntity, { id: providerId });
  if (!provider) throw ownProviderMissing();
  const kind = provider.kind as ProviderKind;
  if (kind === ProviderKind.TRAVEL_AGENT) throw noInventoryForKind(kind);
  const code = input.code.trim().toUpperCase();
  if (!ITEM_CODE.test(code)) {
    throw badInput('input.code', 'A code is 2 to 40 capital letters, digits, dashes or underscores.');
  }
  const row = em.create(InventoryItemEntity, {
    id: uuidv7(),
    providerId,
    kind,
    code,
    nameAr: checkText(input.nameAr, 'input.nameAr', 2, 200, 'an Arabic name'),
    nameEn: checkText(input.nameEn, 'input.nameEn', 2, 200, 'an English name'),
    ...kindDetails(kind, input),
    createdAt: new Date(),
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw inventoryCodeTaken(code);
    throw error;
  }
  return toInventoryItem(row);
}

/**
 * A provider opens or changes one of its items for every day of a period, all or nothing. The
 * item's existing days of the period are locked first, in day order (the order bookings lock them
 * in), so no booking can take a place between the check and the change; a capacity below what is
 * already reserved is refused (and the database would refuse it too).
 */
export async function setAllotments(
  em: EntityManager,
  viewer: Viewer,
  input: SetInventoryAllotmentsInput,
): Promise<ItemAvailability> {
  const providerId = ownProviderId(viewer);
  if (!isUuid(input.itemId)) throw inventoryItemNotFound('input.itemId');
  const length = checkPeriod(input.from, input.to, MAX_ALLOTMENT_DAYS, { from: 'input.from', to: 'input.to' });
  const today = riyadhToday();
  if (input.from < today) throw badInput('input.from', `Days before today (${today}) cannot be changed.`);
  if (!Number.isInteger(input.capacity) || input.capacity < 0 || input.capacity > MAX_CAPACITY) {
    throw badInput('input.capacity', `Give a capacity of 0 to ${MAX_CAPACITY} places.`);
  }
  if (!Number.isInteger(input.priceHalalas) || input.priceHalalas < 0 || input.priceHalalas > MAX_PRICE) {
    throw badInput('input.priceHalalas', `Give a price of 0 to ${MAX_PRICE} halalas.`);
  }
  const item = await em.transactional(async (tx) => {
    const row = await tx.findOne(InventoryItemEntity, { id: input.itemId, providerId });
    if (!row) throw inventoryItemNotFound('input.itemId');
    const held = await tx.execute<{ day: string; reserved: number }[]>(
      `select day::text as day, reserved from inventory_allotment
        where item_id = ? and day between ?::date and ?::date order by day for update`,
      [row.id, input.from, input.to],
    );
    const over = held.find((d) => d.reserved > input.capacity);
    if (over) throw capacityBelowReserved(over.day, over.reserved);
    await tx.execute(
      `insert into inventory_allotment (item_id, day, capacity, reserved, price_halalas)
       select ?::uuid, d::date, ?, 0, ? from generate_series(?::date, ?::date, interval '1 day') d
       on conflict (item_id, day) do update
         set capacity = excluded.capacity, price_halalas = excluded.price_halalas, updated_at = now()`,
      [row.id, input.capacity, input.priceHalalas, input.from, input.to],
    );
    return row;
  });
  const days = await daysOfItems(em, [item.id], input.from, input.to);
  return toAvailability(toInventoryItem(item), days.get(item.id) ?? [], length);
}
