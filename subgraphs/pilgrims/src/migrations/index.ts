import { InitialPilgrims } from './0001-initial';
import { PilgrimsAudit } from './0002-audit';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [InitialPilgrims, PilgrimsAudit];
