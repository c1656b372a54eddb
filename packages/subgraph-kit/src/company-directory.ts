import type { EntityManager } from '@umrah/db-kit';
import { payloadText, type EventHandler, type FeedEvent } from '@umrah/events';
import { AppError, CommonErrorCode } from './errors';

/**
 * Which companies exist, and which agents hold or held a contract with which company: a projection
 * of the companies subgraph's feed, kept by the subgraphs that take company ids from callers
 * (packages, loyalty). The registry lives in the companies subgraph; without this, an id that names
 * no company was stored as if it did. A company is known from its first licence event (every company
 * is registered with its licence); a contract pair from its first contract event, whatever its status
 * since (an agent may still speak about a company it worked for).
 */
export const COMPANY_DIRECTORY_SQL = [
  `create table company_directory (
     company_id uuid primary key,
     license_status text not null,
     event_seq bigint not null,
     updated_at timestamptz not null default now()
   )`,
  `create table agent_company (
     agent_id uuid not null,
     company_id uuid not null,
     primary key (agent_id, company_id)
   )`,
];

/** The companies subgraph's events the directory is kept from. */
export const COMPANY_DIRECTORY_EVENTS = ['LicenseStatusChanged', 'AgencyContractChanged'];

async function run(em: EntityManager, sql: string, params: unknown[]): Promise<void> {
  await em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
}

// A company's events arrive in order; the seq guard keeps a replayed older event from winning.
async function onLicense(em: EntityManager, event: FeedEvent): Promise<void> {
  const status = payloadText(event.payload, 'to');
  if (!status) return;
  await run(
    em,
    `insert into company_directory (company_id, license_status, event_seq) values (?, ?, ?)
     on conflict (company_id) do update set license_status = excluded.license_status,
       event_seq = excluded.event_seq, updated_at = now()
     where company_directory.event_seq < excluded.event_seq`,
    [event.aggregateId, status, event.seq],
  );
}

async function onContract(em: EntityManager, event: FeedEvent): Promise<void> {
  const companyId = payloadText(event.payload, 'companyId');
  const agentId = payloadText(event.payload, 'agentId');
  if (!companyId || !agentId) return;
  await run(em, `insert into agent_company (agent_id, company_id) values (?, ?) on conflict do nothing`, [
    agentId,
    companyId,
  ]);
}

/** Keeps the directory from the companies feed; other events are acknowledged and ignored. */
export const companyDirectoryHandler: EventHandler = async (em, event) => {
  if (event.type === 'LicenseStatusChanged') await onLicense(em, event);
  if (event.type === 'AgencyContractChanged') await onContract(em, event);
};

/**
 * Writes the directory's rows for companies and contracts a subgraph's demo data names, as their
 * first events would; the feed's real events (later sequence numbers) take over when they arrive.
 */
export async function seedCompanyDirectory(
  em: EntityManager,
  companies: readonly { id: string }[],
  agents: readonly { id: string; companyIds: readonly string[] }[],
): Promise<void> {
  const connection = em.getConnection();
  for (const { id } of companies) {
    await connection.execute(
      `insert into company_directory (company_id, license_status, event_seq) values (?, 'ACTIVE', 0) on conflict do nothing`,
      [id],
    );
  }
  for (const agent of agents) {
    for (const companyId of agent.companyIds) {
      await connection.execute(
        `insert into agent_company (agent_id, company_id) values (?, ?) on conflict do nothing`,
        [agent.id, companyId],
      );
    }
  }
}

/** Refused like a missing object: no company by that id, as far as the directory knows. */
export const companyNotFound = (field: string): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such company.', { field });

/**
 * Refuses a company id that names no company, or, for an agent (`agentId`), a company the agent has
 * never held a contract with: outside its slice, which looks the same as missing.
 */
export async function requireCompany(
  em: EntityManager,
  companyId: string,
  field: string,
  agentId: string | null = null,
): Promise<void> {
  const rows = await em.getConnection().execute<{ found: number }[]>(
    agentId
      ? `select 1 as found from company_directory d join agent_company a on a.company_id = d.company_id
            where d.company_id = ? and a.agent_id = ?`
      : `select 1 as found from company_directory where company_id = ?`,
    agentId ? [companyId, agentId] : [companyId],
    'all',
    em.getTransactionContext(),
  );
  if (rows.length === 0) throw companyNotFound(field);
}
