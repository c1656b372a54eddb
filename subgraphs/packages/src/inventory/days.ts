import { badInput } from '@umrah/subgraph-kit';

const DAY_MS = 86_400_000;

/** Whether an ISO day exists in the calendar (the Date scalar lets 30 February through). */
export const isCalendarDay = (day: string): boolean => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
};

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Days from one ISO day to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** A period of whole days, both ends included, checked for real days, order and length. */
export function checkPeriod(
  from: string,
  to: string,
  maxDays: number,
  fields: { from: string; to: string } = { from: 'from', to: 'to' },
): number {
  if (!isCalendarDay(from)) throw badInput(fields.from, 'This day does not exist in the calendar.');
  if (!isCalendarDay(to)) throw badInput(fields.to, 'This day does not exist in the calendar.');
  const length = daysBetween(from, to) + 1;
  if (length < 1) throw badInput(fields.to, 'The last day must not come before the first day.');
  if (length > maxDays) throw badInput(fields.to, `A period is at most ${maxDays} days long.`);
  return length;
}
