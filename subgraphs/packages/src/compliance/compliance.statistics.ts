import { isUuid, type EntityManager } from '@umrah/db-kit';
import { Role, badInput, isMinistry, type Viewer } from '@umrah/subgraph-kit';
import { companyRef } from '../company/company.type';
import type { ComplaintCategory } from '../complaint/complaint.rules';
import { COMPLAINT_CATEGORIES, ComplaintStatus } from '../complaint/complaint.rules';
import { VIOLATION_TYPES, ViolationStatus, ViolationType } from '../violation/violation.rules';
import { complianceScore, type ScoreInputs } from './compliance.score';
import {
  ComplaintCategoryCount,
  ComplaintStatusCount,
  ComplianceStatistics,
  ComplianceTrend,
  ComplianceTrendPoint,
  ViolationStatusFigure,
  ViolationTypeCount,
} from './compliance.statistics.type';
import { PartyKind } from './compliance.tally';
import { riyadhDate } from './compliance.validation';

/** The longest range one request reads: three years of months. */
export const MAX_MONTHS = 36;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const COMPLAINT_STATUSES = [
  ComplaintStatus.OPEN,
  ComplaintStatus.IN_PROGRESS,
  ComplaintStatus.ESCALATED,
  ComplaintStatus.RESOLVED,
];
const VIOLATION_STATUSES = [
  ViolationStatus.OPEN,
  ViolationStatus.CURED,
  ViolationStatus.ESCALATED,
  ViolationStatus.CANCELLED,
];

/** Whose figures: one party, or every party of a kind (`id` null, the ministry only). */
export interface StatisticsScope {
  kind: PartyKind;
  id: string | null;
}

export interface ScopeArgs {
  companyId?: string | null;
  providerId?: string | null;
  party?: PartyKind | null;
}

/**
 * The figures a viewer may read: the ministry any company's or provider's, or all parties of a
 * kind; a manager only their company's; a provider only its own. Asking for another party reads
 * as null, exactly like one with no figures; anyone else reads null.
 */
export function statisticsScope(viewer: Viewer, args: ScopeArgs): StatisticsScope | null {
  const { companyId, providerId } = args;
  if (companyId != null && providerId != null) {
    throw badInput('providerId', 'Name either a company or a provider, not both.');
  }
  if (isMinistry(viewer)) {
    if (companyId != null) return isUuid(companyId) ? { kind: PartyKind.COMPANY, id: companyId } : null;
    if (providerId != null) return isUuid(providerId) ? { kind: PartyKind.PROVIDER, id: providerId } : null;
    return { kind: args.party ?? PartyKind.COMPANY, id: null };
  }
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) {
    if (providerId != null || (companyId != null && companyId !== viewer.companyId)) return null;
    return { kind: PartyKind.COMPANY, id: viewer.companyId };
  }
  if (viewer.role === Role.PROVIDER && viewer.providerId) {
    if (companyId != null || (providerId != null && providerId !== viewer.providerId)) return null;
    return { kind: PartyKind.PROVIDER, id: viewer.providerId };
  }
  return null;
}

const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Every month from `from` to `to`, both included. */
export const monthsBetween = (from: string, to: string): string[] =>
  Array.from({ length: monthIndex(to) - monthIndex(from) + 1 }, (_, i) => monthOf(monthIndex(from) + i));

/**
 * A checked range of months: `to` defaults to the current month in Riyadh, `from` to eleven months
 * before `to` (a year of points); at most MAX_MONTHS months.
 */
export function monthRange(
  from: string | null | undefined,
  to: string | null | undefined,
  now: Date = new Date(),
): { from: string; to: string } {
  if (from != null && !MONTH.test(from)) throw badInput('fromMonth', 'Give a month as YYYY-MM, e.g. 2026-03.');
  if (to != null && !MONTH.test(to)) throw badInput('toMonth', 'Give a month as YYYY-MM, e.g. 2026-03.');
  const last = to ?? riyadhDate(now).slice(0, 7);
  const first = from ?? monthOf(monthIndex(last) - 11);
  if (monthIndex(last) < monthIndex(first))
    throw badInput('toMonth', 'The range must end on or after its first month.');
  if (monthIndex(last) - monthIndex(first) + 1 > MAX_MONTHS) {
    throw badInput('toMonth', `Ask for at most ${MAX_MONTHS} months at a time.`);
  }
  return { from: first, to: last };
}

