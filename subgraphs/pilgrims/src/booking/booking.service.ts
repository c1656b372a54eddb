import { isUuid, type EntityManager } from '@umrah/db-kit';

/** A confirmed booking of a pilgrim, as last heard from the packages subgraph. */
export interface PilgrimBooking {
  bookingId: string;
  bookingReference: string;
  packageId: string;
  companyId: string;
  startsOn: string;
  endsOn: string;
}

const isoDay = (value: Date | string): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/**
 * Each pilgrim's confirmed bookings (by the pilgrim's own company, not cancelled), in one query;
 * every asked id is in the map, with an empty list when it has none.
 */
export async function confirmedBookingsOf(
  em: EntityManager,
  pilgrimIds: readonly string[],
): Promise<Map<string, PilgrimBooking[]>> {
  const result = new Map<string, PilgrimBooking[]>(pilgrimIds.map((id) => [id, []]));
  const valid = [...new Set(pilgrimIds.filter(isUuid))];
  if (valid.length === 0) return result;
  const rows = await em.getConnection().execute<
    {
      booking_id: string;
      pilgrim_id: string;
      company_id: string;
      package_id: string;
      booking_reference: string;
      starts_on: Date | string;
      ends_on: Date | string;
    }[]
  >(
    `select booking_id, pilgrim_id, company_id, package_id, booking_reference,
            to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on
       from pilgrim_booking
      where status = 'CONFIRMED' and pilgrim_id in (${valid.map(() => '?').join(', ')})
      order by starts_on, booking_id`,
    valid,
    'all',
    em.getTransactionContext(),
  );
  for (const row of rows) {
    result.get(row.pilgrim_id)?.push({
      bookingId: row.booking_id,
      bookingReference: row.booking_reference,
      packageId: row.package_id,
      companyId: row.company_id,
      startsOn: isoDay(row.starts_on),
      endsOn: isoDay(row.ends_on),
    });
  }
  return result;
}
