import { demoId } from './ids';

/** The one password of every demo account. It exists only in demo mode (DEMO=true). */
export const DEMO_PASSWORD = 'Umrah-Demo-1447';

export interface DemoCompany {
  id: string;
  nameAr: string;
  nameEn: string;
  crNumber: string;
  city: string;
  licenseNumber: string;
  licenseStatus: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  issuedOn: string;
  expiresOn: string;
  suspendedUntil?: string;
  loyaltyBalance: number;
}

export const demoCompanies: DemoCompany[] = [
  {
    key: 'safwa',
    nameAr: 'شركة الصفوة للعمرة',
    nameEn: 'Al-Safwa Umrah Company',
    city: 'Makkah',
    status: 'ACTIVE',
    issued: '2023-02-01',
    balance: 18450,
  },
  {
    key: 'rawda',
    nameAr: 'مؤسسة الروضة لخدمات المعتمرين',
    nameEn: 'Al-Rawda Pilgrim Services',
    city: 'Madinah',
    status: 'ACTIVE',
    issued: '2022-07-15',
    balance: 9620,
  },
  {
    key: 'bayt',
    nameAr: 'شركة بيت الضيافة للعمرة',
    nameEn: 'Bayt Al-Diyafa Umrah',
    city: 'Jeddah',
    status: 'SUSPENDED',
    issued: '2022-11-03',
    balance: 2310,
    suspendedUntil: '2026-12-20',
  },
  {
    key: 'noor',
    nameAr: 'شركة نور الحرمين',
    nameEn: 'Noor Al-Haramain',
    city: 'Makkah',
    status: 'ACTIVE',
    issued: '2024-05-10',
    balance: 4075,
  },
  {
    key: 'zamzam',
    nameAr: 'مؤسسة زمزم للسياحة الدينية',
    nameEn: 'Zamzam Religious Tourism',
    city: 'Taif',
    status: 'ACTIVE',
    issued: '2021-09-01',
    balance: 12880,
  },
  {
    key: 'marwa',
    nameAr: 'شركة المروة للحج والعمرة',
    nameEn: 'Al-Marwa Hajj & Umrah',
    city: 'Riyadh',
    status: 'REVOKED',
    issued: '2020-03-22',
    balance: 0,
  },
].map((c, i) => {
  const issued = new Date(`${c.issued}T00:00:00Z`);
  const expires = new Date(issued);
  expires.setUTCFullYear(issued.getUTCFullYear() + 5);
  return {
    id: demoId(`company:${c.key}`),
    nameAr: c.nameAr,
    nameEn: c.nameEn,
    crNumber: String(4030000000 + 117 * (i + 1) * 997).slice(0, 10),
    city: c.city,
    licenseNumber: `UMR-${1447 - (i % 3)}-${String(1000 + i * 37).padStart(5, '0')}`,
    licenseStatus: c.status as DemoCompany['licenseStatus'],
    issuedOn: c.issued,
    expiresOn: expires.toISOString().slice(0, 10),
    ...(c.suspendedUntil ? { suspendedUntil: c.suspendedUntil } : {}),
    loyaltyBalance: c.balance,
  };
});

export interface DemoAgent {
  id: string;
  name: string;
  countryCode: string;
  homeLicenseNumber: string;
  /** Companies this agent works for in the demo (contracts come with the companies issue). */
  companyIds: string[];
}

const company = (index: number): string => demoCompanies[index]!.id;

export const demoAgents: DemoAgent[] = [
  { key: 'nusantara', name: 'PT Nusantara Umrah Travel', country: 'ID', companies: [0, 1] },
  { key: 'karachi', name: 'Karachi Hajj & Umrah Services', country: 'PK', companies: [0, 3] },
  { key: 'capetown', name: 'Cape Town Pilgrim Tours', country: 'ZA', companies: [1, 2] },
  { key: 'istanbul', name: 'İstanbul Hac ve Umre Turizm', country: 'TR', companies: [3, 4] },
  { key: 'nairobi', name: 'Nairobi Umrah Journeys', country: 'KE', companies: [4, 2] },
  { key: 'chicago', name: 'Midwest Umrah Travel LLC', country: 'US', companies: [0] },
].map((a, i) => ({
  id: demoId(`agent:${a.key}`),
  name: a.name,
  countryCode: a.country,
  homeLicenseNumber: `${a.country}-TA-${String(20230 + i * 11)}`,
  companyIds: a.companies.map(company),
}));

