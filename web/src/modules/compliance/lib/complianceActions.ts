import type { ComplaintStatus, Role, ViolationStatus } from '@/generated/graphql';

/** Who is looking: the role and the party the account belongs to. */
export interface ComplianceViewer {
  role: Role;
  companyId?: string | null;
  providerId?: string | null;
}

interface ComplaintParties {
  status: ComplaintStatus;
  company?: { id: string } | null;
  provider?: { id: string } | null;
}

export type ComplaintAction = 'answer' | 'escalate' | 'resolve';
export type ViolationAction = 'cure' | 'escalate' | 'cancel';

/** Ministry officers (the hotline), managers (about providers) and agents file complaints. */
export function canFileComplaint(role: Role): boolean {
  return role === 'MINISTRY_OFFICER' || role === 'COMPANY_MANAGER' || role === 'AGENT';
}

/** The actions the API would accept from this viewer on this complaint, as the desk offers them. */
export function complaintActions(viewer: ComplianceViewer, complaint: ComplaintParties): ComplaintAction[] {
  const { status } = complaint;
  if (status === 'RESOLVED') return [];
  if (viewer.role === 'MINISTRY_OFFICER') return status === 'ESCALATED' ? ['resolve'] : ['escalate', 'resolve'];
  const complainedAbout =
    (viewer.role === 'COMPANY_MANAGER' && !!viewer.companyId && complaint.company?.id === viewer.companyId) ||
    (viewer.role === 'PROVIDER' && !!viewer.providerId && complaint.provider?.id === viewer.providerId);
  // While the ministry holds an escalated complaint, only it closes it.
  return complainedAbout && status !== 'ESCALATED' ? ['answer'] : [];
}

/** An officer's actions on a violation; escalation only once the cure period is over. */
export function violationActions(
  role: Role,
  violation: { status: ViolationStatus; cureOverdue: boolean },
): ViolationAction[] {
  if (role !== 'MINISTRY_OFFICER') return [];
  switch (violation.status) {
    case 'OPEN':
      return violation.cureOverdue ? ['cure', 'escalate', 'cancel'] : ['cure', 'cancel'];
    case 'CANCELLED':
      return [];
    default:
      return ['cancel'];
  }
}

/** Officers record inspections and violations; nobody else. */
export function canRecordInspections(role: Role): boolean {
  return role === 'MINISTRY_OFFICER';
}
