import type { BookingStatus } from '@/generated/graphql';
import { intlLocale, type Language } from '@/lib/locale';
import type { Tone } from '@/lib/StatusTag';

/** Where an unpaid booking's hold stands, as the list shows it (with text, never colour alone). */
export type HoldState =
  | { kind: 'none' }
  | { kind: 'running'; tone: Tone; minutes: number }
  | { kind: 'endingSoon'; tone: Tone; minutes: number }
  | { kind: 'lapsed'; tone: Tone };

const MINUTE = 60_000;
// Warn in the last three hours: time enough to take a payment.
const ENDING_SOON_MINUTES = 3 * 60;

/**
 * The hold of a HELD booking with a deadline: the minutes left, or lapsed (the server refuses the
 * confirmation and expires it shortly). Nothing for other bookings.
 */
export function holdState(status: BookingStatus, heldUntil: string | null, now: Date): HoldState {
  if (status !== 'HELD' || !heldUntil) return { kind: 'none' };
  const left = Math.floor((Date.parse(heldUntil) - now.getTime()) / MINUTE);
  if (Number.isNaN(left)) return { kind: 'none' };
  if (left < 1) return { kind: 'lapsed', tone: 'error' };
  return left <= ENDING_SOON_MINUTES
    ? { kind: 'endingSoon', tone: 'warning', minutes: left }
    : { kind: 'running', tone: 'info', minutes: left };
}

/** A span of minutes as words in the language ("1 day, 3 hours" / "يوم و3 ساعات"); minutes only under a day. */
export function formatTimeLeft(minutes: number, language: Language): string {
  const locale = intlLocale(language);
  const m = Math.max(0, Math.floor(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const parts: [number, 'day' | 'hour' | 'minute'][] =
    days > 0
      ? [
          [days, 'day'],
          [hours, 'hour'],
        ]
      : [
          [hours, 'hour'],
          [m % 60, 'minute'],
        ];
  const words = parts
    .filter(([value], i) => value > 0 || (i === parts.length - 1 && parts[0]![0] === 0))
    .map(([value, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value));
  return new Intl.ListFormat(locale, { style: 'long', type: 'unit' }).format(words);
}
