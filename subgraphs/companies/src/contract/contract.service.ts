import type { FilterQuery } from '@mikro-orm/core';
import { LockMode, UniqueConstraintViolationException, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import {
  badInput,
  canSeeCompanyData,
  checkPageSize,
  decodeCursor,
  findPage,
  forbidden,
  isMinistry,
  pagesByParent,
  Role,
  toPage,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { AgentEntity } from '../agent/agent.entity';
import { agentNotFound } from '../agent/agent.errors';
import { checkReason } from '../agent/agent.service';
import { AgentStatus } from '../agent/agent.type';
import { CompanyEntity } from '../company/company.entity';
import { effectiveStatus } from '../license/license.service';
import { LicenseStatus } from '../license/license.type';
import { isoDate, licensingPolicyOn } from '../policy/policy.service';
import { AgencyContractEntity, type AgencyContractRow } from './contract.entity';
import {
  agentNotActive,
  companyMayNotOperate,
  contractCutoffPassed,
  contractNotFound,
  contractOverlaps,
  invalidContractTransition,
} from './contract.errors';
import {
  AgencyContract,
  AgencyContractStatus,
  type AgencyContractFilter,
  type CreateAgencyContractInput,
} from './contract.type';

export const CONTRACT_EVENT = { type: 'AgencyContractChanged', aggregateType: 'AgencyContract' } as const;

const S = AgencyContractStatus;
/** Stored statuses that still read from the dates (ACTIVE is accepted as a stored APPROVED). */
const APPROVED_LIKE = [S.APPROVED, S.ACTIVE];
const LIVE = [S.DRAFT, S.SUBMITTED, S.APPROVED, S.ACTIVE];

/**
 * The status today, computed at read time like a licence's: an APPROVED contract inside its dates
 * reads ACTIVE, before them APPROVED; any live contract past its last day reads EXPIRED.
 */
export function effectiveContractStatus(
  row: Pick<AgencyContractRow, 'status' | 'validFrom' | 'validTo'>,
  on: string = isoDate(),
): AgencyContractStatus {
  const stored = row.status as AgencyContractStatus;
  if (stored === S.TERMINATED || stored === S.EXPIRED) return stored;
  if (row.validTo < on) return S.EXPIRED;
  if (APPROVED_LIKE.includes(stored)) return row.validFrom <= on ? S.ACTIVE : S.APPROVED;
  return stored;
}

/** The stored-column condition matching an effective status, so status filters run in SQL. */
export function contractStatusWhere(
  status: AgencyContractStatus,
  on: string = isoDate(),
): FilterQuery<AgencyContractRow> {
  switch (status) {
    case S.ACTIVE:
      return { status: { $in: APPROVED_LIKE }, validFrom: { $lte: on }, validTo: { $gte: on } };
    case S.APPROVED:
      return { status: { $in: APPROVED_LIKE }, validFrom: { $gt: on } };
    case S.EXPIRED:
      return { $or: [{ status: S.EXPIRED }, { status: { $in: LIVE }, validTo: { $lt: on } }] };
    case S.TERMINATED:
      return { status: S.TERMINATED };
    default:
      return { status, validTo: { $gte: on } };
  }
}

export function toAgencyContract(row: AgencyContractRow, on: string = isoDate()): AgencyContract {
  return Object.assign(new AgencyContract(), {
    id: row.id,
    companyId: row.companyId,
    agentId: row.agentId,
    status: effectiveContractStatus(row, on),
    validFrom: row.validFrom,
    validTo: row.validTo,
    season: row.season,
    createdAt: row.createdAt,
    submittedAt: row.submittedAt ?? null,
    approvedAt: row.approvedAt ?? null,
    rejectedAt: row.rejectedAt ?? null,
    rejectionReason: row.rejectionReason ?? null,
    terminatedAt: row.terminatedAt ?? null,
    terminationReason: row.terminationReason ?? null,
  });
}

/** The contracts a viewer may see: the ministry all, a manager their company's, an agent its own. */
function contractSlice(viewer: Viewer | null): FilterQuery<AgencyContractRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  if (viewer.role === Role.AGENT && viewer.agentId) return { agentId: viewer.agentId };
  return null;
}

function uuidFilter(value: string | null | undefined, field: string): string | null {
  if (!value) return null;
  if (!isUuid(value)) throw badInput(field, 'Give an id this API issued.');
  return value;
}

export async function listContracts(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: AgencyContractFilter | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<AgencyContract>> {
  const slice = contractSlice(viewer);
  if (!slice) throw forbidden();
  const where: FilterQuery<AgencyContractRow>[] = [slice];
  const companyId = uuidFilter(filter?.companyId, 'filter.companyId');
  const agentId = uuidFilter(filter?.agentId, 'filter.agentId');
  if (companyId) where.push({ companyId });
  if (agentId) where.push({ agentId });
  if (filter?.status) where.push(contractStatusWhere(filter.status));
  const page = await findPage(em, AgencyContractEntity, { $and: where } as never, args, info);
  const on = isoDate();
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAgencyContract(e.node as AgencyContractRow, on) })),
  };
}

