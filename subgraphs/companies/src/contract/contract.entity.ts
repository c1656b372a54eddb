import { defineEntity, p } from '@umrah/db-kit';

export const AgencyContractEntity = defineEntity({
  name: 'AgencyContract',
  tableName: 'agency_contract',
  properties: {
    id: p.uuid().primary(),
    companyId: p.uuid(),
    agentId: p.uuid(),
    validFrom: p.string().columnType('date'),
    validTo: p.string().columnType('date'),
    status: p.string(),
    season: p.string(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    submittedAt: p.datetime().nullable(),
    approvedAt: p.datetime().nullable(),
    approvedBy: p.uuid().nullable(),
    rejectedAt: p.datetime().nullable(),
    rejectionReason: p.string().nullable(),
    terminatedAt: p.datetime().nullable(),
    terminationReason: p.string().nullable(),
  },
});

export type AgencyContractRow = InstanceType<typeof AgencyContractEntity.class>;
