import type { Role, VisaStatus } from '@/generated/graphql';

export type VisaAction = 'approve' | 'reject' | 'cancel' | 'retry' | 'recordArrival' | 'recordDeparture';

/** What the page knows about an application when it offers actions. */
export interface VisaActionState {
  status: VisaStatus;
  lastError?: string | null;
  nextAttemptAt?: string | null;
}

// Mirrors the API's workflow rules; the API still has the last word (and a manager only ever
// sees their own company's applications, an agent only its own):
// - the company's manager approves or rejects a submitted application, withdraws one before the
//   pilgrim travels, restarts processing that stopped on a refusal, and records entry and exit;
// - the agent withdraws its own application before the pilgrim travels;
// - a ministry officer records entry and exit (from the border systems);
// - a supervisor reads.
const CANCELLABLE: ReadonlySet<VisaStatus> = new Set(['SUBMITTED', 'APPROVED', 'PAID', 'ISSUED']);
const IN_KINGDOM: ReadonlySet<VisaStatus> = new Set(['ARRIVED', 'OVERSTAYED']);

/**
 * Processing stopped and waits for a person: the payment or MOFA refused (the reason is in
 * `lastError`) and no automatic attempt is scheduled.
 */
export function isStopped(visa: VisaActionState): boolean {
  return (visa.status === 'APPROVED' || visa.status === 'PAID') && Boolean(visa.lastError) && !visa.nextAttemptAt;
}

/** A failed attempt that the system will retry by itself at `nextAttemptAt`. */
export function isRetrying(visa: VisaActionState): boolean {
  return Boolean(visa.lastError) && Boolean(visa.nextAttemptAt);
}

/** How often the application page asks again (ms), or null when nothing will change by itself. */
export function pollIntervalFor(visa: VisaActionState): number | null {
  const automatic = visa.status === 'APPROVED' || visa.status === 'PAID' || visa.status === 'SENT_TO_MOFA';
  if (!automatic || isStopped(visa)) return null;
  // A failed attempt waits for its backoff: no need to ask every second meanwhile.
  return isRetrying(visa) ? 5000 : 1000;
}

export function visaActionsFor(role: Role, visa: VisaActionState): readonly VisaAction[] {
  const { status } = visa;
  const actions: VisaAction[] = [];
  if (role === 'COMPANY_MANAGER') {
    if (status === 'SUBMITTED') actions.push('approve', 'reject');
    if (isStopped(visa)) actions.push('retry');
    if (status === 'ISSUED') actions.push('recordArrival');
    if (IN_KINGDOM.has(status)) actions.push('recordDeparture');
    if (CANCELLABLE.has(status)) actions.push('cancel');
  } else if (role === 'AGENT') {
    if (CANCELLABLE.has(status)) actions.push('cancel');
  } else if (role === 'MINISTRY_OFFICER') {
    if (status === 'ISSUED') actions.push('recordArrival');
    if (IN_KINGDOM.has(status)) actions.push('recordDeparture');
  }
  return actions;
}

/** Actions that end or refuse an application: red buttons, and a reason is asked for. */
export function isStopping(action: VisaAction): boolean {
  return action === 'reject' || action === 'cancel';
}

/** Who may submit a pilgrim's application. */
export function maySubmit(role: Role): boolean {
  return role === 'COMPANY_MANAGER' || role === 'AGENT';
}

/** Who reads the visa statistics (the API refuses agents and providers). */
export function mayReadStatistics(role: Role): boolean {
  return role === 'COMPANY_MANAGER' || role === 'MINISTRY_SUPERVISOR' || role === 'MINISTRY_OFFICER';
}
