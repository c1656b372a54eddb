import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Subgraphs already reduce their errors to a code, a sentence and the field at fault; the gateway
 * passes exactly those through. Anything raised in the gateway itself without a code (a subgraph
 * unreachable, a bug) reaches the client as a bare INTERNAL_SERVER_ERROR and goes to the log.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const code = extensions['code'];
  const original = error instanceof GraphQLError ? error.originalError : error;
  // A subgraph's error arrives as its JSON (a plain object), never as a thrown Error.
  const fromGraphQL = !(original instanceof Error) || original instanceof GraphQLError;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && fromGraphQL) {
    const { field, details } = extensions;
    return {
      message: formatted.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code, ...(field ? { field } : {}), ...(details ? { details } : {}) },
    };
  }
  if (code !== 'INTERNAL_SERVER_ERROR') console.error('[gateway] internal error', original ?? error);
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
