import { intlLocale, type Language } from './locale';

/** Every date is shown on the Saudi clock, whatever the browser's time zone. */
export const SAUDI_TIME_ZONE = 'Asia/Riyadh';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a GraphQL `Date` (YYYY-MM-DD) or `DateTime` (ISO-8601) value. A bare date is a calendar
 * day, so it is pinned to noon UTC: that instant falls on the same day in Riyadh (UTC+3).
 */
export function parseIsoDate(value: string): Date | null {
  const dateOnly = DATE_ONLY.exec(value);
  const date = dateOnly
    ? new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]), 12))
    : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  if (dateOnly && date.getUTCDate() !== Number(dateOnly[3])) return null; // 2026-02-30
  return date;
}

export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

export interface DateFormatOptions {
  /** Add the Riyadh time of day (for DateTime values). */
  withTime?: boolean;
  /** `long` writes the month name; `short` abbreviates it where the calendar allows. */
  month?: 'long' | 'short';
}

function formatter(language: Language, calendar: 'islamic-umalqura' | 'gregory', options: DateFormatOptions) {
  return new Intl.DateTimeFormat(intlLocale(language), {
    calendar,
    timeZone: SAUDI_TIME_ZONE,
    day: 'numeric',
    month: options.month ?? 'long',
    year: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  });
}

/** Umm al-Qura Hijri, e.g. "1 Shawwal 1447 AH" / "1 شوال 1447 هـ". */
export function formatHijri(value: string, language: Language, options: DateFormatOptions = {}): string {
  const date = parseIsoDate(value);
  return date ? formatter(language, 'islamic-umalqura', options).format(date) : value;
}

/** Gregorian, e.g. "20 March 2026" / "20 مارس 2026". Explicit: ar-SA defaults to the Hijri calendar. */
export function formatGregorian(value: string, language: Language, options: DateFormatOptions = {}): string {
  const date = parseIsoDate(value);
  return date ? formatter(language, 'gregory', options).format(date) : value;
}

export interface DualDateText {
  hijri: string;
  gregorian: string;
}

export function formatDual(value: string, language: Language, options: DateFormatOptions = {}): DualDateText {
  return { hijri: formatHijri(value, language, options), gregorian: formatGregorian(value, language, options) };
}

export interface HijriParts {
  year: number;
  month: number;
  day: number;
}

/** The Umm al-Qura day a value falls on in Riyadh, as numbers (month 9 is Ramadan, 10 Shawwal). */
export function hijriParts(value: string): HijriParts | null {
  const date = parseIsoDate(value);
  if (!date) return null;
  const parts = new Intl.DateTimeFormat('en-u-nu-latn', {
    calendar: 'islamic-umalqura',
    timeZone: SAUDI_TIME_ZONE,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
