import { InitialPackages } from './0001-initial';
import { PackagesAudit } from './0002-audit';
import { Bookings } from './0003-bookings';
import { Inventory } from './0004-inventory';
import { PackageComposition } from './0005-package-composition';
import { Compliance } from './0006-compliance';
import { BookingHolds } from './0007-booking-holds';
import { PackageComponentRules } from './0008-package-component-rules';
import { ComplianceStats } from './0009-compliance-statistics';
import { PackagesAuditRelay } from './0010-audit-relay';
import { PackagesCompanyDirectory } from './0011-company-directory';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [
  InitialPackages,
  PackagesAudit,
  Bookings,
  Inventory,
  PackageComposition,
  Compliance,
  BookingHolds,
  PackageComponentRules,
  ComplianceStats,
  PackagesAuditRelay,
  PackagesCompanyDirectory,
];
