import type { FilterQuery } from '@mikro-orm/core';
import { LockMode, UniqueConstraintViolationException } from '@umrah/db-kit';
import { isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import {
  badInput,
  findPage,
  isMinistry,
  pagesByParent,
  Role,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { addDays, isoDate, licensingPolicyOn } from '../policy/policy.service';
import { isCountryCode } from './countries';
import { AgentStatusChangeEntity, AgentEntity, type AgentRow, type AgentStatusChangeRow } from './agent.entity';
import { agentAlreadyRegistered, agentNotFound, invalidAgentTransition } from './agent.errors';
import {
  AgentStatus,
  AgentStatusChange,
  ExternalAgent,
  type AgentDecisionInput,
  type ExternalAgentFilter,
  type RegisterAgentInput,
  type SuspendAgentInput,
} from './agent.type';

export const AGENT_EVENT = { type: 'AgentStatusChanged', aggregateType: 'ExternalAgent' } as const;

/** The registry entry is public; contact, rating and counts only when `detailsVisible`. */
export function toExternalAgent(row: AgentRow, detailsVisible: boolean): ExternalAgent {
  return Object.assign(new ExternalAgent(), {
    id: row.id,
    name: row.name,
    countryCode: row.countryCode,
    homeLicenseNumber: row.homeLicenseNumber,
    status: row.status as AgentStatus,
    suspendedUntil: row.suspendedUntil ?? null,
    approvedAt: row.approvedAt ?? null,
    contactEmail: detailsVisible ? (row.contactEmail ?? null) : null,
    contactPhone: detailsVisible ? (row.contactPhone ?? null) : null,
    rating: detailsVisible && row.rating !== null && row.rating !== undefined ? Number(row.rating) : null,
    violationsCount: detailsVisible ? row.violationsCount : null,
    complaintsCount: detailsVisible ? row.complaintsCount : null,
    detailsVisible,
  });
}

/**
 * Which of these agents the viewer may see in detail: the ministry all, an agent itself, a manager
 * those holding any contract with their company (one statement), nobody else any.
 */
async function detailsVisibleAmong(
  em: EntityManager,
  viewer: Viewer,
  agentIds: readonly string[],
): Promise<Set<string>> {
  if (isMinistry(viewer)) return new Set(agentIds);
  if (viewer.role === Role.AGENT) return new Set(agentIds.filter((id) => id === viewer.agentId));
  if (viewer.role !== Role.COMPANY_MANAGER || !viewer.companyId || agentIds.length === 0) return new Set();
  return new Set(await contractedAgentIds(em, viewer.companyId, agentIds));
}

/** Agents holding any contract with a company (of any status), among `agentIds` when given. */
async function contractedAgentIds(
  em: EntityManager,
  companyId: string,
  agentIds?: readonly string[],
): Promise<string[]> {
  const among = agentIds ? ` and agent_id in (${agentIds.map(() => '?').join(', ')})` : '';
  const rows = await em
    .getConnection()
    .execute<{ agent_id: string }[]>(`select distinct agent_id from agency_contract where company_id = ?${among}`, [
      companyId,
      ...(agentIds ?? []),
    ]);
  return rows.map((r) => r.agent_id);
}

/** Agents by id in one query (two for a manager). Any signed-in party reads the registry entry. */
export async function agentsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(ExternalAgent | null)[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (!viewer || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(AgentEntity, { id: { $in: valid } });
  const visible = await detailsVisibleAmong(
    em,
    viewer,
    rows.map((r) => r.id),
  );
  const byId = new Map(rows.map((r) => [r.id, toExternalAgent(r, visible.has(r.id))]));
  return ids.map((id) => byId.get(id) ?? null);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterWhere(filter: ExternalAgentFilter | null | undefined): FilterQuery<AgentRow>[] {
  const where: FilterQuery<AgentRow>[] = [];
  if (filter?.status) where.push({ status: filter.status });
  if (filter?.countryCode) {
    const code = filter.countryCode.trim().toUpperCase();
    if (!isCountryCode(code)) throw badInput('filter.countryCode', 'Country must be an ISO 3166-1 alpha-2 code.');
    where.push({ countryCode: code });
  }
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > 100) throw badInput('filter.search', 'Search text must be at most 100 characters.');
    const like = `%${escapeLike(search)}%`;
    where.push({ $or: [{ name: { $ilike: like } }, { homeLicenseNumber: { $ilike: like } }] });
  }
  return where;
}

/**
 * The ministry lists every agent; a manager the agents holding any contract with their company;
 * an agent only itself. Everyone listed here may see the details.
 */
export async function listAgents(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: ExternalAgentFilter | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<ExternalAgent>> {
  const where = filterWhere(filter);
  if (viewer.role === Role.AGENT) where.push({ id: viewer.agentId });
  else if (!isMinistry(viewer)) {
    const contracted = viewer.companyId ? await contractedAgentIds(em, viewer.companyId) : [];
    where.push({ id: { $in: contracted } });
  }
  const page = await findPage(em, AgentEntity, (where.length ? { $and: where } : {}) as never, args, info);
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: toExternalAgent(e.node as AgentRow, true) })),
  };
}