/** Contracts by id in one query; one outside the viewer's slice is null exactly like a missing one. */
export async function contractsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(AgencyContract | null)[]> {
  const slice = contractSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(AgencyContractEntity, { $and: [slice, { id: { $in: valid } }] });
  const on = isoDate();
  const byId = new Map(rows.map((row) => [row.id, toAgencyContract(row, on)]));
  return ids.map((id) => byId.get(id) ?? null);
}

const toContractPage = (page: Page<AgencyContractRow>, on: string): Page<AgencyContract> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAgencyContract(e.node, on) })),
});

/** A page of contracts for each company: null for a company whose data the viewer may not see. */
export async function contractsOfCompanies(
  em: EntityManager,
  viewer: Viewer | null,
  companyIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<(Page<AgencyContract> | null)[]> {
  const visible = companyIds.filter((id) => isUuid(id) && canSeeCompanyData(viewer, id));
  const pages = await pagesByParent(em, AgencyContractEntity, 'companyId', visible, args, withCount);
  const on = isoDate();
  return companyIds.map((id) => {
    const page = pages.get(id);
    return page ? toContractPage(page, on) : null;
  });
}

/**
 * A page of contracts for each agent, sliced: the ministry and the agent itself see all of the
 * agent's contracts (one windowed statement for all agents); a manager sees only those with their
 * own company (one statement, paged in memory: a company holds few contracts per agent); anyone
 * else gets null.
 */
export async function contractsOfAgents(
  em: EntityManager,
  viewer: Viewer | null,
  agentIds: readonly string[],
  args: PageArgs,
  withCount: boolean,
): Promise<(Page<AgencyContract> | null)[]> {
  const on = isoDate();
  const valid = [...new Set(agentIds.filter(isUuid))];
  if (viewer && viewer.role === Role.COMPANY_MANAGER && viewer.companyId) {
    const first = checkPageSize(args.first);
    const afterId = args.after ? decodeCursor(args.after) : null;
    const rows = valid.length
      ? await em.find(
          AgencyContractEntity,
          { companyId: viewer.companyId, agentId: { $in: valid } },
          { orderBy: { id: 'asc' } },
        )
      : [];
    return agentIds.map((agentId) => {
      const mine = rows.filter((r) => r.agentId === agentId);
      const after = afterId ? mine.filter((r) => r.id > afterId) : mine;
      return toContractPage(toPage(after, first, withCount ? mine.length : undefined), on);
    });
  }
  const visible = viewer
    ? valid.filter((id) => isMinistry(viewer) || (viewer.role === Role.AGENT && viewer.agentId === id))
    : [];
  const pages = await pagesByParent(em, AgencyContractEntity, 'agentId', visible, args, withCount);
  return agentIds.map((id) => {
    const page = pages.get(id);
    return page ? toContractPage(page, on) : null;
  });
}

// ---------------------------------------------------------------------------------------------
// "May this agent act for this company?" — one indexed statement, whatever the number of pairs.

const ACTIVE_PAIRS_SQL = `
  select distinct c.company_id, c.agent_id
    from agency_contract c
    join external_agent a on a.id = c.agent_id
   where c.status in ('APPROVED', 'ACTIVE') and c.valid_from <= ?::date and c.valid_to >= ?::date
     and a.status = 'ACTIVE'`;

const pairKey = (companyId: string, agentId: string): string => `${companyId}|${agentId}`;

/**
 * The company–agent pairs among `pairs` where the agent may act for the company today: an
 * approved contract within its dates, and the agent itself not suspended. One statement on the
 * (agent_id, company_id, status) index.
 */
export async function activePairs(
  em: EntityManager,
  pairs: readonly (readonly [companyId: string, agentId: string])[],
  on: string = isoDate(),
): Promise<Set<string>> {
  const valid = pairs.filter(([c, a]) => isUuid(c) && isUuid(a));
  if (valid.length === 0) return new Set();
  const rows = await em
    .getConnection()
    .execute<{ company_id: string; agent_id: string }[]>(
      `${ACTIVE_PAIRS_SQL} and (c.agent_id, c.company_id) in (${valid.map(() => '(?::uuid, ?::uuid)').join(', ')})`,
      [on, on, ...valid.flatMap(([c, a]) => [a, c])],
    );
  return new Set(rows.map((r) => pairKey(r.company_id, r.agent_id)));
}

/** For other modules and subgraph code: may this agent act for this company today? */
export async function activeContractExists(em: EntityManager, companyId: string, agentId: string): Promise<boolean> {
  return (await activePairs(em, [[companyId, agentId]])).has(pairKey(companyId, agentId));
}

/**
 * `ExternalAgent.mayActFor` answers, batched. Only the ministry, the company's managers and the
 * agent itself learn whether a contract exists; anyone else reads false, as if there were none.
 */
export async function mayActForMany(
  em: EntityManager,
  viewer: Viewer | null,
  pairs: readonly (readonly [companyId: string, agentId: string])[],
): Promise<boolean[]> {
  const allowed = (companyId: string, agentId: string): boolean =>
    !!viewer &&
    (isMinistry(viewer) ||
      (viewer.role === Role.COMPANY_MANAGER && viewer.companyId === companyId) ||
      (viewer.role === Role.AGENT && viewer.agentId === agentId));
  const asked = pairs.filter(([c, a]) => allowed(c, a));
  const active = await activePairs(em, asked);
  return pairs.map(([c, a]) => allowed(c, a) && active.has(pairKey(c, a)));
}

/** Agents that may act for each company today; null where the viewer may not see the company's data. */
export async function activeAgentIdsOfCompanies(
  em: EntityManager,
  viewer: Viewer | null,
  companyIds: readonly string[],
): Promise<(string[] | null)[]> {
  const visible = [...new Set(companyIds.filter((id) => isUuid(id) && canSeeCompanyData(viewer, id)))];
  const byCompany = new Map<string, string[]>(visible.map((id) => [id, []]));
  if (visible.length) {
    const on = isoDate();
    const rows = await em
      .getConnection()
      .execute<{ company_id: string; agent_id: string }[]>(
        `${ACTIVE_PAIRS_SQL} and c.company_id in (${visible.map(() => '?::uuid').join(', ')}) order by c.agent_id`,
        [on, on, ...visible],
      );
    for (const row of rows) byCompany.get(row.company_id)?.push(row.agent_id);
  }
  return companyIds.map((id) => byCompany.get(id) ?? null);
}

// ---------------------------------------------------------------------------------------------
// Changes. Each locks the contract row (`select … for update`) before checking its status, and
// writes the change and its event in one transaction.

export function recordContractChange(em: EntityManager, row: AgencyContractRow, on: string): void {
  const status = effectiveContractStatus(row, on);
  recordEvent(em, {
    ...CONTRACT_EVENT,
    aggregateId: row.id,
    payload: {
      companyId: row.companyId,
      agentId: row.agentId,
      status,
      validFrom: row.validFrom,
      validTo: row.validTo,
      active: status === S.ACTIVE,
    },
  });
}

/** A company whose licence is not ACTIVE today (suspended, revoked, expired) takes no new work. */
async function requireOperatingCompany(em: EntityManager, companyId: string): Promise<void> {
  const company = await em.findOneOrFail(CompanyEntity, { id: companyId });
  const status = effectiveStatus(company.license as never);
  if (status !== LicenseStatus.ACTIVE) throw companyMayNotOperate(status);
}

/** A manager drafts a contract between their company and an active agent. */
export async function createContract(
  em: EntityManager,
  viewer: Viewer,
  input: CreateAgencyContractInput,
): Promise<AgencyContract> {
  const companyId = viewer.companyId;
  if (viewer.role !== Role.COMPANY_MANAGER || !companyId) throw forbidden();
  if (!isUuid(input.agentId)) throw agentNotFound('input.agentId');
  const on = isoDate();
  if (input.validTo <= input.validFrom) throw badInput('input.validTo', 'The last day must come after the first day.');
  if (input.validTo < on) throw badInput('input.validTo', 'The contract must not end in the past.');
  const policy = await licensingPolicyOn(em, on);
  try {
    const row = await em.transactional(async (tx) => {
      const agent = await tx.findOne(AgentEntity, { id: input.agentId });
      if (!agent) throw agentNotFound('input.agentId');
      if (agent.status !== AgentStatus.ACTIVE) throw agentNotActive(agent.status);
      await requireOperatingCompany(tx, companyId);
      // Live contracts already past their last day are expired for good; write it so the live-contract key frees up.
      await tx.nativeUpdate(
        AgencyContractEntity,
        { companyId, agentId: agent.id, status: { $in: LIVE }, validTo: { $lt: on } },
        { status: S.EXPIRED },
      );
      const clash = await tx.count(AgencyContractEntity, {
        companyId,
        agentId: agent.id,
        status: { $in: LIVE },
        $or: [{ season: policy.season }, { validFrom: { $lte: input.validTo }, validTo: { $gte: input.validFrom } }],
      });
      if (clash > 0) throw contractOverlaps();
      const contract = tx.create(AgencyContractEntity, {
        id: uuidv7(),
        companyId,
        agentId: agent.id,
        validFrom: input.validFrom,
        validTo: input.validTo,
        status: S.DRAFT,
        season: policy.season,
        createdBy: viewer.accountId,
        submittedAt: null,
        approvedAt: null,
        approvedBy: null,
        rejectedAt: null,
        rejectionReason: null,
        terminatedAt: null,
        terminationReason: null,
      });
      recordContractChange(tx, contract, on);
      return contract;
    });
    return toAgencyContract(row, on);
  } catch (error) {
    // A concurrent draft for the same company, agent and season: the partial unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw contractOverlaps();
    throw error;
  }
}

export type ContractAction = 'submit' | 'approve' | 'reject' | 'terminate';

const TRANSITIONS: Record<ContractAction, { from: AgencyContractStatus[]; to: AgencyContractStatus }> = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED },
  approve: { from: [S.SUBMITTED], to: S.APPROVED },
  reject: { from: [S.SUBMITTED], to: S.DRAFT },
  terminate: { from: [S.DRAFT, S.SUBMITTED, S.APPROVED, S.ACTIVE], to: S.TERMINATED },
};

