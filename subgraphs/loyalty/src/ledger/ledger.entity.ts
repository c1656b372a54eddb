import { defineEntity, p } from '@umrah/db-kit';
import { LoyaltyAccountEntity } from '../loyalty-account/loyalty-account.entity';

/**
 * One line of an account's ledger. Never updated or deleted (the database refuses it); the line
 * number and running balance are set by the database from the locked account row on insert.
 */
export const LedgerEntryEntity = defineEntity({
  name: 'LoyaltyLedgerEntry',
  tableName: 'loyalty_ledger_entry',
  properties: {
    id: p.uuid().primary(),
    account: () => p.manyToOne(LoyaltyAccountEntity),
    line: p.integer(),
    kind: p.string(),
    cause: p.string(),
    points: p.integer(),
    balanceAfter: p.integer(),
    source: p.string(),
    occurredAt: p.datetime(),
    ruleId: p.uuid().nullable(),
    tier: p.string().nullable(),
    multiplierPct: p.integer().nullable(),
    pilgrims: p.integer(),
    eventId: p.uuid().nullable(),
    reference: p.string().nullable(),
    redemptionId: p.uuid().nullable(),
    reason: p.string().nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type LedgerEntryRow = InstanceType<typeof LedgerEntryEntity.class>;

/** Points that expire on one day for one account; credits add to it, debits and expiry take from it. */
export const PointsLotEntity = defineEntity({
  name: 'LoyaltyPointsLot',
  tableName: 'loyalty_points_lot',
  properties: {
    id: p.uuid().primary(),
    accountId: p.uuid(),
    expiresOn: p.string().columnType('date'),
    points: p.integer(),
    remaining: p.integer(),
    expirations: p.integer(),
  },
});

export type PointsLotRow = InstanceType<typeof PointsLotEntity.class>;
