import { defineEntity, p } from '@umrah/db-kit';

/** A reward of the catalogue; its stock never goes below zero (a check constraint). */
export const RewardEntity = defineEntity({
  name: 'LoyaltyReward',
  tableName: 'loyalty_reward',
  properties: {
    id: p.uuid().primary(),
    category: p.string(),
    nameAr: p.string(),
    nameEn: p.string(),
    descriptionAr: p.string(),
    descriptionEn: p.string(),
    costPoints: p.integer(),
    stock: p.integer(),
    activeFrom: p.string().columnType('date'),
    activeUntil: p.string().columnType('date').nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type RewardRow = InstanceType<typeof RewardEntity.class>;
