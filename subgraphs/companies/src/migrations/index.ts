import { InitialCompanies } from './0001-initial';
import { CompaniesAuditAndOutbox } from './0002-audit-and-outbox';
import { LicensingPolicy } from './0003-licensing-policy';
import { LicenceHistory } from './0004-licence-history';
import { AgentsAndContracts } from './0005-agents-contracts';
import { AccountsAndApiClients } from './0006-accounts-api-clients';
import { CompaniesFeedOrder } from './0007-feed-order';
import { GraphAuditTrail } from './0008-graph-audit-trail';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [
  InitialCompanies,
  CompaniesAuditAndOutbox,
  LicensingPolicy,
  LicenceHistory,
  AgentsAndContracts,
  AccountsAndApiClients,
  CompaniesFeedOrder,
  GraphAuditTrail,
];
