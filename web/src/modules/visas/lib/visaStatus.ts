import type { VisaStatus } from '@/generated/graphql';
import { intlLocale, type Language } from '@/lib/locale';

/** The way an application normally goes, from the agent's submission to the pilgrim leaving. */
export const VISA_JOURNEY: readonly VisaStatus[] = [
  'SUBMITTED',
  'APPROVED',
  'PAID',
  'SENT_TO_MOFA',
  'ISSUED',
  'ARRIVED',
  'DEPARTED',
];

/** Statuses that end an application so that the pilgrim may apply again (mirrors the API's unique key). */
const CLOSED: ReadonlySet<VisaStatus> = new Set(['REJECTED', 'CANCELLED']);

/** Whether an application still stands in the pilgrim's way of applying again. */
export function isLive(status: VisaStatus): boolean {
  return !CLOSED.has(status);
}

/** A pilgrim may be applied for when it has no application, or only a rejected or cancelled one. */
export function mayApply(visa: { status: VisaStatus } | null | undefined): boolean {
  return !visa || !isLive(visa.status);
}

/**
 * How far along the usual journey an application got: the index in VISA_JOURNEY of the last step
 * reached. An application that left the journey (rejected, cancelled, expired, overstayed) counts
 * from the steps its history shows.
 */
export function journeyIndex(status: VisaStatus, reached: readonly VisaStatus[] = []): number {
  const own = VISA_JOURNEY.indexOf(status);
  if (own >= 0) return own;
  const fromHistory = reached.map((s) => VISA_JOURNEY.indexOf(s)).filter((i) => i >= 0);
  if (status === 'OVERSTAYED') return Math.max(VISA_JOURNEY.indexOf('ARRIVED'), ...fromHistory);
  return fromHistory.length > 0 ? Math.max(...fromHistory) : 0;
}

const UNITS = [
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
  { unit: 'second', seconds: 1 },
] as const;

/**
 * A duration in words with at most its two largest units, e.g. "42 days and 16 hours" or
 * "3 seconds"; null under a second (the caller says "less than a second").
 */
export function formatDuration(totalSeconds: number, language: Language): string | null {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 1) return null;
  const whole = Math.floor(totalSeconds);
  const first = UNITS.findIndex(({ seconds }) => whole >= seconds);
  const parts = UNITS.slice(first, first + 2)
    .map(({ unit, seconds }, i) => ({
      unit,
      count: i === 0 ? Math.floor(whole / seconds) : Math.floor((whole % UNITS[first]!.seconds) / seconds),
    }))
    .filter(({ count }) => count > 0)
    .map(({ unit, count }) =>
      new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, unitDisplay: 'long' }).format(count),
    );
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(parts);
}
