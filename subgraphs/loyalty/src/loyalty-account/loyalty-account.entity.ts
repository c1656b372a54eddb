import { defineEntity, p } from '@umrah/db-kit';

export const LoyaltyAccountEntity = defineEntity({
  name: 'LoyaltyAccount',
  tableName: 'loyalty_account',
  properties: {
    id: p.uuid().primary(),
    // The company is owned by the companies subgraph: a plain id, joined in the graph by key.
    companyId: p.uuid(),
    balance: p.integer(),
    tier: p.string(),
    openedAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type LoyaltyAccountRow = InstanceType<typeof LoyaltyAccountEntity.class>;
