import { defineSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { seedPackagesDemo } from './demo-seed';
import { migrations } from './migrations/index';
import { ServiceProviderEntity } from './provider/provider.entity';
import { buildPackagesSchema } from './schema';
import { ServicePackageEntity } from './service-package/service-package.entity';

export { ServicePackageEntity, ServiceProviderEntity };

export const packagesSubgraph: SubgraphDefinition = defineSubgraph({
  name: 'packages',
  defaultPort: 4003,
  entities: [ServiceProviderEntity, ServicePackageEntity],
  migrations,
  buildSchema: buildPackagesSchema,
  seedDemo: seedPackagesDemo,
});
