import { describe, expect, it } from 'vitest';
import { maxQuantity, redeemBlocker, redemptionActionsFor, signedPoints, tierPercent } from './redemptionActions';

describe('redemption steps by role', () => {
  it('lets officers approve, fulfil and reject, managers cancel a waiting request, and supervisors nothing', () => {
    expect(redemptionActionsFor('MINISTRY_OFFICER', 'REQUESTED')).toEqual(['approve', 'reject']);
    expect(redemptionActionsFor('MINISTRY_OFFICER', 'APPROVED')).toEqual(['fulfil', 'reject']);
    expect(redemptionActionsFor('MINISTRY_OFFICER', 'FULFILLED')).toEqual([]);
    expect(redemptionActionsFor('COMPANY_MANAGER', 'REQUESTED')).toEqual(['cancel']);
    expect(redemptionActionsFor('COMPANY_MANAGER', 'APPROVED')).toEqual([]);
    for (const status of ['REQUESTED', 'APPROVED', 'FULFILLED', 'REJECTED', 'CANCELLED'] as const) {
      expect(redemptionActionsFor('MINISTRY_SUPERVISOR', status)).toEqual([]);
    }
  });
});

describe('asking for a reward', () => {
  it('says why a reward cannot be asked for, and how many units can', () => {
    expect(redeemBlocker({ active: false, stock: 5, costPoints: 10 }, 100)).toBe('inactive');
    expect(redeemBlocker({ active: true, stock: 0, costPoints: 10 }, 100)).toBe('outOfStock');
    expect(redeemBlocker({ active: true, stock: 5, costPoints: 101 }, 100)).toBe('notEnoughPoints');
    expect(redeemBlocker({ active: true, stock: 5, costPoints: 100 }, 100)).toBeNull();
    expect(maxQuantity({ stock: 5, costPoints: 30 }, 100)).toBe(3);
    expect(maxQuantity({ stock: 2, costPoints: 1 }, 100)).toBe(2);
    expect(maxQuantity({ stock: 500, costPoints: 1 }, 1000)).toBe(100);
  });
});

describe('showing points', () => {
  it('signs ledger points with a true minus and measures tier progress', () => {
    const f = (n: number) => n.toLocaleString('en');
    expect(signedPoints(2500, f)).toBe('+2,500');
    expect(signedPoints(-2500, f)).toBe('\u22122,500');
    expect(tierPercent({ pilgrimsLast12Months: 769, nextTierFrom: 1250 })).toBe(61);
    expect(tierPercent({ pilgrimsLast12Months: 2000, nextTierFrom: null })).toBe(100);
  });
});
