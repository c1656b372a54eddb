import type { Database, EntityManager } from '@umrah/db-kit';
import { demoAccounts, demoAgents, demoCompanies, demoId } from '@umrah/demo';
import { Role, seedCompanyDirectory, type Viewer } from '@umrah/subgraph-kit';
import { addMonths, riyadhDate } from './dates';
import { LedgerEntryCause, LedgerEntryKind } from './ledger/ledger.type';
import { credit, openAndLockAccount } from './ledger/posting';
import { LoyaltyAccountEntity } from './loyalty-account/loyalty-account.entity';
import { RewardEntity } from './reward/reward.entity';
import { RewardCategory } from './reward/reward.type';
import {
  approveRedemption,
  fulfilRedemption,
  rejectRedemption,
  requestRedemption,
} from './redemption/redemption.service';
import { rulesInForce } from './rules/rules.service';

const DAY = 86_400_000;

/** The demo catalogue: what seed 000 names (computer systems, network equipment, forum places) and more. */
const REWARDS = [
  {
    key: 'laptops',
    category: RewardCategory.COMPUTER_SYSTEMS,
    nameAr: 'حاسب محمول للأعمال',
    nameEn: 'Business laptop',
    descriptionAr: 'حاسب محمول بمعالج حديث وذاكرة 16 جيجابايت لموظفي خدمة المعتمرين.',
    descriptionEn: 'A laptop with a current processor and 16 GB of memory for the staff who serve pilgrims.',
    costPoints: 2_500,
    stock: 40,
  },
  {
    key: 'switch',
    category: RewardCategory.NETWORK_EQUIPMENT,
    nameAr: 'مبدّل شبكة مُدار 24 منفذًا',
    nameEn: 'Managed 24-port network switch',
    descriptionAr: 'مبدّل شبكة مُدار مع تركيب وضمان لمدة ثلاث سنوات لمكاتب الشركة.',
    descriptionEn: 'A managed network switch, installed, with a three-year warranty for the company’s offices.',
    costPoints: 3_000,
    stock: 25,
  },
  {
    key: 'atm-dubai',
    category: RewardCategory.TOURISM_FORUM,
    nameAr: 'مقعد في معرض سوق السفر العربي',
    nameEn: 'A place at the Arabian Travel Market',
    descriptionAr: 'مقعد لممثل الشركة في جناح المملكة في معرض سوق السفر العربي بدبي.',
    descriptionEn:
      'A place for the company’s representative on the Kingdom’s stand at the Arabian Travel Market in Dubai.',
    costPoints: 6_000,
    stock: 6,
  },
  {
    key: 'itb-berlin',
    category: RewardCategory.TOURISM_FORUM,
    nameAr: 'مقعد في معرض برلين الدولي للسياحة',
    nameEn: 'A place at ITB Berlin',
    descriptionAr: 'مقعد لممثل الشركة في جناح المملكة في معرض برلين الدولي للسياحة.',
    descriptionEn: 'A place for the company’s representative on the Kingdom’s stand at ITB Berlin.',
    costPoints: 7_500,
    stock: 4,
  },
  {
    key: 'training',
    category: RewardCategory.TRAINING,
    nameAr: 'دورة خدمة ضيوف الرحمن',
    nameEn: 'Guests of God service course',
    descriptionAr: 'دورة تدريبية معتمدة لخمسة موظفين في خدمة المعتمرين وإدارة الأفواج.',
    descriptionEn: 'An accredited course for five staff members in serving pilgrims and managing groups.',
    costPoints: 1_200,
    stock: 60,
  },
] as const;

/** Reward requests of the demo: one of each outcome, so every screen has something to show. */
const REDEMPTIONS: { company: number; reward: (typeof REWARDS)[number]['key']; quantity: number; end: string }[] = [
  { company: 0, reward: 'laptops', quantity: 2, end: 'FULFILLED' },
  { company: 0, reward: 'atm-dubai', quantity: 1, end: 'REQUESTED' },
  { company: 1, reward: 'switch', quantity: 1, end: 'APPROVED' },
  { company: 3, reward: 'training', quantity: 2, end: 'REJECTED' },
];

const costOf = (key: string, quantity: number): number => REWARDS.find((r) => r.key === key)!.costPoints * quantity;

function managerOf(companyId: string): Viewer {
  const account = demoAccounts.find((a) => a.role === 'COMPANY_MANAGER' && a.companyId === companyId);
  return {
    accountId: account?.id ?? demoId(`account:manager:${companyId}`),
    role: Role.COMPANY_MANAGER,
    companyId,
    agentId: null,
    providerId: null,
    scopes: [],
  };
}

