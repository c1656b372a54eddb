import { LockMode, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { AppError, badInput, canSeeCompanyData, isMinistry, type Viewer } from '@umrah/subgraph-kit';
import {
  CompanyVisaQuotaEntity,
  SeasonEntity,
  SeasonPolicyVersionEntity,
  type CompanyVisaQuotaRow,
  type SeasonPolicyVersionRow,
  type SeasonRow,
} from './season.entity';
import { SeasonErrorCode, noPolicyInForce, seasonNotFound } from './season.errors';
import type { SetCompanyVisaQuotaInput, UpdateSeasonPolicyInput } from './season.inputs';
import { CompanyVisaQuota, Season, SeasonPolicy } from './season.type';

const HIJRI_YEAR = /^[0-9]{4}$/;
const MAX_FEE = 100_000_000;
const MAX_QUOTA = 10_000_000;
// A change may be stamped a moment before it reaches the server; further back would rewrite history.
const PAST_TOLERANCE_MS = 60_000;

const riyadhDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in the Kingdom at an instant, `YYYY-MM-DD`. */
export const riyadhDate = (at: Date = new Date()): string => riyadhDay.format(at);

export const toSeason = (row: SeasonRow): Season =>
  Object.assign(new Season(), { id: row.id, hijriYear: row.hijriYear, nameAr: row.nameAr, nameEn: row.nameEn });

export function toSeasonPolicy(row: SeasonPolicyVersionRow, viewer: Viewer | null): SeasonPolicy {
  return Object.assign(new SeasonPolicy(), {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    issuanceStartsOn: row.issuanceStartsOn,
    issuanceEndsOn: row.issuanceEndsOn,
    lastEntryOn: row.lastEntryOn,
    lastDepartureOn: row.lastDepartureOn,
    contractCutoffOn: row.contractCutoffOn,
    entryWindowDays: row.entryWindowDays,
    maxStayDays: row.maxStayDays,
    visaFeeHalalas: row.visaFeeHalalas,
    insuranceFeeHalalas: row.insuranceFeeHalalas,
    overstayFineHalalas: row.overstayFineHalalas,
    passportValidityMonths: row.passportValidityMonths,
    defaultCompanyQuota: row.defaultCompanyQuota ?? null,
    changedBy: viewer && isMinistry(viewer) ? (row.changedBy ?? null) : null,
    reason: row.reason,
    createdAt: row.createdAt,
  });
}

/**
 * The version in force for each season at an instant: the latest effective by then (the higher
 * version on a tie). Seasons with no version in force yet are absent. One statement.
 */
export async function policiesInForce(
  em: EntityManager,
  seasonIds: readonly string[],
  at: Date = new Date(),
): Promise<Map<string, SeasonPolicyVersionRow>> {
  const rows = await em.find(
    SeasonPolicyVersionEntity,
    { seasonId: { $in: [...seasonIds] }, effectiveFrom: { $lte: at } },
    { orderBy: { seasonId: 'asc', effectiveFrom: 'desc', version: 'desc' } },
  );
  const byId = new Map<string, SeasonPolicyVersionRow>();
  for (const row of rows) if (!byId.has(row.seasonId)) byId.set(row.seasonId, row);
  return byId;
}

async function findSeason(em: EntityManager, hijriYear: string, field?: string): Promise<SeasonRow> {
  if (!HIJRI_YEAR.test(hijriYear)) {
    throw field ? badInput(field, 'The season must be a four-digit Hijri year.') : seasonNotFound(hijriYear);
  }
  const season = await em.findOne(SeasonEntity, { hijriYear });
  if (!season) throw seasonNotFound(hijriYear, field);
  return season;
}

export interface PolicyInForce {
  season: SeasonRow;
  policy: SeasonPolicyVersionRow;
}

/**
 * The season's dates and rules in force at an instant (now by default) — every season rule reads
 * from here, never from constants. Without a year, the current season (see currentSeasonRow).
 */
export async function policyInForce(
  em: EntityManager,
  hijriYear?: string,
  at: Date = new Date(),
): Promise<PolicyInForce> {
  const season = hijriYear ? await findSeason(em, hijriYear) : await currentSeasonRow(em, at);
  if (!season) throw seasonNotFound(hijriYear);
  const policy = (await policiesInForce(em, [season.id], at)).get(season.id);
  if (!policy) throw noPolicyInForce(season.hijriYear);
  return { season, policy };
}

/**
 * The season whose issuance-to-last-departure window contains the day (in the Kingdom) at `at`;
 * when none does, the latest season. Null only when there is no season at all.
 */
export async function currentSeasonRow(em: EntityManager, at: Date = new Date()): Promise<SeasonRow | null> {
  const seasons = await em.find(SeasonEntity, {}, { orderBy: { hijriYear: 'desc' } });
  if (seasons.length === 0) return null;
  const policies = await policiesInForce(
    em,
    seasons.map((s) => s.id),
    at,
  );
  const today = riyadhDate(at);
  const open = seasons.find((s) => {
    const p = policies.get(s.id);
    return p && p.issuanceStartsOn <= today && today <= p.lastDepartureOn;
  });
  return open ?? seasons[0]!;
}

export async function listSeasons(em: EntityManager): Promise<Season[]> {
  const rows = await em.find(SeasonEntity, {}, { orderBy: { hijriYear: 'desc' } });
  return rows.map(toSeason);
}

export async function currentSeason(em: EntityManager, at: Date = new Date()): Promise<Season | null> {
  const row = await currentSeasonRow(em, at);
  return row ? toSeason(row) : null;
}

/**
 * The policy each season shows as in force now; a season whose first version is not effective
 * yet shows that first version. One statement, or two when such a season is asked for.
 */
export async function shownPolicies(
  em: EntityManager,
  viewer: Viewer | null,
  seasonIds: readonly string[],
  at: Date = new Date(),
): Promise<SeasonPolicy[]> {
  const inForce = await policiesInForce(em, seasonIds, at);
  const missing = seasonIds.filter((id) => !inForce.has(id));
  if (missing.length > 0) {
    const firsts = await em.find(SeasonPolicyVersionEntity, { seasonId: { $in: missing }, version: 1 });
    for (const row of firsts) inForce.set(row.seasonId, row);
  }
  return seasonIds.map((id) => {
    const row = inForce.get(id);
    if (!row) throw new Error(`Season ${id} has no policy version`);
    return toSeasonPolicy(row, viewer);
  });
}

/** Every version of each season's policy, newest first; empty outside the ministry. */
export async function policyHistories(
  em: EntityManager,
  viewer: Viewer | null,
  seasonIds: readonly string[],
): Promise<SeasonPolicy[][]> {
  if (!viewer || !isMinistry(viewer)) return seasonIds.map(() => []);
  const rows = await em.find(
    SeasonPolicyVersionEntity,
    { seasonId: { $in: [...seasonIds] } },
    { orderBy: { seasonId: 'asc', version: 'desc' } },
  );
  return seasonIds.map((id) => rows.filter((r) => r.seasonId === id).map((r) => toSeasonPolicy(r, viewer)));
}

export function checkReason(value: string, field = 'input.reason'): string {
  const reason = value.trim();
  if ([...reason].length < 3 || [...reason].length > 1000)
    throw badInput(field, 'Give a reason of 3 to 1000 characters.');
  return reason;
}

function checkRange(field: string, value: number | null, min: number, max: number): void {
  if (value !== null && (!Number.isInteger(value) || value < min || value > max)) {
    throw badInput(`input.${field}`, `Must be a whole number from ${min} to ${max.toLocaleString('en')}.`);
  }
}

type Rules = Pick<
  SeasonPolicyVersionRow,
  | 'issuanceStartsOn'
  | 'issuanceEndsOn'
  | 'lastEntryOn'
  | 'lastDepartureOn'
  | 'contractCutoffOn'
  | 'entryWindowDays'
  | 'maxStayDays'
  | 'visaFeeHalalas'
  | 'insuranceFeeHalalas'
  | 'overstayFineHalalas'
  | 'passportValidityMonths'
  | 'defaultCompanyQuota'
>;

const RULE_KEYS = [
  'issuanceStartsOn',
  'issuanceEndsOn',
  'lastEntryOn',
  'lastDepartureOn',
  'contractCutoffOn',
  'entryWindowDays',
  'maxStayDays',
  'visaFeeHalalas',
  'insuranceFeeHalalas',
  'overstayFineHalalas',
  'passportValidityMonths',
  'defaultCompanyQuota',
] as const satisfies readonly (keyof Rules)[];

/** The new rules: the latest version's, with what the input gives; each rule checked, naming its field. */
function mergeRules(latest: SeasonPolicyVersionRow, input: UpdateSeasonPolicyInput): Rules {
  const rules = Object.fromEntries(RULE_KEYS.map((k) => [k, latest[k] ?? null])) as Rules;
  for (const key of RULE_KEYS) {
    const given = input[key];
    if (given === undefined) continue;
    if (given === null && key !== 'defaultCompanyQuota') {
      throw badInput(`input.${key}`, 'Leave this rule out to keep it; it cannot be cleared.');
    }
    (rules as Record<string, unknown>)[key] = given;
  }
  checkRange('entryWindowDays', rules.entryWindowDays, 1, 365);
  checkRange('maxStayDays', rules.maxStayDays, 1, 365);
  checkRange('visaFeeHalalas', rules.visaFeeHalalas, 0, MAX_FEE);
  checkRange('insuranceFeeHalalas', rules.insuranceFeeHalalas, 0, MAX_FEE);
  checkRange('overstayFineHalalas', rules.overstayFineHalalas, 0, MAX_FEE);
  checkRange('passportValidityMonths', rules.passportValidityMonths, 0, 24);
  checkRange('defaultCompanyQuota', rules.defaultCompanyQuota ?? null, 0, MAX_QUOTA);
  const order: [keyof Rules, keyof Rules, string][] = [
    ['issuanceEndsOn', 'issuanceStartsOn', 'The last issuance day cannot come before the first.'],
    ['lastEntryOn', 'issuanceEndsOn', 'The last entry day cannot come before the last issuance day.'],
    ['lastDepartureOn', 'lastEntryOn', 'The last departure day cannot come before the last entry day.'],
  ];
  for (const [later, earlier, message] of order) {
    if (String(rules[later]) < String(rules[earlier])) throw badInput(`input.${later}`, message);
  }
  if (rules.contractCutoffOn < rules.issuanceStartsOn || rules.contractCutoffOn > rules.issuanceEndsOn) {
    throw badInput(
      'input.contractCutoffOn',
      'The contract cut-off must fall between the first and last issuance days.',
    );
  }
  return rules;
}

/** Adds a version of a season's policy (ministry officers); versions before it stay as they were. */
export async function updateSeasonPolicy(
  em: EntityManager,
  viewer: Viewer,
  input: UpdateSeasonPolicyInput,
): Promise<SeasonPolicy> {
  const reason = checkReason(input.reason);
  const now = new Date();
  const effectiveFrom = input.effectiveFrom ?? now;
  if (effectiveFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw badInput('input.effectiveFrom', 'A change cannot apply to the past; choose now or a later time.');
  }
  const row = await em.transactional(async (tx) => {
    const season = await findSeason(tx, input.hijriYear, 'input.hijriYear');
    // Locking the season serialises its changes, so two officers cannot both write version n+1.
    await tx.findOne(SeasonEntity, { id: season.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const latest = await tx.findOne(
      SeasonPolicyVersionEntity,
      { seasonId: season.id },
      { orderBy: { version: 'desc' } },
    );
    if (!latest) throw noPolicyInForce(season.hijriYear);
    const rules = mergeRules(latest, input);
    return tx.create(SeasonPolicyVersionEntity, {
      id: uuidv7(),
      seasonId: season.id,
      version: latest.version + 1,
      effectiveFrom,
      ...rules,
      defaultCompanyQuota: rules.defaultCompanyQuota ?? null,
      changedBy: viewer.accountId,
      reason,
    });
  });
  return toSeasonPolicy(row, viewer);
}

/** Sets a company's own visa quota for a season (ministry officers), as a new version. */
export async function setCompanyVisaQuota(
  em: EntityManager,
  viewer: Viewer,
  input: SetCompanyVisaQuotaInput,
): Promise<CompanyVisaQuota> {
  const reason = checkReason(input.reason);
  if (!isUuid(input.companyId)) throw badInput('input.companyId', 'This is not a company identifier.');
  checkRange('quota', input.quota ?? null, 0, MAX_QUOTA);
  const season = await em.transactional(async (tx) => {
    const found = await findSeason(tx, input.hijriYear, 'input.hijriYear');
    await tx.findOne(SeasonEntity, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const latest = await tx.findOne(
      CompanyVisaQuotaEntity,
      { seasonId: found.id, companyId: input.companyId },
      { orderBy: { version: 'desc' } },
    );
    tx.create(CompanyVisaQuotaEntity, {
      id: uuidv7(),
      seasonId: found.id,
      companyId: input.companyId,
      version: (latest?.version ?? 0) + 1,
      quota: input.quota ?? null,
      changedBy: viewer.accountId,
      reason,
    });
    return found;
  });
  return Object.assign(new CompanyVisaQuota(), {
    seasonYear: season.hijriYear,
    quota: input.quota ?? null,
    isOverride: true,
  });
}

/**
 * Each company's visa quota in a season (the current one by default): its own latest override,
 * else the default of the policy in force. One statement for all the companies.
 */
export async function quotasInForce(
  em: EntityManager,
  companyIds: readonly string[],
  hijriYear?: string,
  at: Date = new Date(),
): Promise<CompanyVisaQuota[]> {
  const { season, policy } = await policyInForce(em, hijriYear, at);
  const overrides = await em.find(
    CompanyVisaQuotaEntity,
    { seasonId: season.id, companyId: { $in: [...companyIds] }, createdAt: { $lte: at } },
    { orderBy: { companyId: 'asc', version: 'desc' } },
  );
  const latest = new Map<string, CompanyVisaQuotaRow>();
  for (const row of overrides) if (!latest.has(row.companyId)) latest.set(row.companyId, row);
  return companyIds.map((id) => {
    const own = latest.get(id);
    return Object.assign(new CompanyVisaQuota(), {
      seasonYear: season.hijriYear,
      quota: own ? (own.quota ?? null) : (policy.defaultCompanyQuota ?? null),
      isOverride: own !== undefined,
    });
  });
}

/** `Company.visaQuota` for many companies: null outside the ministry and the company's own managers. */
export async function visaQuotasOf(
  em: EntityManager,
  viewer: Viewer | null,
  companyIds: readonly string[],
  hijriYear?: string,
): Promise<(CompanyVisaQuota | null)[]> {
  const visible = companyIds.filter((id) => canSeeCompanyData(viewer, id));
  if (visible.length === 0) return companyIds.map(() => null);
  let quotas: CompanyVisaQuota[];
  try {
    quotas = await quotasInForce(em, visible, hijriYear);
  } catch (error) {
    // An unknown season has no quotas, as a field on an object it reads as null.
    if (error instanceof AppError && error.code === SeasonErrorCode.SEASON_NOT_FOUND) return companyIds.map(() => null);
    throw error;
  }
  const byId = new Map(visible.map((id, i) => [id, quotas[i]!]));
  return companyIds.map((id) => byId.get(id) ?? null);
}
