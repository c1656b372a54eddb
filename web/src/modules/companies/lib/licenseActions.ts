import type { LicenseStatus } from '@/generated/graphql';

export type LicenseAction = 'suspend' | 'reinstate' | 'revoke' | 'renew';

// Mirrors the API's transition rules so an officer is offered only what can succeed; the API
// still refuses anything else with INVALID_LICENSE_TRANSITION.
const ACTIONS: Record<LicenseStatus, readonly LicenseAction[]> = {
  ACTIVE: ['suspend', 'revoke', 'renew'],
  SUSPENDED: ['reinstate', 'revoke'],
  EXPIRED: ['renew', 'revoke'],
  REVOKED: [],
};

/** The officer actions a licence in this status accepts, in the order the buttons show. */
export function licenseActionsFor(status: LicenseStatus): readonly LicenseAction[] {
  return ACTIONS[status];
}

/** Suspend, revoke: they stop a company working, so their confirm buttons are red. */
export function isStopping(action: LicenseAction): boolean {
  return action === 'suspend' || action === 'revoke';
}

/** The default end of a cure period: today in Riyadh plus the policy's days, as YYYY-MM-DD. */
export function cureEnd(todayIso: string, days: number): string {
  const [y, m, d] = todayIso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}
