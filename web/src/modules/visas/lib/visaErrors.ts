import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * Refusals of a visa step that the web explains in the user's language. The API's sentence (in
 * English, with the dates and numbers of the case) is shown beside it.
 */
export const VISA_ERROR_CODES = [
  'VISA_NOT_FOUND',
  'PILGRIM_NOT_FOUND',
  'VISA_ALREADY_APPLIED',
  'INVALID_TRANSITION',
  'ISSUANCE_CLOSED',
  'COMPANY_LICENCE_NOT_ACTIVE',
  'AGENT_CONTRACT_NOT_ACTIVE',
  'BOOKING_REQUIRED',
  'QUOTA_EXCEEDED',
  'PASSPORT_VALIDITY',
  'ENTRY_WINDOW_CLOSED',
  'MOFA_REFUSED',
] as const;

export type VisaErrorCode = (typeof VISA_ERROR_CODES)[number];

export interface VisaFailure {
  code: VisaErrorCode;
  /** The API's own sentence. */
  message: string;
}

function isVisaErrorCode(code: unknown): code is VisaErrorCode {
  return (VISA_ERROR_CODES as readonly unknown[]).includes(code);
}

/** The first visa refusal in a mutation's error, or null when it failed for another reason. */
export function visaFailure(error: unknown): VisaFailure | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const code = e.extensions?.['code'];
    if (isVisaErrorCode(code)) return { code, message: e.message };
  }
  return null;
}

/**
 * A refusal recorded in the history or in `lastError` reads "CODE: sentence"; splits it so the
 * page can translate the code and keep the sentence.
 */
export function splitRecordedReason(reason: string): { code: VisaErrorCode | null; text: string } {
  const match = /^([A-Z_]+): (.*)$/s.exec(reason);
  if (match && isVisaErrorCode(match[1])) return { code: match[1], text: match[2] ?? '' };
  return { code: null, text: reason };
}
