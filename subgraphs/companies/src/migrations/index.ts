import { InitialCompanies } from './0001-initial';
import { CompaniesAuditAndOutbox } from './0002-audit-and-outbox';
import { LicensingPolicy } from './0003-licensing-policy';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [InitialCompanies, CompaniesAuditAndOutbox, LicensingPolicy];
