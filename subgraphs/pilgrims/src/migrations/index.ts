import { InitialPilgrims } from './0001-initial';
import { PilgrimsAudit } from './0002-audit';
import { SeasonPolicy } from './0003-season-policy';
import { CompanyStanding } from './0004-company-standing';
import { Registration } from './0005-registration';
import { VisaWorkflow } from './0006-visa-workflow';
import { BulkRegistration } from './0007-bulk-registration';
import { Webhooks } from './0008-webhooks';
import { PilgrimsFeedOrder } from './0009-feed-order';
import { PilgrimBookings } from './0010-bookings';
import { IdempotencyRetention } from './0011-idempotency-retention';
import { ReapplyAfterExpiry } from './0012-reapply-after-expiry';
import { SortedLists } from './0013-sorted-lists';
import { PilgrimsAuditRelay } from './0014-audit-relay';
import { VisaStatusFilter } from './0015-visa-status-filter';
import { PilgrimCounts } from './0016-pilgrim-counts';
import { PilgrimVisaStatus } from './0017-pilgrim-visa-status';

/** Every migration of this subgraph, oldest first; a new one is appended here. */
export const migrations = [
  InitialPilgrims,
  PilgrimsAudit,
  SeasonPolicy,
  CompanyStanding,
  Registration,
  VisaWorkflow,
  BulkRegistration,
  Webhooks,
  PilgrimsFeedOrder,
  PilgrimBookings,
  IdempotencyRetention,
  ReapplyAfterExpiry,
  SortedLists,
  PilgrimsAuditRelay,
  VisaStatusFilter,
  PilgrimCounts,
  PilgrimVisaStatus,
];