function where(scope: StatisticsScope, from: string, to: string): { sql: string; params: unknown[] } {
  return {
    sql: `party_kind = ?${scope.id ? ' and party_id = ?' : ''} and month between ?::date and ?::date`,
    params: [scope.kind, ...(scope.id ? [scope.id] : []), `${from}-01`, `${to}-01`],
  };
}

interface StatSqlRow {
  subject: string;
  kind: string;
  status: string;
  upheld: boolean;
  sla_breached: boolean;
  n: string | number;
  fines: string | number;
}

/** The statistics of a scope over a range of months, in one statement over the monthly aggregate. */
export async function complianceStatistics(
  em: EntityManager,
  scope: StatisticsScope,
  range: { from: string; to: string },
): Promise<ComplianceStatistics> {
  const w = where(scope, range.from, range.to);
  const rows = await em.getConnection().execute<StatSqlRow[]>(
    `select subject, kind, status, upheld, sla_breached, sum(n) as n, sum(fines_halalas) as fines
       from compliance_stat
      where ${w.sql} and subject <> 'VISA' and n > 0
      group by subject, kind, status, upheld, sla_breached`,
    w.params,
  );
  const complaints = rows.filter((r) => r.subject === 'COMPLAINT').map((r) => ({ ...r, n: Number(r.n) }));
  const violations = rows
    .filter((r) => r.subject === 'VIOLATION')
    .map((r) => ({ ...r, n: Number(r.n), fines: Number(r.fines) }));
  const counted = violations.filter((r) => r.status !== ViolationStatus.CANCELLED);
  const sum = <T>(list: T[], value: (item: T) => number): number => list.reduce((s, item) => s + value(item), 0);
  return Object.assign(new ComplianceStatistics(), {
    partyKind: scope.kind,
    company: scope.kind === PartyKind.COMPANY && scope.id ? companyRef(scope.id) : null,
    providerId: scope.kind === PartyKind.PROVIDER ? scope.id : null,
    fromMonth: range.from,
    toMonth: range.to,
    complaintsTotal: sum(complaints, (r) => r.n),
    complaintsByStatus: COMPLAINT_STATUSES.map((status) =>
      Object.assign(new ComplaintStatusCount(), {
        status,
        count: sum(
          complaints.filter((r) => r.status === status),
          (r) => r.n,
        ),
      }),
    ),
    complaintsByCategory: COMPLAINT_CATEGORIES.map((category: ComplaintCategory) =>
      Object.assign(new ComplaintCategoryCount(), {
        category,
        count: sum(
          complaints.filter((r) => r.kind === category),
          (r) => r.n,
        ),
      }),
    ),
    complaintsUpheld: sum(
      complaints.filter((r) => r.upheld),
      (r) => r.n,
    ),
    slaBreaches: sum(
      complaints.filter((r) => r.sla_breached),
      (r) => r.n,
    ),
    violationsTotal: sum(counted, (r) => r.n),
    violationsByType: VIOLATION_TYPES.map((type: ViolationType) => {
      const own = counted.filter((r) => r.kind === type);
      return Object.assign(new ViolationTypeCount(), {
        type,
        count: sum(own, (r) => r.n),
        finesHalalas: sum(own, (r) => r.fines),
      });
    }),
    violationsByStatus: VIOLATION_STATUSES.map((status) => {
      const own = violations.filter((r) => r.status === status);
      return Object.assign(new ViolationStatusFigure(), {
        status,
        count: sum(own, (r) => r.n),
        finesHalalas: sum(own, (r) => r.fines),
      });
    }),
    finesHalalas: sum(counted, (r) => r.fines),
    overstays: sum(
      counted.filter((r) => r.kind === ViolationType.OVERSTAY),
      (r) => r.n,
    ),
    inspections: sum(
      rows.filter((r) => r.subject === 'INSPECTION'),
      (r) => Number(r.n),
    ),
  });
}

