import { defineEntity, p } from '@umrah/db-kit';

/**
 * One thing a provider sells: a hotel room type, a transport route, a catering plan, an enrichment
 * trip or an insurance product. Its places per day live in `inventory_allotment`, which is only
 * ever read and changed with SQL (bulk upserts and conditional updates), so it has no entity here.
 */
export const InventoryItemEntity = defineEntity({
  name: 'InventoryItem',
  tableName: 'inventory_item',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid(),
    kind: p.string(),
    code: p.string(),
    nameAr: p.string(),
    nameEn: p.string(),
    roomType: p.string().nullable(),
    mealPlan: p.string().nullable(),
    routeFrom: p.string().nullable(),
    routeTo: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type InventoryItemRow = InstanceType<typeof InventoryItemEntity.class>;
