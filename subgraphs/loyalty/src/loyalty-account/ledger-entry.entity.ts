import { defineEntity, p } from '@umrah/db-kit';
import { LoyaltyAccountEntity } from './loyalty-account.entity';

export const LedgerEntryEntity = defineEntity({
  name: 'LoyaltyLedgerEntry',
  tableName: 'loyalty_ledger_entry',
  properties: {
    id: p.uuid().primary(),
    account: () => p.manyToOne(LoyaltyAccountEntity),
    kind: p.string(),
    points: p.integer(),
    balanceAfter: p.integer(),
    source: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type LedgerEntryRow = InstanceType<typeof LedgerEntryEntity.class>;
