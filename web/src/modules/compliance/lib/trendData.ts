import { SAUDI_TIME_ZONE } from '@/lib/dates';
import { intlLocale, type Language } from '@/lib/locale';

/** The periods the dashboard offers, in months ending with the current one (the API allows up to 36). */
export const PERIODS = [3, 6, 12, 24] as const;
export type Period = (typeof PERIODS)[number];

const index = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The `months` months ending with the month of `today` (YYYY-MM-DD), as the API's YYYY-MM bounds. */
export function monthRange(today: string, months: number): { fromMonth: string; toMonth: string } {
  const toMonth = today.slice(0, 7);
  return { fromMonth: monthOf(index(toMonth) - (months - 1)), toMonth };
}

/** Noon on a day of a month, UTC: the same calendar day in Riyadh. */
const dayOf = (month: string, day: number): Date =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day, 12));

const lastDay = (month: string): number =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** A Gregorian month, e.g. "Mar 2026" / "مارس 2026" (`short` for chart axes). */
export function formatMonth(month: string, language: Language, style: 'short' | 'long' = 'long'): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    calendar: 'gregory',
    timeZone: SAUDI_TIME_ZONE,
    month: style,
    year: 'numeric',
  }).format(dayOf(month, 15));
}

/**
 * The Umm al-Qura months a Gregorian month overlaps, e.g. "Ramadan – Shawwal 1447 AH": shown beside
 * the Gregorian month so a month of the trend reads in both calendars.
 */
export function hijriSpan(month: string, language: Language): string {
  const formatter = (withYear: boolean) =>
    new Intl.DateTimeFormat(intlLocale(language), {
      calendar: 'islamic-umalqura',
      timeZone: SAUDI_TIME_ZONE,
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
    });
  const year = (date: Date) =>
    new Intl.DateTimeFormat('en-u-nu-latn', {
      calendar: 'islamic-umalqura',
      timeZone: SAUDI_TIME_ZONE,
      year: 'numeric',
    })
      .formatToParts(date)
      .find((p) => p.type === 'year')?.value;
  const first = dayOf(month, 1);
  const last = dayOf(month, lastDay(month));
  const end = formatter(true).format(last);
  if (formatter(true).format(first) === end) return end;
  const start = year(first) === year(last) ? formatter(false).format(first) : formatter(true).format(first);
  return `${start} – ${end}`;
}

/** Whether a trend has anything counted at all (else the chart shows an empty state). */
export const hasActivity = (points: readonly { parties: number }[]): boolean => points.some((p) => p.parties > 0);
