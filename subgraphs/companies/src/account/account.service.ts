import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid, uuidv7 } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import {
  Role,
  badInput,
  findPage,
  isMinistry,
  unauthenticated,
  type Page,
  type PageArgs,
  type Viewer as TokenViewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { AgentEntity } from '../agent/agent.entity';
import { CompanyEntity } from '../company/company.entity';
import {
  accountNotFound,
  alreadyDisabled,
  cannotDisableSelf,
  emailTaken,
  notDisabled,
  tooManyAttempts,
  weakPassword,
  wrongPassword,
} from './account.errors';
import { AccountEntity, type AccountRow } from './account.entity';
import type {
  AccountActionInput,
  AccountFilter,
  AddStaffInput,
  ChangePasswordInput,
  CreateAccountInput,
} from './account.inputs';
import { Account, AccountStatus } from './account.type';
import { requirePerson, type TokenService } from './auth.service';
import { MAX_PASSWORD_LENGTH, hashPassword, isStrongPassword, verifyPassword } from './password';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function toAccount(row: AccountRow): Account {
  return Object.assign(new Account(), {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    status: row.disabledAt ? AccountStatus.DISABLED : AccountStatus.ACTIVE,
    createdAt: row.createdAt,
    disabledAt: row.disabledAt ?? null,
    disabledReason: row.disabledReason ?? null,
    companyId: row.companyId ?? null,
    agentId: row.agentId ?? null,
    providerId: row.providerId ?? null,
  });
}

/** The accounts a viewer may see and act on: the ministry all, a manager their own company's. */
function sliceOf(viewer: TokenViewer): FilterQuery<AccountRow> {
  if (isMinistry(viewer)) return {};
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId };
  return { id: null };
}

function checkReason(reason: string): string {
  const text = reason.trim();
  if ([...text].length < 3 || [...text].length > 1000)
    badInputThrow('input.reason', 'Give a reason of 3 to 1000 characters.');
  return text;
}

function badInputThrow(field: string, message: string): never {
  throw badInput(field, message);
}

interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  companyId: string | null;
  agentId: string | null;
  providerId: string | null;
  password: string;
  passwordField: string;
}

async function insertAccount(em: EntityManager, viewer: TokenViewer, input: NewAccount): Promise<Account> {
  const email = input.email.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) badInputThrow('input.email', 'Enter a valid email address.');
  const displayName = input.displayName.trim();
  if ([...displayName].length < 2 || [...displayName].length > 100) {
    badInputThrow('input.displayName', 'The name must have 2 to 100 characters.');
  }
  if (!isStrongPassword(input.password)) throw weakPassword(input.passwordField);
  if (await em.findOne(AccountEntity, { email }, { fields: ['id'] })) throw emailTaken();
  const row = em.create(AccountEntity, {
    id: uuidv7(),
    email,
    displayName,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    companyId: input.companyId,
    agentId: input.agentId,
    providerId: input.providerId,
    createdBy: isUuid(viewer.accountId) ? viewer.accountId : null,
  });
  recordEvent(em, {
    type: 'AccountCreated',
    aggregateType: 'Account',
    aggregateId: row.id,
    payload: { role: row.role, companyId: row.companyId, agentId: row.agentId, providerId: row.providerId },
  });
  try {
    await em.flush();
  } catch (error) {
    // Two creations of one email at once: the unique key decides.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken();
    throw error;
  }
  return toAccount(row);
}

/** The party ids an account of this role must name, and nothing else (the table's checks, as sentences). */
async function partyOf(
  em: EntityManager,
  input: CreateAccountInput,
): Promise<Pick<NewAccount, 'companyId' | 'agentId' | 'providerId'>> {
  const given = {
    companyId: input.companyId ?? null,
    agentId: input.agentId ?? null,
    providerId: input.providerId ?? null,
  };
  const needs: Record<Role, keyof typeof given | null> = {
    [Role.MINISTRY_SUPERVISOR]: null,
    [Role.MINISTRY_OFFICER]: null,
    [Role.COMPANY_MANAGER]: 'companyId',
    [Role.AGENT]: 'agentId',
    [Role.PROVIDER]: 'providerId',
  };
  const needed = needs[input.role];
  for (const key of ['companyId', 'agentId', 'providerId'] as const) {
    // Any value, an empty one too, is refused where the role has no such party (it would reach the uuid column).
    if (key !== needed && given[key] != null) {
      badInputThrow(
        `input.${key}`,
        `A ${input.role} account does not belong to ${key.replace('Id', ' ')}; leave it out.`,
      );
    }
  }
  if (!needed) return given;
  const id = given[needed];
  if (!id) badInputThrow(`input.${needed}`, `A ${input.role} account must name its ${needed.replace('Id', '')}.`);
  const exists =
    needed === 'companyId'
      ? isUuid(id) && (await em.count(CompanyEntity, { id })) > 0
      : needed === 'agentId'
        ? isUuid(id) && (await em.count(AgentEntity, { id })) > 0
        : // Providers are owned by the packages subgraph: only the id's form can be checked here.
          isUuid(id);
  if (!exists) badInputThrow(`input.${needed}`, `There is no ${needed.replace('Id', '')} with this id.`);
  return given;
}

/** A ministry officer creates any kind of account. */
export async function createAccount(
  em: EntityManager,
  viewer: TokenViewer,
  input: CreateAccountInput,
): Promise<Account> {
  requirePerson(viewer);
  const party = await partyOf(em, input);
  return insertAccount(em, viewer, {
    ...party,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    password: input.initialPassword,
    passwordField: 'input.initialPassword',
  });
}

