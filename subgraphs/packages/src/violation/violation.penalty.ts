import { badInput } from '@umrah/subgraph-kit';
import type { TallyDelta } from '../compliance/compliance.tally';
import type { ViolationRow } from './violation.entity';
import { MAX_FINE_HALALAS, ViolationStatus, ViolationType } from './violation.rules';

// What a violation costs the party: the fine an officer may set, and what the violation adds to
// the party's compliance tally in each status (its points, fine and counts).

/** A fine an officer sets: whole halalas from 0 to the statutory ceiling. */
export function checkFine(fineHalalas: number, field: string): number {
  if (!Number.isInteger(fineHalalas) || fineHalalas < 0 || fineHalalas > MAX_FINE_HALALAS) {
    throw badInput(field, 'A fine is a whole number of halalas from 0 to 5,000,000 (SAR 50,000).');
  }
  return fineHalalas;
}

/** Overstays come only from the overstay detection: one per pilgrim, with the season's fine. */
export function checkOfficerType(type: ViolationType, field: string): ViolationType {
  if (type === ViolationType.OVERSTAY) {
    throw badInput(
      field,
      'Overstay violations are recorded automatically from the overstay detection, one per pilgrim; choose another type.',
    );
  }
  return type;
}

/** The tally change a violation's status brings (its counters while in that status). */
export function countsOf(row: Pick<ViolationRow, 'type' | 'points' | 'fineHalalas'>, status: string): TallyDelta {
  const fine = Number(row.fineHalalas);
  const counted: TallyDelta =
    status === ViolationStatus.CANCELLED
      ? {}
      : { violationsTotal: 1, finesHalalas: fine, overstays: row.type === ViolationType.OVERSTAY ? 1 : 0 };
  if (status === ViolationStatus.OPEN) return { ...counted, openViolations: 1, openViolationPoints: row.points };
  if (status === ViolationStatus.ESCALATED) {
    return { ...counted, escalatedViolations: 1, escalatedViolationPoints: row.points };
  }
  if (status === ViolationStatus.CURED) return { ...counted, curedViolations: 1 };
  return counted;
}

/** The change from counting a violation in one status to counting it in another. */
export function transitionDelta(row: ViolationRow, from: string, to: string): TallyDelta {
  const delta: TallyDelta = { ...countsOf(row, to) };
  for (const [counter, n] of Object.entries(countsOf(row, from)) as [keyof TallyDelta, number][]) {
    delta[counter] = (delta[counter] ?? 0) - n;
  }
  return delta;
}
