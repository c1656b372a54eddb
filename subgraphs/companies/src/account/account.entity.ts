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
    disabledBy: p.uuid().nullable(),
    disabledReason: p.string().nullable(),
    createdBy: p.uuid().nullable(),
    passwordChangedAt: p.datetime().nullable(),
    /** Access tokens issued before this moment are refused by this subgraph (set when the account is disabled). */
    tokensValidFrom: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AccountRow = InstanceType<typeof AccountEntity.class>;
