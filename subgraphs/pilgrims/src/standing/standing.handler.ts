import type { EntityManager } from '@umrah/db-kit';
import { payloadText, type EventHandler, type FeedEvent } from '@umrah/events';

async function run(em: EntityManager, sql: string, params: unknown[]): Promise<void> {
  await em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
}

// Events of one aggregate arrive in order; the seq guard keeps a replayed older event from winning.
async function onLicense(em: EntityManager, event: FeedEvent): Promise<void> {
  const status = payloadText(event.payload, 'to');
  const expiresOn = payloadText(event.payload, 'expiresOn');
  if (!status || !expiresOn || status === 'EXPIRED') return;
  await run(
    em,
    `insert into company_standing (company_id, license_status, license_expires_on, event_seq) values (?, ?, ?, ?)
     on conflict (company_id) do update set license_status = excluded.license_status,
       license_expires_on = excluded.license_expires_on, event_seq = excluded.event_seq, updated_at = now()
     where company_standing.event_seq < excluded.event_seq`,
    [event.aggregateId, status, expiresOn, event.seq],
  );
}

async function onContract(em: EntityManager, event: FeedEvent): Promise<void> {
  const [companyId, agentId, status, validFrom, validTo] = [
    'companyId',
    'agentId',
    'status',
    'validFrom',
    'validTo',
  ].map((key) => payloadText(event.payload, key));
  if (!companyId || !agentId || !status || !validFrom || !validTo) return;
  await run(
    em,
    `insert into agency_contract_standing (contract_id, company_id, agent_id, status, valid_from, valid_to, event_seq)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (contract_id) do update set status = excluded.status, valid_from = excluded.valid_from,
       valid_to = excluded.valid_to, event_seq = excluded.event_seq, updated_at = now()
     where agency_contract_standing.event_seq < excluded.event_seq`,
    [event.aggregateId, companyId, agentId, status, validFrom, validTo, event.seq],
  );
}

/** Applies the companies subgraph's events this subgraph cares about; others are acknowledged and ignored. */
export const companiesEventHandler: EventHandler = async (em, event) => {
  if (event.type === 'LicenseStatusChanged') await onLicense(em, event);
  if (event.type === 'AgencyContractChanged') await onContract(em, event);
};
