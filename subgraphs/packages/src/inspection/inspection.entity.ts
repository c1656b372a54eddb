import { defineEntity, p } from '@umrah/db-kit';

export const InspectionEntity = defineEntity({
  name: 'Inspection',
  tableName: 'inspection',
  properties: {
    id: p.uuid().primary(),
    // At least one of the two: the company whose pilgrims were visited, the provider whose site it was.
    companyId: p.uuid().nullable(),
    providerId: p.uuid().nullable(),
    city: p.string(),
    site: p.string(),
    visitedOn: p.string().columnType('date'),
    findings: p.string(),
    recordedBy: p.uuid(),
    recordedAt: p.datetime(),
  },
});

export type InspectionRow = InstanceType<typeof InspectionEntity.class>;
