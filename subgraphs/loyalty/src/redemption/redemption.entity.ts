import { defineEntity, p } from '@umrah/db-kit';

/** A company's request for a reward, from the points held at once to fulfilment or refund. */
export const RedemptionEntity = defineEntity({
  name: 'LoyaltyRedemption',
  tableName: 'loyalty_redemption',
  properties: {
    id: p.uuid().primary(),
    accountId: p.uuid(),
    companyId: p.uuid(),
    rewardId: p.uuid(),
    quantity: p.integer(),
    points: p.integer(),
    status: p.string(),
    requestedBy: p.uuid().nullable(),
    requestedAt: p.datetime(),
    decidedBy: p.uuid().nullable(),
    decidedAt: p.datetime().nullable(),
    decisionNote: p.string().nullable(),
    fulfilledBy: p.uuid().nullable(),
    fulfilledAt: p.datetime().nullable(),
    fulfilmentNote: p.string().nullable(),
    holdEntryId: p.uuid(),
    refundEntryId: p.uuid().nullable(),
    updatedAt: p.datetime(),
  },
});

export type RedemptionRow = InstanceType<typeof RedemptionEntity.class>;