/** One party's figures of one month, as the score's inputs and the rest of a trend point. */
interface MonthFigures extends ScoreInputs {
  violations: number;
  finesHalalas: number;
  complaints: number;
  inspections: number;
}

const FIGURE_COLUMNS: Record<keyof MonthFigures, string> = {
  visasIssued: `sum(n) filter (where subject = 'VISA')`,
  overstays: `sum(n) filter (where subject = 'VIOLATION' and kind = 'OVERSTAY' and status <> 'CANCELLED')`,
  violations: `sum(n) filter (where subject = 'VIOLATION' and status <> 'CANCELLED')`,
  openViolationPoints: `sum(points) filter (where subject = 'VIOLATION' and status = 'OPEN')`,
  escalatedViolationPoints: `sum(points) filter (where subject = 'VIOLATION' and status = 'ESCALATED')`,
  curedViolations: `sum(n) filter (where subject = 'VIOLATION' and status = 'CURED')`,
  finesHalalas: `sum(fines_halalas) filter (where subject = 'VIOLATION' and status <> 'CANCELLED')`,
  complaints: `sum(n) filter (where subject = 'COMPLAINT')`,
  complaintsUpheld: `sum(n) filter (where subject = 'COMPLAINT' and upheld)`,
  slaBreaches: `sum(n) filter (where subject = 'COMPLAINT' and sla_breached)`,
  inspections: `sum(n) filter (where subject = 'INSPECTION')`,
};
const FIGURES = Object.keys(FIGURE_COLUMNS) as (keyof MonthFigures)[];

const zeroFigures = (): MonthFigures => Object.fromEntries(FIGURES.map((k) => [k, 0])) as unknown as MonthFigures;

/**
 * The trend of a scope, one point per month of the range, in one statement: every party's
 * figures per month (the score is computed here by `complianceScore`, the one formula), and for
 * all parties of a kind, how many parties the compliance record knows.
 */
export async function complianceTrend(
  em: EntityManager,
  scope: StatisticsScope,
  range: { from: string; to: string },
): Promise<ComplianceTrend> {
  const w = where(scope, range.from, range.to);
  const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(
    `select party_id, to_char(month, 'YYYY-MM') as month,
            ${FIGURES.map((k) => `coalesce(${FIGURE_COLUMNS[k]}, 0) as "${k}"`).join(',\n            ')}
            ${scope.id ? '' : ', (select count(*) from compliance_tally t where t.party_kind = ?) as known'}
       from compliance_stat
      where ${w.sql} and n > 0
      group by party_id, month`,
    scope.id ? w.params : [scope.kind, ...w.params],
  );
  const byMonth = new Map<string, { figures: MonthFigures; score: number }[]>();
  let known = 0;
  for (const row of rows) {
    const figures = Object.fromEntries(FIGURES.map((k) => [k, Number(row[k])])) as unknown as MonthFigures;
    const month = String(row.month);
    byMonth.set(month, [...(byMonth.get(month) ?? []), { figures, score: complianceScore(figures) }]);
    known = Math.max(known, Number(row.known ?? 0));
  }
  const points = monthsBetween(range.from, range.to).map((month) => {
    const parties = byMonth.get(month) ?? [];
    const figures = zeroFigures();
    for (const party of parties) for (const k of FIGURES) figures[k] += party.figures[k];
    let score: number;
    if (scope.id) {
      score = parties[0]?.score ?? complianceScore(figures);
    } else {
      // Every party the record knows counts; one with nothing this month scores the full 100.
      const over = Math.max(known, parties.length);
      const total = parties.reduce((s, p) => s + p.score, 0) + 100 * (over - parties.length);
      score = over === 0 ? 100 : Math.round((total / over) * 10) / 10;
    }
    return Object.assign(new ComplianceTrendPoint(), { month, score, parties: parties.length, ...figures });
  });
  return Object.assign(new ComplianceTrend(), {
    partyKind: scope.kind,
    company: scope.kind === PartyKind.COMPANY && scope.id ? companyRef(scope.id) : null,
    providerId: scope.kind === PartyKind.PROVIDER ? scope.id : null,
    fromMonth: range.from,
    toMonth: range.to,
    points,
  });
}
