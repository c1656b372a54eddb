import { defineEntity, p } from '@umrah/db-kit';

export const ComplaintEntity = defineEntity({
  name: 'Complaint',
  tableName: 'complaint',
  properties: {
    id: p.uuid().primary(),
    // Exactly one of the two: the company (owned by the companies subgraph) or a provider here.
    companyId: p.uuid().nullable(),
    providerId: p.uuid().nullable(),
    category: p.string(),
    description: p.string(),
    city: p.string(),
    site: p.string().nullable(),
    pilgrimId: p.uuid().nullable(),
    channel: p.string(),
    filedBy: p.uuid(),
    filedByCompanyId: p.uuid().nullable(),
    filedByAgentId: p.uuid().nullable(),
    status: p.string(),
    filedAt: p.datetime(),
    slaHours: p.integer(),
    slaDueAt: p.datetime(),
    slaBreachedAt: p.datetime().nullable(),
    resolution: p.string().nullable(),
    upheld: p.boolean().nullable(),
    resolvedAt: p.datetime().nullable(),
    resolvedBy: p.uuid().nullable(),
  },
});

export type ComplaintRow = InstanceType<typeof ComplaintEntity.class>;

/** One step of a complaint's history, with who took it and when; written with every change, never updated. */
export const ComplaintStatusChangeEntity = defineEntity({
  name: 'ComplaintStatusChange',
  tableName: 'complaint_status_change',
  properties: {
    id: p.uuid().primary(),
    complaintId: p.uuid(),
    fromStatus: p.string().nullable(),
    toStatus: p.string(),
    note: p.string().nullable(),
    changedBy: p.uuid().nullable(),
    changedByRole: p.string().nullable(),
    changedAt: p.datetime(),
  },
});

export type ComplaintStatusChangeRow = InstanceType<typeof ComplaintStatusChangeEntity.class>;
