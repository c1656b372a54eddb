import { defineEntity, p } from '@umrah/db-kit';

export const ApiClientEntity = defineEntity({
  name: 'ApiClient',
  tableName: 'api_client',
  properties: {
    id: p.uuid().primary(),
    clientId: p.string(),
    secretHash: p.string().hidden(),
    name: p.string(),
    scopes: p.array(),
    companyId: p.uuid().nullable(),
    agentId: p.uuid().nullable(),
    providerId: p.uuid().nullable(),
    createdBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    rotatedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.uuid().nullable(),
    revokedReason: p.string().nullable(),
  },
});

export type ApiClientRow = InstanceType<typeof ApiClientEntity.class>;
