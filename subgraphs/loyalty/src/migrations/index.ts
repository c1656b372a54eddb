import { InitialLoyalty } from './0001-initial';
import { LoyaltyAudit } from './0002-audit';
import { LoyaltyProgramme } from './0003-programme';
import { RedemptionIdempotency } from './0004-redemption-idempotency';
import { LoyaltyAuditRelay } from './0005-audit-relay';
import { SetBasedPosting } from './0006-set-based-posting';
import { PilgrimDays } from './0007-pilgrim-days';
import { LoyaltyCompanyDirectory } from './0008-company-directory';
import { StatementPosting } from './0009-statement-posting';
import { PilgrimDayComplements } from './0010-pilgrim-day-complements';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [
  InitialLoyalty,
  LoyaltyAudit,
  LoyaltyProgramme,
  RedemptionIdempotency,
  LoyaltyAuditRelay,
  SetBasedPosting,
  PilgrimDays,
  LoyaltyCompanyDirectory,
  StatementPosting,
  PilgrimDayComplements,
];
