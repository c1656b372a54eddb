import { isUuid } from '@umrah/db-kit';
import { badInput } from '@umrah/subgraph-kit';

/** A required text, trimmed, of `min` to `max` characters; refused naming the field otherwise. */
export function checkText(value: string | null | undefined, field: string, min: number, max: number): string {
  const text = (value ?? '').trim();
  // Characters as the database's char_length counts them (an emoji is one, not two UTF-16 units).
  const length = [...text].length;
  if (length < min || length > max) {
    throw badInput(field, `Write ${min} to ${max.toLocaleString('en')} characters here.`);
  }
  return text;
}

/** An optional text: null when absent or blank, else checked like `checkText`. */
export function optionalText(value: string | null | undefined, field: string, min: number, max: number): string | null {
  if (value == null || value.trim() === '') return null;
  return checkText(value, field, min, max);
}

/** An optional id argument: null when absent, refused naming the field when it is not an id this API issues. */
export function optionalId(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  if (!isUuid(value)) throw badInput(field, 'Give an id this API issued.');
  return value;
}

const riyadhDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in the Kingdom at `at`, `YYYY-MM-DD`: cure periods and visits are dated in local days. */
export const riyadhDate = (at: Date = new Date()): string => riyadhDay.format(at);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Whether an ISO day exists in the calendar (the Date scalar lets 30 February through). */
export function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}
