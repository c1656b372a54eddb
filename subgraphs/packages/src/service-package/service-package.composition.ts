import { badInput } from '@umrah/subgraph-kit';
import {
  componentOutsideStay,
  componentsOverlap,
  hotelOutsideHolyCities,
  nightsNotCovered,
} from './service-package.errors';

/** The most components one package may have. */
export const MAX_COMPONENTS = 30;

export interface ComponentSpec {
  itemId: string;
  dayOffset: number;
  days: number;
}

/** What the rules need to know of a component's inventory item. */
export interface ComponentItem {
  kind: string;
  /** The city of the item's provider. */
  city: string;
}

export interface StaySpec {
  makkahNights: number;
  madinahNights: number;
}

type HolyCity = 'Makkah' | 'Madinah';

/** The holy city a provider's registered city names, whatever its letter case; null for any other. */
export function holyCity(city: string): HolyCity | null {
  const name = city.trim().toLowerCase();
  if (name === 'makkah') return 'Makkah';
  if (name === 'madinah') return 'Madinah';
  return null;
}

const isHotel = (item: ComponentItem): boolean => item.kind === 'HOTEL';

/**
 * Rules every saved package meets, a draft too: each component lies within the stay (hotel nights
 * within nights 0..N−1, other services within days 0..N), hotels are in Makkah or Madinah, no two
 * hotels give the same night, and no item is used twice on the same day. `items` holds every
 * component's item. Errors name the component (`input.components.2.days`).
 */
export function checkComponents(
  stay: StaySpec,
  components: readonly ComponentSpec[],
  items: ReadonlyMap<string, ComponentItem>,
  field = 'input.components',
): void {
  const nights = stay.makkahNights + stay.madinahNights;
  if (components.length > MAX_COMPONENTS) {
    throw badInput(field, `A package has at most ${MAX_COMPONENTS} components.`);
  }
  components.forEach((component, i) => {
    const at = `${field}.${i}`;
    if (!Number.isInteger(component.dayOffset) || component.dayOffset < 0) {
      throw badInput(`${at}.dayOffset`, 'A component starts on day 0 (the day of arrival) or later.');
    }
    if (!Number.isInteger(component.days) || component.days < 1) {
      throw badInput(`${at}.days`, 'A component lasts at least one day.');
    }
    const item = items.get(component.itemId)!;
    const hotel = isHotel(item);
    if (component.dayOffset + component.days > (hotel ? nights : nights + 1)) {
      throw componentOutsideStay(`${at}.days`, nights, hotel);
    }
    if (hotel && !holyCity(item.city)) throw hotelOutsideHolyCities(`${at}.itemId`, item.city);
  });
  for (let j = 1; j < components.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = components[i]!;
      const b = components[j]!;
      const first = Math.max(a.dayOffset, b.dayOffset);
      if (first >= Math.min(a.dayOffset + a.days, b.dayOffset + b.days)) continue;
      const bothHotels = isHotel(items.get(a.itemId)!) && isHotel(items.get(b.itemId)!);
      if (bothHotels) throw componentsOverlap(`${field}.${j}`, i, first, true);
      if (a.itemId === b.itemId) throw componentsOverlap(`${field}.${j}`, i, first, false);
    }
  }
}

/**
 * What a package meets before it goes to the ministry (and whenever it is approved): its Makkah
 * hotels give exactly its Makkah nights and its Madinah hotels exactly its Madinah nights. With the
 * rules above (no two hotels on one night, all within the stay), every night then has one bed.
 */
export function checkComplete(
  stay: StaySpec,
  components: readonly ComponentSpec[],
  items: ReadonlyMap<string, ComponentItem>,
  field = 'input.components',
): void {
  const covered: Record<HolyCity, number> = { Makkah: 0, Madinah: 0 };
  for (const component of components) {
    const item = items.get(component.itemId)!;
    const city = isHotel(item) ? holyCity(item.city) : null;
    if (city) covered[city] += component.days;
  }
  if (covered.Makkah !== stay.makkahNights) {
    throw nightsNotCovered(field, 'Makkah', stay.makkahNights, covered.Makkah);
  }
  if (covered.Madinah !== stay.madinahNights) {
    throw nightsNotCovered(field, 'Madinah', stay.madinahNights, covered.Madinah);
  }
}
