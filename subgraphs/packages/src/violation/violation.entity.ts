import { defineEntity, p } from '@umrah/db-kit';

export const ViolationEntity = defineEntity({
  name: 'Violation',
  tableName: 'violation',
  properties: {
    id: p.uuid().primary(),
    // Exactly one of the two: the company (owned by the companies subgraph) or a provider here.
    companyId: p.uuid().nullable(),
    providerId: p.uuid().nullable(),
    type: p.string(),
    details: p.string(),
    fineHalalas: p.bigint('number'),
    points: p.integer(),
    source: p.string(),
    // The overstaying pilgrim's visa application (pilgrims subgraph): one violation per visa.
    sourceVisaApplicationId: p.uuid().nullable().unique(),
    pilgrimId: p.uuid().nullable(),
    season: p.string().nullable(),
    inspectionId: p.uuid().nullable(),
    complaintId: p.uuid().nullable(),
    status: p.string(),
    recordedAt: p.datetime(),
    recordedBy: p.uuid().nullable(),
    cureDueOn: p.string().columnType('date'),
    closedAt: p.datetime().nullable(),
    closedBy: p.uuid().nullable(),
    closeNote: p.string().nullable(),
  },
});

export type ViolationRow = InstanceType<typeof ViolationEntity.class>;

/** One step of a violation's history; written with every change, never updated. */
export const ViolationStatusChangeEntity = defineEntity({
  name: 'ViolationStatusChange',
  tableName: 'violation_status_change',
  properties: {
    id: p.uuid().primary(),
    violationId: p.uuid(),
    fromStatus: p.string().nullable(),
    toStatus: p.string(),
    note: p.string().nullable(),
    changedBy: p.uuid().nullable(),
    changedByRole: p.string().nullable(),
    changedAt: p.datetime(),
  },
});

export type ViolationStatusChangeRow = InstanceType<typeof ViolationStatusChangeEntity.class>;
