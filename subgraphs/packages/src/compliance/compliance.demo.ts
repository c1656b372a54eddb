import type { Database } from '@umrah/db-kit';
import { demoAccounts, demoCompanies, demoId, demoPilgrims, demoProviders, type DemoVisaStatus } from '@umrah/demo';
import type { Role } from '@umrah/subgraph-kit';
import { type Viewer } from '@umrah/subgraph-kit';
import {
  answerComplaint,
  escalateComplaint,
  fileComplaint,
  markSlaBreaches,
  resolveComplaint,
} from '../complaint/complaint.service';
import { ComplaintCategory } from '../complaint/complaint.rules';
import { recordInspection } from '../inspection/inspection.service';
import { recordOverstay } from '../violation/violation.handler';
import { changeViolationStatus, recordViolation } from '../violation/violation.service';
import { ViolationStatus, ViolationType } from '../violation/violation.rules';
import { countIssuedVisa } from './compliance.handler';
import { PartyKind } from './compliance.tally';
import { addDays, riyadhDate } from './compliance.validation';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Visas that reached issuance in the demo cast (the pilgrims subgraph seeds them without events).
const ISSUED = new Set<DemoVisaStatus>(['ISSUED', 'ARRIVED', 'DEPARTED', 'EXPIRED', 'OVERSTAYED']);
const DEMO_MAX_STAY_DAYS = 90;
const DEMO_OVERSTAY_FINE = 2_500_000;

const viewerOf = (key: string): Viewer => {
  const account = demoAccounts.find((a) => a.id === demoId(`account:${key}`))!;
  return {
    accountId: account.id,
    role: account.role as Role,
    companyId: account.companyId ?? null,
    agentId: account.agentId ?? null,
    providerId: account.providerId ?? null,
    scopes: [],
  };
};

/** A number in [0, 1) fixed per label, as the pilgrims subgraph's demo dates use. */
const fraction = (label: string): number => parseInt(demoId(label).slice(0, 8), 16) / 0x1_0000_0000;

/**
 * The compliance side of the demo, as if the pilgrims feed had been read all season: visas issued
 * per company, one overstay violation per overstaying demo pilgrim, complaints in every status
 * (some past their SLA), field inspections with the violations they raised, and officers' actions
 * on some of them — all through the services, so the tallies and events are what real use makes.
 * Does nothing when any complaint or violation exists.
 */
