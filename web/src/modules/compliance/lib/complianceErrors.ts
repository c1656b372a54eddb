import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** Refusals of a complaint or violation change that the web explains in the user's language. */
export const COMPLIANCE_ERROR_CODES = [
  'INVALID_COMPLAINT_TRANSITION',
  'COMPLAINT_ESCALATED',
  'INVALID_VIOLATION_TRANSITION',
  'CURE_PERIOD_RUNNING',
  'COMPLAINT_NOT_UPHELD',
  'VIOLATION_ALREADY_RECORDED',
] as const;

export type ComplianceErrorCode = (typeof COMPLIANCE_ERROR_CODES)[number];

/** The first compliance refusal in a mutation's error, or null when it failed for another reason. */
export function complianceFailure(error: unknown): { code: ComplianceErrorCode; message: string } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const code = e.extensions?.['code'];
    if ((COMPLIANCE_ERROR_CODES as readonly unknown[]).includes(code))
      return { code: code as ComplianceErrorCode, message: e.message };
  }
  return null;
}
