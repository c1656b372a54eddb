import type { FilterQuery } from '@mikro-orm/core';
import { LockMode, isUuid, uuidv7, type Database, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  findPage,
  forbidden,
  isMinistry,
  type BackgroundWorker,
  type Page,
  type PageArgs,
  type Viewer,
  requireCompany,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { pilgrimRef } from '../booking/pilgrim.type';
import { companyRef } from '../company/company.type';
import { policyInForce } from '../compliance/compliance.policy';
import { TallyChanges, bumpTally, partyOf, type TallyDelta } from '../compliance/compliance.tally';
import { checkText, optionalId, optionalText } from '../compliance/compliance.validation';
import { ServiceProviderEntity } from '../provider/provider.entity';
import {
  ComplaintEntity,
  ComplaintStatusChangeEntity,
  type ComplaintRow,
  type ComplaintStatusChangeRow,
} from './complaint.entity';
import {
  complaintEscalated,
  complaintNotFound,
  invalidComplaintTransition,
  providerNotFound,
} from './complaint.errors';
import type { ComplaintFilter, FileComplaintInput } from './complaint.inputs';
import { isSlaBreached, slaDueAt } from './complaint.rules';
import type { ComplaintCategory } from './complaint.type';
import { Complaint, ComplaintChannel, ComplaintStatus, ComplaintStatusChange } from './complaint.type';

const NOTE = { min: 3, max: 2000 } as const;

export function toComplaint(row: ComplaintRow, now: Date = new Date()): Complaint {
  return Object.assign(new Complaint(), {
    id: row.id,
    category: row.category as ComplaintCategory,
    description: row.description,
    city: row.city,
    site: row.site ?? null,
    status: row.status as ComplaintStatus,
    channel: row.channel as ComplaintChannel,
    company: row.companyId ? companyRef(row.companyId) : null,
    providerId: row.providerId ?? null,
    pilgrim: row.pilgrimId ? pilgrimRef(row.pilgrimId) : null,
    filedAt: row.filedAt,
    slaHours: row.slaHours,
    slaDueAt: row.slaDueAt,
    slaBreached: isSlaBreached(row, now),
    slaBreachedAt: row.slaBreachedAt ?? null,
    resolution: row.resolution ?? null,
    upheld: row.upheld ?? null,
    resolvedAt: row.resolvedAt ?? null,
  });
}

const toStep = (row: ComplaintStatusChangeRow): ComplaintStatusChange =>
  Object.assign(new ComplaintStatusChange(), {
    id: row.id,
    fromStatus: (row.fromStatus as ComplaintStatus | null) ?? null,
    toStatus: row.toStatus as ComplaintStatus,
    note: row.note ?? null,
    changedBy: row.changedBy ?? null,
    changedByRole: (row.changedByRole as Role | null) ?? null,
    changedAt: row.changedAt,
  });

/**
 * Which complaints a viewer reads: the ministry all; a manager those against their company and
 * those their company filed; a provider those against it; an agent those it filed. Null: none.
 */
export function complaintSlice(viewer: Viewer | null): FilterQuery<ComplaintRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) {
    return { $or: [{ companyId: viewer.companyId }, { filedByCompanyId: viewer.companyId }] };
  }
  if (viewer.role === Role.PROVIDER && viewer.providerId) return { providerId: viewer.providerId };
  if (viewer.role === Role.AGENT && viewer.agentId) return { filedByAgentId: viewer.agentId };
  return null;
}

export async function listComplaints(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter: ComplaintFilter | null | undefined,
  info?: GraphQLResolveInfo,
  now: Date = new Date(),
): Promise<Page<Complaint>> {
  const slice = complaintSlice(viewer);
  if (!slice) throw forbidden();
  const where: FilterQuery<ComplaintRow>[] = [slice];
  const companyId = optionalId(filter?.companyId, 'filter.companyId');
  const providerId = optionalId(filter?.providerId, 'filter.providerId');
  if (companyId) where.push({ companyId });
  if (providerId) where.push({ providerId });
  if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter?.category) where.push({ category: filter.category });
  if (filter?.channel) where.push({ channel: filter.channel });
  if (filter?.slaBreached != null) {
    const breached: FilterQuery<ComplaintRow> = {
      $or: [{ slaBreachedAt: { $ne: null } }, { status: { $ne: ComplaintStatus.RESOLVED }, slaDueAt: { $lt: now } }],
    };
    where.push(filter.slaBreached ? breached : { $not: breached });
  }
  const page = (await findPage(em, ComplaintEntity, { $and: where } as never, args, info)) as Page<ComplaintRow>;
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toComplaint(e.node, now) })) };
}

