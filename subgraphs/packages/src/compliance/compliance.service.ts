import { UniqueConstraintViolationException, isUuid, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  canSeeCompanyData,
  checkPageSize,
  forbidden,
  isMinistry,
  selects,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { companyRef } from '../company/company.type';
import { COMPLAINT_CATEGORIES, MAX_SLA_HOURS, type ComplaintCategory } from '../complaint/complaint.rules';
import { policyChangedMeanwhile } from './compliance.errors';
import { insertPolicyVersion, policyInForce, type CompliancePolicyRow } from './compliance.policy';
import { PartyKind, rateOf, talliesOf, toTally, type Tally, type TallySqlRow } from './compliance.tally';
import { checkText } from './compliance.validation';
import {
  ComplaintSla,
  CompliancePolicy,
  ComplianceRecord,
  RankingOrder,
  type ComplianceRecordConnection,
  type UpdateCompliancePolicyInput,
} from './compliance.type';

export function toRecord(tally: Tally): ComplianceRecord {
  return Object.assign(new ComplianceRecord(), {
    partyKind: tally.party.kind,
    company: tally.party.kind === PartyKind.COMPANY ? companyRef(tally.party.id) : null,
    providerId: tally.party.kind === PartyKind.PROVIDER ? tally.party.id : null,
    score: tally.score,
    violationsTotal: tally.violationsTotal,
    openViolations: tally.openViolations,
    escalatedViolations: tally.escalatedViolations,
    curedViolations: tally.curedViolations,
    finesHalalas: tally.finesHalalas,
    overstays: tally.overstays,
    visasIssued: tally.visasIssued,
    overstayRate: rateOf(tally),
    complaintsTotal: tally.complaintsTotal,
    complaintsOpen: tally.complaintsOpen,
    complaintsUpheld: tally.complaintsUpheld,
    slaBreaches: tally.slaBreaches,
    updatedAt: tally.updatedAt,
  });
}

/** May this viewer read a party's compliance record? The ministry any; a manager their company's; a provider its own. */
export function canSeeCompliance(viewer: Viewer | null, kind: PartyKind, id: string): boolean {
  if (!viewer) return false;
  if (kind === PartyKind.COMPANY) return canSeeCompanyData(viewer, id);
  return isMinistry(viewer) || (viewer.role === Role.PROVIDER && viewer.providerId === id);
}

/** The records of many parties of one kind in one statement; null where the viewer may not see it. */
export async function complianceOf(
  em: EntityManager,
  viewer: Viewer | null,
  kind: PartyKind,
  ids: readonly string[],
): Promise<(ComplianceRecord | null)[]> {
  const visible = ids.filter((id) => isUuid(id) && canSeeCompliance(viewer, kind, id));
  const tallies = visible.length > 0 ? await talliesOf(em, kind, visible) : new Map<string, Tally>();
  return ids.map((id) => {
    const tally = tallies.get(id);
    return tally ? toRecord(tally) : null;
  });
}

const CURSOR = /^(\d{1,3}):([0-9a-f-]{36})$/i;

const encodeRankCursor = (tally: Tally): string =>
  Buffer.from(`${tally.score}:${tally.party.id}`, 'utf8').toString('base64url');

function decodeRankCursor(cursor: string): { score: number; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || !isUuid(match[2]!)) {
    throw badInput('after', 'The cursor is not one this API issued; start again from the first page.');
  }
  return { score: Number(match[1]), id: match[2]! };
}

/**
 * The ministry's ranking of one kind of party by score (keyset on score and id over the rank
 * index): parties the record knows, i.e. with a visa issued, a complaint or a violation counted.
 */
export async function complianceRanking(
  em: EntityManager,
  viewer: Viewer,
  kind: PartyKind,
  order: RankingOrder,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<ComplianceRecordConnection> {
  if (!isMinistry(viewer)) throw forbidden();
  const first = checkPageSize(args.first);
  const after = args.after ? decodeRankCursor(args.after) : null;
  const worstFirst = order === RankingOrder.WORST_FIRST;
  const direction = worstFirst ? 'asc' : 'desc';
  const connection = em.getConnection();
  const [rows, count] = await Promise.all([
    connection.execute<TallySqlRow[]>(
      `select * from compliance_tally where party_kind = ?
       ${after ? `and (score, party_id) ${worstFirst ? '>' : '<'} (?, ?)` : ''}
       order by score ${direction}, party_id ${direction} limit ?`,
      [kind, ...(after ? [after.score, after.id] : []), first + 1],
    ),
    selects(info, 'totalCount')
      ? connection.execute<{ n: string | number }[]>(
          `select count(*) as n from compliance_tally where party_kind = ?`,
          [kind],
        )
      : Promise.resolve(null),
  ]);
  const tallies = rows.slice(0, first).map(toTally);
  const last = tallies[tallies.length - 1];
  return {
    edges: tallies.map((tally) => ({ cursor: encodeRankCursor(tally), node: toRecord(tally) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeRankCursor(last) : null },
    totalCount: count ? Number(count[0]!.n) : 0,
  };
}

export function toPolicy(row: CompliancePolicyRow): CompliancePolicy {
  return Object.assign(new CompliancePolicy(), {
    version: row.version,
    curePeriodDays: row.curePeriodDays,
    slaHours: COMPLAINT_CATEGORIES.map((category) =>
      Object.assign(new ComplaintSla(), { category, hours: row.slaHours[category] }),
    ),
    reason: row.reason,
    changedBy: row.changedBy,
    createdAt: row.createdAt,
  });
}

export async function currentPolicy(em: EntityManager): Promise<CompliancePolicy> {
  return toPolicy(await policyInForce(em));
}

/**
 * An officer writes the next version of the compliance rules; what is not given is kept. It
 * applies to complaints filed and violations recorded from now on (existing clocks keep theirs).
 */
export async function updateCompliancePolicy(
  em: EntityManager,
  viewer: Viewer,
  input: UpdateCompliancePolicyInput,
): Promise<CompliancePolicy> {
  if (viewer.role !== Role.MINISTRY_OFFICER) throw forbidden();
  const reason = checkText(input.reason, 'input.reason', 3, 500);
  const cure = input.curePeriodDays;
  if (cure != null && (!Number.isInteger(cure) || cure < 1 || cure > 180)) {
    throw badInput('input.curePeriodDays', 'A cure period is 1 to 180 days.');
  }
  const changes = new Map<ComplaintCategory, number>();
  (input.slaHours ?? []).forEach((sla, i) => {
    if (!Number.isInteger(sla.hours) || sla.hours < 1 || sla.hours > MAX_SLA_HOURS) {
      throw badInput(`input.slaHours.${i}.hours`, `An SLA is 1 to ${MAX_SLA_HOURS} hours.`);
    }
    if (changes.has(sla.category)) throw badInput(`input.slaHours.${i}.category`, 'Give each category once.');
    changes.set(sla.category, sla.hours);
  });
  try {
    const next = await em.transactional(async (tx) => {
      const current = await policyInForce(tx);
      const version = {
        version: current.version + 1,
        curePeriodDays: cure ?? current.curePeriodDays,
        slaHours: { ...current.slaHours, ...Object.fromEntries(changes) },
        changedBy: viewer.accountId,
        reason,
      };
      return insertPolicyVersion(tx, version);
    });
    return toPolicy(next);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw policyChangedMeanwhile();
    throw error;
  }
}
