import { demoAgents, demoCompanies } from './cast';
import { demoId, prng } from './ids';

export type DemoVisaStatus =
  | 'SUBMITTED'
  | 'APPROVED'
  | 'REJECTED'
  | 'PAID'
  | 'SENT_TO_MOFA'
  | 'ISSUED'
  | 'ARRIVED'
  | 'DEPARTED'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'OVERSTAYED';

export interface DemoPilgrim {
  id: string;
  companyId: string;
  agentId: string;
  givenNameAr: string;
  fatherNameAr: string;
  grandfatherNameAr: string;
  familyNameAr: string;
  givenNameEn: string;
  fatherNameEn: string;
  grandfatherNameEn: string;
  familyNameEn: string;
  passportNumber: string;
  nationality: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  passportIssuedOn: string;
  /** Ten years after issue: valid well past the season's last departure plus six months. */
  passportExpiresOn: string;
  visa: {
    id: string;
    status: DemoVisaStatus;
    submittedAt: string;
    mofaReference: string | null;
    visaNumber: string | null;
  };
}

type Name = readonly [latin: string, arabic: string];

const MALE: Name[] = [
  ['Muhammad', 'محمد'],
  ['Ahmad', 'أحمد'],
  ['Abdullah', 'عبدالله'],
  ['Ibrahim', 'إبراهيم'],
  ['Yusuf', 'يوسف'],
  ['Umar', 'عمر'],
  ['Ali', 'علي'],
  ['Hasan', 'حسن'],
  ['Hamza', 'حمزة'],
  ['Ismail', 'إسماعيل'],
  ['Bilal', 'بلال'],
  ['Khalid', 'خالد'],
  ['Zakariya', 'زكريا'],
  ['Idris', 'إدريس'],
  ['Sulayman', 'سليمان'],
  ['Musa', 'موسى'],
];
const FEMALE: Name[] = [
  ['Fatimah', 'فاطمة'],
  ['Aisyah', 'عائشة'],
  ['Khadijah', 'خديجة'],
  ['Maryam', 'مريم'],
  ['Zaynab', 'زينب'],
  ['Amina', 'آمنة'],
  ['Halima', 'حليمة'],
  ['Safiya', 'صفية'],
  ['Ruqayya', 'رقية'],
  ['Nur', 'نور'],
];
const FAMILY: Record<string, Name[]> = {
  ID: [
    ['Santoso', 'سانتوسو'],
    ['Wijaya', 'ويجايا'],
    ['Hidayat', 'هداية'],
    ['Saputra', 'سابوترا'],
    ['Nasution', 'ناسوتيون'],
  ],
  ZA: [
    ['Patel', 'باتيل'],
    ['Adams', 'آدمز'],
    ['Davids', 'ديفيدز'],
    ['Jacobs', 'جاكوبز'],
    ['Essop', 'عيسوب'],
  ],
  PK: [
    ['Khan', 'خان'],
    ['Qureshi', 'قريشي'],
    ['Siddiqui', 'صديقي'],
    ['Chaudhry', 'تشودري'],
    ['Malik', 'مالك'],
  ],
  US: [
    ['Rahman', 'رحمن'],
    ['Williams', 'ويليامز'],
    ['Shakir', 'شاكر'],
    ['Hassan', 'حسن'],
    ['Brown', 'براون'],
  ],
  KE: [
    ['Omondi', 'أوموندي'],
    ['Abdi', 'عبدي'],
    ['Mwangi', 'موانجي'],
    ['Farah', 'فارح'],
    ['Juma', 'جمعة'],
  ],
  TR: [
    ['Yılmaz', 'يلماز'],
    ['Kaya', 'كايا'],
    ['Demir', 'دمير'],
    ['Şahin', 'شاهين'],
    ['Çelik', 'تشيليك'],
  ],
  EG: [
    ['El-Sayed', 'السيد'],
    ['Mahmoud', 'محمود'],
    ['Abdelrahman', 'عبدالرحمن'],
    ['Fathy', 'فتحي'],
  ],
  MY: [
    ['Abdul Razak', 'عبدالرزاق'],
    ['Ismail', 'إسماعيل'],
    ['Othman', 'عثمان'],
    ['Yusof', 'يوسف'],
  ],
  NG: [
    ['Bello', 'بيلو'],
    ['Abubakar', 'أبوبكر'],
    ['Usman', 'عثمان'],
    ['Lawal', 'لوال'],
  ],
  GB: [
    ['Hussain', 'حسين'],
    ['Ahmed', 'أحمد'],
    ['Begum', 'بيغوم'],
    ['Miah', 'مياه'],
  ],
  BD: [
    ['Hossain', 'حسين'],
    ['Islam', 'إسلام'],
    ['Uddin', 'الدين'],
    ['Rahman', 'رحمن'],
  ],
  DZ: [
    ['Benali', 'بن علي'],
    ['Boudiaf', 'بوضياف'],
    ['Haddad', 'حداد'],
    ['Mansouri', 'منصوري'],
  ],
};

