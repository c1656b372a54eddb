import {
  createTokenVerifier,
  generateSigningKey,
  issueToken,
  publicKeySet,
  Role,
  type SigningKey,
  type TokenVerifier,
  type Viewer,
} from '@umrah/subgraph-kit';
import { randomUUID } from 'node:crypto';

let keyPromise: Promise<SigningKey> | null = null;

/** One signing key per test process, shared by every subgraph booted in it. */
export function testSigningKey(): Promise<SigningKey> {
  keyPromise ??= generateSigningKey('test-key');
  return keyPromise;
}

export async function testVerifier(): Promise<TokenVerifier> {
  return createTokenVerifier(publicKeySet([await testSigningKey()]));
}

export async function tokenFor(viewer: Viewer, lifetimeSeconds = 300): Promise<string> {
  return (await issueToken(await testSigningKey(), viewer, lifetimeSeconds)).token;
}

const viewer = (role: Role, ids: Partial<Pick<Viewer, 'companyId' | 'agentId' | 'providerId'>> = {}): Viewer => ({
  accountId: randomUUID(),
  role,
  companyId: ids.companyId ?? null,
  agentId: ids.agentId ?? null,
  providerId: ids.providerId ?? null,
  scopes: [],
});

/** Callers for tests: `as.manager(companyId)` is a company manager of that company, and so on. */
export const as = {
  supervisor: (): Viewer => viewer(Role.MINISTRY_SUPERVISOR),
  officer: (): Viewer => viewer(Role.MINISTRY_OFFICER),
  manager: (companyId: string): Viewer => viewer(Role.COMPANY_MANAGER, { companyId }),
  agent: (agentId: string): Viewer => viewer(Role.AGENT, { agentId }),
  provider: (providerId: string): Viewer => viewer(Role.PROVIDER, { providerId }),
};
