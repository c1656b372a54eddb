import { defineEntity, p } from '@umrah/db-kit';

/** One change of a licence's status: who, when, what and why. Rows are only ever added. */
export const LicenseStatusChangeEntity = defineEntity({
  name: 'LicenseStatusChange',
  tableName: 'license_status_change',
  properties: {
    id: p.uuid().primary(),
    licenseId: p.uuid(),
    companyId: p.uuid(),
    fromStatus: p.string().nullable(),
    toStatus: p.string(),
    action: p.string(),
    reason: p.string(),
    suspendedUntil: p.string().columnType('date').nullable(),
    newExpiresOn: p.string().columnType('date').nullable(),
    actorAccountId: p.uuid().nullable(),
    at: p.datetime().onCreate(() => new Date()),
  },
});

export type LicenseStatusChangeRow = InstanceType<typeof LicenseStatusChangeEntity.class>;
