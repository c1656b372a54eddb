import type { LoyaltyRedemptionStatus, Role } from '@/generated/graphql';

export type RedemptionAction = 'approve' | 'fulfil' | 'reject' | 'cancel';

/**
 * The steps a role may take on a request in a given state, as the API allows them: the
 * programme's officers approve, fulfil or reject; the company's manager cancels while it waits.
 * A supervisor gets none.
 */
export function redemptionActionsFor(role: Role, status: LoyaltyRedemptionStatus): RedemptionAction[] {
  if (role === 'MINISTRY_OFFICER') {
    if (status === 'REQUESTED') return ['approve', 'reject'];
    if (status === 'APPROVED') return ['fulfil', 'reject'];
    return [];
  }
  if (role === 'COMPANY_MANAGER' && status === 'REQUESTED') return ['cancel'];
  return [];
}

/** Whether a manager can ask for the reward now, and if not, why (a translation key). */
export function redeemBlocker(
  reward: { active: boolean; stock: number; costPoints: number },
  balance: number,
): 'inactive' | 'outOfStock' | 'notEnoughPoints' | null {
  if (!reward.active) return 'inactive';
  if (reward.stock <= 0) return 'outOfStock';
  if (reward.costPoints > balance) return 'notEnoughPoints';
  return null;
}

/** The most units a manager may ask for: the API's limit, the stock and what the balance buys. */
export function maxQuantity(reward: { stock: number; costPoints: number }, balance: number): number {
  return Math.max(0, Math.min(100, reward.stock, Math.floor(balance / reward.costPoints)));
}

/** Points with their sign, for the ledger: "+10", "−2,500" (a true minus sign). */
export function signedPoints(points: number, format: (n: number) => string): string {
  if (points > 0) return `+${format(points)}`;
  if (points < 0) return `\u2212${format(-points)}`;
  return format(0);
}

/** How far the company is on the way to its next tier, in percent (100 at the highest tier). */
export function tierPercent(progress: { pilgrimsLast12Months: number; nextTierFrom: number | null }): number {
  if (progress.nextTierFrom === null || progress.nextTierFrom <= 0) return 100;
  return Math.min(100, Math.floor((progress.pilgrimsLast12Months / progress.nextTierFrom) * 100));
}
