import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { LIMIT_ERROR_CODES } from './limits';
import { currentRequestScope } from './request-scope';

/** Codes that mean "something broke inside", whoever sets them. */
const INTERNAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/**
 * Codes a subgraph answers about the request the gateway built for it, not about the caller's:
 * from a subgraph they mean a bug or a schema mismatch, and their text describes subgraph internals.
 */
const INTERNAL_WHEN_FROM_SUBGRAPH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** Text no message meant for a caller contains: SQL, a database's or the runtime's words, a stack frame. */
const INTERNAL_TEXT = [
  /\bselect\b[\s\S]*?\bfrom\s+["`]?\w+["`]?(?:\s+as\s+["`]?\w+["`]?)?\s*(?:where|join|inner|left|limit|order|group|;|$)/i,
  /\b(?:insert\s+into|delete\s+from)\s+["`]?\w+/i,
  /\bupdate\s+["`]?\w+["`]?\s+set\b/i,
  /"\w+"\."\w+"/,
  /\b(?:relation|column|constraint|table|schema)\s+"[^"]+"/i,
  /\bduplicate key value\b|\bsyntax error at or near\b|\bviolates (?:not-null|foreign key|unique|check) constraint\b/i,
  /\bat\s+(?:async\s+)?\S+\s+\((?:file:\/\/|node:|\/)[^)]*:\d+:\d+\)|^\s*at\s+\S+:\d+:\d+/m,
  /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE)\b/,
];

export const looksInternal = (message: string): boolean => INTERNAL_TEXT.some((p) => p.test(message));

/** graphql-js's " Did you mean …?" hints (field, argument, type and enum-value ones alike). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export interface ErrorFormatOptions {
  /** Production: no "Did you mean" hints, which would let a caller map the schema without introspection. */
  hideSuggestions?: boolean;
}

/** The code a client may see for this error, or null when it must be masked. */
function publicCode(formatted: GraphQLFormattedError, error: unknown): string | null {
  const extensions = formatted.extensions ?? {};
  const code = extensions['code'];
  const original = error instanceof GraphQLError ? error.originalError : error;
  // Apollo reports a failed validation rule as GRAPHQL_VALIDATION_FAILED; a gateway limit keeps its
  // own code, as does a literal the gateway checked for its subgraph (BAD_USER_INPUT).
  if (code === 'GRAPHQL_VALIDATION_FAILED' && original instanceof GraphQLError) {
    const ruleCode = original.extensions['code'];
    if (typeof ruleCode === 'string' && (LIMIT_ERROR_CODES.has(ruleCode) || ruleCode === 'BAD_USER_INPUT')) {
      return ruleCode;
    }
  }
  // A subgraph's error arrives as its JSON (a plain object); a thrown Error is a failure in the gateway.
  if (original instanceof Error && !(original instanceof GraphQLError)) return null;
  if (typeof code !== 'string' || !CODE.test(code) || INTERNAL_CODES.has(code)) return null;
  if (extensions['serviceName'] !== undefined && INTERNAL_WHEN_FROM_SUBGRAPH.has(code)) return null;
  if (looksInternal(formatted.message)) return null;
  return code;
}

/** `details` as the subgraph kit makes them: a flat object of strings, numbers and booleans. */
function safeDetails(details: unknown): Record<string, string | number | boolean> | null {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const entries = Object.entries(details);
  const flat = entries.every(
    ([, v]) => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !looksInternal(v)),
  );
  return flat && entries.length > 0 ? (details as Record<string, string | number | boolean>) : null;
}

/**
 * What reaches a client: a coded error made for the caller (a subgraph's BAD_USER_INPUT, FORBIDDEN,
 * NOT_FOUND or domain code, or the gateway's own validation and limit errors) keeps its message,
 * path, code and the field at fault, and nothing else (no stack trace, no serviceName). Anything
 * else — an uncoded or INTERNAL error from a subgraph, a subgraph unreachable, a bug, a message
 * with SQL in it — becomes INTERNAL_SERVER_ERROR with a generic message, and goes to the log.
 * A masked error carries the request id (as does every response's `x-request-id` header), which
 * the log line carries too.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions = {},
): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const code = publicCode(formatted, error);
  if (code) {
    const { field } = extensions;
    const details = safeDetails(extensions['details']);
    const fromSubgraph = extensions['serviceName'] !== undefined;
    return {
      message: options.hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      // A subgraph's locations point into the query the gateway wrote for it, not into the caller's.
      ...(formatted.locations && !fromSubgraph ? { locations: formatted.locations } : {}),
      extensions: {
        code,
        ...(typeof field === 'string' ? { field } : {}),
        ...(details ? { details } : {}),
      },
    };
  }
  const requestId = currentRequestScope()?.requestId;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  console.error(
    '[gateway] internal error',
    JSON.stringify({ requestId, serviceName: extensions['serviceName'], path: formatted.path }),
    original instanceof Error ? original : JSON.stringify(original ?? formatted),
  );
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}
