import { defineEntity, p } from '@umrah/db-kit';

/** One version of the earning rules; never updated (the database refuses it). */
export const EarningRulesEntity = defineEntity({
  name: 'LoyaltyEarningRules',
  tableName: 'loyalty_earning_rules',
  properties: {
    id: p.uuid().primary(),
    version: p.integer(),
    season: p.string(),
    effectiveFrom: p.datetime(),
    pointsPerPilgrim: p.integer(),
    visaIssuedBonus: p.integer(),
    silverFrom: p.integer(),
    goldFrom: p.integer(),
    platinumFrom: p.integer(),
    silverMultiplierPct: p.integer(),
    goldMultiplierPct: p.integer(),
    platinumMultiplierPct: p.integer(),
    expiryMonths: p.integer(),
    expiryNoticeDays: p.integer(),
    changedBy: p.uuid().nullable(),
    reason: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type EarningRulesRow = InstanceType<typeof EarningRulesEntity.class>;