export interface DemoProvider {
  id: string;
  nameAr: string;
  nameEn: string;
  kind: 'HOTEL' | 'TRANSPORT' | 'CATERING' | 'ENRICHMENT' | 'INSURANCE' | 'TRAVEL_AGENT';
  city: string;
  licenseNumber: string;
}

export const demoProviders: DemoProvider[] = [
  { key: 'hilton-makkah', nameAr: 'فندق أبراج مكة', nameEn: 'Makkah Towers Hotel', kind: 'HOTEL', city: 'Makkah' },
  { key: 'madinah-inn', nameAr: 'نزل المدينة المنورة', nameEn: 'Madinah Inn', kind: 'HOTEL', city: 'Madinah' },
  { key: 'saptco', nameAr: 'حافلات الحرمين للنقل', nameEn: 'Haramain Coaches', kind: 'TRANSPORT', city: 'Jeddah' },
  { key: 'catering', nameAr: 'إعاشة الضيافة', nameEn: 'Diyafa Catering', kind: 'CATERING', city: 'Makkah' },
  {
    key: 'ziyarat',
    nameAr: 'رحلات إثراء السيرة',
    nameEn: 'Seerah Enrichment Trips',
    kind: 'ENRICHMENT',
    city: 'Madinah',
  },
  {
    key: 'insurance',
    nameAr: 'تأمين ضيوف الرحمن',
    nameEn: 'Duyuf Al-Rahman Insurance',
    kind: 'INSURANCE',
    city: 'Riyadh',
  },
].map((p, i) => ({
  id: demoId(`provider:${p.key}`),
  nameAr: p.nameAr,
  nameEn: p.nameEn,
  kind: p.kind as DemoProvider['kind'],
  city: p.city,
  licenseNumber: `MQM-${p.kind.slice(0, 3)}-${String(5100 + i * 23)}`,
}));

export interface DemoAccount {
  id: string;
  email: string;
  displayName: string;
  role: 'MINISTRY_SUPERVISOR' | 'MINISTRY_OFFICER' | 'COMPANY_MANAGER' | 'AGENT' | 'PROVIDER';
  companyId?: string;
  agentId?: string;
  providerId?: string;
}

export const demoAccounts: DemoAccount[] = [
  {
    id: demoId('account:supervisor'),
    email: 'supervisor@ministry.demo',
    displayName: 'Huda Al-Qahtani',
    role: 'MINISTRY_SUPERVISOR',
  },
  {
    id: demoId('account:officer'),
    email: 'officer@ministry.demo',
    displayName: 'Faisal Al-Harbi',
    role: 'MINISTRY_OFFICER',
  },
  {
    id: demoId('account:manager-safwa'),
    email: 'manager@safwa.demo',
    displayName: 'Abdullah Al-Safi',
    role: 'COMPANY_MANAGER',
    companyId: company(0),
  },
  {
    id: demoId('account:manager-rawda'),
    email: 'manager@rawda.demo',
    displayName: 'Maha Al-Rashid',
    role: 'COMPANY_MANAGER',
    companyId: company(1),
  },
  {
    id: demoId('account:manager-bayt'),
    email: 'manager@bayt.demo',
    displayName: 'Saad Al-Otaibi',
    role: 'COMPANY_MANAGER',
    companyId: company(2),
  },
  {
    id: demoId('account:agent-nusantara'),
    email: 'agent@nusantara.demo',
    displayName: 'Siti Rahmawati',
    role: 'AGENT',
    agentId: demoAgents[0]!.id,
  },
  {
    id: demoId('account:provider-makkah'),
    email: 'provider@makkahtowers.demo',
    displayName: 'Omar Bakr',
    role: 'PROVIDER',
    providerId: demoProviders[0]!.id,
  },
];
