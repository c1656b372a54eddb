import { intlLocale, type Language } from './locale';

/** Integer halalas (1 SAR = 100 halalas) as a localized SAR amount with two decimals. */
export function formatSar(halalas: number, language: Language): string {
  if (!Number.isSafeInteger(halalas)) throw new RangeError(`halalas must be an integer, got ${halalas}`);
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'SAR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(halalas / 100);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** A count the API may not know yet (null) shows as a dash. */
export function formatCount(value: number | null | undefined, language: Language): string {
  return value === null || value === undefined ? '—' : formatNumber(value, language);
}