export async function seedComplianceDemo(db: Database): Promise<void> {
  const probe = await db.orm.em
    .getConnection()
    .execute<{ n: string | number }[]>(
      `select (select count(*) from complaint) + (select count(*) from violation) as n`,
    );
  if (Number(probe[0]!.n) > 0) return;
  const now = Date.now();
  const at = (daysAgo: number, hours = 0): Date => new Date(now - daysAgo * DAY - hours * HOUR);
  const [safwa, rawda, bayt, noor, zamzam] = demoCompanies;
  const [towers, madinahInn, coaches, catering] = demoProviders;
  const officer = viewerOf('officer');
  const safwaManager = viewerOf('manager-safwa');
  const rawdaManager = viewerOf('manager-rawda');
  const baytManager = viewerOf('manager-bayt');
  const agent = viewerOf('agent-nusantara');
  const towersAccount = viewerOf('provider-makkah');

  const pilgrims = demoPilgrims();
  await db.fork().transactional(async (tx) => {
    for (const p of pilgrims) if (ISSUED.has(p.visa.status)) await countIssuedVisa(tx, p.visa.id, p.companyId);
    for (const p of pilgrims.filter((q) => q.visa.status === 'OVERSTAYED')) {
      const r = fraction(`visa-dates:${p.visa.id}`);
      const arrivedOn = riyadhDate(new Date(now - Math.floor(DEMO_MAX_STAY_DAYS + 5 + r * 30) * DAY));
      const stayUntil = addDays(arrivedOn, DEMO_MAX_STAY_DAYS);
      const detectedOn = addDays(stayUntil, 1);
      await recordOverstay(
        tx,
        {
          visaApplicationId: p.visa.id,
          pilgrimId: p.id,
          companyId: p.companyId,
          season: '1448',
          stayUntil,
          detectedOn,
          fineHalalas: DEMO_OVERSTAY_FINE,
        },
        new Date(`${detectedOn}T03:00:00Z`),
      );
    }
  });

  const complaint = (viewer: Viewer, input: Parameters<typeof fileComplaint>[2], filedAt: Date) =>
    fileComplaint(db.fork(), viewer, input, filedAt);

  // Against companies: the hotline and an agent; answered, escalated, resolved, left to run out.
  const noBed = await complaint(
    officer,
    {
      companyId: rawda!.id,
      category: ComplaintCategory.ACCOMMODATION,
      description: 'A group of 14 pilgrims arrived at night and found no rooms booked at the hotel sold to them.',
      city: 'Makkah',
      site: 'Ibrahim Al-Khalil Street',
    },
    at(12),
  );
  await answerComplaint(
    db.fork(),
    rawdaManager,
    noBed.id,
    'The group was moved to a hotel of the same class at our cost the same night.',
    false,
    at(12, -5),
  );
  await resolveComplaint(
    db.fork(),
    officer,
    noBed.id,
    'Pilgrims rehoused after 9 hours; the field committee confirmed the shortfall.',
    true,
    at(11),
  );
  await recordViolation(
    db.fork(),
    officer,
    {
      type: ViolationType.COMPLAINT_UPHELD,
      fineHalalas: 1_000_000,
      details: 'Pilgrims left without the accommodation sold to them for a night.',
      complaintId: noBed.id,
    },
    at(11),
  );

  const lateBus = await complaint(
    agent,
    {
      companyId: safwa!.id,
      category: ComplaintCategory.TRANSPORT,
      description: 'The bus from Jeddah airport came four hours late; elderly pilgrims waited in the hall.',
      city: 'Jeddah',
      site: 'King Abdulaziz International Airport, Hajj Terminal',
    },
    at(6),
  );
  await answerComplaint(
    db.fork(),
    safwaManager,
    lateBus.id,
    'The coach broke down on the way; a replacement was sent. We apologised to the group.',
    true,
    at(5, 2),
  );

  const meals = await complaint(
    agent,
    {
      companyId: safwa!.id,
      category: ComplaintCategory.CATERING,
      description: 'Dinner was not served two nights in a row at the Madinah hotel.',
      city: 'Madinah',
      site: 'Central area hotel',
    },
    at(3),
  );
  await escalateComplaint(
    db.fork(),
    officer,
    meals.id,
    'Second complaint about catering this week: field committee sent.',
    at(2),
  );

  await complaint(
    officer,
    {
      companyId: bayt!.id,
      category: ComplaintCategory.VISA_AND_DOCUMENTS,
      description: 'The company kept the pilgrims’ passports and did not return them before departure.',
      city: 'Jeddah',
    },
    at(9),
  );
  await answerComplaint(
    db.fork(),
    baytManager,
    (
      await complaint(
        officer,
        {
          companyId: bayt!.id,
          category: ComplaintCategory.HEALTH_AND_SAFETY,
          description: 'No escort for a pilgrim taken ill during tawaf; the family could not reach the company.',
          city: 'Makkah',
          site: 'Masjid al-Haram, gate 79',
        },
        at(2),
      )
    ).id,
    'Our supervisor is now with the pilgrim at the hospital.',
    false,
    at(1),
  );
  // Through the hotline: the demo's agent works for Safwa and Al-Rawda only.
  await complaint(
    officer,
    {
      companyId: noor!.id,
      category: ComplaintCategory.FINANCIAL,
      description: 'A refund for a cancelled Madinah night was promised three weeks ago and has not been paid.',
      city: 'Madinah',
    },
    at(0, 20),
  );

  // Against providers: from the hotline and from a company.
  const hotelRoom = await complaint(
    safwaManager,
    {
      providerId: towers!.id,
      category: ComplaintCategory.ACCOMMODATION,
      description: 'Rooms given were quadruple instead of the double rooms contracted for the package.',
      city: 'Makkah',
      site: towers!.nameEn,
    },
    at(4),
  );
  await answerComplaint(
    db.fork(),
    towersAccount,
    hotelRoom.id,
    'Double rooms were freed the next morning and the group moved.',
    true,
    at(3, 10),
  );
  await complaint(
    officer,
    {
      providerId: coaches!.id,
      category: ComplaintCategory.TRANSPORT,
      description: 'Coach without working air conditioning on the Makkah–Madinah road in the afternoon.',
      city: 'Madinah',
    },
    at(5),
  );
  await complaint(
    safwaManager,
    {
      providerId: catering!.id,
      category: ComplaintCategory.CATERING,
      description: 'Meals delivered cold and late to the hotel for three days.',
      city: 'Makkah',
    },
    at(0, 6),
  );
  // The clocks of the complaints above that ran out are counted as the SLA job would have.
  await markSlaBreaches(db, new Date(now));

  // Field inspections and the violations they raised; officers' actions on some.
  await recordInspection(
    db.fork(),
    officer,
    {
      companyId: rawda!.id,
      providerId: madinahInn!.id,
      city: 'Madinah',
      site: madinahInn!.nameEn,
      visitedOn: riyadhDate(at(40)),
      findings:
        'Pilgrims of the company housed four to a room in rooms licensed for two; fire exit on floor 3 blocked.',
      violations: [
        {
          type: ViolationType.HOUSING_NOT_AS_SOLD,
          fineHalalas: 1_500_000,
          details: 'Rooms sold as doubles, occupied by four.',
          against: PartyKind.COMPANY,
        },
        {
          type: ViolationType.OTHER,
          fineHalalas: 500_000,
          details: 'Fire exit blocked by stored furniture.',
          against: PartyKind.PROVIDER,
        },
      ],
    },
    at(40),
  );
  await recordInspection(
    db.fork(),
    officer,
    {
      companyId: bayt!.id,
      city: 'Jeddah',
      site: 'Jeddah Islamic Port, arrivals',
      visitedOn: riyadhDate(at(8)),
      findings: 'A group of 40 pilgrims waited six hours at the port: no transport had been arranged.',
      violations: [
        {
          type: ViolationType.NO_TRANSPORT,
          fineHalalas: 2_000_000,
          details: 'No transport for a group of 40 from the port.',
        },
      ],
    },
    at(8),
  );
  await recordInspection(
    db.fork(),
    officer,
    {
      companyId: zamzam!.id,
      city: 'Taif',
      site: 'Company office and guest house',
      visitedOn: riyadhDate(at(15)),
      findings: 'Routine visit: licences displayed, guest house clean, supervisors on duty. Nothing to record.',
      violations: [],
    },
    at(15),
  );
  const unlicensed = await recordViolation(
    db.fork(),
    officer,
    {
      companyId: bayt!.id,
      type: ViolationType.UNLICENSED_HOUSING,
      fineHalalas: 5_000_000,
      details: 'Pilgrims housed in an unlicensed apartment building in Al-Aziziyah.',
    },
    at(45),
  );
  await changeViolationStatus(
    db.fork(),
    officer,
    unlicensed.id,
    ViolationStatus.ESCALATED,
    'Not cured within the cure period: referred for licence suspension.',
    at(10),
  );
  const rawdaViolations = await db
    .fork()
    .getConnection()
    .execute<{ id: string }[]>(`select id from violation where company_id = ? and type = ?`, [
      rawda!.id,
      ViolationType.HOUSING_NOT_AS_SOLD,
    ]);
  for (const { id } of rawdaViolations) {
    await changeViolationStatus(
      db.fork(),
      officer,
      id,
      ViolationStatus.CURED,
      'Rooms re-allocated as sold; confirmed on a second visit.',
      at(30),
    );
  }
}
