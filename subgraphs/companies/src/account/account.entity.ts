import { defineEntity, p } from '@umrah/db-kit';

export const AccountEntity = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p.uuid().primary(),
    email: p.string(),
    displayName: p.string(),
    passwordHash: p.string().hidden(),
    role: p.string(),
    companyId: p.uuid().nullable(),
    agentId: p.uuid().nullable(),
    providerId: p.uuid().nullable(),
    disabledAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AccountRow = InstanceType<typeof AccountEntity.class>;
