import { generateSigningKey, publicKeySet, type RunningSubgraph } from '@umrah/subgraph-kit';
import { openTestDatabase, testVerifier } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companiesSubgraph } from '../src/index';

describe('the published token keys (JWKS)', () => {
  const closers: (() => Promise<void>)[] = [];
  let running: RunningSubgraph;
  let previousKid: string;
  let currentKid: string;

  beforeAll(async () => {
    const db = await openTestDatabase(companiesSubgraph);
    const current = await generateSigningKey('2026-11-b');
    const previous = await generateSigningKey('2026-11-a');
    currentKid = current.kid;
    previousKid = previous.kid;
    running = await companiesSubgraph.start({
      db,
      verifyToken: await testVerifier(),
      secret: 'test-secret-companies-0123456789',
      port: 0,
      signingKey: current,
      trustedKeys: [previous.publicJwk],
      backgroundWork: false,
    });
    closers.push(
      () => running.close(),
      () => db.close(),
    );
  });

  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('publishes the signing key and the key still trusted during rotation, public halves only', async () => {
    const response = await fetch(new URL('/.well-known/jwks.json', running.url));
    expect(response.status).toBe(200);
    const set = (await response.json()) as { keys: { kid?: string }[] };
    expect(set.keys.map((k) => k.kid)).toEqual([currentKid, previousKid]);
    for (const key of set.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    }
  });

  it('refuses to publish two keys under one kid', async () => {
    const key = await generateSigningKey('same');
    expect(() => publicKeySet([key], [key.publicJwk])).toThrow(/kid/);
  });
});
