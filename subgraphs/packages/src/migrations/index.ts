import { InitialPackages } from './0001-initial';
import { PackagesAudit } from './0002-audit';
import { Bookings } from './0003-bookings';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [InitialPackages, PackagesAudit, Bookings];
