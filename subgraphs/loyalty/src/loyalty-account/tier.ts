export enum LoyaltyTier {
  BRONZE = 'BRONZE',
  SILVER = 'SILVER',
  GOLD = 'GOLD',
  PLATINUM = 'PLATINUM',
}

/** The part of the earning rules that sets tiers: pilgrims in 12 months to reach each, and its multiplier. */
export interface TierRules {
  silverFrom: number;
  goldFrom: number;
  platinumFrom: number;
  silverMultiplierPct: number;
  goldMultiplierPct: number;
  platinumMultiplierPct: number;
}

const ORDER = [LoyaltyTier.BRONZE, LoyaltyTier.SILVER, LoyaltyTier.GOLD, LoyaltyTier.PLATINUM] as const;

/** Fewest pilgrims registered in 12 months that place a company in the tier. */
export function tierFloor(tier: LoyaltyTier, rules: TierRules): number {
  switch (tier) {
    case LoyaltyTier.BRONZE:
      return 0;
    case LoyaltyTier.SILVER:
      return rules.silverFrom;
    case LoyaltyTier.GOLD:
      return rules.goldFrom;
    case LoyaltyTier.PLATINUM:
      return rules.platinumFrom;
  }
}

/** The tier of a company that registered `pilgrims` pilgrims in the last 12 months. */
export function tierFor(pilgrims: number, rules: TierRules): LoyaltyTier {
  return [...ORDER].reverse().find((tier) => pilgrims >= tierFloor(tier, rules)) ?? LoyaltyTier.BRONZE;
}

export function nextTier(tier: LoyaltyTier): LoyaltyTier | null {
  return ORDER[ORDER.indexOf(tier) + 1] ?? null;
}

/** Percentage applied to points earned in the tier (100 = no bonus). */
export function multiplierPct(tier: LoyaltyTier, rules: TierRules): number {
  switch (tier) {
    case LoyaltyTier.BRONZE:
      return 100;
    case LoyaltyTier.SILVER:
      return rules.silverMultiplierPct;
    case LoyaltyTier.GOLD:
      return rules.goldMultiplierPct;
    case LoyaltyTier.PLATINUM:
      return rules.platinumMultiplierPct;
  }
}

/** Points earned for `base` points at a multiplier, rounded down to whole points. */
export function withMultiplier(base: number, pct: number): number {
  return Math.floor((base * pct) / 100);
}
