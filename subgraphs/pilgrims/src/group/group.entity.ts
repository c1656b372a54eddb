import { defineEntity, p } from '@umrah/db-kit';

export const PilgrimGroupEntity = defineEntity({
  name: 'PilgrimGroup',
  tableName: 'pilgrim_group',
  properties: {
    id: p.uuid().primary(),
    companyId: p.uuid(),
    agentId: p.uuid().nullable(),
    groupNumber: p.string(),
    name: p.string(),
    season: p.string(),
    createdBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type PilgrimGroupRow = InstanceType<typeof PilgrimGroupEntity.class>;
