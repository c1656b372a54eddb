import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import { badInput, isMinistry, type Viewer } from '@umrah/subgraph-kit';
import { companyRef } from '../company/company.type';
import { currentSeason } from '../season/season.service';
import { NationalityCount, VISA_STATUSES, VisaStatus, VisaStatusCount } from '../visa/visa.type';
import { CompanyVisaCount, VisaDayCount, VisaStatistics } from './statistics.type';

const ISSUED = [VisaStatus.ISSUED, VisaStatus.ARRIVED, VisaStatus.DEPARTED, VisaStatus.EXPIRED, VisaStatus.OVERSTAYED];
const IN_KINGDOM = [VisaStatus.ARRIVED, VisaStatus.OVERSTAYED];
const MAX_DAYS = 400;

/**
 * The statistics a viewer may read: the ministry any company's or all; a manager only their own
 * company's (asking for another reads as none). Null when there is nothing the viewer may see.
 */
export async function visaStatistics(
  em: EntityManager,
  viewer: Viewer,
  season: string | null | undefined,
  companyId: string | null | undefined,
): Promise<VisaStatistics | null> {
  if (season != null && !/^[0-9]{4}$/.test(season))
    throw badInput('season', 'A season is a Hijri year of four digits.');
  let scope: string | null;
  if (isMinistry(viewer)) {
    if (companyId != null && !isUuid(companyId)) return null;
    scope = companyId ?? null;
  } else if (viewer.companyId) {
    if (companyId != null && companyId !== viewer.companyId) return null;
    scope = viewer.companyId;
  } else {
    return null;
  }
  const year = season ?? (await currentSeason(em))?.hijriYear;
  if (!year) return null;
  return Object.assign(new VisaStatistics(), {
    season: year,
    companyId: scope,
    company: scope ? companyRef(scope) : null,
  });
}

export interface StatRow {
  company_id: string;
  nationality: string;
  status: string;
  overstayed: boolean;
  n: number;
}

/**
 * The one reader of the maintained `visa_stat` table: its rows for a season or all seasons, for all
 * companies or some — a few per company, nationality and status, whatever the season's volume.
 */
export async function statRows(
  em: EntityManager,
  scope: { season?: string | null; companyIds?: readonly string[] | null },
): Promise<StatRow[]> {
  const where = ['n > 0'];
  const params: unknown[] = [];
  if (scope.season) {
    where.push('season = ?');
    params.push(scope.season);
  }
  if (scope.companyIds) {
    if (scope.companyIds.length === 0) return [];
    where.push(`company_id in (${scope.companyIds.map(() => '?').join(', ')})`);
    params.push(...scope.companyIds);
  }
  const rows = await em
    .getConnection()
    .execute<StatRow[]>(
      `select company_id, nationality, status, overstayed, n from visa_stat where ${where.join(' and ')}`,
      params,
    );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** A statistics object's rows: by company and status for the totals, by nationality for that breakdown. */
export interface StatisticsRows {
  all: StatRow[];
  nationalities: StatRow[];
}

/**
 * The rows a season's statistics are computed from, in one statement. For one company they are its
 * own rows (a few per nationality and status). For the whole season the nationality is summed away
 * per company and the company per nationality (two grouping sets), so what is read back stays about
 * companies × statuses + nationalities rows instead of their product, whatever the volume.
 */
export async function statisticsRows(
  em: EntityManager,
  season: string,
  companyId: string | null,
): Promise<StatisticsRows> {
  if (companyId) {
    const own = await statRows(em, { season, companyIds: [companyId] });
    return { all: own, nationalities: own };
  }
  const rows = await em.getConnection().execute<(StatRow & { by_company: number })[]>(
    `select company_id, nationality, status, overstayed, sum(n)::int as n, grouping(nationality) as by_company
       from visa_stat where n > 0 and season = ?
      group by grouping sets ((company_id, status, overstayed), (nationality))`,
    [season],
  );
  const all: StatRow[] = [];
  const nationalities: StatRow[] = [];
  for (const { by_company, ...row } of rows)
    (Number(by_company) === 1 ? all : nationalities).push({ ...row, n: Number(row.n) });
  return { all, nationalities };
}

/** Each company's statistics rows (all seasons), for many companies in one statement. */
export async function visaStatRowsOf(em: EntityManager, companyIds: readonly string[]): Promise<StatRow[][]> {
  const ids = [...new Set(companyIds)];
  const byCompany = new Map<string, StatRow[]>(ids.map((id) => [id, []]));
  for (const row of await statRows(em, { companyIds: ids })) byCompany.get(row.company_id)?.push(row);
  return companyIds.map((id) => byCompany.get(id) ?? []);
}

export function countByStatus(rows: StatRow[]): VisaStatusCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + r.n);
  return VISA_STATUSES.map((status) =>
    Object.assign(new VisaStatusCount(), { status, count: counts.get(status) ?? 0 }),
  );
}

export function countByNationality(rows: StatRow[]): NationalityCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.nationality, (counts.get(r.nationality) ?? 0) + r.n);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([nationality, count]) => Object.assign(new NationalityCount(), { nationality, count }));
}

export const inKingdom = (rows: StatRow[]): number =>
  rows.filter((r) => (IN_KINGDOM as string[]).includes(r.status)).reduce((sum, r) => sum + r.n, 0);

export const overstays = (rows: StatRow[]): number => rows.filter((r) => r.overstayed).reduce((sum, r) => sum + r.n, 0);

export function countByCompany(rows: StatRow[]): CompanyVisaCount[] {
  const byCompany = new Map<string, StatRow[]>();
  for (const r of rows) {
    const own = byCompany.get(r.company_id);
    if (own) own.push(r);
    else byCompany.set(r.company_id, [r]);
  }
  return [...byCompany]
    .map(([id, own]) =>
      Object.assign(new CompanyVisaCount(), {
        company: companyRef(id),
        total: own.reduce((sum, r) => sum + r.n, 0),
        issued: own.filter((r) => (ISSUED as string[]).includes(r.status)).reduce((sum, r) => sum + r.n, 0),
        inKingdomNow: inKingdom(own),
        overstays: overstays(own),
      }),
    )
    .sort((a, b) => b.total - a.total);
}

/** Transitions per day in a range (at most MAX_DAYS days), from the maintained day table. */
export async function countByDay(
  em: EntityManager,
  stats: VisaStatistics,
  from: string,
  to: string,
  statuses: readonly VisaStatus[] | null | undefined,
): Promise<VisaDayCount[]> {
  if (to < from) throw badInput('to', 'The range must end on or after its first day.');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > MAX_DAYS) throw badInput('to', `Ask for at most ${MAX_DAYS} days at a time.`);
  const params: unknown[] = [stats.season, from, to];
  let where = '';
  if (stats.companyId) {
    where += ' and company_id = ?';
    params.push(stats.companyId);
  }
  if (statuses?.length) {
    where += ` and status in (${statuses.map(() => '?').join(', ')})`;
    params.push(...statuses);
  }
  // The day as text from the database itself: no time-zone shift on the way (Date → ISO would shift it).
  const rows = await em.getConnection().execute<{ day: string; status: string; n: number }[]>(
    `select to_char(day, 'YYYY-MM-DD') as day, status, sum(n) as n from visa_day_stat
      where season = ? and day between ?::date and ?::date${where}
      group by day, status order by day, status`,
    params,
  );
  return rows.map((r) =>
    Object.assign(new VisaDayCount(), {
      day: r.day,
      status: r.status as VisaStatus,
      count: Number(r.n),
    }),
  );
}
