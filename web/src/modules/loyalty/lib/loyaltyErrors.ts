import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * Refusals of an Al-Barakat change that the web explains in the user's language; the API's own
 * sentence (with the case's numbers, in English) is shown beside it.
 */
export const LOYALTY_ERROR_CODES = [
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'REWARD_NOT_AVAILABLE',
  'REWARD_NOT_FOUND',
  'REDEMPTION_NOT_FOUND',
  'INVALID_REDEMPTION_TRANSITION',
  'STOCK_WOULD_BE_NEGATIVE',
  'STATEMENT_TOO_LONG',
  'RULES_CHANGED_CONCURRENTLY',
  'NO_RULES_IN_FORCE',
] as const;

export type LoyaltyErrorCode = (typeof LOYALTY_ERROR_CODES)[number];

export interface LoyaltyFailure {
  code: LoyaltyErrorCode;
  message: string;
}

function isLoyaltyErrorCode(code: unknown): code is LoyaltyErrorCode {
  return (LOYALTY_ERROR_CODES as readonly unknown[]).includes(code);
}

/** The first loyalty refusal in a mutation's error, or null when it failed for another reason. */
export function loyaltyFailure(error: unknown): LoyaltyFailure | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const code = e.extensions?.['code'];
    if (isLoyaltyErrorCode(code)) return { code, message: e.message };
  }
  return null;
}
