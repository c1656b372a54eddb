import { describe, expect, it } from 'vitest';
import type { Role } from '@/generated/graphql';
import { canCreateGroup, canRegisterInto } from './groupAccess';

const ROLES: Role[] = ['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER', 'COMPANY_MANAGER', 'AGENT', 'PROVIDER'];
const byManager = { agent: null };
const byAgent = { agent: { id: 'agent-1' } };

describe('group controls by role', () => {
  it('lets only managers and agents create groups', () => {
    expect(ROLES.filter(canCreateGroup)).toEqual(['COMPANY_MANAGER', 'AGENT']);
  });

  it('lets a manager register into the company’s own groups, not an agent’s', () => {
    expect(canRegisterInto('COMPANY_MANAGER', byManager)).toBe(true);
    expect(canRegisterInto('COMPANY_MANAGER', byAgent)).toBe(false);
  });

  it('lets an agent register into the groups it reads (its own)', () => {
    expect(canRegisterInto('AGENT', byAgent)).toBe(true);
  });

  it('never offers registration to the ministry or providers', () => {
    for (const role of ['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER', 'PROVIDER'] as const) {
      expect(canRegisterInto(role, byManager)).toBe(false);
      expect(canRegisterInto(role, byAgent)).toBe(false);
    }
  });
});
