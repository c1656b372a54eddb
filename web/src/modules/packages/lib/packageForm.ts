import type { ServicePackageInput } from '@/generated/graphql';

/** A SAR amount typed by a manager (up to two decimals) in integer halalas; null when it is not one. */
export function sarToHalalas(sar: number | string | null | undefined): number | null {
  if (sar === null || sar === undefined || sar === '') return null;
  const text = typeof sar === 'number' ? sar.toFixed(2) : sar.trim();
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const halalas = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(halalas) ? halalas : null;
}

/** The day `days` after an ISO date (YYYY-MM-DD), in the Gregorian calendar. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** The availability API reads at most 92 days: the builder looks at the start of the sale window. */
export const AVAILABILITY_WINDOW_DAYS = 92;

export function availabilityPeriod(saleStartsOn: string, saleEndsOn: string): { from: string; to: string } {
  const last = addDays(saleStartsOn, AVAILABILITY_WINDOW_DAYS - 1);
  return { from: saleStartsOn, to: saleEndsOn < last ? saleEndsOn : last };
}

export interface PackageFormValues {
  nameAr: string;
  nameEn: string;
  priceSar: number | string;
  makkahNights: number;
  madinahNights: number;
  saleStartsOn: string;
  saleEndsOn: string;
  components?: { itemId: string; dayOffset: number; days: number }[];
}

/** The builder's values as the API's input: money in halalas, components in the order shown. */
export function toPackageInput(values: PackageFormValues): ServicePackageInput {
  const priceHalalas = sarToHalalas(values.priceSar);
  if (priceHalalas === null) throw new RangeError('price must be a SAR amount with at most two decimals');
  return {
    nameAr: values.nameAr.trim(),
    nameEn: values.nameEn.trim(),
    priceHalalas,
    makkahNights: Number(values.makkahNights),
    madinahNights: Number(values.madinahNights),
    saleStartsOn: values.saleStartsOn,
    saleEndsOn: values.saleEndsOn,
    components: (values.components ?? []).map((c) => ({
      itemId: c.itemId,
      dayOffset: Number(c.dayOffset),
      days: Number(c.days),
    })),
  };
}
