import { describe, expect, it } from 'vitest';
import { demoAccounts, demoCompanies, demoPilgrims } from './index';

describe('demo cast', () => {
  it('is the same on every call and has unique passports per nationality', () => {
    const a = demoPilgrims();
    expect(demoPilgrims()).toEqual(a);
    const keys = new Set(a.map((p) => `${p.nationality}:${p.passportNumber}`));
    expect(keys.size).toBe(a.length);
  });

  it('covers the parties the README promises', () => {
    const roles = new Set(demoAccounts.map((a) => a.role));
    expect([...roles].sort()).toEqual([
      'AGENT',
      'COMPANY_MANAGER',
      'MINISTRY_OFFICER',
      'MINISTRY_SUPERVISOR',
      'PROVIDER',
    ]);
    expect(demoCompanies.some((c) => c.licenseStatus === 'SUSPENDED')).toBe(true);
    expect(new Set(demoPilgrims().map((p) => p.nationality)).size).toBeGreaterThan(8);
    expect(new Set(demoPilgrims().map((p) => p.visa.status)).size).toBe(11);
  });
});
