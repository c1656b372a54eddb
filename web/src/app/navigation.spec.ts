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
  it('gives Maqam packages and bookings to managers and the ministry, the approval queue to the ministry, the inventory to providers', () => {
    expect(canVisit('COMPANY_MANAGER', '/packages/new')).toBe(true);
    expect(canVisit('COMPANY_MANAGER', '/packages/0190a1b2-0000-7000-8000-000000000001')).toBe(true);
    expect(canVisit('COMPANY_MANAGER', '/package-approvals')).toBe(false);
    expect(canVisit('MINISTRY_OFFICER', '/package-approvals')).toBe(true);
    expect(canVisit('MINISTRY_SUPERVISOR', '/bookings')).toBe(true);
    expect(canVisit('AGENT', '/bookings')).toBe(false);
    expect(canVisit('PROVIDER', '/packages')).toBe(false);
    expect(canVisit('PROVIDER', '/provider-inventory')).toBe(true);
    expect(canVisit('COMPANY_MANAGER', '/provider-inventory')).toBe(false);
  });

  it('shows the ministry companies, agents, contracts, pilgrims and groups', () => {
    const ministry = [
      '/companies',
      '/agents',
      '/contracts',
      '/pilgrims',
      '/groups',
      '/visas',
      '/visa-dashboard',
      '/packages',
      '/package-approvals',
      '/bookings',
      '/loyalty-programme',
      '/loyalty-rewards',
      '/loyalty-redemptions',
      '/complaints',
      '/inspections',
      '/violations',
      '/compliance',
      '/audit',
    ];
    expect(navItemsFor('MINISTRY_SUPERVISOR').map((i) => i.path)).toEqual(ministry);
    expect(navItemsFor('MINISTRY_OFFICER').map((i) => i.path)).toEqual(ministry);
    expect(canVisit('MINISTRY_SUPERVISOR', '/companies/0190a1b2-0000-7000-8000-000000000001')).toBe(true);
    expect(canVisit('MINISTRY_OFFICER', '/agents/abc')).toBe(true);
  });

  it('shows a manager their company, staff, contracts and API access, never the ministry lists', () => {
    expect(navItemsFor('COMPANY_MANAGER').map((i) => i.path)).toEqual([
      '/overview',
      '/company',
      '/staff',
      '/contracts',
      '/pilgrims',
      '/groups',
      '/visas',
      '/visa-dashboard',
      '/packages',
      '/bookings',
      '/loyalty',
      '/complaints',
      '/inspections',
      '/violations',
      '/compliance',
      '/api-access',
    ]);
    expect(canVisit('COMPANY_MANAGER', '/companies')).toBe(false);
    expect(canVisit('COMPANY_MANAGER', '/companies/123')).toBe(false);
    expect(canVisit('COMPANY_MANAGER', '/agents')).toBe(false);
    expect(canVisit('COMPANY_MANAGER', '/api-access/explorer')).toBe(true);
    expect(canVisit('COMPANY_MANAGER', '/loyalty')).toBe(true);
    expect(canVisit('COMPANY_MANAGER', '/loyalty-redemptions')).toBe(false);
    expect(canVisit('COMPANY_MANAGER', '/loyalty-programme')).toBe(false);
    expect(canVisit('MINISTRY_SUPERVISOR', '/loyalty')).toBe(false);
  });

  it('keeps agents and providers to their slice', () => {
    expect(navItemsFor('AGENT').map((i) => i.path)).toEqual([
      '/pilgrims',
      '/groups',
      '/visas',
      '/contracts',
      '/complaints',
      '/api-access',
    ]);
    expect(canVisit('AGENT', '/groups/0190a1b2-0000-7000-8000-000000000001')).toBe(true);
    expect(canVisit('PROVIDER', '/groups')).toBe(false);
    expect(navItemsFor('PROVIDER').map((i) => i.path)).toEqual([
      '/provider',
      '/provider-inventory',
      '/complaints',
      '/inspections',
      '/violations',
      '/api-access',
    ]);
    expect(canVisit('PROVIDER', '/pilgrims')).toBe(false);
    expect(canVisit('AGENT', '/complaints/0190a1b2-0000-7000-8000-000000000001')).toBe(true);
    expect(canVisit('AGENT', '/violations')).toBe(false);
    expect(canVisit('PROVIDER', '/compliance')).toBe(false);
    expect(canVisit('PROVIDER', '/contracts')).toBe(false);
    expect(canVisit('AGENT', '/overview')).toBe(false);
    expect(canVisit('AGENT', '/staff')).toBe(false);
  });

  it('gives the API access page only to parties that call the API themselves', () => {
    expect(canVisit('MINISTRY_SUPERVISOR', '/api-access')).toBe(false);
    expect(canVisit('MINISTRY_OFFICER', '/api-access/explorer')).toBe(false);
  });

  it('gives the graph-wide audit log to the ministry only', () => {
    expect(canVisit('MINISTRY_SUPERVISOR', '/audit')).toBe(true);
    expect(canVisit('MINISTRY_OFFICER', '/audit')).toBe(true);
    for (const role of ['COMPANY_MANAGER', 'AGENT', 'PROVIDER'] as const) {
      expect(canVisit(role, '/audit')).toBe(false);
      expect(navItemsFor(role).map((i) => i.path)).not.toContain('/audit');
    }
  });

  it('does not match a path that only shares a prefix', () => {
    expect(canVisit('AGENT', '/pilgrimsX')).toBe(false);
    expect(canVisit('AGENT', '/pilgrims/123')).toBe(true);
  });
});

describe('visa pages', () => {
  it('opens the pipeline and an application to the ministry, managers and agents', () => {
    for (const role of ['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER', 'COMPANY_MANAGER', 'AGENT'] as const) {
      expect(canVisit(role, '/visas')).toBe(true);
      expect(canVisit(role, '/visas/0190a1b2-0000-7000-8000-000000000001')).toBe(true);
    }
    expect(canVisit('PROVIDER', '/visas')).toBe(false);
  });

  it('keeps the visa dashboard to those the API gives statistics: the ministry and managers', () => {
    expect(canVisit('MINISTRY_SUPERVISOR', '/visa-dashboard')).toBe(true);
    expect(canVisit('COMPANY_MANAGER', '/visa-dashboard')).toBe(true);
    expect(canVisit('AGENT', '/visa-dashboard')).toBe(false);
    expect(canVisit('PROVIDER', '/visa-dashboard')).toBe(false);
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
