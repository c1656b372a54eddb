import { OutboxEventEntity, eventFeedHandler } from '@umrah/events';
import { defineSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { BookingEntity } from './booking/booking.entity';
import { seedPackagesDemo } from './demo-seed';
import { migrations } from './migrations/index';
import { ServiceProviderEntity } from './provider/provider.entity';
import { buildPackagesSchema } from './schema';
import { ServicePackageEntity } from './service-package/service-package.entity';

export { BookingEntity, ServicePackageEntity, ServiceProviderEntity };

export const packagesSubgraph: SubgraphDefinition = defineSubgraph({
  name: 'packages',
  defaultPort: 4003,
  entities: [ServiceProviderEntity, ServicePackageEntity, BookingEntity, OutboxEventEntity],
  migrations,
  buildSchema: buildPackagesSchema,
  seedDemo: seedPackagesDemo,
  // Booking confirmations and cancellations, for the pilgrims subgraph's visa check.
  privateRoutes: (runtime) => (app) => {
    app.get('/events', eventFeedHandler(runtime.db));
  },
});
