import type { AuthChecker } from 'type-graphql';
import { recordAudit } from './audit';
import { Role, type Viewer } from './auth';
import type { SubgraphContext } from './context';
import { forbidden, unauthenticated } from './errors';

export const MINISTRY_ROLES = [Role.MINISTRY_SUPERVISOR, Role.MINISTRY_OFFICER] as const;
export const ALL_ROLES = Object.values(Role);

/**
 * A person's token carries no scopes and may do what its role may. A third-party client's token
 * carries scopes: READ for queries, WRITE for mutations, never more than its party's role.
 */
export function scopeAllows(viewer: Viewer, isMutation: boolean): boolean {
  if (viewer.scopes.length === 0) return true;
  return viewer.scopes.includes(isMutation ? 'WRITE' : 'READ');
}

/**
 * `@Authorized(...roles)` on every root field: no viewer is UNAUTHENTICATED, a role not listed
 * is FORBIDDEN. Which rows a permitted role may see is the service's job (slices).
 */
export const authChecker: AuthChecker<SubgraphContext, Role> = async ({ context, info, args }, roles) => {
  const isMutation = info.parentType.name === 'Mutation';
  const refusal = !context.viewer
    ? unauthenticated()
    : (roles.length > 0 && !roles.includes(context.viewer.role)) || !scopeAllows(context.viewer, isMutation)
      ? forbidden()
      : null;
  if (!refusal) return true;
  // A refused mutation is still an attempt the audit trail must show.
  if (isMutation) await recordAudit(context, info.fieldName, args, refusal.code);
  throw refusal;
};

export function requireViewer(context: SubgraphContext): Viewer {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}

export function isMinistry(viewer: Viewer): boolean {
  return viewer.role === Role.MINISTRY_SUPERVISOR || viewer.role === Role.MINISTRY_OFFICER;
}

/**
 * May this viewer see data that belongs to a company (its pilgrims, packages, points)?
 * The ministry sees every company; a manager only their own.
 */
export function canSeeCompanyData(viewer: Viewer | null, companyId: string): boolean {
  if (!viewer) return false;
  return isMinistry(viewer) || (viewer.role === Role.COMPANY_MANAGER && viewer.companyId === companyId);
}
