import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { z } from 'zod';

/** Codes of the gateway's own refusals; each reaches the client as `extensions.code`. */
export enum LimitErrorCode {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BATCHING_NOT_SUPPORTED = 'BATCHING_NOT_SUPPORTED',
  RATE_LIMITED = 'RATE_LIMITED',
}

export const LIMIT_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(LimitErrorCode));

/** A token bucket: `burst` operations at once, refilled at `perMinute`. */
export interface BucketLimit {
  burst: number;
  perMinute: number;
}

export interface GatewayLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Largest cost an operation may have; see cost.ts for how it is counted. */
  maxCost: number;
  /** Assumed length of a list that takes no page size (a status breakdown, a history). */
  listFactor: number;
  /** Request body size, in bytes. */
  maxBodyBytes: number;
  /** Operations (root fields, aliases included) per signed-in subject, or per address when anonymous. */
  clientRate: BucketLimit;
  /** Operations per network address whatever the token says: a flood of forged subjects still stops. */
  addressRate: BucketLimit;
  /** `login` and `clientCredentialsToken` fields per network address, each alias one attempt. */
  signInRate: BucketLimit;
}

/**
 * Defaults let the web app's largest queries through at the largest page size (100) and keep a
 * person clicking fast, or the browser test suite, well inside the budgets; a script does not stay inside.
 */
export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
  maxCost: 5000,
  listFactor: 10,
  // Bulk registration sends up to 500 pilgrims (passport lines included) in one mutation.
  maxBodyBytes: 1024 * 1024,
  clientRate: { burst: 600, perMinute: 600 },
  addressRate: { burst: 3000, perMinute: 3000 },
  signInRate: { burst: 30, perMinute: 30 },
};

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The environment variables that set the limits, with the defaults above. */
export const limitsEnvSchema = z.object({
  GRAPHQL_MAX_DEPTH: positive(DEFAULT_LIMITS.maxDepth),
  GRAPHQL_MAX_ALIASES: positive(DEFAULT_LIMITS.maxAliases),
  GRAPHQL_MAX_DIRECTIVES: positive(DEFAULT_LIMITS.maxDirectives),
  GRAPHQL_MAX_TOKENS: positive(DEFAULT_LIMITS.maxTokens),
  GRAPHQL_MAX_COST: positive(DEFAULT_LIMITS.maxCost),
  GRAPHQL_LIST_FACTOR: positive(DEFAULT_LIMITS.listFactor),
  MAX_BODY_BYTES: positive(DEFAULT_LIMITS.maxBodyBytes),
  RATE_LIMIT_PER_MINUTE: positive(DEFAULT_LIMITS.clientRate.perMinute),
  RATE_LIMIT_BURST: positive(DEFAULT_LIMITS.clientRate.burst),
  RATE_LIMIT_ADDRESS_PER_MINUTE: positive(DEFAULT_LIMITS.addressRate.perMinute),
  RATE_LIMIT_ADDRESS_BURST: positive(DEFAULT_LIMITS.addressRate.burst),
  SIGN_IN_PER_MINUTE: positive(DEFAULT_LIMITS.signInRate.perMinute),
  SIGN_IN_BURST: positive(DEFAULT_LIMITS.signInRate.burst),
});

export function limitsFromEnv(env: z.output<typeof limitsEnvSchema>): GatewayLimits {
  return {
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    maxAliases: env.GRAPHQL_MAX_ALIASES,
    maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: env.GRAPHQL_MAX_TOKENS,
    maxCost: env.GRAPHQL_MAX_COST,
    listFactor: env.GRAPHQL_LIST_FACTOR,
    maxBodyBytes: env.MAX_BODY_BYTES,
    clientRate: { burst: env.RATE_LIMIT_BURST, perMinute: env.RATE_LIMIT_PER_MINUTE },
    addressRate: { burst: env.RATE_LIMIT_ADDRESS_BURST, perMinute: env.RATE_LIMIT_ADDRESS_PER_MINUTE },
    signInRate: { burst: env.SIGN_IN_BURST, perMinute: env.SIGN_IN_PER_MINUTE },
  };
}

/** A refusal by one of the gateway's limits, with the HTTP status (and headers) it answers with. */
export function limitError(
  code: LimitErrorCode,
  message: string,
  status = 400,
  headers: Record<string, string> = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, http: { status, headers: new HeaderMap(Object.entries(headers)) } },
  });
}
