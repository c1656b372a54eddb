import type { EntityManager } from '@umrah/db-kit';
import { COMPLAINT_CATEGORIES, DEFAULT_SLA_HOURS, type ComplaintCategory } from '../complaint/complaint.rules';

/** One version of the compliance rules' numbers; the latest version applies. */
export interface CompliancePolicyRow {
  version: number;
  curePeriodDays: number;
  slaHours: Record<ComplaintCategory, number>;
  changedBy: string | null;
  reason: string;
  createdAt: Date;
}

interface PolicySqlRow {
  version: number;
  cure_period_days: number;
  sla_hours: unknown;
  changed_by: string | null;
  reason: string;
  created_at: Date | string;
}

function toPolicy(row: PolicySqlRow): CompliancePolicyRow {
  const stored = (typeof row.sla_hours === 'string' ? JSON.parse(row.sla_hours) : row.sla_hours) as Record<
    string,
    unknown
  >;
  // A category added after a version was written takes its default until the ministry sets it.
  const slaHours = Object.fromEntries(
    COMPLAINT_CATEGORIES.map((c) => [c, typeof stored[c] === 'number' ? stored[c] : DEFAULT_SLA_HOURS[c]]),
  ) as Record<ComplaintCategory, number>;
  return {
    version: Number(row.version),
    curePeriodDays: Number(row.cure_period_days),
    slaHours,
    changedBy: row.changed_by,
    reason: row.reason,
    createdAt: new Date(row.created_at),
  };
}

/** The policy version in force (the latest), read inside the caller's transaction when there is one. */
export async function policyInForce(em: EntityManager): Promise<CompliancePolicyRow> {
  const rows = await em
    .getConnection()
    .execute<PolicySqlRow[]>(
      `select * from compliance_policy_version order by version desc limit 1`,
      [],
      'all',
      em.getTransactionContext(),
    );
  if (!rows[0]) throw new Error('compliance_policy_version is empty: migration 0006 seeds version 1');
  return toPolicy(rows[0]);
}

/** Every version, newest first (a short list: the ministry changes these rules a few times a season). */
export async function policyVersions(em: EntityManager): Promise<CompliancePolicyRow[]> {
  const rows = await em
    .getConnection()
    .execute<PolicySqlRow[]>(`select * from compliance_policy_version order by version desc limit 100`);
  return rows.map(toPolicy);
}

/** Writes the next version; the primary key on `version` makes two concurrent writers one winner. */
export async function insertPolicyVersion(
  em: EntityManager,
  policy: Omit<CompliancePolicyRow, 'createdAt'>,
): Promise<CompliancePolicyRow> {
  const rows = await em.getConnection().execute<{ created_at: Date | string }[]>(
    `insert into compliance_policy_version (version, cure_period_days, sla_hours, changed_by, reason)
       values (?, ?, ?::jsonb, ?, ?) returning created_at`,
    [policy.version, policy.curePeriodDays, JSON.stringify(policy.slaHours), policy.changedBy, policy.reason],
    'all',
    em.getTransactionContext(),
  );
  return { ...policy, createdAt: new Date(rows[0]!.created_at) };
}
