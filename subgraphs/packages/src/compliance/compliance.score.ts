/**
 * The compliance score, 0 (worst) to 100 (nothing against the party), from the party's tally:
 *
 *   score = max(0, 100 − penalty)
 *   penalty = open violation points
 *           + 2 × escalated violation points      (not cured within the cure period)
 *           + 1 × cured violations               (the record stays, lightly)
 *           + 3 × upheld complaints
 *           + 2 × SLA breaches                    (complaints not resolved in time)
 *           + ⌈200 × overstays ÷ max(visas issued, overstays, 1)⌉   (2 points per percent)
 *
 * A violation's points are its type's gravity plus one per SAR 5,000 of fine (`violationPoints`);
 * cancelled violations count nothing. Visas issued are counted from the pilgrims subgraph's
 * `VisaStatusChanged` events since this subgraph began reading them, so the overstay rate is over
 * what this subgraph knows; when it knows of fewer visas than overstays, the rate is 100 %.
 * All terms are integers, so the database (the generated column `compliance_tally.score`, written
 * out in migration 0006) and this function agree exactly; a test holds them to it, so a change here
 * needs a migration there.
 */
export const SCORE_WEIGHTS = {
  escalatedFactor: 2,
  curedViolation: 1,
  upheldComplaint: 3,
  slaBreach: 2,
  /** Points for an overstay rate of 100 %: 2 per percentage point. */
  fullOverstayRate: 200,
} as const;

export interface ScoreInputs {
  visasIssued: number;
  overstays: number;
  openViolationPoints: number;
  escalatedViolationPoints: number;
  curedViolations: number;
  complaintsUpheld: number;
  slaBreaches: number;
}

/** Overstays per visa issued as far as this subgraph knows (0 to 1). */
export const overstayRate = (overstays: number, visasIssued: number): number =>
  overstays === 0 ? 0 : overstays / Math.max(visasIssued, overstays);

/** The overstay term in whole points, rounded up (integer arithmetic, as in SQL). */
export function overstayRatePoints(overstays: number, visasIssued: number): number {
  const over = Math.max(visasIssued, overstays, 1);
  return Math.floor((SCORE_WEIGHTS.fullOverstayRate * overstays + over - 1) / over);
}

export function penaltyPoints(t: ScoreInputs): number {
  return (
    t.openViolationPoints +
    SCORE_WEIGHTS.escalatedFactor * t.escalatedViolationPoints +
    SCORE_WEIGHTS.curedViolation * t.curedViolations +
    SCORE_WEIGHTS.upheldComplaint * t.complaintsUpheld +
    SCORE_WEIGHTS.slaBreach * t.slaBreaches +
    overstayRatePoints(t.overstays, t.visasIssued)
  );
}

export const complianceScore = (t: ScoreInputs): number => Math.max(0, 100 - penaltyPoints(t));
