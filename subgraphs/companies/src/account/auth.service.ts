import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import { issueToken, type Role, type SigningKey, type Viewer as TokenViewer } from '@umrah/subgraph-kit';
import { accountDisabled, invalidCredentials, tooManyAttempts } from './account.errors';
import { AccountEntity, type AccountRow } from './account.entity';
import { LoginPayload, Viewer, type LoginInput } from './account.type';
import { DUMMY_HASH, verifyPassword } from './password';
import type { LoginThrottle } from './throttle';

export interface TokenService {
  key: SigningKey;
  lifetimeSeconds: number;
  throttle: LoginThrottle;
}

export function toViewer(row: AccountRow): Viewer {
  return Object.assign(new Viewer(), {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    companyId: row.companyId ?? null,
    agentId: row.agentId ?? null,
    providerId: row.providerId ?? null,
  });
}

export async function login(
  em: EntityManager,
  tokens: TokenService,
  input: LoginInput,
): Promise<{ payload: LoginPayload; claims: TokenViewer }> {
  const email = input.email.trim().toLowerCase();
  const wait = tokens.throttle.retryAfter(email);
  if (wait > 0) throw tooManyAttempts(wait);
  const account = email.length <= 254 ? await em.findOne(AccountEntity, { email }) : null;
  const ok = await verifyPassword(input.password.slice(0, 1024), account?.passwordHash ?? DUMMY_HASH);
  if (!account || !ok) {
    tokens.throttle.fail(email);
    throw invalidCredentials();
  }
  if (account.disabledAt) throw accountDisabled();
  tokens.throttle.succeed(email);
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
