import { describe, expect, it } from 'vitest';
import { cureEnd, isStopping, licenseActionsFor } from './licenseActions';

describe('licence actions offered to an officer', () => {
  it.each([
    ['ACTIVE', ['suspend', 'revoke', 'renew']],
    ['SUSPENDED', ['reinstate', 'revoke']],
    ['EXPIRED', ['renew', 'revoke']],
    ['REVOKED', []],
  ] as const)('%s offers %j', (status, actions) => {
    expect(licenseActionsFor(status)).toEqual(actions);
  });

  it('marks the actions that stop a company working', () => {
    expect(['suspend', 'reinstate', 'revoke', 'renew'].filter((a) => isStopping(a as never))).toEqual([
      'suspend',
      'revoke',
    ]);
  });
});

describe('cureEnd', () => {
  it('adds the policy days across month and year ends', () => {
    expect(cureEnd('2026-03-01', 30)).toBe('2026-03-31');
    expect(cureEnd('2026-12-15', 30)).toBe('2027-01-14');
    expect(cureEnd('2028-02-28', 1)).toBe('2028-02-29');
  });
});
