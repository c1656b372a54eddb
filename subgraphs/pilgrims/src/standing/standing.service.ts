import type { EntityManager } from '@umrah/db-kit';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Whether each company may take new work today, as last heard from the companies subgraph:
 * its licence is ACTIVE and not past expiry. A company never heard of may not.
 */
export async function companiesMayOperate(
  em: EntityManager,
  companyIds: readonly string[],
  on = today(),
): Promise<Map<string, boolean>> {
  const result = new Map(companyIds.map((id) => [id, false]));
  if (companyIds.length === 0) return result;
  const rows = await em.getConnection().execute<{ company_id: string; ok: boolean }[]>(
    `select company_id, (license_status = 'ACTIVE' and license_expires_on >= ?::date) as ok
       from company_standing where company_id in (${companyIds.map(() => '?').join(', ')})`,
    [on, ...companyIds],
    'all',
    // Inside the caller's transaction when there is one (PGlite has a single connection).
    em.getTransactionContext(),
  );
  for (const row of rows) result.set(row.company_id, Boolean(row.ok));
  return result;
}

/** Whether an agent holds an agency contract with a company that is in force today (one indexed query). */
export async function agentMayActFor(
  em: EntityManager,
  companyId: string,
  agentId: string,
  on = today(),
): Promise<boolean> {
  const rows = await em.getConnection().execute<{ n: string | number }[]>(
    `select count(*) as n from agency_contract_standing
      where company_id = ? and agent_id = ? and status in ('APPROVED', 'ACTIVE') and valid_from <= ?::date and valid_to >= ?::date`,
    [companyId, agentId, on, on],
    'all',
    em.getTransactionContext(),
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Whether this subgraph has heard of the company at all (its first event may still be on its way). */
export async function standingKnown(em: EntityManager, companyId: string): Promise<boolean> {
  const rows = await em
    .getConnection()
    .execute<{ n: string | number }[]>(
      `select count(*) as n from company_standing where company_id = ?`,
      [companyId],
      'all',
      em.getTransactionContext(),
    );
  return Number(rows[0]?.n ?? 0) > 0;
}
