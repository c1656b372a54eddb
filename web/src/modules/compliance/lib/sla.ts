import type { ComplaintStatus } from '@/generated/graphql';
import type { Tone } from '@/lib/StatusTag';

/** Where a complaint's SLA clock stands, as the desk shows it (with text, never colour alone). */
export type SlaState =
  | { kind: 'met'; tone: Tone }
  | { kind: 'missed'; tone: Tone }
  | { kind: 'running'; tone: Tone; minutes: number }
  | { kind: 'dueSoon'; tone: Tone; minutes: number }
  | { kind: 'overdue'; tone: Tone; minutes: number };

export interface SlaClock {
  status: ComplaintStatus;
  slaHours: number;
  slaDueAt: string;
  slaBreached: boolean;
}

const MINUTE = 60_000;
// Warn when a quarter of the allowed time is left, and never later than 6 hours before the due time.
const DUE_SOON_SHARE = 0.25;
const DUE_SOON_MIN_MINUTES = 6 * 60;

export function slaState(clock: SlaClock, now: Date): SlaState {
  if (clock.status === 'RESOLVED')
    return clock.slaBreached ? { kind: 'missed', tone: 'error' } : { kind: 'met', tone: 'success' };
  const left = Math.floor((Date.parse(clock.slaDueAt) - now.getTime()) / MINUTE);
  if (left < 0 || clock.slaBreached) return { kind: 'overdue', tone: 'error', minutes: Math.max(0, -left) };
  const soon = Math.max(clock.slaHours * 60 * DUE_SOON_SHARE, DUE_SOON_MIN_MINUTES);
  return left <= soon
    ? { kind: 'dueSoon', tone: 'warning', minutes: left }
    : { kind: 'running', tone: 'info', minutes: left };
}

/** Whole days and hours of a span of minutes (minutes only under an hour). */
export function splitDuration(minutes: number): { days: number; hours: number; minutes: number } {
  const m = Math.max(0, Math.floor(minutes));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}