const officer: Viewer = {
  accountId: demoAccounts.find((a) => a.role === 'MINISTRY_OFFICER')!.id,
  role: Role.MINISTRY_OFFICER,
  companyId: null,
  agentId: null,
  providerId: null,
  scopes: [],
};

/** Points a company carried in from a period, as one opening entry recorded when it was earned. */
async function opening(
  em: EntityManager,
  companyId: string,
  label: string,
  points: number,
  pilgrims: number,
  earnedAt: Date,
): Promise<void> {
  if (points <= 0) return;
  const rules = await rulesInForce(em, earnedAt);
  const account = await openAndLockAccount(em, companyId);
  await credit(
    em,
    account,
    {
      kind: LedgerEntryKind.EARN,
      cause: LedgerEntryCause.OPENING_BALANCE,
      points,
      source: `demo:${label}`,
      occurredAt: earnedAt,
      recordedAt: earnedAt,
      ruleId: rules?.id ?? null,
      pilgrims,
    },
    addMonths(riyadhDate(earnedAt), rules?.expiryMonths ?? 24),
  );
}

/**
 * The demo's Al-Barakat programme, relative to today: each company with points brings an older
 * balance (part of it expiring within weeks) and this season's, the pilgrims behind the latter
 * setting its tier; a catalogue; reward requests in every state. Each company ends at its demo
 * balance. A company with no points (the revoked one) never joined, so it has no account.
 * Does nothing when accounts exist.
 */
export async function seedLoyaltyDemo(db: Database, now: Date = new Date()): Promise<void> {
  await seedCompanyDirectory(db.fork(), demoCompanies, demoAgents);
  if ((await db.fork().count(LoyaltyAccountEntity, {})) > 0) return;
  const em = db.fork();
  for (const r of REWARDS) {
    em.create(RewardEntity, {
      id: demoId(`loyalty-reward:${r.key}`),
      category: r.category,
      nameAr: r.nameAr,
      nameEn: r.nameEn,
      descriptionAr: r.descriptionAr,
      descriptionEn: r.descriptionEn,
      costPoints: r.costPoints,
      stock: r.stock,
      activeFrom: riyadhDate(new Date(now.getTime() - 120 * DAY)),
      activeUntil: r.key === 'itb-berlin' ? riyadhDate(new Date(now.getTime() - 10 * DAY)) : null,
      createdBy: officer.accountId,
    });
  }
  await em.flush();

  await db.fork().transactional(async (tx) => {
    for (const [index, company] of demoCompanies.entries()) {
      if (company.loyaltyBalance <= 0) continue;
      // Requests that keep their points; a rejected one gives them back.
      const held = REDEMPTIONS.filter((r) => r.company === index && r.end !== 'REJECTED').reduce(
        (sum, r) => sum + costOf(r.reward, r.quantity),
        0,
      );
      const older = Math.round(company.loyaltyBalance * 0.2);
      const recent = company.loyaltyBalance - older;
      // Earned 22 months ago: under 24-month expiry, what is left of it expires in about 8 weeks.
      await opening(
        tx,
        company.id,
        `${company.id}:earlier-seasons`,
        older + held,
        Math.floor(older / 10),
        new Date(now.getTime() - 670 * DAY),
      );
      await opening(
        tx,
        company.id,
        `${company.id}:this-season`,
        recent,
        Math.floor(recent / 10),
        new Date(now.getTime() - 40 * DAY),
      );
    }
  });

  for (const r of REDEMPTIONS) {
    const companyId = demoCompanies[r.company]!.id;
    const rewardId = demoId(`loyalty-reward:${r.reward}`);
    const requested = await requestRedemption(db.fork(), managerOf(companyId), { rewardId, quantity: r.quantity }, now);
    if (r.end === 'REJECTED') {
      await rejectRedemption(db.fork(), officer, {
        id: requested.id,
        reason: 'The course is full this season; please ask again for the next intake.',
      });
    }
    if (r.end === 'APPROVED' || r.end === 'FULFILLED') {
      await approveRedemption(db.fork(), officer, { id: requested.id, note: 'Approved by the service centre.' });
    }
    if (r.end === 'FULFILLED') {
      await fulfilRedemption(db.fork(), officer, { id: requested.id, note: 'Delivered to the Makkah office.' });
    }
  }
}
