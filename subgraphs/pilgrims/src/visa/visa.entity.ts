import { defineEntity, p } from '@umrah/db-kit';

export const VisaApplicationEntity = defineEntity({
  name: 'VisaApplication',
  tableName: 'visa_application',
  properties: {
    id: p.uuid().primary(),
    pilgrimId: p.uuid(),
    companyId: p.uuid(),
    agentId: p.uuid().nullable(),
    season: p.string(),
    nationality: p.string(),
    status: p.string(),
    submittedAt: p.datetime(),
    submittedBy: p.uuid().nullable(),
    approvedAt: p.datetime().nullable(),
    paidAt: p.datetime().nullable(),
    paymentReference: p.string().nullable(),
    feeHalalas: p.integer().nullable(),
    sentToMofaAt: p.datetime().nullable(),
    issuedAt: p.datetime().nullable(),
    enterBy: p.string().columnType('date').nullable(),
    arrivedOn: p.string().columnType('date').nullable(),
    arrivalPort: p.string().nullable(),
    arrivalPortKind: p.string().nullable(),
    stayUntil: p.string().columnType('date').nullable(),
    departedOn: p.string().columnType('date').nullable(),
    departurePort: p.string().nullable(),
    overstayedAt: p.datetime().nullable(),
    processingMs: p.bigint('number').nullable(),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime().nullable(),
    lastError: p.string().nullable(),
    holdsQuota: p.boolean().default(false),
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
