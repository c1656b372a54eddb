export enum LoyaltyTier {
  BRONZE = 'BRONZE',
  SILVER = 'SILVER',
  GOLD = 'GOLD',
  PLATINUM = 'PLATINUM',
}

// Lowest balance of each tier. These move to the season policy once the ministry can edit it there.
export const TIER_FLOORS: Readonly<Record<LoyaltyTier, number>> = {
  [LoyaltyTier.BRONZE]: 0,
  [LoyaltyTier.SILVER]: 5_000,
  [LoyaltyTier.GOLD]: 10_000,
  [LoyaltyTier.PLATINUM]: 15_000,
};

const HIGHEST_FIRST = [LoyaltyTier.PLATINUM, LoyaltyTier.GOLD, LoyaltyTier.SILVER, LoyaltyTier.BRONZE];

/** The tier a balance places an account in. */
export function tierFor(balance: number): LoyaltyTier {
  return HIGHEST_FIRST.find((tier) => balance >= TIER_FLOORS[tier]) ?? LoyaltyTier.BRONZE;
}
