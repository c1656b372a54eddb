import { defineEntity, p } from '@umrah/db-kit';

export const AgentEntity = defineEntity({
  name: 'ExternalAgent',
  tableName: 'external_agent',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    countryCode: p.string(),
    homeLicenseNumber: p.string(),
    status: p.string(),
    contactEmail: p.string().nullable(),
    contactPhone: p.string().nullable(),
    suspendedUntil: p.string().columnType('date').nullable(),
    rating: p.decimal('number').precision(3).scale(2).nullable(),
    violationsCount: p.integer().default(0),
    complaintsCount: p.integer().default(0),
    approvedAt: p.datetime().nullable(),
    approvedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AgentRow = InstanceType<typeof AgentEntity.class>;

/** One change of an agent's status, with who made it and why. Rows are only ever added. */
export const AgentStatusChangeEntity = defineEntity({
  name: 'AgentStatusChange',
  tableName: 'agent_status_change',
  properties: {
    id: p.uuid().primary(),
    agentId: p.uuid(),
    fromStatus: p.string().nullable(),
    toStatus: p.string(),
    reason: p.string(),
    cureUntil: p.string().columnType('date').nullable(),
    changedBy: p.uuid().nullable(),
    changedAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AgentStatusChangeRow = InstanceType<typeof AgentStatusChangeEntity.class>;
