import { InitialPilgrims } from './0001-initial';
import { PilgrimsAudit } from './0002-audit';
import { SeasonPolicy } from './0003-season-policy';
import { CompanyStanding } from './0004-company-standing';
import { Registration } from './0005-registration';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [InitialPilgrims, PilgrimsAudit, SeasonPolicy, CompanyStanding, Registration];
