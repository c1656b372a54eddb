import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorKind, type ErrorKind } from './errors';

/**
 * Refusals of a change that the web explains in the user's language. The API's messages are
 * English sentences; these codes get a translated sentence instead.
 */
export const ACTION_ERROR_CODES = [
  'INVALID_LICENSE_TRANSITION',
  'INVALID_AGENT_TRANSITION',
  'AGENT_ALREADY_REGISTERED',
  'INVALID_CONTRACT_TRANSITION',
  'CONTRACT_CUTOFF_PASSED',
  'CONTRACT_OVERLAPS',
  'AGENT_NOT_ACTIVE',
  'CR_NUMBER_TAKEN',
  'LICENSE_NUMBER_TAKEN',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'WRONG_PASSWORD',
  'ALREADY_DISABLED',
  'NOT_DISABLED',
  'CANNOT_DISABLE_SELF',
  'INVALID_CLIENT',
  'ALREADY_REVOKED',
  'TOO_MANY_ATTEMPTS',
  'CONFLICT',
] as const;

export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export type ActionFailure =
  | { kind: 'code'; code: ActionErrorCode; message: string }
  | { kind: 'general'; errorKind: ErrorKind; message: string | null };

function isActionErrorCode(code: unknown): code is ActionErrorCode {
  return (ACTION_ERROR_CODES as readonly unknown[]).includes(code);
}

/** What went wrong with a mutation, as something the dialog can put into a sentence. */
export function actionFailure(error: unknown): ActionFailure {
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const code = e.extensions?.['code'];
      if (isActionErrorCode(code)) return { kind: 'code', code, message: e.message };
    }
    const kind = errorKind(error);
    // The API's own sentence explains bad input better than a generic one (which field, why).
    const message = kind === 'BAD_USER_INPUT' || kind === 'unknown' ? (error.errors[0]?.message ?? null) : null;
    return { kind: 'general', errorKind: kind, message };
  }
  return { kind: 'general', errorKind: errorKind(error), message: null };
}
