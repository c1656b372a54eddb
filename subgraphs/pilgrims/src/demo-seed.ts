import type { Database } from '@umrah/db-kit';
import { demoId, demoPilgrims } from '@umrah/demo';
import { PilgrimEntity } from './pilgrim/pilgrim.entity';
import { VisaApplicationEntity, VisaStatusChangeEntity } from './visa/visa.entity';

export const DEMO_SEASON = '1447';

/** Seeds the demo pilgrims with their visa applications into an empty database; else does nothing. */
export async function seedPilgrimsDemo(db: Database): Promise<void> {
  const em = db.fork();
  if ((await em.count(PilgrimEntity, {})) > 0) return;
  const pilgrims = demoPilgrims();
  const now = new Date();
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
        createdAt: now,
      })),
    );
    await tx.insertMany(
      VisaApplicationEntity,
      pilgrims.map((p) => ({
        id: p.visa.id,
        pilgrimId: p.id,
        companyId: p.companyId,
        status: p.visa.status,
        submittedAt: new Date(p.visa.submittedAt),
        mofaReference: p.visa.mofaReference,
        visaNumber: p.visa.visaNumber,
        updatedAt: now,
      })),
    );
    // The demo keeps one history row per visa: how it came to its current status.
    await tx.insertMany(
      VisaStatusChangeEntity,
      pilgrims.map((p) => ({
        id: demoId(`visa-status-change:${p.visa.id}`),
        visaApplicationId: p.visa.id,
        fromStatus: null,
        toStatus: p.visa.status,
        changedBy: null,
        changedAt: new Date(p.visa.submittedAt),
        reason: 'Demo data',
      })),
    );
  });
}
