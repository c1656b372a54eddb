import { startSubgraph, type SubgraphDefinition } from '@umrah/subgraph-kit';
import { seedLoyaltyDemo } from './demo-seed';
import { LedgerEntryEntity } from './loyalty-account/ledger-entry.entity';
import { LoyaltyAccountEntity } from './loyalty-account/loyalty-account.entity';
import { migrations } from './migrations/0001-initial';
import { buildLoyaltySchema } from './schema';

export { LedgerEntryEntity, LoyaltyAccountEntity };

export const loyaltySubgraph: SubgraphDefinition = {
  name: 'loyalty',
  defaultPort: 4004,
  entities: [LoyaltyAccountEntity, LedgerEntryEntity],
  migrations,
  buildSchema: buildLoyaltySchema,
  seedDemo: seedLoyaltyDemo,
  async start(runtime) {
    const { schema } = await buildLoyaltySchema();
    return startSubgraph({
      name: 'loyalty',
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
