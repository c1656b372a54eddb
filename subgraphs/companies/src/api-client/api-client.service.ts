import { randomBytes } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid, uuidv7 } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import {
  Role,
  badInput,
  findPage,
  isMinistry,
  issueToken,
  type Page,
  type PageArgs,
  type Viewer as TokenViewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Viewer, ViewerKind } from '../account/account.type';
import { requirePerson, type TokenService } from '../account/auth.service';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../account/password';
import { waitForCutoff } from '../account/token-guard';
import { alreadyRevoked, apiClientNotFound, invalidClient, tooManyClientAttempts } from './api-client.errors';
import { ApiClientEntity, type ApiClientRow } from './api-client.entity';
import type { ClientCredentialsInput, CreateApiClientInput, RevokeApiClientInput } from './api-client.inputs';
import { ApiClient, ApiClientSecretPayload, ApiClientStatus, ClientCredentialsPayload } from './api-client.type';
import { API_SCOPES, type ApiScope } from './api-scope';

const newClientId = (): string => `ugc_${randomBytes(18).toString('base64url')}`;
const newSecret = (): string => `ugs_${randomBytes(32).toString('base64url')}`;

export function toApiClient(row: ApiClientRow): ApiClient {
  return Object.assign(new ApiClient(), {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    scopes: row.scopes as ApiScope[],
    status: row.revokedAt ? ApiClientStatus.REVOKED : ApiClientStatus.ACTIVE,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt ?? null,
    rotatedAt: row.rotatedAt ?? null,
    revokedAt: row.revokedAt ?? null,
    companyId: row.companyId ?? null,
    agentId: row.agentId ?? null,
    providerId: row.providerId ?? null,
  });
}

/** The role a client's token acts with: that of the party owning it. */
function roleOf(row: ApiClientRow): Role {
  if (row.companyId) return Role.COMPANY_MANAGER;
  if (row.agentId) return Role.AGENT;
  return Role.PROVIDER;
}

/** The party a viewer acts for, as the columns of an owned client; null for the ministry. */
function partyOf(viewer: TokenViewer): Pick<ApiClientRow, 'companyId' | 'agentId' | 'providerId'> | null {
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) {
    return { companyId: viewer.companyId, agentId: null, providerId: null };
  }
  if (viewer.role === Role.AGENT && viewer.agentId)
    return { companyId: null, agentId: viewer.agentId, providerId: null };
  if (viewer.role === Role.PROVIDER && viewer.providerId) {
    return { companyId: null, agentId: null, providerId: viewer.providerId };
  }
  return null;
}

/** The clients a viewer may see: the ministry all, a party only its own. */
function sliceOf(viewer: TokenViewer): FilterQuery<ApiClientRow> {
  if (isMinistry(viewer)) return {};
  const party = partyOf(viewer);
  if (!party) return { id: null };
  if (party.companyId) return { companyId: party.companyId };
  if (party.agentId) return { agentId: party.agentId };
  return { providerId: party.providerId };
}

/** Clients the viewer may change: only its own party's (officers may also revoke any client). */
function ownedSliceOf(viewer: TokenViewer): FilterQuery<ApiClientRow> {
  return isMinistry(viewer) ? { id: null } : sliceOf(viewer);
}

async function visibleClient(em: EntityManager, slice: FilterQuery<ApiClientRow>, id: string): Promise<ApiClientRow> {
  const row = isUuid(id) ? await em.findOne(ApiClientEntity, { $and: [{ id }, slice] }) : null;
  if (!row) throw apiClientNotFound();
  return row;
}

function withSecret(row: ApiClientRow, clientSecret: string): ApiClientSecretPayload {
  return Object.assign(new ApiClientSecretPayload(), { client: toApiClient(row), clientSecret, id: row.id });
}

export async function createApiClient(
  em: EntityManager,
  viewer: TokenViewer,
  input: CreateApiClientInput,
): Promise<ApiClientSecretPayload> {
  requirePerson(viewer);
  const party = partyOf(viewer);
  if (!party) throw apiClientNotFound();
  const name = input.name.trim();
  if ([...name].length < 2 || [...name].length > 100)
    throw badInput('input.name', 'The name must have 2 to 100 characters.');
  const scopes = API_SCOPES.filter((s) => input.scopes.includes(s));
  if (scopes.length === 0) throw badInput('input.scopes', 'Choose at least one scope.');
  const clientSecret = newSecret();
  const row = em.create(ApiClientEntity, {
    id: uuidv7(),
    clientId: newClientId(),
    secretHash: await hashPassword(clientSecret),
    name,
    scopes,
    ...party,
    createdBy: viewer.accountId,
  });
  recordEvent(em, {
    type: 'ApiClientCreated',
    aggregateType: 'ApiClient',
    aggregateId: row.id,
    payload: { ...party, scopes },
  });
  await em.flush();
  return withSecret(row, clientSecret);
}

