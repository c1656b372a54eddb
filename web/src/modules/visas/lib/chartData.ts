import type { VisaStatus } from '@/generated/graphql';
import { VISA_STATUSES } from '@/modules/pilgrims/components/VisaStatusTag';

const DAY_MS = 86_400_000;

/** The days a chart covers: `days` days ending on `today` (both YYYY-MM-DD, Riyadh). */
export function dayRange(today: string, days: number): { from: string; to: string } {
  const end = Date.parse(`${today}T00:00:00Z`);
  return { from: new Date(end - (days - 1) * DAY_MS).toISOString().slice(0, 10), to: today };
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export type DayPoint = { day: string } & Partial<Record<VisaStatus, number>>;

/**
 * Day counts as one point per day with a value per status, zeros filled in: the API leaves out
 * the days on which nothing happened, and a line chart must not join across them.
 */
export function dailySeries(
  rows: readonly { day: string; status: VisaStatus; count: number }[],
  from: string,
  to: string,
  statuses: readonly VisaStatus[],
): DayPoint[] {
  const byDay = new Map<string, DayPoint>(
    daysBetween(from, to).map((day) => [day, { day, ...Object.fromEntries(statuses.map((s) => [s, 0])) }]),
  );
  for (const row of rows) {
    const point = byDay.get(row.day);
    if (point && statuses.includes(row.status)) point[row.status] = (point[row.status] ?? 0) + row.count;
  }
  return [...byDay.values()];
}

/** Totals per status over a series, for the table beside the chart. */
export function seriesTotals(points: readonly DayPoint[], statuses: readonly VisaStatus[]): Record<string, number> {
  return Object.fromEntries(statuses.map((s) => [s, points.reduce((sum, p) => sum + (p[s] ?? 0), 0)]));
}

/** Counts per status in workflow order; with `nonZero`, only statuses that have applications. */
export function statusRows(
  byStatus: readonly { status: VisaStatus; count: number }[],
  { nonZero = false }: { nonZero?: boolean } = {},
): { status: VisaStatus; count: number }[] {
  const counts = new Map(byStatus.map((row) => [row.status, row.count]));
  return VISA_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })).filter(
    (row) => !nonZero || row.count > 0,
  );
}

export interface NationalityRow {
  /** ISO 3166-1 alpha-2 code, or null for the "others" bucket. */
  nationality: string | null;
  count: number;
  /** Share of all applications, 0–1. */
  share: number;
}

/** The largest nationalities, the rest summed into one "others" row, with each row's share. */
export function topNationalities(
  byNationality: readonly { nationality: string; count: number }[],
  top: number,
): NationalityRow[] {
  const sorted = [...byNationality].sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality));
  const total = sorted.reduce((sum, row) => sum + row.count, 0);
  const share = (count: number) => (total === 0 ? 0 : count / total);
  const head: NationalityRow[] = sorted
    .slice(0, top)
    .map((row) => ({ nationality: row.nationality, count: row.count, share: share(row.count) }));
  const rest = sorted.slice(top).reduce((sum, row) => sum + row.count, 0);
  return rest > 0 ? [...head, { nationality: null, count: rest, share: share(rest) }] : head;
}

/** One colour per status for charts, each at least 3:1 against white (WCAG 1.4.11). */
export const STATUS_COLOR: Record<VisaStatus, string> = {
  SUBMITTED: '#1d4ed8',
  APPROVED: '#6d28d9',
  PAID: '#0e7490',
  SENT_TO_MOFA: '#b45309',
  ISSUED: '#0b6e4f',
  ARRIVED: '#c2410c',
  DEPARTED: '#475569',
  REJECTED: '#b91c1c',
  CANCELLED: '#6b7280',
  EXPIRED: '#a16207',
  OVERSTAYED: '#9f1239',
};
