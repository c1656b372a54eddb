import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, importJWK, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  Role,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  createTokenVerifier,
  generateSigningKey,
  issueToken,
  parseSigningKey,
  parseTrustedKeys,
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

  it('refuses a symmetric token keyed with the public key, a wrong audience, a token not yet valid and one without kid', async () => {
    const key = await generateSigningKey('k1');
    const verify = createTokenVerifier(publicKeySet([key]));
    const sign = (jwt: SignJWT, secretOrKey: Parameters<SignJWT['sign']>[0]) => jwt.sign(secretOrKey);
    const claims = () =>
      new SignJWT({ role: 'MINISTRY_OFFICER' })
        .setSubject(manager.accountId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1m');
    const privateKey = await importJWK(key.privateJwk, 'ES256');
    // The classic confusion: HMAC keyed with the published public key, which anyone can read.
    const publicBytes = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const symmetric = await sign(claims().setProtectedHeader({ alg: 'HS256', kid: 'k1' }), publicBytes);
    const otherAudience = await sign(
      claims().setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setAudience('urn:another-api'),
      privateKey,
    );
    const notYet = await sign(
      claims()
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setNotBefore(Math.floor(Date.now() / 1000) + 600),
      privateKey,
    );
    const noSubject = await sign(
      new SignJWT({ role: 'MINISTRY_OFFICER' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1m'),
      privateKey,
    );
    const unknownRole = await sign(
      new SignJWT({ role: 'ROOT' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(manager.accountId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1m'),
      privateKey,
    );
    for (const bad of [symmetric, otherAudience, notYet, noSubject, unknownRole]) {
      expect(await verify(bad)).toBeNull();
    }
    // The same claims, properly signed, pass: the refusals above are for the one thing changed.
    expect(
      await verify(await sign(claims().setProtectedHeader({ alg: 'ES256', kid: 'k1' }), privateKey)),
    ).toMatchObject({ role: Role.MINISTRY_OFFICER });
  });

  it('rotates keys without a gap: the old key stays trusted beside the new one until it is dropped', async () => {
    const old = await generateSigningKey('2026-a');
    const next = await generateSigningKey('2026-b');
    const oldToken = (await issueToken(old, manager, 60)).token;
    // Step 1: the next key is published (trusted) while the old one still signs.
    const step1 = createTokenVerifier(publicKeySet([old], parseTrustedKeys(JSON.stringify([next.publicJwk]))));
    // Step 2: the next key signs; the old one is still published until its last token expires.
    const step2 = createTokenVerifier(publicKeySet([next], parseTrustedKeys(JSON.stringify([old.publicJwk]))));
    const newToken = (await issueToken(next, manager, 60)).token;
    expect(await step1(oldToken)).toEqual(manager);
    expect(await step1(newToken)).toEqual(manager);
    expect(await step2(oldToken)).toEqual(manager);
    expect(await step2(newToken)).toEqual(manager);
    // Step 3: the old key is gone and so are its tokens.
    const step3 = createTokenVerifier(publicKeySet([next]));
    expect(await step3(oldToken)).toBeNull();
    expect(await step3(newToken)).toEqual(manager);
  });

  it('reads keys from configuration strictly: no private part published, no other curve, no duplicate kid', async () => {
    const key = await generateSigningKey('k1');
    expect(parseSigningKey(JSON.stringify(key.privateJwk)).publicJwk).not.toHaveProperty('d');
    expect(() => parseSigningKey(JSON.stringify(key.publicJwk))).toThrow(/private/);
    expect(() => parseTrustedKeys(JSON.stringify([key.privateJwk]))).toThrow(/private part/);
    expect(() => parseTrustedKeys(JSON.stringify([{ ...key.publicJwk, crv: 'P-384' }]))).toThrow(/ES256/);
    expect(() => parseTrustedKeys(JSON.stringify([{ kty: 'oct', k: 'c2VjcmV0', kid: 'h' }]))).toThrow(/ES256/);
    expect(() => parseTrustedKeys(JSON.stringify(key.publicJwk))).toThrow(/array/);
    expect(parseTrustedKeys(undefined)).toEqual([]);
    expect(() => publicKeySet([key], [key.publicJwk])).toThrow(/kid/);
  });

  it('a subgraph that reads the published set trusts a newly published key without a restart', async () => {
    const old = await generateSigningKey('2026-a');
    const next = await generateSigningKey('2026-b');
    let published: JSONWebKeySet = publicKeySet([old]);
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(published));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const verify = createTokenVerifier(new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`), {
        refetchAfterMs: 0,
      });
      expect(await verify((await issueToken(old, manager, 60)).token)).toEqual(manager);
      const newToken = (await issueToken(next, manager, 60)).token;
      expect(await verify(newToken)).toBeNull();
      published = publicKeySet([next], [old.publicJwk]);
      expect(await verify(newToken)).toEqual(manager);
    } finally {
      server.close();
    }
  });
});
