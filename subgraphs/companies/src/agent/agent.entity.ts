import { defineEntity, p } from '@umrah/db-kit';

export const AgentEntity = defineEntity({
  name: 'ExternalAgent',
  tableName: 'external_agent',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    countryCode: p.string(),
    homeLicenseNumber: p.string(),
    status: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AgentRow = InstanceType<typeof AgentEntity.class>;
