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

const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

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
 * The input path a refused variable value names (`Variable "$input" got invalid value … at
 * "input.rows[2].dateOfBirth"` → `input.rows.2.dateOfBirth`), as `field`, like the kit's own errors.
 */
export function coercedField(message: string): string | null {
  const variable = /^Variable "\$(\w+)" got invalid value /.exec(message);
  if (!variable) return null;
  // The last ` at "…"; ` is graphql-js's: the value quoted before it may hold anything.
  const at = /^[\s\S]* at "([\w.[\]]+)"; /.exec(message);
  return (at?.[1] ?? variable[1]!).replace(/\[(\d+)\]/g, '.$1');
}

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
    const field = extensions['field'] ?? coercedField(formatted.message);
    return { ...formatted, extensions: { ...extensions, ...(field ? { field } : {}) } };
  }
  // graphql-js stops coercing a variable after 50 refused values and adds this error, without a code.
  if (formatted.message === TOO_MANY_VARIABLE_ERRORS) {
    return { message: formatted.message, extensions: { code: CommonErrorCode.BAD_USER_INPUT } };
  }
  console.error('[subgraph] internal error', original);
  return {
    message: 'Internal server error.',
    path: formatted.path,
    extensions: { code: CommonErrorCode.INTERNAL_SERVER_ERROR },
  };
}
