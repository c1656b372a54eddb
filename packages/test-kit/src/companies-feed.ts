import { randomUUID } from 'node:crypto';
import type { Database } from '@umrah/db-kit';
import { applyEvent, type FeedEvent } from '@umrah/events';
import { companyDirectoryHandler } from '@umrah/subgraph-kit';

let seq = 0;

function companiesEvent(type: string, aggregateType: string, aggregateId: string, payload: Record<string, unknown>) {
  seq += 1;
  const event: FeedEvent = {
    seq,
    txId: '1',
    id: randomUUID(),
    type,
    aggregateType,
    aggregateId,
    payload,
    occurredAt: new Date().toISOString(),
  };
  return event;
}

/**
 * A new licensed company in a subgraph's company directory, told as the companies feed tells it (a
 * `LicenseStatusChanged` through the inbox and the directory's handler); with `agentIds`, each of
 * those agents holds a contract with it (`AgencyContractChanged`). Returns the company's id.
 */
export async function licensedCompany(db: Database, agentIds: readonly string[] = []): Promise<string> {
  const companyId = randomUUID();
  await applyEvent(
    db,
    'companies',
    companiesEvent('LicenseStatusChanged', 'Company', companyId, {
      from: null,
      to: 'ACTIVE',
      action: 'ISSUE',
      expiresOn: '2031-01-01',
    }),
    companyDirectoryHandler,
  );
  for (const agentId of agentIds) {
    await applyEvent(
      db,
      'companies',
      companiesEvent('AgencyContractChanged', 'AgencyContract', randomUUID(), {
        companyId,
        agentId,
        status: 'ACTIVE',
        validFrom: '2026-01-01',
        validTo: '2027-12-31',
      }),
      companyDirectoryHandler,
    );
  }
  return companyId;
}
