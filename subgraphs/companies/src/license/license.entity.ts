import { defineEntity, p } from '@umrah/db-kit';

export const LicenseEntity = defineEntity({
  name: 'License',
  tableName: 'license',
  properties: {
    id: p.uuid().primary(),
    number: p.string(),
    status: p.string(),
    issuedOn: p.string().columnType('date'),
    expiresOn: p.string().columnType('date'),
    suspendedUntil: p.string().columnType('date').nullable(),
  },
});

export type LicenseRow = InstanceType<typeof LicenseEntity.class>;