/** Complaints by id in one query; one outside the viewer's slice is null exactly like a missing one. */
export async function complaintsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(Complaint | null)[]> {
  const slice = complaintSlice(viewer);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(ComplaintEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toComplaint(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The histories of many complaints (already visible to the caller) in one query, oldest step first. */
export async function complaintHistories(
  em: EntityManager,
  complaintIds: readonly string[],
): Promise<ComplaintStatusChange[][]> {
  const rows = await em.find(
    ComplaintStatusChangeEntity,
    { complaintId: { $in: [...new Set(complaintIds)] } },
    { orderBy: { id: 'asc' } },
  );
  const byComplaint = new Map<string, ComplaintStatusChange[]>();
  for (const row of rows) {
    const steps = byComplaint.get(row.complaintId) ?? [];
    steps.push(toStep(row));
    byComplaint.set(row.complaintId, steps);
  }
  return complaintIds.map((id) => byComplaint.get(id) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Changes. Each writes the complaint, one history step and the party's tally in one transaction.

function addStep(
  tx: EntityManager,
  row: ComplaintRow,
  from: string | null,
  viewer: Viewer | null,
  note: string | null,
  at: Date,
): void {
  tx.create(ComplaintStatusChangeEntity, {
    id: uuidv7(),
    complaintId: row.id,
    fromStatus: from,
    toStatus: row.status,
    note,
    changedBy: viewer?.accountId ?? null,
    changedByRole: viewer?.role ?? null,
    changedAt: at,
  });
}

/** The filer's channel and ids; only the ministry (officers), managers and agents file complaints. */
function filer(viewer: Viewer): Pick<ComplaintRow, 'channel' | 'filedByCompanyId' | 'filedByAgentId'> {
  if (viewer.role === Role.MINISTRY_OFFICER) {
    return { channel: ComplaintChannel.MINISTRY_HOTLINE, filedByCompanyId: null, filedByAgentId: null };
  }
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) {
    return { channel: ComplaintChannel.COMPANY, filedByCompanyId: viewer.companyId, filedByAgentId: null };
  }
  if (viewer.role === Role.AGENT && viewer.agentId) {
    return { channel: ComplaintChannel.AGENT, filedByCompanyId: null, filedByAgentId: viewer.agentId };
  }
  throw forbidden();
}

/**
 * Files a complaint against one company or one provider; its SLA clock starts now, with the hours
 * the policy in force gives its category. The company is taken by id (its registry is another
 * subgraph); a provider must exist here.
 */
export async function fileComplaint(
  em: EntityManager,
  viewer: Viewer,
  input: FileComplaintInput,
  now: Date = new Date(),
): Promise<Complaint> {
  const from = filer(viewer);
  const companyId = optionalId(input.companyId, 'input.companyId');
  const providerId = optionalId(input.providerId, 'input.providerId');
  if (companyId && providerId) {
    throw badInput('input.providerId', 'Name either the company or the provider complained about, not both.');
  }
  if (!companyId && !providerId) {
    throw badInput('input.companyId', 'Name the company or the provider complained about.');
  }
  if (companyId && from.channel === ComplaintChannel.COMPANY) {
    throw badInput(
      'input.companyId',
      'A company files complaints about service providers; a complaint about a company comes through the ministry hotline or an agent.',
    );
  }
  const description = checkText(input.description, 'input.description', 10, 2000);
  const city = checkText(input.city, 'input.city', 2, 60);
  const site = optionalText(input.site, 'input.site', 2, 200);
  const pilgrimId = optionalId(input.pilgrimId, 'input.pilgrimId');

  const row = await em.transactional(async (tx) => {
    if (providerId && !(await tx.findOne(ServiceProviderEntity, { id: providerId }, { fields: ['id'] }))) {
      throw providerNotFound();
    }
    // An agent speaks about companies it has worked for; the hotline about any company there is.
    if (companyId) await requireCompany(tx, companyId, 'input.companyId', from.filedByAgentId);
    const policy = await policyInForce(tx);
    const slaHours = policy.slaHours[input.category];
    const complaint = tx.create(ComplaintEntity, {
      id: uuidv7(),
      companyId,
      providerId,
      category: input.category,
      description,
      city,
      site,
      pilgrimId,
      ...from,
      filedBy: viewer.accountId,
      status: ComplaintStatus.OPEN,
      filedAt: now,
      slaHours,
      slaDueAt: slaDueAt(now, slaHours),
      slaBreachedAt: null,
      resolution: null,
      upheld: null,
      resolvedAt: null,
      resolvedBy: null,
    });
    addStep(tx, complaint, null, viewer, null, now);
    await bumpTally(tx, partyOf(complaint), { complaintsTotal: 1, complaintsOpen: 1 });
    return complaint;
  });
  return toComplaint(row, now);
}

/** Locks a complaint for a change; `where` narrows it to the rows the caller may change. */
async function lockComplaint(
  tx: EntityManager,
  id: string,
  where: FilterQuery<ComplaintRow> = {},
): Promise<ComplaintRow | null> {
  return tx.findOne(
    ComplaintEntity,
    { $and: [{ id }, where] },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}

/**
 * Moves a locked complaint to `to` (or keeps its status, adding a step), keeping the tally: a
 * resolution closes it (and counts it upheld when the ministry finds so), and a resolution after
 * the due time counts the SLA breach if the SLA job has not yet.
 */
async function move(
  tx: EntityManager,
  row: ComplaintRow,
  change: { to: ComplaintStatus; viewer: Viewer; note: string; now: Date; upheld?: boolean | null },
): Promise<void> {
  const from = row.status;
  const delta: TallyDelta = {};
  row.status = change.to;
  if (change.to === ComplaintStatus.RESOLVED) {
    row.resolution = change.note;
    row.resolvedAt = change.now;
    row.resolvedBy = change.viewer.accountId;
    row.upheld = change.upheld ?? null;
    delta.complaintsOpen = -1;
    if (row.upheld) delta.complaintsUpheld = 1;
    if (!row.slaBreachedAt && change.now.getTime() > row.slaDueAt.getTime()) {
      row.slaBreachedAt = row.slaDueAt;
      delta.slaBreaches = 1;
    }
  }
  addStep(tx, row, from, change.viewer, change.note, change.now);
  await bumpTally(tx, partyOf(row), delta);
}

/** The party complained about, as the caller: a manager for their company, a provider for itself. */
function respondentWhere(viewer: Viewer): FilterQuery<ComplaintRow> {
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  if (viewer.role === Role.PROVIDER && viewer.providerId) return { providerId: viewer.providerId };
  throw forbidden();
}

/**
 * The party complained about answers: an OPEN complaint becomes IN_PROGRESS; with `resolved` it
 * becomes RESOLVED with the answer as its resolution (not while the ministry has it ESCALATED).
 * Someone who may read the complaint but is not the party complained about (its filer) is refused.
 */
export async function answerComplaint(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  answer: string,
  resolved: boolean,
  now: Date = new Date(),
): Promise<Complaint> {
  const where = respondentWhere(viewer);
  if (!isUuid(id)) throw complaintNotFound();
  const note = checkText(answer, 'answer', NOTE.min, NOTE.max);
  const row = await em.transactional(async (tx) => {
    const complaint = await lockComplaint(tx, id, where);
    if (!complaint) {
      const visible = await complaintsByIds(tx, viewer, [id]);
      throw visible[0] ? forbidden() : complaintNotFound();
    }
    if (complaint.status === ComplaintStatus.RESOLVED) {
      throw invalidComplaintTransition(
        complaint.status,
        resolved ? ComplaintStatus.RESOLVED : ComplaintStatus.IN_PROGRESS,
      );
    }
    if (resolved && complaint.status === ComplaintStatus.ESCALATED) throw complaintEscalated();
    const to = resolved
      ? ComplaintStatus.RESOLVED
      : complaint.status === ComplaintStatus.OPEN
        ? ComplaintStatus.IN_PROGRESS
        : (complaint.status as ComplaintStatus);
    await move(tx, complaint, { to, viewer, note, now });
    return complaint;
  });
  return toComplaint(row, now);
}

function officerOnly(viewer: Viewer): void {
  if (viewer.role !== Role.MINISTRY_OFFICER) throw forbidden();
}

/** An officer takes an OPEN or IN_PROGRESS complaint up to the ministry, with a reason. */
export async function escalateComplaint(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  reason: string,
  now: Date = new Date(),
): Promise<Complaint> {
  officerOnly(viewer);
  if (!isUuid(id)) throw complaintNotFound();
  const note = checkText(reason, 'reason', NOTE.min, NOTE.max);
  const row = await em.transactional(async (tx) => {
    const complaint = await lockComplaint(tx, id);
    if (!complaint) throw complaintNotFound();
    if (complaint.status !== ComplaintStatus.OPEN && complaint.status !== ComplaintStatus.IN_PROGRESS) {
      throw invalidComplaintTransition(complaint.status, ComplaintStatus.ESCALATED);
    }
    await move(tx, complaint, { to: ComplaintStatus.ESCALATED, viewer, note, now });
    return complaint;
  });
  return toComplaint(row, now);
}

/** An officer closes any unresolved complaint with a resolution and the ministry's finding (upheld or not). */
export async function resolveComplaint(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  resolution: string,
  upheld: boolean,
  now: Date = new Date(),
): Promise<Complaint> {
  officerOnly(viewer);
  if (!isUuid(id)) throw complaintNotFound();
  const note = checkText(resolution, 'resolution', NOTE.min, NOTE.max);
  const row = await em.transactional(async (tx) => {
    const complaint = await lockComplaint(tx, id);
    if (!complaint) throw complaintNotFound();
    if (complaint.status === ComplaintStatus.RESOLVED) {
      throw invalidComplaintTransition(complaint.status, ComplaintStatus.RESOLVED);
    }
    await move(tx, complaint, { to: ComplaintStatus.RESOLVED, viewer, note, now, upheld });
    return complaint;
  });
  return toComplaint(row, now);
}

// ---------------------------------------------------------------------------------------------
// The SLA clock.

const SLA_BATCH = 500;
export const COMPLAINT_SLA = 'complaint-sla';

/**
 * Counts the complaints whose SLA ran out by `now` and are still unresolved: each is stamped with
 * its due time and counted once against its party (the stamp is the "once"). One batch per call,
 * under row locks skipping those another transaction holds; returns how many it counted.
 */
export async function markSlaBreaches(db: Database, now: Date = new Date()): Promise<number> {
  return db.fork().transactional(async (tx) => {
    const rows = await tx
      .getConnection()
      .execute<
        { id: string; company_id: string | null; provider_id: string | null; status: string; sla_due_at: Date }[]
      >(
        `update complaint set sla_breached_at = sla_due_at
       where id in (
         select id from complaint
         where sla_breached_at is null and status <> 'RESOLVED' and sla_due_at < ?
         order by sla_due_at limit ${SLA_BATCH} for update skip locked)
       and sla_breached_at is null
       returning id, company_id, provider_id, status, sla_due_at`,
        [now],
        'all',
        tx.getTransactionContext(),
      );
    const tallies = new TallyChanges();
    for (const row of rows) {
      tallies.add(partyOf({ companyId: row.company_id, providerId: row.provider_id }), { slaBreaches: 1 });
      tx.create(ComplaintStatusChangeEntity, {
        id: uuidv7(),
        complaintId: row.id,
        fromStatus: row.status,
        toStatus: row.status,
        note: `The SLA ran out at ${new Date(row.sla_due_at).toISOString()}.`,
        changedBy: null,
        changedByRole: null,
        changedAt: now,
      });
    }
    await tallies.write(tx);
    return rows.length;
  });
}

/** The SLA job: every minute, counts the complaints whose clock ran out. */
export function complaintSlaWorker(db: Database, intervalMs = 60_000): BackgroundWorker {
  return { name: COMPLAINT_SLA, intervalMs, runOnce: () => markSlaBreaches(db) };
}
