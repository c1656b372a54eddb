import type { EntityManager } from '@umrah/db-kit';
import { policyInForce } from '../compliance/compliance.policy';
import { PartyKind, TallyChanges } from '../compliance/compliance.tally';
import { addDays } from '../compliance/compliance.validation';
import { insertViolation } from './violation.record';
import { ViolationSource, ViolationType } from './violation.type';

// The consumer side of the pilgrims subgraph's overstay detection (wired in compliance.handler.ts).

export interface OverstayFacts {
  visaApplicationId: string;
  pilgrimId: string;
  companyId: string;
  season: string;
  stayUntil: string;
  detectedOn: string;
  fineHalalas: number;
}

/**
 * The violation for one overstaying pilgrim, from the pilgrims subgraph's `PilgrimOverstayed`:
 * the season's fine, a cure period from the day it was detected. A second delivery of the same
 * overstay (same visa application) finds the first and records nothing. Returns whether it recorded.
 */
export async function recordOverstay(
  tx: EntityManager,
  facts: OverstayFacts,
  now: Date = new Date(),
): Promise<boolean> {
  const policy = await policyInForce(tx);
  const tallies = new TallyChanges();
  const row = await insertViolation(
    tx,
    {
      party: { kind: PartyKind.COMPANY, id: facts.companyId },
      type: ViolationType.OVERSTAY,
      details: `The pilgrim was still in the Kingdom after the permitted stay ended on ${facts.stayUntil} (detected on ${facts.detectedOn}).`,
      fineHalalas: facts.fineHalalas,
      source: ViolationSource.OVERSTAY_DETECTION,
      recordedBy: null,
      recordedAt: now,
      cureDueOn: addDays(facts.detectedOn, policy.curePeriodDays),
      sourceVisaApplicationId: facts.visaApplicationId,
      pilgrimId: facts.pilgrimId,
      season: facts.season,
    },
    tallies,
  );
  await tallies.write(tx);
  return row !== null;
}
