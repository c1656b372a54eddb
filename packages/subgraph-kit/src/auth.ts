import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { registerEnumType } from 'type-graphql';

/** The parties of the graph; every resolver decides by these. */
export enum Role {
  MINISTRY_SUPERVISOR = 'MINISTRY_SUPERVISOR',
  MINISTRY_OFFICER = 'MINISTRY_OFFICER',
  COMPANY_MANAGER = 'COMPANY_MANAGER',
  AGENT = 'AGENT',
  PROVIDER = 'PROVIDER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'The kind of party a signed-in account acts for.',
  valuesConfig: {
    MINISTRY_SUPERVISOR: { description: 'Ministry staff who may read everything and change nothing.' },
    MINISTRY_OFFICER: { description: 'Ministry staff who take decisions: licences, approvals, penalties, policy.' },
    COMPANY_MANAGER: { description: 'Manager of one licensed Umrah company.' },
    AGENT: { description: 'An external agent abroad, acting for companies it holds an active contract with.' },
    PROVIDER: { description: 'A service provider (hotel, transport, catering, enrichment, insurance).' },
  },
});

/** Who is calling, as proven by a verified token. */
export interface Viewer {
  accountId: string;
  role: Role;
  companyId: string | null;
  agentId: string | null;
  providerId: string | null;
  scopes: string[];
}

export const TOKEN_ISSUER = 'urn:umrah-graph:companies';
export const TOKEN_AUDIENCE = 'urn:umrah-graph';
export const TOKEN_ALGORITHM = 'ES256';

interface Claims {
  role: Role;
  cid?: string;
  aid?: string;
  pid?: string;
  scope?: string;
}

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKey(kid: string = `k-${Date.now().toString(36)}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  return { kid, privateJwk, publicJwk };
}

/**
 * The published key set: the current signing key's public half, then any other public keys still
 * (or already) trusted while keys rotate, e.g. the previous key until its last token has expired.
 */
export function publicKeySet(keys: SigningKey[], alsoTrusted: readonly JWK[] = []): JSONWebKeySet {
  const published = [...keys.map((k) => k.publicJwk), ...alsoTrusted];
  const kids = published.map((k) => k.kid);
  if (new Set(kids).size !== kids.length) throw new Error('Two published token keys share a kid.');
  return { keys: published };
}

/** Whether a JWK is an ES256 key of this graph: an EC P-256 key with a kid, used for signatures. */
function isGraphKey(jwk: JWK): boolean {
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    typeof jwk.kid === 'string' &&
    jwk.kid.length > 0 &&
    (jwk.alg === undefined || jwk.alg === TOKEN_ALGORITHM) &&
    (jwk.use === undefined || jwk.use === 'sig')
  );
}

/** Reads a private signing key (a JWK as JSON), refusing anything but an ES256 key with a kid. */
export function parseSigningKey(text: string): SigningKey {
  const privateJwk = JSON.parse(text) as JWK;
  if (!isGraphKey(privateJwk) || typeof privateJwk.d !== 'string') {
    throw new Error('The token signing key must be a private EC P-256 (ES256) JWK with a kid.');
  }
  const { d: _d, ...publicJwk } = privateJwk;
  return {
    kid: privateJwk.kid!,
    privateJwk: { ...privateJwk, alg: TOKEN_ALGORITHM },
    publicJwk: { ...publicJwk, alg: TOKEN_ALGORITHM },
  };
}

/**
 * Reads the extra public keys to publish while keys rotate (a JSON array of JWKs). A private key
 * here would be published to the world, so one is refused, as is any key but ES256 with a kid.
 */
export function parseTrustedKeys(text: string | undefined): JWK[] {
  if (!text?.trim()) return [];
  const keys = JSON.parse(text) as unknown;
  if (!Array.isArray(keys)) throw new Error('TOKEN_TRUSTED_KEYS must be a JSON array of public JWKs.');
  return keys.map((key: JWK) => {
    if (!isGraphKey(key)) throw new Error(`Trusted token key ${String(key.kid)} is not a public ES256 JWK with a kid.`);
    if ('d' in key) throw new Error(`Trusted token key ${key.kid} holds a private part; publish only public keys.`);
    return { ...key, alg: TOKEN_ALGORITHM, use: 'sig' };
  });
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Signs short-lived access tokens; only the companies subgraph holds a signing key. */
export async function issueToken(key: SigningKey, viewer: Viewer, lifetimeSeconds: number): Promise<IssuedToken> {
  const privateKey = await importJWK(key.privateJwk, TOKEN_ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  const claims: Claims = {
    role: viewer.role,
    ...(viewer.companyId ? { cid: viewer.companyId } : {}),
    ...(viewer.agentId ? { aid: viewer.agentId } : {}),
    ...(viewer.providerId ? { pid: viewer.providerId } : {}),
    ...(viewer.scopes.length ? { scope: viewer.scopes.join(' ') } : {}),
  };
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(viewer.accountId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(privateKey);
  return { token, expiresAt: new Date((now + lifetimeSeconds) * 1000) };
}

export type TokenVerifier = (token: string) => Promise<Viewer | null>;

const ROLES = new Set<string>(Object.values(Role));

/** Verifies tokens against a key set: a fixed one (in-process) or the companies subgraph's JWKS URL. */
export function createTokenVerifier(
  keys: JSONWebKeySet | URL,
  options: { refetchAfterMs?: number } = {},
): TokenVerifier {
  // A remote set is fetched again when a token names a kid not in it (at most once per interval),
  // so a newly published key is trusted without a restart.
  const getKey: JWTVerifyGetKey =
    keys instanceof URL
      ? createRemoteJWKSet(keys, { cooldownDuration: options.refetchAfterMs ?? 30_000 })
      : createLocalJWKSet(keys);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, getKey, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: [TOKEN_ALGORITHM],
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      });
      const role = payload['role'];
      if (typeof payload.sub !== 'string' || typeof role !== 'string' || !ROLES.has(role)) return null;
      const text = (name: string): string | null => {
        const value = payload[name];
        return typeof value === 'string' ? value : null;
      };
      return {
        accountId: payload.sub,
        role: role as Role,
        companyId: text('cid'),
        agentId: text('aid'),
        providerId: text('pid'),
        scopes: (text('scope') ?? '').split(' ').filter(Boolean),
      };
    } catch {
      return null;
    }
  };
}
