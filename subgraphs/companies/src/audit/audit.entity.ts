import { defineEntity, p } from '@umrah/db-kit';

/** The kit's audit_log table, read here; rows are written by the kit's mutation middleware only. */
export const AuditLogEntity = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: {
    id: p.uuid().primary(),
    at: p.datetime(),
    actorAccountId: p.uuid().nullable(),
    actorRole: p.string().nullable(),
    operation: p.string(),
    targetId: p.string().nullable(),
    companyId: p.uuid().nullable(),
    reason: p.string().nullable(),
    outcome: p.string(),
  },
});

export type AuditLogRow = InstanceType<typeof AuditLogEntity.class>;