/** A company manager adds another manager of their own company. */
export async function addStaff(em: EntityManager, viewer: TokenViewer, input: AddStaffInput): Promise<Account> {
  requirePerson(viewer);
  if (viewer.role !== Role.COMPANY_MANAGER || !viewer.companyId) throw accountNotFound();
  return insertAccount(em, viewer, {
    email: input.email,
    displayName: input.displayName,
    role: Role.COMPANY_MANAGER,
    companyId: viewer.companyId,
    agentId: null,
    providerId: null,
    password: input.initialPassword,
    passwordField: 'input.initialPassword',
  });
}

/** The account if the viewer may act on it; one outside the slice reads exactly like a missing one. */
async function visibleAccount(em: EntityManager, viewer: TokenViewer, id: string): Promise<AccountRow> {
  const row = isUuid(id) ? await em.findOne(AccountEntity, { $and: [{ id }, sliceOf(viewer)] }) : null;
  if (!row) throw accountNotFound();
  return row;
}

/**
 * Disables an account: it can no longer sign in, and its tokens issued until now are refused here
 * at once (a conditional update, so two concurrent disables cannot both succeed).
 */
export async function disableAccount(
  em: EntityManager,
  viewer: TokenViewer,
  tokens: TokenService,
  input: AccountActionInput,
): Promise<Account> {
  requirePerson(viewer);
  const reason = checkReason(input.reason);
  if (input.id === viewer.accountId) throw cannotDisableSelf();
  await visibleAccount(em, viewer, input.id);
  const now = new Date();
  await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      AccountEntity,
      { $and: [{ id: input.id, disabledAt: null }, sliceOf(viewer)] },
      {
        disabledAt: now,
        disabledBy: isUuid(viewer.accountId) ? viewer.accountId : null,
        disabledReason: reason,
        tokensValidFrom: now,
      },
    );
    if (changed === 0) throw alreadyDisabled();
    recordEvent(tx, {
      type: 'AccountDisabled',
      aggregateType: 'Account',
      aggregateId: input.id,
      payload: { reason, tokensValidFrom: now.toISOString() },
    });
  });
  tokens.guard.cut(input.id, now, true);
  return toAccount(await visibleAccount(em.fork(), viewer, input.id));
}

/** Lets a disabled account sign in again; tokens issued before it was disabled stay refused. */
export async function enableAccount(
  em: EntityManager,
  viewer: TokenViewer,
  tokens: TokenService,
  input: AccountActionInput,
): Promise<Account> {
  requirePerson(viewer);
  const reason = checkReason(input.reason);
  const before = await visibleAccount(em, viewer, input.id);
  await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      AccountEntity,
      { $and: [{ id: input.id, disabledAt: { $ne: null } }, sliceOf(viewer)] },
      { disabledAt: null, disabledBy: null, disabledReason: null },
    );
    if (changed === 0) throw notDisabled();
    recordEvent(tx, { type: 'AccountEnabled', aggregateType: 'Account', aggregateId: input.id, payload: { reason } });
  });
  if (before.tokensValidFrom) tokens.guard.cut(input.id, before.tokensValidFrom, false);
  return toAccount(await visibleAccount(em.fork(), viewer, input.id));
}

/** The signed-in person changes their own password; wrong current passwords count as failed sign-ins. */
export async function changePassword(
  em: EntityManager,
  viewer: TokenViewer,
  tokens: TokenService,
  input: ChangePasswordInput,
): Promise<Account> {
  requirePerson(viewer);
  const account = isUuid(viewer.accountId)
    ? await em.findOne(AccountEntity, { id: viewer.accountId, disabledAt: null })
    : null;
  if (!account) throw unauthenticated();
  const wait = tokens.throttle.retryAfter(account.email);
  if (wait > 0) throw tooManyAttempts(wait);
  if (!(await verifyPassword(input.currentPassword.slice(0, MAX_PASSWORD_LENGTH), account.passwordHash))) {
    tokens.throttle.fail(account.email);
    throw wrongPassword();
  }
  if (!isStrongPassword(input.newPassword)) throw weakPassword('input.newPassword');
  if (input.newPassword === input.currentPassword) {
    badInputThrow('input.newPassword', 'Choose a password different from the current one.');
  }
  const changed = await em.nativeUpdate(
    AccountEntity,
    { id: account.id, passwordHash: account.passwordHash },
    { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() },
  );
  // Changed by a concurrent request in between: the current password given here is no longer it.
  if (changed === 0) throw wrongPassword();
  return toAccount(await visibleAccountOf(em.fork(), account.id));
}

async function visibleAccountOf(em: EntityManager, id: string): Promise<AccountRow> {
  const row = await em.findOne(AccountEntity, { id });
  if (!row) throw accountNotFound();
  return row;
}

/** The ministry lists every account; a manager the accounts of their own company. */
export async function listAccounts(
  em: EntityManager,
  viewer: TokenViewer,
  args: PageArgs,
  filter: AccountFilter | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<Page<Account>> {
  const where: FilterQuery<AccountRow>[] = [sliceOf(viewer)];
  if (filter?.role) where.push({ role: filter.role });
  if (filter?.companyId) where.push(isUuid(filter.companyId) ? { companyId: filter.companyId } : { id: null });
  const page = await findPage(em, AccountEntity, { $and: where } as never, args, info);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAccount(e.node as AccountRow) })) };
}
