import type { Role } from '../generated/graphql';

export type AppPath =
  | '/overview'
  | '/company'
  | '/companies'
  | '/agents'
  | '/contracts'
  | '/staff'
  | '/pilgrims'
  | '/groups'
  | '/visas'
  | '/visa-dashboard'
  | '/provider'
  | '/provider-inventory'
  | '/packages'
  | '/package-approvals'
  | '/bookings'
  | '/api-access'
  | '/loyalty'
  | '/loyalty-programme'
  | '/loyalty-rewards'
  | '/loyalty-redemptions'
  | '/complaints'
  | '/inspections'
  | '/violations'
  | '/compliance'
  | '/audit';

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
    | 'nav.groups'
    | 'nav.visas'
    | 'nav.visaDashboard'
    | 'nav.provider'
    | 'nav.providerInventory'
    | 'nav.packages'
    | 'nav.packageApprovals'
    | 'nav.bookings'
    | 'nav.apiAccess'
    | 'nav.loyalty'
    | 'nav.loyaltyProgramme'
    | 'nav.loyaltyRewards'
    | 'nav.loyaltyRedemptions'
    | 'nav.complaints'
    | 'nav.inspections'
    | 'nav.violations'
    | 'nav.compliance'
    | 'nav.auditLog';
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
  { path: '/groups', labelKey: 'nav.groups', roles: [...MINISTRY, 'COMPANY_MANAGER', 'AGENT'] },
  { path: '/visas', labelKey: 'nav.visas', roles: [...MINISTRY, 'COMPANY_MANAGER', 'AGENT'] },
  // The API gives visa statistics to the ministry and managers only.
  { path: '/visa-dashboard', labelKey: 'nav.visaDashboard', roles: [...MINISTRY, 'COMPANY_MANAGER'] },
  // An agent works from its pilgrims first, so its contracts come after them.
  { path: '/contracts', labelKey: 'nav.contracts', roles: ['AGENT'] },
  // Maqam: packages a manager composes and the ministry approves, and the bookings made on them.
  { path: '/packages', labelKey: 'nav.packages', roles: [...MINISTRY, 'COMPANY_MANAGER'] },
  { path: '/package-approvals', labelKey: 'nav.packageApprovals', roles: MINISTRY },
  { path: '/bookings', labelKey: 'nav.bookings', roles: [...MINISTRY, 'COMPANY_MANAGER'] },
  // Al-Barakat: a manager's own account; the programme, catalogue and request queue for the ministry.
  { path: '/loyalty', labelKey: 'nav.loyalty', roles: ['COMPANY_MANAGER'] },
  { path: '/loyalty-programme', labelKey: 'nav.loyaltyProgramme', roles: MINISTRY },
  { path: '/loyalty-rewards', labelKey: 'nav.loyaltyRewards', roles: MINISTRY },
  { path: '/loyalty-redemptions', labelKey: 'nav.loyaltyRedemptions', roles: MINISTRY },
  { path: '/provider', labelKey: 'nav.provider', roles: ['PROVIDER'] },
  { path: '/provider-inventory', labelKey: 'nav.providerInventory', roles: ['PROVIDER'] },
  // Compliance: complaints for every party; inspections and violations for the ministry and the parties named.
  { path: '/complaints', labelKey: 'nav.complaints', roles: [...MINISTRY, 'COMPANY_MANAGER', 'AGENT', 'PROVIDER'] },
  { path: '/inspections', labelKey: 'nav.inspections', roles: [...MINISTRY, 'COMPANY_MANAGER', 'PROVIDER'] },
  { path: '/violations', labelKey: 'nav.violations', roles: [...MINISTRY, 'COMPANY_MANAGER', 'PROVIDER'] },
  { path: '/compliance', labelKey: 'nav.compliance', roles: [...MINISTRY, 'COMPANY_MANAGER'] },
  { path: '/api-access', labelKey: 'nav.apiAccess', roles: ['COMPANY_MANAGER', 'AGENT', 'PROVIDER'] },
  // Every mutation call in the graph, whatever its outcome: the ministry's read-only audit log.
  { path: '/audit', labelKey: 'nav.auditLog', roles: MINISTRY },
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
