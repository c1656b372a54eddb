import { describe, expect, it } from 'vitest';
import { LoyaltyTier, multiplierPct, nextTier, tierFloor, tierFor, withMultiplier, type TierRules } from './tier';

const rules: TierRules = {
  silverFrom: 250,
  goldFrom: 750,
  platinumFrom: 1250,
  silverMultiplierPct: 110,
  goldMultiplierPct: 125,
  platinumMultiplierPct: 150,
};

describe('tiers', () => {
  it('places a company in the highest tier whose floor its pilgrims of 12 months reach', () => {
    expect(tierFor(0, rules)).toBe(LoyaltyTier.BRONZE);
    expect(tierFor(249, rules)).toBe(LoyaltyTier.BRONZE);
    expect(tierFor(250, rules)).toBe(LoyaltyTier.SILVER);
    expect(tierFor(749, rules)).toBe(LoyaltyTier.SILVER);
    expect(tierFor(750, rules)).toBe(LoyaltyTier.GOLD);
    expect(tierFor(1250, rules)).toBe(LoyaltyTier.PLATINUM);
    expect(tierFor(1_000_000, rules)).toBe(LoyaltyTier.PLATINUM);
  });

  it('names the next tier, its floor and the multiplier of each', () => {
    expect(nextTier(LoyaltyTier.BRONZE)).toBe(LoyaltyTier.SILVER);
    expect(nextTier(LoyaltyTier.PLATINUM)).toBeNull();
    expect(tierFloor(LoyaltyTier.GOLD, rules)).toBe(750);
    expect(
      [LoyaltyTier.BRONZE, LoyaltyTier.SILVER, LoyaltyTier.GOLD, LoyaltyTier.PLATINUM].map((t) =>
        multiplierPct(t, rules),
      ),
    ).toEqual([100, 110, 125, 150]);
  });

  it('rounds earned points down to whole points', () => {
    expect(withMultiplier(10, 100)).toBe(10);
    expect(withMultiplier(10, 125)).toBe(12);
    expect(withMultiplier(5, 150)).toBe(7);
  });
});