export function checkReason(reason: string, field = 'input.reason'): string {
  const text = reason.trim();
  if ([...text].length < 3 || [...text].length > 1000) throw badInput(field, 'Give a reason of 3 to 1000 characters.');
  return text;
}

function checkRegistration(input: RegisterAgentInput): RegisterAgentInput {
  const name = input.name.trim();
  if ([...name].length < 2 || [...name].length > 200)
    throw badInput('input.name', 'The name must have 2 to 200 characters.');
  const countryCode = input.countryCode.trim().toUpperCase();
  if (!isCountryCode(countryCode)) {
    throw badInput('input.countryCode', 'Country must be an ISO 3166-1 alpha-2 code, such as ID or PK.');
  }
  const homeLicenseNumber = input.homeLicenseNumber.trim();
  if (homeLicenseNumber.length < 2 || homeLicenseNumber.length > 60) {
    throw badInput('input.homeLicenseNumber', 'The home licence number must have 2 to 60 characters.');
  }
  const contactEmail = input.contactEmail.trim().toLowerCase();
  if (contactEmail.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) {
    throw badInput('input.contactEmail', 'Give a valid email address.');
  }
  const contactPhone = input.contactPhone.replace(/[\s().-]/g, '');
  if (!/^\+[1-9][0-9]{6,14}$/.test(contactPhone)) {
    throw badInput(
      'input.contactPhone',
      'Give the phone in international format, starting with + and the country code.',
    );
  }
  return { name, countryCode, homeLicenseNumber, contactEmail, contactPhone };
}

function recordAgentChange(
  em: EntityManager,
  agent: AgentRow,
  change: { from: string | null; reason: string; actorAccountId: string },
): void {
  em.create(AgentStatusChangeEntity, {
    id: uuidv7(),
    agentId: agent.id,
    fromStatus: change.from,
    toStatus: agent.status,
    reason: change.reason,
    cureUntil: agent.status === AgentStatus.SUSPENDED ? (agent.suspendedUntil ?? null) : null,
    changedBy: change.actorAccountId,
  });
  recordEvent(em, {
    ...AGENT_EVENT,
    aggregateId: agent.id,
    payload: {
      countryCode: agent.countryCode,
      status: agent.status,
      previousStatus: change.from,
      suspendedUntil: agent.suspendedUntil ?? null,
      reason: change.reason,
    },
  });
}

