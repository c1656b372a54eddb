import { defineEntity, p } from '@umrah/db-kit';

/**
 * The kit's audit_log table, read here: this subgraph's rows written by the kit's mutation
 * middleware, and the other subgraphs' rows relayed to it as events (`source` says whose).
 */
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
    source: p.string(),
  },
});

export type AuditLogRow = InstanceType<typeof AuditLogEntity.class>;
