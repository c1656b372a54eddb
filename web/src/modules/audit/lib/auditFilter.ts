import type { AuditLogFilter, AuditSource } from '@/generated/graphql';
import type { Tone } from '@/lib/StatusTag';

export const AUDIT_SOURCES: readonly AuditSource[] = ['COMPANIES', 'PILGRIMS', 'PACKAGES', 'LOYALTY'];

/** The filter bar's values, dates as calendar days (YYYY-MM-DD) on the Riyadh clock. */
export interface AuditFilterValues {
  source?: AuditSource | null;
  operation?: string | null;
  refusedOnly?: boolean | null;
  companyId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** What the API accepts as an operation: one mutation name (it matches names exactly). */
export const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Riyadh keeps UTC+3 all year (no daylight saving).
const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000;

/** The instant a Riyadh calendar day starts, `days` later, as an ISO DateTime; null for a malformed day. */
export function riyadhDayStart(day: string, days = 0): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return new Date(utcMidnight - RIYADH_OFFSET_MS).toISOString();
}

/**
 * The API filter for the bar's values. The period covers whole Riyadh days, both ends included:
 * `to` is the start of the day after the last one (the API's `to` is exclusive). An operation
 * that is not a mutation name is left out rather than sent to be refused; the form says why.
 */
export function toAuditLogFilter(values: AuditFilterValues): AuditLogFilter {
  const operation = values.operation?.trim() ?? '';
  let from = values.from ?? null;
  let to = values.to ?? null;
  // A period picked backwards still names the same days.
  if (from && to && to < from) [from, to] = [to, from];
  return {
    source: values.source ?? null,
    operation: OPERATION_NAME.test(operation) ? operation : null,
    refused: values.refusedOnly ? true : null,
    companyId: values.companyId ?? null,
    from: from ? riyadhDayStart(from) : null,
    to: to ? riyadhDayStart(to, 1) : null,
  };
}

/** Outcome codes every part of the graph may record; others are domain codes, shown as they are. */
export const KNOWN_OUTCOMES = [
  'OK',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
] as const;
export type KnownOutcome = (typeof KNOWN_OUTCOMES)[number];

export function knownOutcome(outcome: string): KnownOutcome | null {
  return (KNOWN_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as KnownOutcome) : null;
}

/** Green for a call that went through, red for any refusal or failure. */
export function outcomeTone(outcome: string): Tone {
  return outcome === 'OK' ? 'success' : 'error';
}
