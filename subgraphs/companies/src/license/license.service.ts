import { LockMode } from '@umrah/db-kit';
import { isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import { AppError, CommonErrorCode, badInput, isMinistry, Role, type Viewer } from '@umrah/subgraph-kit';
import { CompanyEntity, type CompanyRow } from '../company/company.entity';
import { addDays, addYears, licensingPolicyOn } from '../policy/policy.service';
import { LicenseStatusChangeEntity, type LicenseStatusChangeRow } from './license-history.entity';
import type { LicenseRow } from './license.entity';
import { LicenseEntity } from './license.entity';
import { LicenseErrorCode } from './license.errors';
import {
  License,
  LicenseAction,
  LicenseStatus,
  LicenseStatusChange,
  type LicenseActionInput,
  type SuspendLicenseInput,
} from './license.type';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** A licence past its expiry reads as EXPIRED without anyone acting; a revocation stays a revocation. */
export function effectiveStatus(row: Pick<LicenseRow, 'status' | 'expiresOn'>, on: string = today()): LicenseStatus {
  if (row.status === LicenseStatus.REVOKED) return LicenseStatus.REVOKED;
  if (row.expiresOn < on) return LicenseStatus.EXPIRED;
  return row.status as LicenseStatus;
}

/**
 * The status a decision starts from. Like the effective status, except that a suspension outlives
 * the expiry date until an officer lifts it: renewing must not quietly end a suspension.
 */
export function decisionStatus(row: Pick<LicenseRow, 'status' | 'expiresOn'>, on: string = today()): LicenseStatus {
  if (row.status === LicenseStatus.SUSPENDED) return LicenseStatus.SUSPENDED;
  return effectiveStatus(row, on);
}

/** The stored-column condition matching an effective status, for filters that run in SQL. */
export function licenseStatusWhere(status: LicenseStatus, on: string = today()): Record<string, unknown> {
  switch (status) {
    case LicenseStatus.REVOKED:
      return { status: 'REVOKED' };
    case LicenseStatus.EXPIRED:
      return { status: { $ne: 'REVOKED' }, expiresOn: { $lt: on } };
    default:
      return { status, expiresOn: { $gte: on } };
  }
}

export function toLicense(row: LicenseRow, companyId: string | null = null): License {
  return Object.assign(new License(), {
    id: row.id,
    number: row.number,
    status: effectiveStatus(row),
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    suspendedUntil: row.suspendedUntil ?? null,
    companyId,
  });
}

type Decision = Exclude<LicenseAction, LicenseAction.ISSUE>;

/** Which statuses each decision may start from, and the status it sets. */
export const LICENSE_TRANSITIONS: Record<Decision, { from: readonly LicenseStatus[]; to: LicenseStatus }> = {
  [LicenseAction.SUSPEND]: { from: [LicenseStatus.ACTIVE], to: LicenseStatus.SUSPENDED },
  [LicenseAction.REINSTATE]: { from: [LicenseStatus.SUSPENDED], to: LicenseStatus.ACTIVE },
  [LicenseAction.REVOKE]: {
    from: [LicenseStatus.ACTIVE, LicenseStatus.SUSPENDED, LicenseStatus.EXPIRED],
    to: LicenseStatus.REVOKED,
  },
  [LicenseAction.RENEW]: { from: [LicenseStatus.ACTIVE, LicenseStatus.EXPIRED], to: LicenseStatus.ACTIVE },
};

const VERBS: Record<Decision, string> = {
  SUSPEND: 'suspended',
  REINSTATE: 'reinstated',
  REVOKE: 'revoked',
  RENEW: 'renewed',
};

/** A reason is mandatory for every licence decision: trimmed, 3 to 1000 characters. */
export function checkReason(reason: string | null | undefined, field = 'input.reason'): string {
  const text = (reason ?? '').trim();
  if ([...text].length < 3 || [...text].length > 1000) {
    throw badInput(field, 'Give a reason of 3 to 1000 characters; it is kept in the licence history.');
  }
  return text;
}

export interface LicenseChange {
  license: LicenseRow;
  companyId: string;
  from: LicenseStatus | null;
  action: LicenseAction;
  reason: string;
  actorAccountId: string | null;
  at?: Date;
}

/**
 * Writes one history entry and its `LicenseStatusChanged` event into the unit of work, so both
 * land in the same transaction as the licence change itself.
 */
export function recordLicenseChange(em: EntityManager, change: LicenseChange): void {
  const { license } = change;
  const to = license.status as LicenseStatus;
  const cureUntil = change.action === LicenseAction.SUSPEND ? (license.suspendedUntil ?? null) : null;
  const newExpiresOn =
    change.action === LicenseAction.ISSUE || change.action === LicenseAction.RENEW ? license.expiresOn : null;
  em.create(LicenseStatusChangeEntity, {
    id: uuidv7(),
    licenseId: license.id,
    companyId: change.companyId,
    fromStatus: change.from,
    toStatus: to,
    action: change.action,
    reason: change.reason,
    suspendedUntil: cureUntil,
    newExpiresOn,
    actorAccountId: change.actorAccountId,
    at: change.at ?? new Date(),
  });
  recordEvent(em, {
    type: 'LicenseStatusChanged',
    aggregateType: 'Company',
    aggregateId: change.companyId,
    payload: {
      licenseId: license.id,
      from: change.from,
      to,
      action: change.action,
      reason: change.reason,
      cureUntil,
      expiresOn: license.expiresOn,
      mayOperate: effectiveStatus(license) === LicenseStatus.ACTIVE,
    },
  });
}

const companyNotFound = (): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no company with this id.', { field: 'input.companyId' });

/**
 * Applies an officer's decision to a company's licence. The licence row is locked (`select … for
 * update`) for the whole transaction, so two concurrent decisions cannot both start from the same
 * status; the history entry and the event are written in that same transaction.
 */
export async function decideLicense(
  em: EntityManager,
  viewer: Viewer,
  action: Decision,
  input: LicenseActionInput | SuspendLicenseInput,
): Promise<CompanyRow> {
  const reason = checkReason(input.reason);
  if (!isUuid(input.companyId)) throw companyNotFound();
  const policy = await licensingPolicyOn(em);
  const on = today();
  let cureUntil: string | null = null;
  if (action === LicenseAction.SUSPEND) {
    cureUntil = ('cureUntil' in input && input.cureUntil) || addDays(on, policy.companyCureDays);
    if (cureUntil <= on) throw badInput('input.cureUntil', 'The cure period must end after today.');
  }
  return em.transactional(async (tx) => {
    const company = await tx.findOne(CompanyEntity, { id: input.companyId });
    if (!company) throw companyNotFound();
    const license = await tx.findOneOrFail(
      LicenseEntity,
      { id: (company.license as LicenseRow).id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const from = decisionStatus(license, on);
    const rule = LICENSE_TRANSITIONS[action];
    if (!rule.from.includes(from)) {
      throw new AppError(
        LicenseErrorCode.INVALID_LICENSE_TRANSITION,
        `A ${from} licence cannot be ${VERBS[action]}: ${from} → ${rule.to} is not allowed.`,
        { details: { from, to: rule.to, action } },
      );
    }
    switch (action) {
      case LicenseAction.SUSPEND:
        license.suspendedUntil = cureUntil;
        break;
      case LicenseAction.RENEW: {
        const base = license.expiresOn > on ? license.expiresOn : on;
        license.expiresOn = addYears(base, policy.licenseYears);
        license.suspendedUntil = null;
        break;
      }
      default:
        license.suspendedUntil = null;
    }
    license.status = rule.to;
    recordLicenseChange(tx, { license, companyId: company.id, from, action, reason, actorAccountId: viewer.accountId });
    return company;
  });
}

export function toLicenseStatusChange(row: LicenseStatusChangeRow): LicenseStatusChange {
  return Object.assign(new LicenseStatusChange(), {
    id: row.id,
    action: row.action as LicenseAction,
    fromStatus: (row.fromStatus ?? null) as LicenseStatus | null,
    toStatus: row.toStatus as LicenseStatus,
    reason: row.reason,
    cureUntil: row.suspendedUntil ?? null,
    newExpiresOn: row.newExpiresOn ?? null,
    actorAccountId: row.actorAccountId ?? null,
    at: row.at,
  });
}

/** May this viewer read the history of a licence held by this company? Ministry and its own managers. */
export function canSeeLicenseHistory(viewer: Viewer | null, companyId: string | null): boolean {
  if (!viewer || !companyId) return false;
  return isMinistry(viewer) || (viewer.role === Role.COMPANY_MANAGER && viewer.companyId === companyId);
}

/** The histories of many licences in one query, oldest entry first. */
export async function historiesByLicenseIds(
  em: EntityManager,
  licenseIds: readonly string[],
): Promise<LicenseStatusChange[][]> {
  const rows = await em.find(
    LicenseStatusChangeEntity,
    { licenseId: { $in: [...new Set(licenseIds)] } },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
  const byLicense = new Map<string, LicenseStatusChange[]>();
  for (const row of rows) {
    const list = byLicense.get(row.licenseId) ?? [];
    list.push(toLicenseStatusChange(row));
    byLicense.set(row.licenseId, list);
  }
  return licenseIds.map((id) => byLicense.get(id) ?? []);
}