/** A ministry officer registers an agent; it starts PENDING until approved. */
export async function registerAgent(
  em: EntityManager,
  viewer: Viewer,
  raw: RegisterAgentInput,
): Promise<ExternalAgent> {
  const input = checkRegistration(raw);
  const taken = await em.count(AgentEntity, {
    countryCode: input.countryCode,
    homeLicenseNumber: input.homeLicenseNumber,
  });
  if (taken > 0) throw agentAlreadyRegistered();
  try {
    const row = await em.transactional(async (tx) => {
      const agent = tx.create(AgentEntity, {
        id: uuidv7(),
        ...input,
        status: AgentStatus.PENDING,
        suspendedUntil: null,
        rating: null,
        violationsCount: 0,
        complaintsCount: 0,
        approvedAt: null,
        approvedBy: null,
      });
      // History rows refer to the agent by a plain id column: write the agent first (same transaction).
      await tx.flush();
      recordAgentChange(tx, agent, {
        from: null,
        reason: 'Registered by a ministry officer',
        actorAccountId: viewer.accountId,
      });
      return agent;
    });
    return toExternalAgent(row, true);
  } catch (error) {
    // Two officers registering the same agent at once: the unique key decides.
    if (error instanceof UniqueConstraintViolationException) throw agentAlreadyRegistered();
    throw error;
  }
}

const TRANSITIONS: Record<'approve' | 'suspend' | 'reinstate', { from: AgentStatus; to: AgentStatus }> = {
  approve: { from: AgentStatus.PENDING, to: AgentStatus.ACTIVE },
  suspend: { from: AgentStatus.ACTIVE, to: AgentStatus.SUSPENDED },
  reinstate: { from: AgentStatus.SUSPENDED, to: AgentStatus.ACTIVE },
};

/**
 * One officer decision on an agent. The row is locked (`select … for update`) before its status
 * is checked, so two concurrent decisions cannot both apply; the history row and the event are
 * written in the same transaction.
 */
export async function decideAgent(
  em: EntityManager,
  viewer: Viewer,
  action: keyof typeof TRANSITIONS,
  input: AgentDecisionInput | SuspendAgentInput,
): Promise<ExternalAgent> {
  const reason = checkReason(input.reason);
  if (!isUuid(input.id)) throw agentNotFound();
  const rule = TRANSITIONS[action];
  let cureUntil: string | null = null;
  if (action === 'suspend') {
    const on = isoDate();
    const given = 'cureUntil' in input ? input.cureUntil : null;
    cureUntil = given ?? addDays(on, (await licensingPolicyOn(em, on)).agentCureDays);
    if (cureUntil <= on) throw badInput('input.cureUntil', 'The cure period must end after today.');
  }
  const row = await em.transactional(async (tx) => {
    const agent = await tx.findOne(
      AgentEntity,
      { id: input.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!agent) throw agentNotFound();
    const from = agent.status;
    if (from !== rule.from) throw invalidAgentTransition(from, rule.to);
    agent.status = rule.to;
    agent.suspendedUntil = cureUntil;
    if (action === 'approve') {
      agent.approvedAt = new Date();
      agent.approvedBy = viewer.accountId;
    }
    recordAgentChange(tx, agent, { from, reason, actorAccountId: viewer.accountId });
    return agent;
  });
  return toExternalAgent(row, true);
}

export function toAgentStatusChange(row: AgentStatusChangeRow): AgentStatusChange {
  return Object.assign(new AgentStatusChange(), {
    id: row.id,
    fromStatus: (row.fromStatus ?? null) as AgentStatus | null,
    toStatus: row.toStatus as AgentStatus,
    reason: row.reason,
    cureUntil: row.cureUntil ?? null,
    changedBy: row.changedBy ?? null,
    changedAt: row.changedAt,
  });
}

/** Status histories of many agents, oldest first, in one statement (two with counts). */
export async function historiesOfAgents(
  em: EntityManager,
  agentIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<Map<string, Page<AgentStatusChange>>> {
  const pages = await pagesByParent(em, AgentStatusChangeEntity, 'agentId', agentIds, args, withCount);
  return new Map(
    [...pages].map(([id, page]) => [
      id,
      { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAgentStatusChange(e.node) })) },
    ]),
  );
}