/** Who may take each step: officers decide; the company's managers submit and may terminate their own. */
function mayTake(viewer: Viewer, action: ContractAction, row: AgencyContractRow): boolean {
  const ownManager = viewer.role === Role.COMPANY_MANAGER && viewer.companyId === row.companyId;
  switch (action) {
    case 'submit':
      return ownManager;
    case 'terminate':
      return ownManager || viewer.role === Role.MINISTRY_OFFICER;
    default:
      return viewer.role === Role.MINISTRY_OFFICER;
  }
}

export async function changeContract(
  em: EntityManager,
  viewer: Viewer,
  action: ContractAction,
  input: { id: string; reason?: string },
): Promise<AgencyContract> {
  const field = action === 'submit' ? 'id' : 'input.id';
  const reason = action === 'submit' ? null : checkReason(input.reason ?? '');
  if (!isUuid(input.id)) throw contractNotFound(field);
  const on = isoDate();
  const rule = TRANSITIONS[action];
  const row = await em.transactional(async (tx) => {
    const contract = await tx.findOne(
      AgencyContractEntity,
      { id: input.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    // A contract of another company looks exactly like a missing one.
    if (!contract || !mayTake(viewer, action, contract)) throw contractNotFound(field);
    const from = effectiveContractStatus(contract, on);
    if (!rule.from.includes(from)) throw invalidContractTransition(from, rule.to);
    const now = new Date();
    switch (action) {
      case 'submit': {
        // The cut-off is a season policy setting: read it, never a constant.
        const policy = await licensingPolicyOn(tx, on);
        if (on > policy.contractCutoffOn) throw contractCutoffPassed(policy.contractCutoffOn);
        contract.submittedAt = now;
        break;
      }
      case 'approve': {
        const agent = await tx.findOneOrFail(AgentEntity, { id: contract.agentId });
        if (agent.status !== AgentStatus.ACTIVE) throw agentNotActive(agent.status, null);
        await requireOperatingCompany(tx, contract.companyId);
        contract.approvedAt = now;
        contract.approvedBy = viewer.accountId;
        break;
      }
      case 'reject':
        contract.rejectedAt = now;
        contract.rejectionReason = reason;
        break;
      case 'terminate':
        contract.terminatedAt = now;
        contract.terminationReason = reason;
        break;
    }
    contract.status = rule.to;
    recordContractChange(tx, contract, on);
    return contract;
  });
  return toAgencyContract(row, on);
}
