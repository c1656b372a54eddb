import type { Role } from '../generated/graphql';

export type AppPath =
  | '/overview'
  | '/company'
  | '/companies'
  | '/agents'
  | '/contracts'
  | '/staff'
  | '/pilgrims'
  | '/provider'
  | '/api-access';

export interface NavItem {
  path: AppPath;
  labelKey:
    | 'nav.overview'
    | 'nav.company'
    | 'nav.companies'
    | 'nav.agents'
    | 'nav.contracts'
    | 'nav.staff'
    | 'nav.pilgrims'
    | 'nav.provider'
    | 'nav.apiAccess';
}

const MINISTRY: readonly Role[] = ['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER'];

/** Which roles may open each page. The API enforces access; this only keeps the UI honest. */
// In navigation order. Every party that may call the API directly gets the API access page.
const PAGES: readonly (NavItem & { roles: readonly Role[] })[] = [
  { path: '/overview', labelKey: 'nav.overview', roles: ['COMPANY_MANAGER'] },
  { path: '/company', labelKey: 'nav.company', roles: ['COMPANY_MANAGER'] },
  { path: '/companies', labelKey: 'nav.companies', roles: MINISTRY },
  { path: '/agents', labelKey: 'nav.agents', roles: MINISTRY },
  { path: '/staff', labelKey: 'nav.staff', roles: ['COMPANY_MANAGER'] },
  { path: '/contracts', labelKey: 'nav.contracts', roles: [...MINISTRY, 'COMPANY_MANAGER'] },
  { path: '/pilgrims', labelKey: 'nav.pilgrims', roles: [...MINISTRY, 'COMPANY_MANAGER', 'AGENT'] },
  // An agent works from its pilgrims first, so its contracts come after them.
  { path: '/contracts', labelKey: 'nav.contracts', roles: ['AGENT'] },
  { path: '/provider', labelKey: 'nav.provider', roles: ['PROVIDER'] },
  { path: '/api-access', labelKey: 'nav.apiAccess', roles: ['COMPANY_MANAGER', 'AGENT', 'PROVIDER'] },
];

const HOME: Record<Role, AppPath> = {
  COMPANY_MANAGER: '/overview',
  MINISTRY_SUPERVISOR: '/companies',
  MINISTRY_OFFICER: '/companies',
  AGENT: '/pilgrims',
  PROVIDER: '/provider',
};

/** Where a role lands after signing in. */
export function homeFor(role: Role): AppPath {
  return HOME[role];
}

export function navItemsFor(role: Role): NavItem[] {
  return PAGES.filter((page) => page.roles.includes(role)).map(({ path, labelKey }) => ({ path, labelKey }));
}

export function canVisit(role: Role, path: string): boolean {
  return PAGES.some((page) => page.roles.includes(role) && (path === page.path || path.startsWith(`${page.path}/`)));
}

/** Supervisors read everything and change nothing: no control that writes may render for them. */
export function isReadOnly(role: Role): boolean {
  return role === 'MINISTRY_SUPERVISOR';
}

/** A `from` location worth returning to after sign-in: only a page the role may open. */
export function returnPathFor(role: Role, from: string | null | undefined): string {
  return from && canVisit(role, from) ? from : homeFor(role);
}
