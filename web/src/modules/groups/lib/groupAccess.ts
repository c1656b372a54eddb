import type { Role } from '@/generated/graphql';

/**
 * Who may create groups and register pilgrims: a company's managers and contracted agents. The
 * ministry reads them (officers and supervisors alike); the API refuses everyone else.
 */
export function canCreateGroup(role: Role): boolean {
  return role === 'COMPANY_MANAGER' || role === 'AGENT';
}

export const canRegisterPilgrims = canCreateGroup;

/**
 * Whether the viewer may register pilgrims into this group: an agent into its own groups (the only
 * ones it reads), a manager into their company's groups made by managers, not an agent's.
 */
export function canRegisterInto(role: Role, group: { agent: { id: string } | null }): boolean {
  if (role === 'AGENT') return true;
  return role === 'COMPANY_MANAGER' && group.agent === null;
}
