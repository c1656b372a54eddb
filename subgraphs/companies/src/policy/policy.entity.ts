import { defineEntity, p } from '@umrah/db-kit';

export const LicensingPolicyEntity = defineEntity({
  name: 'LicensingPolicy',
  tableName: 'licensing_policy',
  properties: {
    id: p.uuid().primary(),
    season: p.string(),
    effectiveFrom: p.string().columnType('date'),
    licenseYears: p.integer(),
    companyCureDays: p.integer(),
    agentCureDays: p.integer(),
    contractCutoffOn: p.string().columnType('date'),
    changedBy: p.uuid().nullable(),
    reason: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type LicensingPolicyRow = InstanceType<typeof LicensingPolicyEntity.class>;
