import { startSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { seedPilgrimsDemo } from './demo-seed';
import { migrations } from './migrations/0001-initial';
import { PilgrimEntity } from './pilgrim/pilgrim.entity';
import { buildPilgrimsSchema } from './schema';
import { VisaApplicationEntity, VisaStatusChangeEntity } from './visa/visa.entity';

export { PilgrimEntity, VisaApplicationEntity, VisaStatusChangeEntity };

export const pilgrimsSubgraph: SubgraphDefinition = {
  name: 'pilgrims',
  defaultPort: 4002,
  entities: [PilgrimEntity, VisaApplicationEntity, VisaStatusChangeEntity],
  migrations,
  buildSchema: buildPilgrimsSchema,
  seedDemo: seedPilgrimsDemo,
  async start(runtime) {
    const { schema } = await buildPilgrimsSchema();
    return startSubgraph({
      name: 'pilgrims',
      schema,
      db: runtime.db,
      verifyToken: runtime.verifyToken,
      secret: runtime.secret,
      port: runtime.port,
      ...(runtime.host ? { host: runtime.host } : {}),
      production: runtime.production ?? false,
    });
  },
};
