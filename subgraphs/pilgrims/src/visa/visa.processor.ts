import { LockMode, type Database, type EntityManager } from '@umrah/db-kit';
import type { BackgroundWorker } from '@umrah/subgraph-kit';
import { PilgrimEntity } from '../pilgrim/pilgrim.entity';
import { policyInForce, riyadhDate } from '../season/season.service';
import { standingKnown } from '../standing/standing.service';
import { RefusedByAdapterError, TransientAdapterError, type VisaAdapters } from './adapters/adapters';
import type { RetryPolicy } from './adapters/config';
import { VisaApplicationEntity, type VisaApplicationRow } from './visa.entity';
import { VisaErrorCode } from './visa.errors';
import { enterByFor, issuanceRefusal, releaseQuotaPlace } from './visa.gate';
import { VisaStatus } from './visa.type';
import { changeStatus } from './visa.workflow';

export const VISA_PROCESSOR = 'visa-processor';
const BATCH = 20;
// A claimed application is invisible to other processors this long; a crashed one is picked up after.
const LEASE_MS = 60_000;

interface Claimed {
  id: string;
  status: string;
  attempts: number;
}

/** The wait before attempt n+1: exponential from the base, capped, with ±20 % jitter. */
export function backoffMs(attempts: number, retry: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(retry.baseMs * 2 ** Math.max(attempts - 1, 0), retry.maxMs);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/**
 * Claims due applications (one statement; `skip locked` lets several processors share the queue)
 * and leases them, so a crash mid-call leaves them to be retried, never lost or doubled: every
 * external call is idempotent by application id.
 */
async function claimDue(db: Database): Promise<Claimed[]> {
  const rows = await db
    .fork()
    .getConnection()
    .execute<{ id: string; status: string; attempts: number }[]>(
      `update visa_application set next_attempt_at = now() + make_interval(secs => ? / 1000.0), attempts = attempts + 1
      where id in (select id from visa_application where next_attempt_at <= now()
                    order by next_attempt_at limit ? for update skip locked)
      returning id, status, attempts`,
      [LEASE_MS, BATCH],
    );
  return rows.map((r) => ({ id: r.id, status: r.status, attempts: Number(r.attempts) }));
}

/** Applies a change to an application if it is still in the status the step started from. */
async function ifStill(
  db: Database,
  id: string,
  status: string,
  apply: (tx: EntityManager, row: VisaApplicationRow) => Promise<void> | void,
): Promise<boolean> {
  return db.fork().transactional(async (tx) => {
    const row = await tx.findOne(
      VisaApplicationEntity,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!row || row.status !== status) return false;
    await apply(tx, row);
    return true;
  });
}

/** Ends an application the system had to refuse: the place and the fee go back. */
function refuse(tx: EntityManager, row: VisaApplicationRow, code: string, message: string): Promise<void> {
  return (async () => {
    if (row.holdsQuota) {
      await releaseQuotaPlace(tx, row.season, row.companyId);
      row.holdsQuota = false;
    }
    Object.assign(row, { nextAttemptAt: row.paymentReference ? new Date() : null, attempts: 0, lastError: null });
    changeStatus(tx, row, { to: VisaStatus.REJECTED, by: null, reason: `${code}: ${message}` });
  })();
}

export interface VisaProcessorOptions {
  adapters: VisaAdapters;
  retry: RetryPolicy;
  intervalMs?: number;
  /** Called after a pass that changed applications (to wake the webhook fan-out). */
  onChange?: () => void;
}

/**
 * Takes approved applications through payment and MOFA to issuance, checks the preconditions of
 * issuance once more before MOFA, and pays back refunds owed. Failures of the other systems are
 * retried with exponential backoff; refusals end the application or wait for the manager.
 */
export function visaProcessor(db: Database, options: VisaProcessorOptions): BackgroundWorker {
  const { adapters, retry } = options;

  const transient = async (claimed: Claimed, error: Error): Promise<void> => {
    await db.fork().nativeUpdate(
      VisaApplicationEntity,
      { id: claimed.id },
      {
        nextAttemptAt: new Date(Date.now() + backoffMs(claimed.attempts, retry)),
        lastError: error.message.slice(0, 500),
      },
    );
  };

  const pay = async (row: VisaApplicationRow): Promise<boolean> => {
    const { policy } = await policyInForce(db.fork(), row.season);
    const amount = policy.visaFeeHalalas + policy.insuranceFeeHalalas;
    const { reference } = await adapters.payment.charge({
      idempotencyKey: `visa-fee:${row.id}`,
      amountHalalas: amount,
      payerCompanyId: row.companyId,
      description: `Umrah visa and insurance fee, application ${row.id}`,
    });
    const moved = await ifStill(db, row.id, VisaStatus.APPROVED, (tx, locked) => {
      Object.assign(locked, {
        paidAt: new Date(),
        paymentReference: reference,
        feeHalalas: amount,
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
      });
      changeStatus(tx, locked, { to: VisaStatus.PAID, by: null });
    });
    // Withdrawn while the charge was on its way: give the money back at once.
    if (!moved) await adapters.payment.refund({ reference, idempotencyKey: `visa-refund:${row.id}` });
    return moved;
  };

  const handOver = async (row: VisaApplicationRow): Promise<boolean> => {
    const today = riyadhDate();
    // A company not yet heard of (its events still on their way after a start) is waited for, not refused.
    if (!(await standingKnown(db.fork(), row.companyId))) {
      throw new TransientAdapterError('Waiting for the company’s licence standing to reach this subgraph.');
    }
    return ifStill(db, row.id, VisaStatus.PAID, async (tx, locked) => {
      const { policy } = await policyInForce(tx, locked.season);
      const pilgrim = await tx.findOneOrFail(PilgrimEntity, { id: locked.pilgrimId });
      const refusal = await issuanceRefusal(
        tx,
        { companyId: locked.companyId, agentId: locked.agentId ?? null, pilgrim },
        policy,
        today,
      );
      if (refusal) return refuse(tx, locked, refusal.code, refusal.message);
      Object.assign(locked, { sentToMofaAt: new Date(), attempts: 0, nextAttemptAt: new Date(), lastError: null });
      changeStatus(tx, locked, { to: VisaStatus.SENT_TO_MOFA, by: null });
    });
  };

  const issue = async (row: VisaApplicationRow): Promise<void> => {
    const pilgrim = await db.fork().findOneOrFail(PilgrimEntity, { id: row.pilgrimId });
    try {
      const answer = await adapters.mofa.requestVisa({
        applicationId: row.id,
        passportNumber: pilgrim.passportNumber,
        nationality: pilgrim.nationality,
        fullNameEn: [pilgrim.givenNameEn, pilgrim.fatherNameEn, pilgrim.grandfatherNameEn, pilgrim.familyNameEn].join(
          ' ',
        ),
        dateOfBirth: pilgrim.dateOfBirth,
        sex: pilgrim.sex,
        companyId: row.companyId,
        season: row.season,
      });
      await ifStill(db, row.id, VisaStatus.SENT_TO_MOFA, async (tx, locked) => {
        const { policy } = await policyInForce(tx, locked.season);
        const now = new Date();
        Object.assign(locked, {
          mofaReference: answer.mofaReference,
          visaNumber: answer.visaNumber,
          issuedAt: now,
          enterBy: enterByFor(riyadhDate(now), policy),
          processingMs: now.getTime() - locked.submittedAt.getTime(),
          attempts: 0,
          nextAttemptAt: null,
          lastError: null,
        });
        changeStatus(tx, locked, { to: VisaStatus.ISSUED, by: null });
      });
    } catch (error) {
      if (!(error instanceof RefusedByAdapterError)) throw error;
      await ifStill(db, row.id, VisaStatus.SENT_TO_MOFA, (tx, locked) =>
        refuse(tx, locked, VisaErrorCode.MOFA_REFUSED, error.message),
      );
    }
  };

  const refund = async (row: VisaApplicationRow): Promise<void> => {
    if (row.paymentReference) {
      await adapters.payment.refund({ reference: row.paymentReference, idempotencyKey: `visa-refund:${row.id}` });
    }
    await db.fork().nativeUpdate(VisaApplicationEntity, { id: row.id }, { nextAttemptAt: null, lastError: null });
  };

  /** One application, as far as it can go now: payment, then the hand-over, then MOFA. */
  const advance = async (claimed: Claimed): Promise<void> => {
    const load = () => db.fork().findOneOrFail(VisaApplicationEntity, { id: claimed.id }, { refresh: true });
    try {
      let row = await load();
      if (row.status === VisaStatus.CANCELLED || row.status === VisaStatus.REJECTED) return await refund(row);
      if (row.status === VisaStatus.APPROVED) {
        if (!(await pay(row))) return;
        row = await load();
      }
      if (row.status === VisaStatus.PAID) {
        if (!(await handOver(row))) return;
        row = await load();
      }
      if (row.status === VisaStatus.SENT_TO_MOFA) await issue(row);
    } catch (error) {
      if (error instanceof RefusedByAdapterError) {
        // A declined payment waits for the manager (retryVisaProcessing), with the reason shown.
        await db
          .fork()
          .nativeUpdate(
            VisaApplicationEntity,
            { id: claimed.id },
            { nextAttemptAt: null, lastError: `${error.reasonCode}: ${error.message}`.slice(0, 500) },
          );
        return;
      }
      if (error instanceof TransientAdapterError) return transient(claimed, error);
      await transient(claimed, error as Error);
      throw error;
    }
  };

  return {
    name: VISA_PROCESSOR,
    intervalMs: options.intervalMs ?? 1_000,
    async runOnce() {
      const claimed = await claimDue(db);
      try {
        await Promise.all(claimed.map((c) => advance(c)));
      } finally {
        if (claimed.length > 0) options.onChange?.();
      }
      return claimed.length;
    },
  };
}
