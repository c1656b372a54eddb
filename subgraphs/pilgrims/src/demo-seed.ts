import type { Database } from '@umrah/db-kit';
import { demoId, demoPilgrims, type DemoPilgrim } from '@umrah/demo';
import { PilgrimEntity } from './pilgrim/pilgrim.entity';
import { policyInForce, riyadhDate } from './season/season.service';
import type { SeasonPolicyVersionRow } from './season/season.entity';
import { VisaApplicationEntity, VisaStatusChangeEntity, type VisaApplicationRow } from './visa/visa.entity';
import { enterByFor, stayUntilFor } from './visa/visa.gate';
import { VisaStatus } from './visa/visa.type';

/** The season the demo's submissions (June to November 2026) belong to. */
export const DEMO_SEASON = '1448';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WORKFLOW = [
  VisaStatus.SUBMITTED,
  VisaStatus.APPROVED,
  VisaStatus.PAID,
  VisaStatus.SENT_TO_MOFA,
  VisaStatus.ISSUED,
  VisaStatus.ARRIVED,
] as const;
const HOLDS_QUOTA = new Set<string>([
  VisaStatus.APPROVED,
  VisaStatus.PAID,
  VisaStatus.SENT_TO_MOFA,
  VisaStatus.ISSUED,
  VisaStatus.ARRIVED,
  VisaStatus.DEPARTED,
  VisaStatus.EXPIRED,
  VisaStatus.OVERSTAYED,
]);

/** A number in [0, 1) fixed per label, so the demo's dates are the same on every machine. */
const fraction = (label: string): number => parseInt(demoId(label).slice(0, 8), 16) / 0x1_0000_0000;
const day = (at: Date | number): string => riyadhDate(new Date(at));

interface Step {
  to: VisaStatus;
  at: Date;
  reason?: string;
}

/**
 * A demo application as the workflow would have left it, with dates relative to today so that
 * its status agrees with them (an ISSUED visa's entry window is still open, an ARRIVED pilgrim's
 * stay has not ended, an overstayer's has), and the history of steps that led there.
 */
function demoVisa(
  p: DemoPilgrim,
  policy: SeasonPolicyVersionRow,
  now: number,
): { row: VisaApplicationRow; steps: Step[] } {
  const status = p.visa.status as VisaStatus;
  const r = fraction(`visa-dates:${p.visa.id}`);
  let issuedAt: number | null = null;
  let arrivedAt: number | null = null;
  let departedAt: number | null = null;
  let overstayedAt: number | null = null;
  if (status === VisaStatus.ISSUED) issuedAt = now - Math.floor(1 + r * 25) * DAY;
  if (status === VisaStatus.EXPIRED) issuedAt = now - Math.floor(45 + r * 60) * DAY;
  if (status === VisaStatus.ARRIVED || status === VisaStatus.DEPARTED) {
    arrivedAt = now - Math.floor(2 + r * 80) * DAY;
    if (status === VisaStatus.DEPARTED) departedAt = arrivedAt + Math.floor(7 + r * 20) * DAY;
    if (departedAt && departedAt > now) departedAt = now - DAY;
  }
  if (status === VisaStatus.OVERSTAYED) {
    arrivedAt = now - Math.floor(policy.maxStayDays + 5 + r * 30) * DAY;
  }
  if (arrivedAt) issuedAt = arrivedAt - Math.floor(2 + r * 10) * DAY;
  const submittedAt = Math.min(Date.parse(p.visa.submittedAt), (issuedAt ?? now) - 2 * DAY);

  const steps: Step[] = [{ to: VisaStatus.SUBMITTED, at: new Date(submittedAt) }];
  const reached =
    status === VisaStatus.REJECTED || status === VisaStatus.CANCELLED ? 1 : WORKFLOW.indexOf(status as never);
  const last = reached >= 0 ? reached : WORKFLOW.length - 1; // EXPIRED, DEPARTED, OVERSTAYED go through ARRIVED or ISSUED
  const upTo = status === VisaStatus.EXPIRED ? WORKFLOW.indexOf(VisaStatus.ISSUED) : last;
  for (let i = 1; i <= upTo; i++) {
    const to = WORKFLOW[i]!;
    const at =
      to === VisaStatus.ISSUED && issuedAt
        ? issuedAt
        : to === VisaStatus.ARRIVED && arrivedAt
          ? arrivedAt
          : (issuedAt ?? now - 6 * HOUR) - (WORKFLOW.length - i) * HOUR;
    steps.push({ to, at: new Date(Math.max(at, submittedAt + i * 60_000)) });
  }
  if (status === VisaStatus.REJECTED) {
    steps.splice(1);
    steps.push({
      to: status,
      at: new Date(submittedAt + DAY),
      reason: 'Passport photo unreadable; resubmit with a clear scan.',
    });
  }
  if (status === VisaStatus.CANCELLED) {
    steps.splice(1);
    steps.push({ to: status, at: new Date(submittedAt + 2 * DAY), reason: 'The pilgrim postponed the journey.' });
  }
  if (status === VisaStatus.EXPIRED) {
    steps.push({
      to: status,
      at: new Date(issuedAt! + (policy.entryWindowDays + 1) * DAY),
      reason: 'No entry in time.',
    });
  }
  if (departedAt) steps.push({ to: VisaStatus.DEPARTED, at: new Date(departedAt) });
  if (status === VisaStatus.OVERSTAYED) {
    overstayedAt = arrivedAt! + (policy.maxStayDays + 1) * DAY;
    steps.push({ to: status, at: new Date(overstayedAt), reason: 'Permitted stay ended.' });
  }

  const at = (to: VisaStatus): Date | null => steps.find((s) => s.to === to)?.at ?? null;
  const issued = at(VisaStatus.ISSUED);
  const arrivedOn = arrivedAt ? day(arrivedAt) : null;
  const inProcess = status === VisaStatus.APPROVED || status === VisaStatus.PAID || status === VisaStatus.SENT_TO_MOFA;
  const row = {
    id: p.visa.id,
    pilgrimId: p.id,
    companyId: p.companyId,
    agentId: p.agentId,
    season: DEMO_SEASON,
    nationality: p.nationality,
    status,
    submittedAt: new Date(submittedAt),
    submittedBy: null,
    approvedAt: at(VisaStatus.APPROVED),
    paidAt: at(VisaStatus.PAID),
    paymentReference: at(VisaStatus.PAID) ? `PAY${String(Math.floor(r * 1e12)).padStart(12, '0')}` : null,
    feeHalalas: at(VisaStatus.PAID) ? policy.visaFeeHalalas + policy.insuranceFeeHalalas : null,
    sentToMofaAt: at(VisaStatus.SENT_TO_MOFA),
    issuedAt: issued,
    enterBy: issued ? enterByFor(day(issued), policy) : null,
    arrivedOn,
    arrivalPort: arrivedOn
      ? r < 0.8
        ? 'JED — King Abdulaziz International Airport'
        : 'MED — Prince Mohammad bin Abdulaziz Airport'
      : null,
    arrivalPortKind: arrivedOn ? 'AIR' : null,
    stayUntil: arrivedOn ? stayUntilFor(arrivedOn, policy) : null,
    departedOn: departedAt ? day(departedAt) : null,
    departurePort: departedAt ? 'JED — King Abdulaziz International Airport' : null,
    overstayedAt: overstayedAt ? new Date(overstayedAt) : null,
    processingMs: issued ? issued.getTime() - submittedAt : null,
    // Applications caught mid-way are taken on by the processor when the demo starts.
    attempts: 0,
    nextAttemptAt: inProcess ? new Date(now) : null,
    lastError: null,
    holdsQuota: HOLDS_QUOTA.has(status),
    mofaReference: p.visa.mofaReference,
    visaNumber: p.visa.visaNumber,
    updatedAt: new Date(now),
  } as VisaApplicationRow;
  return { row, steps };
}

