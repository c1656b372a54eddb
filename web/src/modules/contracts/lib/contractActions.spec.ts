import { describe, expect, it } from 'vitest';
import { canCreateContract, contractActionsFor } from './contractActions';

describe('contract actions by role and status', () => {
  it('lets a manager submit a draft and end their own contract', () => {
    expect(contractActionsFor('COMPANY_MANAGER', 'DRAFT')).toEqual(['submit', 'terminate']);
    expect(contractActionsFor('COMPANY_MANAGER', 'ACTIVE')).toEqual(['terminate']);
    expect(contractActionsFor('COMPANY_MANAGER', 'EXPIRED')).toEqual([]);
    expect(canCreateContract('COMPANY_MANAGER')).toBe(true);
  });

  it('lets an officer decide a submitted contract and end one in force', () => {
    expect(contractActionsFor('MINISTRY_OFFICER', 'SUBMITTED')).toEqual(['approve', 'reject']);
    expect(contractActionsFor('MINISTRY_OFFICER', 'ACTIVE')).toEqual(['terminate']);
    expect(contractActionsFor('MINISTRY_OFFICER', 'DRAFT')).toEqual([]);
    expect(contractActionsFor('MINISTRY_OFFICER', 'TERMINATED')).toEqual([]);
  });

  it('gives supervisors and agents no control at all', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE'] as const) {
      expect(contractActionsFor('MINISTRY_SUPERVISOR', status)).toEqual([]);
      expect(contractActionsFor('AGENT', status)).toEqual([]);
    }
    expect(canCreateContract('MINISTRY_SUPERVISOR')).toBe(false);
    expect(canCreateContract('AGENT')).toBe(false);
  });
});
