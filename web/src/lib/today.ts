import { SAUDI_TIME_ZONE } from './dates';

/** Today's date in Riyadh as YYYY-MM-DD, for file names. */
export function todayInRiyadh(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: SAUDI_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