/** Seeds the demo pilgrims with their visa applications into an empty database; else does nothing. */
export async function seedPilgrimsDemo(db: Database): Promise<void> {
  const em = db.fork();
  if ((await em.count(PilgrimEntity, {})) > 0) return;
  const pilgrims = demoPilgrims();
  const { policy } = await policyInForce(em, DEMO_SEASON);
  const now = Date.now();
  const visas = pilgrims.map((p) => ({ p, ...demoVisa(p, policy, now) }));
  await em.transactional(async (tx) => {
    await tx.insertMany(
      PilgrimEntity,
      pilgrims.map((p) => ({
        id: p.id,
        companyId: p.companyId,
        agentId: p.agentId,
        season: DEMO_SEASON,
        givenNameAr: p.givenNameAr,
        fatherNameAr: p.fatherNameAr,
        grandfatherNameAr: p.grandfatherNameAr,
        familyNameAr: p.familyNameAr,
        givenNameEn: p.givenNameEn,
        fatherNameEn: p.fatherNameEn,
        grandfatherNameEn: p.grandfatherNameEn,
        familyNameEn: p.familyNameEn,
        passportNumber: p.passportNumber,
        nationality: p.nationality,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        passportIssuedOn: p.passportIssuedOn,
        passportExpiresOn: p.passportExpiresOn,
        createdAt: new Date(Date.parse(p.visa.submittedAt) - DAY),
      })),
    );
    await tx.insertMany(
      VisaApplicationEntity,
      visas.map((v) => v.row),
    );
    // The history the statistics by day are built from (a trigger counts each step).
    await tx.insertMany(
      VisaStatusChangeEntity,
      visas.flatMap((v) =>
        v.steps.map((step, i) => ({
          id: demoId(`visa-status-change:${v.row.id}:${i}`),
          visaApplicationId: v.row.id,
          fromStatus: i === 0 ? null : v.steps[i - 1]!.to,
          toStatus: step.to,
          changedBy: null,
          changedAt: step.at,
          reason: step.reason ?? null,
        })),
      ),
    );
    // The quota places the demo's applications hold.
    const used = new Map<string, number>();
    for (const v of visas) if (v.row.holdsQuota) used.set(v.row.companyId, (used.get(v.row.companyId) ?? 0) + 1);
    for (const [companyId, n] of used) {
      await tx
        .getConnection()
        .execute(
          `insert into company_visa_usage (season, company_id, used) values (?, ?, ?)`,
          [DEMO_SEASON, companyId, n],
          'run',
          tx.getTransactionContext(),
        );
    }
  });
}