/** A new secret replaces the old one at once; tokens issued before the rotation are refused here. */
export async function rotateApiClientSecret(
  em: EntityManager,
  viewer: TokenViewer,
  tokens: TokenService,
  id: string,
): Promise<ApiClientSecretPayload> {
  requirePerson(viewer);
  const slice = ownedSliceOf(viewer);
  const before = await visibleClient(em, slice, id);
  if (before.revokedAt) throw alreadyRevoked();
  const clientSecret = newSecret();
  const secretHash = await hashPassword(clientSecret);
  const now = new Date();
  await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      ApiClientEntity,
      { $and: [{ id, revokedAt: null }, slice] },
      { secretHash, rotatedAt: now },
    );
    if (changed === 0) throw alreadyRevoked();
    recordEvent(tx, { type: 'ApiClientSecretRotated', aggregateType: 'ApiClient', aggregateId: id, payload: {} });
  });
  tokens.guard.cut(id, now, false);
  return withSecret(await visibleClient(em.fork(), slice, id), clientSecret);
}

export async function revokeApiClient(
  em: EntityManager,
  viewer: TokenViewer,
  tokens: TokenService,
  input: RevokeApiClientInput,
): Promise<ApiClient> {
  requirePerson(viewer);
  const reason = input.reason.trim();
  if ([...reason].length < 3 || [...reason].length > 1000)
    throw badInput('input.reason', 'Give a reason of 3 to 1000 characters.');
  // Owners revoke their own clients; a ministry officer may revoke any (abuse, a party losing its licence).
  const slice = viewer.role === Role.MINISTRY_OFFICER ? {} : ownedSliceOf(viewer);
  await visibleClient(em, slice, input.id);
  const now = new Date();
  await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      ApiClientEntity,
      { $and: [{ id: input.id, revokedAt: null }, slice] },
      { revokedAt: now, revokedBy: isUuid(viewer.accountId) ? viewer.accountId : null, revokedReason: reason },
    );
    if (changed === 0) throw alreadyRevoked();
    recordEvent(tx, {
      type: 'ApiClientRevoked',
      aggregateType: 'ApiClient',
      aggregateId: input.id,
      payload: { reason },
    });
  });
  tokens.guard.cut(input.id, now, true);
  return toApiClient(await visibleClient(em.fork(), slice, input.id));
}

export async function listApiClients(
  em: EntityManager,
  viewer: TokenViewer,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<ApiClient>> {
  const page = await findPage(em, ApiClientEntity, sliceOf(viewer), args, info);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toApiClient(e.node as ApiClientRow) })) };
}

/**
 * Client-credentials exchange. Unknown id, wrong or rotated-out secret and revoked client all fail
 * alike with INVALID_CLIENT; failures are throttled per client id.
 */
export async function exchangeClientCredentials(
  em: EntityManager,
  tokens: TokenService,
  input: ClientCredentialsInput,
): Promise<ClientCredentialsPayload> {
  const clientId = input.clientId.trim().slice(0, 100);
  const wait = tokens.clientThrottle.retryAfter(clientId);
  if (wait > 0) throw tooManyClientAttempts(wait);
  const row = await em.findOne(ApiClientEntity, { clientId });
  const ok = await verifyPassword(input.clientSecret.slice(0, 256), row?.secretHash ?? DUMMY_HASH);
  if (!row || !ok || row.revokedAt) {
    tokens.clientThrottle.fail(clientId);
    throw invalidClient();
  }
  // Conditional on the secret just checked: a rotation or revocation in between wins.
  const used = await em.nativeUpdate(
    ApiClientEntity,
    { id: row.id, secretHash: row.secretHash, revokedAt: null },
    { lastUsedAt: new Date() },
  );
  if (used === 0) throw invalidClient();
  tokens.clientThrottle.succeed(clientId);
  await waitForCutoff(row.rotatedAt);
  const scopes = row.scopes as ApiScope[];
  const { token, expiresAt } = await issueToken(
    tokens.key,
    {
      accountId: row.id,
      role: roleOf(row),
      companyId: row.companyId ?? null,
      agentId: row.agentId ?? null,
      providerId: row.providerId ?? null,
      scopes,
    },
    tokens.lifetimeSeconds,
  );
  return Object.assign(new ClientCredentialsPayload(), { accessToken: token, expiresAt, scopes });
}

/** `me` for a client token: the client as a Viewer of its party, or null once revoked. */
export async function clientViewer(em: EntityManager, id: string): Promise<Viewer | null> {
  const row = isUuid(id) ? await em.findOne(ApiClientEntity, { id, revokedAt: null }) : null;
  if (!row) return null;
  return Object.assign(new Viewer(), {
    id: row.id,
    kind: ViewerKind.API_CLIENT,
    email: row.clientId,
    displayName: row.name,
    role: roleOf(row),
    scopes: row.scopes as ApiScope[],
    companyId: row.companyId ?? null,
    agentId: row.agentId ?? null,
    providerId: row.providerId ?? null,
  });
}
