import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes every subgraph may answer with; modules add their own string enums beside these. */
export enum CommonErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface AppErrorOptions {
  /** The input field at fault, as a dotted path from the argument (`input.email`). */
  field?: string;
  /** Extra, safe-to-publish details. */
  details?: Record<string, string | number | boolean>;
}

/** An error meant for the caller: its code and message reach the client unchanged. */
export class AppError extends GraphQLError {
  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, {
      extensions: {
        code,
        ...(options.field ? { field: options.field } : {}),
        ...(options.details ? { details: options.details } : {}),
      },
    });
    this.name = 'AppError';
  }

  get code(): string {
    return String(this.extensions['code']);
  }
}

export const unauthenticated = (): AppError =>
  new AppError(
    CommonErrorCode.UNAUTHENTICATED,
    'Sign in to continue: the access token is missing, invalid or expired.',
  );

export const forbidden = (): AppError =>
  new AppError(CommonErrorCode.FORBIDDEN, 'Your role does not allow this operation.');

export const badInput = (field: string, message: string): AppError =>
  new AppError(CommonErrorCode.BAD_USER_INPUT, message, { field });

const PUBLIC_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Only errors that were made for the caller keep their message. Anything else (a driver error
 * with SQL text, a bug) becomes a bare INTERNAL_SERVER_ERROR; the original goes to the log.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, extensions: original.extensions };
  }
  const code = String(formatted.extensions?.['code'] ?? '');
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[subgraph] internal error', original);
  return {
    message: 'Internal server error.',
    path: formatted.path,
    extensions: { code: CommonErrorCode.INTERNAL_SERVER_ERROR },
  };
}
