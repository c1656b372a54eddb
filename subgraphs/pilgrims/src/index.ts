import { OutboxEventEntity, eventFeedHandler } from '@umrah/events';
import { defineSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { seedPilgrimsDemo } from './demo-seed';
import { PilgrimGroupEntity } from './group/group.entity';
import { migrations } from './migrations/index';
import { PilgrimEntity } from './pilgrim/pilgrim.entity';
import { IdempotencyKeyEntity } from './registration/idempotency.entity';
import { buildPilgrimsSchema } from './schema';
import { CompanyVisaQuotaEntity, SeasonEntity, SeasonPolicyVersionEntity } from './season/season.entity';
import { companiesEventHandler } from './standing/standing.handler';
import { VisaApplicationEntity, VisaStatusChangeEntity } from './visa/visa.entity';

export { PilgrimEntity, VisaApplicationEntity, VisaStatusChangeEntity };

export const pilgrimsSubgraph: SubgraphDefinition = defineSubgraph({
  name: 'pilgrims',
  defaultPort: 4002,
  entities: [
    PilgrimEntity,
    VisaApplicationEntity,
    VisaStatusChangeEntity,
    SeasonEntity,
    SeasonPolicyVersionEntity,
    CompanyVisaQuotaEntity,
    PilgrimGroupEntity,
    IdempotencyKeyEntity,
    OutboxEventEntity,
  ],
  migrations,
  buildSchema: buildPilgrimsSchema,
  seedDemo: seedPilgrimsDemo,
  consumers: [{ source: 'companies', handler: companiesEventHandler }],
  privateRoutes: (runtime) => (app) => {
    app.get('/events', eventFeedHandler(runtime.db));
  },
});
export { agentMayActFor, companiesMayOperate } from './standing/standing.service';
export { policyInForce, quotasInForce } from './season/season.service';
