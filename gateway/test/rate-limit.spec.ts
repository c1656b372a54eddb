import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RateLimiter, rootFields, TokenBuckets, tokenSubject } from '../src/rate-limit';

const jwt = (payload: Record<string, unknown>): string =>
  `Bearer ${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('TokenBuckets', () => {
  it('lets a burst through, then refills at the rate per minute', () => {
    const buckets = new TokenBuckets({ burst: 3, perMinute: 60 });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(buckets.waitMs('a', 1, t)).toBe(0);
      buckets.take('a', 1, t);
    }
    expect(buckets.waitMs('a', 1, t)).toBe(1000);
    expect(buckets.waitMs('b', 1, t)).toBe(0);
    expect(buckets.waitMs('a', 1, t + 1000)).toBe(0);
    expect(buckets.waitMs('a', 2, t + 1000)).toBe(1000);
  });

  it('never lets a request larger than the burst through', () => {
    const buckets = new TokenBuckets({ burst: 2, perMinute: 60 });
    expect(buckets.waitMs('a', 3, 0)).toBe(1000);
    expect(buckets.waitMs('a', 3, 60_000)).toBe(1000);
    expect(buckets.waitMs('a', 2, 0)).toBe(0);
  });

  it('forgets full buckets first when it holds too many keys', () => {
    const buckets = new TokenBuckets({ burst: 2, perMinute: 1 }, 2);
    buckets.take('spent', 2, 0);
    buckets.take('refilled', 1, 0);
    buckets.take('new', 1, 60_000);
    expect(buckets.size).toBe(2);
    // The spent bucket is still remembered (half refilled); the refilled one was dropped as full.
    expect(buckets.waitMs('spent', 2, 60_000)).toBe(60_000);
  });
});

describe('RateLimiter', () => {
  const limits = {
    clientRate: { burst: 5, perMinute: 60 },
    addressRate: { burst: 8, perMinute: 60 },
    signInRate: { burst: 2, perMinute: 6 },
  };

  it('charges every budget or none, and names the one that refused', () => {
    const limiter = new RateLimiter(limits);
    expect(limiter.take([{ family: 'client', key: 'sub:a', n: 5 }], 0)).toBeNull();
    const refusal = limiter.take(
      [
        { family: 'address', key: 'addr:1', n: 1 },
        { family: 'client', key: 'sub:a', n: 1 },
      ],
      0,
    );
    expect(refusal).toEqual({ family: 'client', seconds: 1 });
    // The address budget was not charged for the refused request.
    expect(limiter.take([{ family: 'address', key: 'addr:1', n: 8 }], 0)).toBeNull();
  });

  it('gives whole seconds to wait for the sign-in budget', () => {
    const limiter = new RateLimiter(limits);
    expect(limiter.take([{ family: 'signIn', key: 'addr:1', n: 2 }], 0)).toBeNull();
    expect(limiter.take([{ family: 'signIn', key: 'addr:1', n: 1 }], 0)).toEqual({ family: 'signIn', seconds: 10 });
  });
});

describe('tokenSubject', () => {
  const now = Date.UTC(2026, 0, 1);
  it('reads the subject of a bearer token without verifying it', () => {
    expect(tokenSubject(jwt({ sub: 'acc-1', exp: now / 1000 + 60 }), now)).toBe('acc-1');
  });

  it('gives null for an expired, malformed or subject-less token', () => {
    expect(tokenSubject(jwt({ sub: 'acc-1', exp: now / 1000 - 1 }), now)).toBeNull();
    expect(tokenSubject(jwt({ role: 'X' }), now)).toBeNull();
    expect(tokenSubject('Bearer not-a-token', now)).toBeNull();
    expect(tokenSubject('Bearer a.%%%.c', now)).toBeNull();
    expect(tokenSubject(`Bearer a.${Buffer.from('[1]').toString('base64url')}.c`, now)).toBeNull();
    expect(tokenSubject(null, now)).toBeNull();
  });
});

describe('rootFields', () => {
  const count = (query: string) => {
    const document = parse(query);
    return rootFields(document, getOperationAST(document)!);
  };

  it('counts each alias at the root as one operation, through fragments', () => {
    expect(count('{ a: me { id } b: me { id } me { id } __typename }')).toEqual({ responseKeys: 3, signIns: 0 });
    expect(
      count('query { ...F ... on Query { c: me { id } } } fragment F on Query { a: me { id } b: me { id } }'),
    ).toEqual({ responseKeys: 3, signIns: 0 });
  });

  it('counts every aliased sign-in field as one attempt', () => {
    const query = `mutation {
      a: login(input: { email: "a", password: "x" }) { accessToken }
      b: login(input: { email: "a", password: "y" }) { accessToken }
      c: clientCredentialsToken(input: { clientId: "c", clientSecret: "s" }) { accessToken }
    }`;
    expect(count(query)).toEqual({ responseKeys: 3, signIns: 3 });
  });
});
