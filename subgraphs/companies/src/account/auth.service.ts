import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import { forbidden, issueToken, type Role, type SigningKey, type Viewer as TokenViewer } from '@umrah/subgraph-kit';
import { accountDisabled, invalidCredentials, tooManyAttempts } from './account.errors';
import { AccountEntity, type AccountRow } from './account.entity';
import { LoginPayload, Viewer, ViewerKind, type LoginInput } from './account.type';
import { DUMMY_HASH, MAX_PASSWORD_LENGTH, verifyPassword } from './password';
import type { LoginThrottle } from './throttle';
import { waitForCutoff, type TokenGuard } from './token-guard';

export interface TokenService {
  key: SigningKey;
  /** Access-token lifetime (TOKEN_LIFETIME_SECONDS, 900 s by default). */
  lifetimeSeconds: number;
  /** Failed sign-ins per account (email). */
  throttle: LoginThrottle;
  /** Failed sign-ins per client address, across accounts. */
  addressThrottle: LoginThrottle;
  /** Failed client-credentials exchanges per client id. */
  clientThrottle: LoginThrottle;
  /** Refuses tokens issued before an account was disabled or a client revoked or rotated. */
  guard: TokenGuard;
}

export function toViewer(row: AccountRow): Viewer {
  return Object.assign(new Viewer(), {
    id: row.id,
    kind: ViewerKind.PERSON,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    scopes: [],
    companyId: row.companyId ?? null,
    agentId: row.agentId ?? null,
    providerId: row.providerId ?? null,
  });
}

/** API-client tokens carry scopes; a person's token never does. */
export function isApiClientToken(viewer: TokenViewer): boolean {
  return viewer.scopes.length > 0;
}

/** Accounts and credentials are managed by people only, never with an API client's token. */
export function requirePerson(viewer: TokenViewer): TokenViewer {
  if (isApiClientToken(viewer)) throw forbidden();
  return viewer;
}

export async function login(
  em: EntityManager,
  tokens: TokenService,
  input: LoginInput,
  clientAddress: string | null,
): Promise<{ payload: LoginPayload; claims: TokenViewer }> {
  const email = input.email.trim().toLowerCase();
  const wait = Math.max(
    tokens.throttle.retryAfter(email),
    clientAddress ? tokens.addressThrottle.retryAfter(clientAddress) : 0,
  );
  if (wait > 0) throw tooManyAttempts(wait);
  const account = email.length <= 254 ? await em.findOne(AccountEntity, { email }) : null;
  const ok = await verifyPassword(input.password.slice(0, MAX_PASSWORD_LENGTH), account?.passwordHash ?? DUMMY_HASH);
  if (!account || !ok) {
    tokens.throttle.fail(email);
    // A success does not clear the address: one valid account must not reset a password-spraying run.
    if (clientAddress) tokens.addressThrottle.fail(clientAddress);
    throw invalidCredentials();
  }
  if (account.disabledAt) throw accountDisabled();
  tokens.throttle.succeed(email);
  await waitForCutoff(account.tokensValidFrom);
  const viewer = toViewer(account);
  const claims: TokenViewer = {
    accountId: viewer.id,
    role: viewer.role,
    companyId: viewer.companyId,
    agentId: viewer.agentId,
    providerId: viewer.providerId,
    scopes: [],
  };
  const { token, expiresAt } = await issueToken(tokens.key, claims, tokens.lifetimeSeconds);
  return { payload: Object.assign(new LoginPayload(), { accessToken: token, expiresAt, viewer }), claims };
}

/** The current account, or null when it no longer exists or was disabled. */
export async function currentAccount(em: EntityManager, accountId: string): Promise<Viewer | null> {
  if (!isUuid(accountId)) return null;
  const row = await em.findOne(AccountEntity, { id: accountId, disabledAt: null });
  return row ? toViewer(row) : null;
}
