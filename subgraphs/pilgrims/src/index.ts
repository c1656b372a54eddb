import { defineSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { seedPilgrimsDemo } from './demo-seed';
import { migrations } from './migrations/index';
import { PilgrimEntity } from './pilgrim/pilgrim.entity';
import { buildPilgrimsSchema } from './schema';
import { VisaApplicationEntity, VisaStatusChangeEntity } from './visa/visa.entity';

export { PilgrimEntity, VisaApplicationEntity, VisaStatusChangeEntity };

export const pilgrimsSubgraph: SubgraphDefinition = defineSubgraph({
  name: 'pilgrims',
  defaultPort: 4002,
  entities: [PilgrimEntity, VisaApplicationEntity, VisaStatusChangeEntity],
  migrations,
  buildSchema: buildPilgrimsSchema,
  seedDemo: seedPilgrimsDemo,
});
