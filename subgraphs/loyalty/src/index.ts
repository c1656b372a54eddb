import { eventFeedHandler } from '@umrah/events';
import {
  COMPANY_DIRECTORY_EVENTS,
  companyDirectoryHandler,
  defineSubgraph,
  type SubgraphDefinition,
} from '@umrah/subgraph-kit';
import { seedLoyaltyDemo } from './demo-seed';
import { EARNING_EVENT_TYPES, pilgrimsEventHandler } from './earning/earning.handler';
import { expiryWorker } from './expiry/expiry.service';
import { LedgerEntryEntity, PointsLotEntity } from './ledger/ledger.entity';
import { LoyaltyAccountEntity } from './loyalty-account/loyalty-account.entity';
import { migrations } from './migrations/index';
import { RedemptionEntity } from './redemption/redemption.entity';
import { RewardEntity } from './reward/reward.entity';
import { EarningRulesEntity } from './rules/rules.entity';
import { buildLoyaltySchema } from './schema';

export { LedgerEntryEntity, LoyaltyAccountEntity };
export { EARNING_EVENT_TYPES, pilgrimsEventHandler } from './earning/earning.handler';
export { expireDuePoints } from './expiry/expiry.service';

export const loyaltySubgraph: SubgraphDefinition = defineSubgraph({
  name: 'loyalty',
  defaultPort: 4004,
  entities: [
    LoyaltyAccountEntity,
    LedgerEntryEntity,
    PointsLotEntity,
    EarningRulesEntity,
    RewardEntity,
    RedemptionEntity,
  ],
  migrations,
  buildSchema: buildLoyaltySchema,
  seedDemo: (db) => seedLoyaltyDemo(db),
  consumers: [
    { source: 'pilgrims', handler: pilgrimsEventHandler, types: EARNING_EVENT_TYPES },
    // Which companies exist, so a correction cannot name a company that does not.
    { source: 'companies', handler: companyDirectoryHandler, types: COMPANY_DIRECTORY_EVENTS },
  ],
  workers: (runtime) => [expiryWorker(runtime.db)],
  // Its outbox carries only audit entries, for the graph-wide trail the companies subgraph keeps.
  privateRoutes: (runtime) => (app) => {
    app.get('/events', eventFeedHandler(runtime.db));
  },
});