// Seed 003's first-day mix: Indonesia 280, South Africa 227, Pakistan 43, USA 30, Kenya 29, Turkey 25, others 50.
const NATIONALITY_WEIGHTS: [string, number][] = [
  ['ID', 280],
  ['ZA', 227],
  ['PK', 43],
  ['US', 30],
  ['KE', 29],
  ['TR', 25],
  ['EG', 12],
  ['MY', 12],
  ['NG', 9],
  ['GB', 7],
  ['BD', 6],
  ['DZ', 4],
];

const STATUS_WEIGHTS: [DemoVisaStatus, number][] = [
  ['ISSUED', 28],
  ['ARRIVED', 20],
  ['DEPARTED', 14],
  ['SUBMITTED', 10],
  ['APPROVED', 7],
  ['PAID', 4],
  ['SENT_TO_MOFA', 3],
  ['REJECTED', 4],
  ['CANCELLED', 3],
  ['EXPIRED', 4],
  ['OVERSTAYED', 3],
];

function weighted<T>(pairs: [T, number][], r: number): T {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let x = r * total;
  for (const [value, w] of pairs) {
    if ((x -= w) < 0) return value;
  }
  return pairs[pairs.length - 1]![0];
}

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length)]!;
const AFTER_MOFA = new Set<DemoVisaStatus>(['ISSUED', 'ARRIVED', 'DEPARTED', 'EXPIRED', 'OVERSTAYED']);

/** The demo pilgrims: the same list on every machine and in every subgraph. */
export function demoPilgrims(count = 360): DemoPilgrim[] {
  const random = prng(1447);
  const passports = prng(1448);
  const operating = demoCompanies.filter((c) => c.licenseStatus !== 'REVOKED');
  const pilgrims: DemoPilgrim[] = [];
  for (let i = 0; i < count; i++) {
    const nationality = weighted(NATIONALITY_WEIGHTS, random());
    const company = pick(operating, random());
    const agents = demoAgents.filter((a) => a.companyIds.includes(company.id));
    const agent = agents.find((a) => a.countryCode === nationality) ?? pick(agents, random());
    const sex = random() < 0.55 ? 'MALE' : 'FEMALE';
    const given = pick(sex === 'MALE' ? MALE : FEMALE, random());
    const father = pick(MALE, random());
    const grandfather = pick(MALE, random());
    const family = pick(FAMILY[nationality]!, random());
    const status = weighted(STATUS_WEIGHTS, random());
    const born = new Date(
      Date.UTC(1950 + Math.floor(random() * 55), Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    );
    const submitted = new Date(Date.UTC(2026, 5, 20) + Math.floor(random() * 150 * 86_400_000));
    // From a second stream, so adding passport dates left the rest of the cast unchanged.
    const issued = new Date(Date.UTC(2020, 0, 1) + Math.floor(passports() * 5 * 365) * 86_400_000);
    const expires = new Date(issued);
    expires.setUTCFullYear(issued.getUTCFullYear() + 10);
    pilgrims.push({
      id: demoId(`pilgrim:${i}`),
      companyId: company.id,
      agentId: agent.id,
      givenNameAr: given[1],
      fatherNameAr: father[1],
      grandfatherNameAr: grandfather[1],
      familyNameAr: family[1],
      givenNameEn: given[0],
      fatherNameEn: father[0],
      grandfatherNameEn: grandfather[0],
      familyNameEn: family[0],
      passportNumber: `${nationality}${String(10_000_000 + Math.floor(random() * 89_999_999))}`,
      nationality,
      dateOfBirth: born.toISOString().slice(0, 10),
      sex,
      passportIssuedOn: issued.toISOString().slice(0, 10),
      passportExpiresOn: expires.toISOString().slice(0, 10),
      visa: {
        id: demoId(`visa:${i}`),
        status,
        submittedAt: submitted.toISOString(),
        mofaReference: AFTER_MOFA.has(status) ? String(100_000_000 + Math.floor(random() * 899_999_999)) : null,
        visaNumber: AFTER_MOFA.has(status) ? String(6_000_000_000 + Math.floor(random() * 999_999_999)) : null,
      },
    });
  }
  return pilgrims;
}
