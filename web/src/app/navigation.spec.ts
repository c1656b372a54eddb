import { describe, expect, it } from 'vitest';
import type { Role } from '../generated/graphql';
import { canVisit, homeFor, isReadOnly, navItemsFor, returnPathFor } from './navigation';

const ROLES: Role[] = ['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER', 'COMPANY_MANAGER', 'AGENT', 'PROVIDER'];

describe('role homes', () => {
  it.each([
    ['COMPANY_MANAGER', '/overview'],
    ['MINISTRY_SUPERVISOR', '/companies'],
    ['MINISTRY_OFFICER', '/companies'],
    ['AGENT', '/pilgrims'],
    ['PROVIDER', '/provider'],
  ] as const)('%s lands on %s', (role, path) => {
    expect(homeFor(role)).toBe(path);
  });

  it('every role may open its own home and sees it in the navigation', () => {
    for (const role of ROLES) {
      expect(canVisit(role, homeFor(role))).toBe(true);
      expect(navItemsFor(role).map((item) => item.path)).toContain(homeFor(role));
    }
  });
});

describe('navigation by role', () => {
  it('shows the ministry companies and pilgrims', () => {
    expect(navItemsFor('MINISTRY_SUPERVISOR').map((i) => i.path)).toEqual(['/companies', '/pilgrims']);
    expect(navItemsFor('MINISTRY_OFFICER').map((i) => i.path)).toEqual(['/companies', '/pilgrims']);
  });

  it('shows a manager the overview and pilgrims, never the companies list', () => {
    expect(navItemsFor('COMPANY_MANAGER').map((i) => i.path)).toEqual(['/overview', '/pilgrims']);
    expect(canVisit('COMPANY_MANAGER', '/companies')).toBe(false);
  });

  it('keeps agents and providers to their slice', () => {
    expect(navItemsFor('AGENT').map((i) => i.path)).toEqual(['/pilgrims']);
    expect(navItemsFor('PROVIDER').map((i) => i.path)).toEqual(['/provider']);
    expect(canVisit('PROVIDER', '/pilgrims')).toBe(false);
    expect(canVisit('AGENT', '/overview')).toBe(false);
  });

  it('does not match a path that only shares a prefix', () => {
    expect(canVisit('AGENT', '/pilgrimsX')).toBe(false);
    expect(canVisit('AGENT', '/pilgrims/123')).toBe(true);
  });
});

describe('read-only', () => {
  it('applies to supervisors only', () => {
    expect(ROLES.filter(isReadOnly)).toEqual(['MINISTRY_SUPERVISOR']);
  });
});

describe('return after sign-in', () => {
  it('returns to the page the user came from when the role may open it', () => {
    expect(returnPathFor('MINISTRY_OFFICER', '/pilgrims')).toBe('/pilgrims');
  });

  it('goes home otherwise', () => {
    expect(returnPathFor('PROVIDER', '/companies')).toBe('/provider');
    expect(returnPathFor('AGENT', null)).toBe('/pilgrims');
  });
});
