import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LimitErrorCode, limitError, type BucketLimit, type GatewayLimits } from './limits';

/** Root fields that check a password or a client secret: each one is a sign-in attempt. */
export const SIGN_IN_FIELDS: ReadonlySet<string> = new Set(['login', 'clientCredentialsToken']);

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in this process's memory, one per key. Several gateways behind a load balancer
 * would each count separately: they would need a shared store (Redis) instead.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: BucketLimit,
    // Keys are subjects and addresses an attacker can vary: bound the memory they cost.
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Milliseconds until `n` tokens are there for `key`; 0 when they are there now. */
  waitMs(key: string, n: number, now: number): number {
    // More than the whole burst at once (many aliased sign-ins) is never let through.
    const level = this.level(key, now);
    return level >= n ? 0 : Math.ceil((n - level) / this.perMs);
  }

  take(key: string, n: number, now: number): void {
    const tokens = this.level(key, now) - n;
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.prune(now);
    this.buckets.set(key, { tokens, at: now });
  }

  get size(): number {
    return this.buckets.size;
  }

  private level(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.limit.burst;
    return Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
  }

  private prune(now: number): void {
    // A full bucket is the same as no bucket.
    for (const key of this.buckets.keys()) if (this.level(key, now) >= this.limit.burst) this.buckets.delete(key);
    // Still full of live keys: forget the oldest rather than grow without bound.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

export type BucketFamily = 'client' | 'address' | 'signIn';

export interface Charge {
  family: BucketFamily;
  key: string;
  n: number;
}

/** The gateway's three budgets; a request is charged to several at once, all or nothing. */
export class RateLimiter {
  private readonly families: Record<BucketFamily, TokenBuckets>;

  constructor(limits: Pick<GatewayLimits, 'clientRate' | 'addressRate' | 'signInRate'>) {
    this.families = {
      client: new TokenBuckets(limits.clientRate),
      address: new TokenBuckets(limits.addressRate),
      signIn: new TokenBuckets(limits.signInRate),
    };
  }

  /** Takes every charge and answers null, or takes none and answers the budget that refused and the seconds to wait. */
  take(charges: Charge[], now = Date.now()): { family: BucketFamily; seconds: number } | null {
    const live = charges.filter((c) => c.n > 0);
    let refusal: { family: BucketFamily; seconds: number } | null = null;
    for (const c of live) {
      const waitMs = this.families[c.family].waitMs(c.key, c.n, now);
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      if (waitMs > 0 && (!refusal || seconds > refusal.seconds)) refusal = { family: c.family, seconds };
    }
    if (refusal) return refusal;
    for (const c of live) this.families[c.family].take(c.key, c.n, now);
    return null;
  }
}

/**
 * The subject (`sub`) of a bearer token, read without verifying it: it only picks the bucket, and
 * every subgraph verifies the token itself. A token that cannot be read or has expired gives null
 * (the caller is then counted by address); a forged subject still meets the per-address budget.
 */
export function tokenSubject(authorization: string | null | undefined, now = Date.now()): string | null {
  const match = /^Bearer\s+[\w-]+\.([\w-]+)\.[\w-]*$/i.exec(authorization?.trim() ?? '');
  if (!match) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8'));
    if (typeof payload !== 'object' || payload === null) return null;
    const { sub, exp } = payload as { sub?: unknown; exp?: unknown };
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) return null;
    if (typeof exp === 'number' && exp * 1000 <= now) return null;
    return sub;
  } catch {
    return null;
  }
}

/** The bucket of a caller: its token's subject, else its address. */
export const clientKey = (authorization: string | null | undefined, address: string | null): string => {
  const subject = tokenSubject(authorization);
  return subject ? `sub:${subject}` : `addr:${address ?? 'unknown'}`;
};

/** Response keys at the root of an operation (an aliased field counts once per alias). */
export function rootFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { responseKeys: number; signIns: number } {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const keys = new Map<string, string>();
  const visit = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): void => {
    for (const s of selectionSet.selections) {
      if (s.kind === Kind.FIELD) keys.set(s.alias?.value ?? s.name.value, s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, seen);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment && !seen.has(s.name.value)) visit(fragment.selectionSet, new Set(seen).add(s.name.value));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  const names = [...keys.values()];
  return {
    responseKeys: names.filter((n) => n !== '__typename').length,
    signIns: operation.operation === 'mutation' ? names.filter((n) => SIGN_IN_FIELDS.has(n)).length : 0,
  };
}

export interface RateLimitedContext {
  clientKey: string;
  clientAddress: string | null;
}

const inSeconds = (seconds: number): string => `try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
export const rateLimitMessage = (seconds: number): string => `Too many requests: ${inSeconds(seconds)}`;
const signInLimitMessage = (seconds: number): string =>
  `Too many sign-in attempts from this address: ${inSeconds(seconds)}`;

/** 429 with Retry-After, as a GraphQL error with code RATE_LIMITED. */
export function rateLimitedError(seconds: number, message = rateLimitMessage(seconds)): GraphQLError {
  return limitError(LimitErrorCode.RATE_LIMITED, message, 429, { 'retry-after': String(seconds) });
}

/**
 * Charges each operation's root fields beyond the first (the HTTP layer charged one per request
 * before reading the body), and each sign-in field to the stricter per-address sign-in budget.
 */
export function rateLimitPlugin<C extends RateLimitedContext>(limiter: RateLimiter): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!operation) return;
          const { responseKeys, signIns } = rootFields(document, operation);
          const address = `addr:${contextValue.clientAddress ?? 'unknown'}`;
          const extra = Math.max(0, responseKeys - 1);
          const refusal = limiter.take([
            { family: 'client', key: contextValue.clientKey, n: extra },
            { family: 'address', key: address, n: extra },
            { family: 'signIn', key: address, n: signIns },
          ]);
          if (refusal) {
            const { family, seconds } = refusal;
            throw rateLimitedError(
              seconds,
              family === 'signIn' ? signInLimitMessage(seconds) : rateLimitMessage(seconds),
            );
          }
        },
      };
    },
  };
}
