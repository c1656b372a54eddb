import type { PortKind, VisaStatus } from '@/generated/graphql';
import { splitRecordedReason, type VisaErrorCode } from './visaErrors';

/** What a history step's reason says, so the page can translate its known parts. */
export type RecordedReason =
  | { kind: 'refusal'; code: VisaErrorCode; text: string }
  | { kind: 'port'; portKind: PortKind; port: string }
  | { kind: 'text'; text: string };

const PORT = /^(AIR|LAND|SEA): (.+)$/s;

/**
 * The API records an automatic refusal as "CODE: sentence" and an arrival as "KIND: port"; any
 * other reason is a person's words.
 */
export function recordedReason(toStatus: VisaStatus, reason: string): RecordedReason {
  if (toStatus === 'ARRIVED') {
    const port = PORT.exec(reason);
    if (port) return { kind: 'port', portKind: port[1] as PortKind, port: port[2] ?? '' };
  }
  const { code, text } = splitRecordedReason(reason);
  return code ? { kind: 'refusal', code, text } : { kind: 'text', text };
}

export type Actor = { kind: 'system' } | { kind: 'you' } | { kind: 'manager' } | { kind: 'account'; shortId: string };

/**
 * Who took a step, as far as the page can tell: the history gives only an account id (null for
 * the system). Approving and rejecting are the company manager's alone.
 */
export function actorOf(
  step: { changedBy: string | null; toStatus: VisaStatus; fromStatus: VisaStatus | null },
  viewerId: string,
): Actor {
  if (!step.changedBy) return { kind: 'system' };
  if (step.changedBy === viewerId) return { kind: 'you' };
  if (step.fromStatus === 'SUBMITTED' && (step.toStatus === 'APPROVED' || step.toStatus === 'REJECTED')) {
    return { kind: 'manager' };
  }
  return { kind: 'account', shortId: step.changedBy.slice(-6) };
}
