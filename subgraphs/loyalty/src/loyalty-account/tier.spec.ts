import { describe, expect, it } from 'vitest';
import { LoyaltyTier, TIER_FLOORS, tierFor } from './tier';

describe('tierFor', () => {
  it('places a balance in the highest tier whose floor it reaches', () => {
    expect(tierFor(0)).toBe(LoyaltyTier.BRONZE);
    expect(tierFor(TIER_FLOORS.SILVER - 1)).toBe(LoyaltyTier.BRONZE);
    expect(tierFor(TIER_FLOORS.SILVER)).toBe(LoyaltyTier.SILVER);
    expect(tierFor(TIER_FLOORS.GOLD - 1)).toBe(LoyaltyTier.SILVER);
    expect(tierFor(TIER_FLOORS.GOLD)).toBe(LoyaltyTier.GOLD);
    expect(tierFor(TIER_FLOORS.PLATINUM)).toBe(LoyaltyTier.PLATINUM);
    expect(tierFor(1_000_000)).toBe(LoyaltyTier.PLATINUM);
  });
});
