import { LockMode, type Database } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import type { BackgroundWorker } from '@umrah/subgraph-kit';
import { policyInForce, riyadhDate } from '../season/season.service';
import { VisaApplicationEntity } from './visa.entity';
import { VisaStatus } from './visa.type';
import { changeStatus } from './visa.workflow';

export const VISA_HOUSEKEEPING = 'visa-housekeeping';
const BATCH = 500;

/**
 * Marks issued visas whose holder did not enter by the last day of the entry window as EXPIRED.
 * Each pass takes one batch under row locks (`skip locked`), so two runners never expire the same
 * visa twice and a rerun finds nothing left to do. Returns how many it expired.
 */
export async function expireUnusedVisas(db: Database, today: string = riyadhDate()): Promise<number> {
  return db.fork().transactional(async (tx) => {
    const rows = await tx.find(
      VisaApplicationEntity,
      { status: VisaStatus.ISSUED, enterBy: { $lt: today } },
      { limit: BATCH, orderBy: { enterBy: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    for (const row of rows) {
      row.nextAttemptAt = null;
      changeStatus(tx, row, { to: VisaStatus.EXPIRED, by: null, reason: `No entry by ${row.enterBy}.` });
    }
    return rows.length;
  });
}

/**
 * Marks pilgrims still in the Kingdom after their permitted stay as OVERSTAYED, once each, and
 * emits `PilgrimOverstayed` with the season's fine for the packages & compliance subgraph to turn
 * into a violation. The status change and the event commit together; a rerun changes nothing.
 */
export async function detectOverstays(db: Database, today: string = riyadhDate()): Promise<number> {
  return db.fork().transactional(async (tx) => {
    const rows = await tx.find(
      VisaApplicationEntity,
      { status: VisaStatus.ARRIVED, stayUntil: { $lt: today } },
      { limit: BATCH, orderBy: { stayUntil: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    const fines = new Map<string, number>();
    for (const row of rows) {
      if (!fines.has(row.season))
        fines.set(row.season, (await policyInForce(tx, row.season)).policy.overstayFineHalalas);
      const at = new Date();
      row.overstayedAt = at;
      changeStatus(tx, row, {
        to: VisaStatus.OVERSTAYED,
        by: null,
        reason: `Permitted stay ended on ${row.stayUntil}.`,
        at,
      });
      recordEvent(tx, {
        type: 'PilgrimOverstayed',
        aggregateType: 'VisaApplication',
        aggregateId: row.id,
        payload: {
          visaApplicationId: row.id,
          pilgrimId: row.pilgrimId,
          companyId: row.companyId,
          agentId: row.agentId ?? null,
          season: row.season,
          stayUntil: row.stayUntil,
          detectedOn: today,
          fineHalalas: fines.get(row.season)!,
        },
      });
    }
    return rows.length;
  });
}

/** How long a retried call is answered from its idempotency key; after that the key is forgotten. */
export const IDEMPOTENCY_RETENTION_DAYS = 30;

/** Forgets idempotency keys (single and bulk registrations, visa submissions) past their retention. */
export async function forgetOldIdempotencyKeys(db: Database, days = IDEMPOTENCY_RETENTION_DAYS): Promise<number> {
  const connection = db.fork().getConnection();
  const cutoff = new Date(Date.now() - days * 86_400_000);
  const single = await connection.execute<{ key: string }[]>(
    `delete from idempotency_key where created_at < ? returning key`,
    [cutoff],
  );
  const bulk = await connection.execute<{ key: string }[]>(
    `delete from bulk_registration where created_at < ? returning key`,
    [cutoff],
  );
  return single.length + bulk.length;
}

/** The scheduled jobs: expiries and overstays, checked every few minutes (cheap: partial indexes). */
export function visaHousekeeping(db: Database, onChange?: () => void, intervalMs = 300_000): BackgroundWorker {
  return {
    name: VISA_HOUSEKEEPING,
    intervalMs,
    async runOnce() {
      const changed = (await expireUnusedVisas(db)) + (await detectOverstays(db));
      if (changed > 0) onChange?.();
      // Forgetting keys is not work that calls for another pass at once.
      await forgetOldIdempotencyKeys(db);
      return changed;
    },
  };
}
