import { defineEntity, p } from '@umrah/db-kit';

/** A company's account. Its balance and last line change only through its ledger (a database trigger). */
export const LoyaltyAccountEntity = defineEntity({
  name: 'LoyaltyAccount',
  tableName: 'loyalty_account',
  properties: {
    id: p.uuid().primary(),
    // The company is owned by the companies subgraph: a plain id, joined in the graph by key.
    companyId: p.uuid(),
    balance: p.integer(),
    lastLine: p.integer(),
    openedAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type LoyaltyAccountRow = InstanceType<typeof LoyaltyAccountEntity.class>;
