import { OutboxEventEntity, eventFeedHandler } from '@umrah/events';
import {
  COMPANY_DIRECTORY_EVENTS,
  companyDirectoryHandler,
  defineSubgraph,
  type SubgraphDefinition,
} from '@umrah/subgraph-kit';
import { BookingEntity } from './booking/booking.entity';
import { bookingExpiryWorker } from './booking/booking.service';
import { ComplaintEntity, ComplaintStatusChangeEntity } from './complaint/complaint.entity';
import { complaintSlaWorker } from './complaint/complaint.service';
import { pilgrimsEventHandler } from './compliance/compliance.handler';
import { seedPackagesDemo } from './demo-seed';
import { InspectionEntity } from './inspection/inspection.entity';
import { InventoryItemEntity } from './inventory/inventory.entity';
import { migrations } from './migrations/index';
import { ServiceProviderEntity } from './provider/provider.entity';
import { buildPackagesSchema } from './schema';
import {
  PackageComponentEntity,
  PackageStatusChangeEntity,
  ServicePackageEntity,
} from './service-package/service-package.entity';
import { ViolationEntity, ViolationStatusChangeEntity } from './violation/violation.entity';

export { BookingEntity, ServicePackageEntity, ServiceProviderEntity };

export const packagesSubgraph: SubgraphDefinition = defineSubgraph({
  name: 'packages',
  defaultPort: 4003,
  entities: [
    ServiceProviderEntity,
    ServicePackageEntity,
    BookingEntity,
    OutboxEventEntity,
    InventoryItemEntity,
    PackageComponentEntity,
    PackageStatusChangeEntity,
    ComplaintEntity,
    ComplaintStatusChangeEntity,
    InspectionEntity,
    ViolationEntity,
    ViolationStatusChangeEntity,
  ],
  migrations,
  buildSchema: buildPackagesSchema,
  seedDemo: seedPackagesDemo,
  // Overstays become violations; issued visas count for the overstay rate.
  consumers: [
    { source: 'pilgrims', handler: pilgrimsEventHandler, types: ['PilgrimOverstayed', 'VisaStatusChanged'] },
    // Which companies exist and which agents worked for them, for complaints, violations and visits.
    { source: 'companies', handler: companyDirectoryHandler, types: COMPANY_DIRECTORY_EVENTS },
  ],
  // Unpaid holds expire and give their places back.
  workers: (runtime) => [complaintSlaWorker(runtime.db), bookingExpiryWorker(runtime.db)],
  // Booking confirmations and cancellations, for the pilgrims subgraph's visa check; violations for the licence's owner.
  privateRoutes: (runtime) => (app) => {
    app.get('/events', eventFeedHandler(runtime.db));
  },
});
