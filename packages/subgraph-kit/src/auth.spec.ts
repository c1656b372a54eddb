import { SignJWT, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  Role,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  createTokenVerifier,
  generateSigningKey,
  issueToken,
  publicKeySet,
  type Viewer,
} from './auth';

const manager: Viewer = {
  accountId: '0190f5a2-0000-7000-8000-000000000001',
  role: Role.COMPANY_MANAGER,
  companyId: '0190f5a2-0000-7000-8000-0000000000aa',
  agentId: null,
  providerId: null,
  scopes: [],
};

describe('access tokens', () => {
  it('round-trips the caller’s slice', async () => {
    const key = await generateSigningKey('k1');
    const verify = createTokenVerifier(publicKeySet([key]));
    const { token } = await issueToken(key, manager, 60);
    expect(await verify(token)).toEqual(manager);
  });

  it('refuses alg none, a tampered payload, an unknown key, an expired token and a foreign issuer', async () => {
    const key = await generateSigningKey('k1');
    const other = await generateSigningKey('k2');
    const verify = createTokenVerifier(publicKeySet([key]));
    const { token } = await issueToken(key, manager, 60);
    const [header, payload, signature] = token.split('.');
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${b64({ ...claims, role: 'MINISTRY_OFFICER' })}.${signature}`;
    const unknownKey = (await issueToken(other, manager, 60)).token;
    const expired = (await issueToken(key, manager, -60)).token;
    const foreign = await new SignJWT({ role: 'MINISTRY_OFFICER' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(manager.accountId)
      .setIssuer('urn:someone-else')
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(await importJWK(key.privateJwk, 'ES256'));
    for (const bad of [none, tampered, unknownKey, expired, foreign, 'not-a-token']) {
      expect(await verify(bad)).toBeNull();
    }
    expect(TOKEN_ISSUER).not.toBe('urn:someone-else');
  });

  it('verifies with either key while keys rotate', async () => {
    const old = await generateSigningKey('old');
    const next = await generateSigningKey('new');
    const verify = createTokenVerifier(publicKeySet([old, next]));
    expect(await verify((await issueToken(old, manager, 60)).token)).not.toBeNull();
    expect(await verify((await issueToken(next, manager, 60)).token)).not.toBeNull();
  });
});
