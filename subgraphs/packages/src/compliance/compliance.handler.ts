import { isUuid, type EntityManager } from '@umrah/db-kit';
import type { EventHandler, FeedEvent } from '@umrah/events';
import { recordOverstay, type OverstayFacts } from '../violation/violation.handler';
import { PartyKind, bumpTally } from './compliance.tally';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readOverstay(payload: Record<string, unknown>): OverstayFacts | null {
  const { visaApplicationId, pilgrimId, companyId, season, stayUntil, detectedOn, fineHalalas } = payload;
  const ids = [visaApplicationId, pilgrimId, companyId];
  if (!ids.every((id) => typeof id === 'string' && isUuid(id))) return null;
  if (typeof season !== 'string' || season.length === 0) return null;
  if (typeof stayUntil !== 'string' || !DAY.test(stayUntil)) return null;
  if (typeof detectedOn !== 'string' || !DAY.test(detectedOn)) return null;
  if (typeof fineHalalas !== 'number' || !Number.isInteger(fineHalalas) || fineHalalas < 0) return null;
  return {
    visaApplicationId: visaApplicationId as string,
    pilgrimId: pilgrimId as string,
    companyId: companyId as string,
    season,
    stayUntil,
    detectedOn,
    fineHalalas,
  };
}

async function onOverstay(em: EntityManager, event: FeedEvent): Promise<void> {
  const facts = readOverstay(event.payload);
  if (!facts) {
    // Acknowledged, not retried for ever: a malformed event would otherwise stop the whole feed.
    console.warn(`[packages] ignored malformed PilgrimOverstayed ${event.id}`);
    return;
  }
  await recordOverstay(em, facts);
}

// Visas issued per company, for the overstay rate: each visa once (keyed by its id, not only by the inbox).
async function onVisaStatus(em: EntityManager, event: FeedEvent): Promise<void> {
  const { toStatus, companyId, visaApplicationId } = event.payload;
  if (toStatus !== 'ISSUED') return;
  if (typeof companyId !== 'string' || !isUuid(companyId)) return;
  if (typeof visaApplicationId !== 'string' || !isUuid(visaApplicationId)) return;
  await countIssuedVisa(em, visaApplicationId, companyId);
}

/** Counts an issued visa for its company's overstay rate, once per visa; returns whether it was new. */
export async function countIssuedVisa(
  em: EntityManager,
  visaApplicationId: string,
  companyId: string,
): Promise<boolean> {
  const counted = await em
    .getConnection()
    .execute<{ visa_application_id: string }[]>(
      `insert into counted_visa (visa_application_id, company_id) values (?, ?) on conflict do nothing returning visa_application_id`,
      [visaApplicationId, companyId],
      'all',
      em.getTransactionContext(),
    );
  if (counted.length > 0) await bumpTally(em, { kind: PartyKind.COMPANY, id: companyId }, { visasIssued: 1 });
  return counted.length > 0;
}

/**
 * Applies the pilgrims subgraph's events this subgraph cares about: an overstay becomes a
 * violation (one per visa application, however often delivered), an issued visa counts for the
 * overstay rate. Others are acknowledged and ignored.
 */
export const pilgrimsEventHandler: EventHandler = async (em, event) => {
  if (event.type === 'PilgrimOverstayed') await onOverstay(em, event);
  if (event.type === 'VisaStatusChanged') await onVisaStatus(em, event);
};
