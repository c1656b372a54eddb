import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** Codes the web explains to the user; anything else reads as `unknown`. */
export type ErrorKind =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR' | 'network' | 'unknown';

const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INTERNAL_SERVER_ERROR',
]);

/** The `extensions.code` values of a GraphQL error response, in order. */
export function graphQLErrorCodes(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.map((e) => e.extensions?.['code']).filter((code): code is string => typeof code === 'string');
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return graphQLErrorCodes(error).includes(code);
}

export function errorKind(error: unknown): ErrorKind {
  if (ServerError.is(error) && error.statusCode === 401) return 'UNAUTHENTICATED';
  const code = graphQLErrorCodes(error).find((c) => KNOWN_CODES.has(c));
  if (code) return code as ErrorKind;
  if (CombinedGraphQLErrors.is(error)) return 'unknown';
  return 'network';
}
