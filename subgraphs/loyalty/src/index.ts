import { defineSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { seedLoyaltyDemo } from './demo-seed';
import { LedgerEntryEntity } from './loyalty-account/ledger-entry.entity';
import { LoyaltyAccountEntity } from './loyalty-account/loyalty-account.entity';
import { migrations } from './migrations/index';
import { buildLoyaltySchema } from './schema';

export { LedgerEntryEntity, LoyaltyAccountEntity };

export const loyaltySubgraph: SubgraphDefinition = defineSubgraph({
  name: 'loyalty',
  defaultPort: 4004,
  entities: [LoyaltyAccountEntity, LedgerEntryEntity],
  migrations,
  buildSchema: buildLoyaltySchema,
  seedDemo: seedLoyaltyDemo,
});
