import { defineEntity, p } from '@umrah/db-kit';

export const VisaApplicationEntity = defineEntity({
  name: 'VisaApplication',
  tableName: 'visa_application',
  properties: {
    id: p.uuid().primary(),
    pilgrimId: p.uuid(),
    companyId: p.uuid(),
    status: p.string(),
    submittedAt: p.datetime(),
    mofaReference: p.string().nullable(),
    visaNumber: p.string().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type VisaApplicationRow = InstanceType<typeof VisaApplicationEntity.class>;

/** One step of a visa's history; written with every status change, never updated. */
export const VisaStatusChangeEntity = defineEntity({
  name: 'VisaStatusChange',
  tableName: 'visa_status_change',
  properties: {
    id: p.uuid().primary(),
    visaApplicationId: p.uuid(),
    fromStatus: p.string().nullable(),
    toStatus: p.string(),
    changedBy: p.uuid().nullable(),
    changedAt: p.datetime().onCreate(() => new Date()),
    reason: p.string().nullable(),
  },
});

export type VisaStatusChangeRow = InstanceType<typeof VisaStatusChangeEntity.class>;
