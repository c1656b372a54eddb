import { DEMO_PASSWORD, demoAccounts } from '@umrah/demo';
import { Role, type Viewer } from '@umrah/subgraph-kit';
import { agentA, companyA, providerA, type CallerName } from './callers';
import { MISSING, type Fixtures, type TenantObjects } from './fixtures';

/**
 * What a caller gets from one root field:
 * - OK: data, no error (a list with at least one row);
 * - EMPTY: no error, and the answer looks exactly like nothing is there (null, or an empty list) —
 *   what a tenant-scoped read gives for objects outside the caller's slice;
 * - NOT_FOUND: the error a missing id gives, where the field reports one (EMPTY and NOT_FOUND
 *   answers are also compared with the same operation on a missing id: they must be identical);
 * - FORBIDDEN / UNAUTHENTICATED: that error code, and no data;
 * - PERMITTED (mutations): past the access check — any domain error (NOT_FOUND, BAD_USER_INPUT, …)
 *   is fine, since permitted callers are run against missing ids so that nothing real changes.
 */
export type Outcome = 'OK' | 'EMPTY' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'PERMITTED';

/**
 * The objects a case points at. Queries always point at company B's objects (so the manager and
 * agent of company A must get EMPTY). A mutation expected to be refused points at real objects of
 * company B, so a refusal that did not hold would really change something (the suite checks that
 * nothing did); a permitted mutation points at missing ids, so it changes nothing real.
 */
export interface Targets extends TenantObjects {
  /** Where a party registers pilgrims: company B when refused, else company A (its own, or contracted). */
  registerFor: string;
  accountId: string;
  agentId: string;
  providerId: string;
  itemId: string;
  rewardId: string;
  apiClientId: string;
}

export interface FieldPolicy {
  /** The roles the root field admits; PUBLIC when it needs no sign-in (login and friends). */
  roles: readonly Role[] | 'PUBLIC';
  /** Admitted roles that nonetheless see nothing of company B's here (null or an empty list). */
  empty?: readonly Role[];
  /** Admitted roles for whom company B's object is NOT_FOUND, as a missing one is. */
  notFound?: readonly Role[];
  /**
   * Why this mutation may name another tenant's object (a complaint is filed *about* a company),
   * which exempts it from the check that parties' mutations on company B's objects act as on missing ones.
   */
  aboutOthers?: string;
  /** Accounts and credentials are managed by people only: FORBIDDEN to any API client's token. */
  peopleOnly?: boolean;
  /** Callers whose outcome is not what the rules above derive, with the reason in `why`. */
  except?: Partial<Record<CallerName, Outcome>>;
  why?: string;
  /** The field's arguments (the operation is built from them and the schema). */
  args: (f: Fixtures, t: Targets) => Record<string, unknown>;
}

const { MINISTRY_SUPERVISOR: SUPERVISOR, MINISTRY_OFFICER: OFFICER, COMPANY_MANAGER: MANAGER, AGENT, PROVIDER } = Role;
const MINISTRY = [SUPERVISOR, OFFICER] as const;
const EVERYONE = [SUPERVISOR, OFFICER, MANAGER, AGENT, PROVIDER] as const;
const PARTIES = [MANAGER, AGENT, PROVIDER] as const;

const page = { first: 5 };
const daysAhead = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const unique = (): string => Math.random().toString(36).slice(2, 10);
const pilgrimRow = () => ({
  givenNameAr: 'محمد',
  fatherNameAr: 'أحمد',
  grandfatherNameAr: 'علي',
  familyNameAr: 'الهاشمي',
  givenNameEn: 'Muhammad',
  fatherNameEn: 'Ahmad',
  grandfatherNameEn: 'Ali',
  familyNameEn: 'Hashimi',
  passportNumber: `P${String(Math.floor(Math.random() * 9e7) + 1e7)}`,
  nationality: 'ID',
  dateOfBirth: '1980-05-01',
  sex: 'MALE',
  passportIssuedOn: '2022-01-01',
  passportExpiresOn: '2032-01-01',
});
const packageInput = () => ({
  nameAr: 'باقة',
  nameEn: `Authz package ${unique()}`,
  priceHalalas: 500_000,
  makkahNights: 3,
  madinahNights: 2,
  saleStartsOn: '2031-01-01',
  saleEndsOn: '2031-03-01',
  components: [],
});

/** Every root Query field of the supergraph. */
export const QUERIES: Record<string, FieldPolicy> = {
  me: {
    roles: 'PUBLIC',
    except: { anonymous: 'EMPTY' },
    why: 'Null for a caller who is not signed in.',
    args: () => ({}),
  },
  accounts: { roles: [...MINISTRY, MANAGER], args: () => page },
  apiClients: { roles: EVERYONE, args: () => page },
  externalAgents: { roles: [...MINISTRY, MANAGER, AGENT], args: () => page },
  externalAgent: { roles: EVERYONE, args: (f) => ({ id: f.agentId }) },
  auditTrail: {
    roles: [...MINISTRY, MANAGER],
    empty: [MANAGER],
    args: (_f, t) => ({ companyId: t.companyId, ...page }),
  },
  auditLog: { roles: MINISTRY, args: () => page },
  companies: { roles: [...MINISTRY, MANAGER], args: () => page },
  company: { roles: EVERYONE, args: (_f, t) => ({ id: t.companyId }) },
  agencyContracts: { roles: [...MINISTRY, MANAGER, AGENT], args: () => page },
  agencyContract: {
    roles: [...MINISTRY, MANAGER, AGENT],
    empty: [MANAGER, AGENT],
    args: (_f, t) => ({ id: t.contractId }),
  },
  licensingPolicy: { roles: EVERYONE, args: () => ({}) },
  licensingPolicyHistory: { roles: MINISTRY, args: () => ({}) },
  loyaltyAccounts: { roles: MINISTRY, args: () => page },
  loyaltyRedemptions: { roles: [...MINISTRY, MANAGER], args: () => page },
  loyaltyRedemption: { roles: [...MINISTRY, MANAGER], empty: [MANAGER], args: (_f, t) => ({ id: t.redemptionId }) },
  loyaltyRewards: { roles: [...MINISTRY, MANAGER], args: () => page },
  loyaltyReward: { roles: [...MINISTRY, MANAGER], args: (f) => ({ id: f.rewardId }) },
  loyaltyEarningRules: { roles: [...MINISTRY, MANAGER], args: () => ({}) },
  loyaltyEarningRulesHistory: { roles: [...MINISTRY, MANAGER], args: () => ({}) },
  loyaltyProgrammeStatistics: { roles: MINISTRY, args: () => ({ months: 6 }) },
  bookings: { roles: [...MINISTRY, MANAGER], args: () => page },
  booking: { roles: [...MINISTRY, MANAGER], empty: [MANAGER], args: (_f, t) => ({ id: t.bookingId }) },
  complaints: { roles: [...MINISTRY, MANAGER, PROVIDER, AGENT], args: () => page },
  complaint: {
    roles: [...MINISTRY, MANAGER, PROVIDER, AGENT],
    empty: [MANAGER, PROVIDER, AGENT],
    args: (_f, t) => ({ id: t.complaintId }),
  },
  complianceRanking: { roles: MINISTRY, args: () => ({ order: 'WORST_FIRST', party: 'COMPANY', ...page }) },
  compliancePolicy: { roles: EVERYONE, args: () => ({}) },
  complianceStatistics: {
    roles: [...MINISTRY, MANAGER, PROVIDER],
    empty: [MANAGER, PROVIDER],
    args: (_f, t) => ({ companyId: t.companyId }),
  },
  complianceTrend: {
    roles: [...MINISTRY, MANAGER, PROVIDER],
    empty: [MANAGER, PROVIDER],
    args: (_f, t) => ({ companyId: t.companyId }),
  },
  inspections: { roles: [...MINISTRY, MANAGER, PROVIDER], args: () => page },
  inspection: {
    roles: [...MINISTRY, MANAGER, PROVIDER],
    empty: [MANAGER, PROVIDER],
    args: (_f, t) => ({ id: t.inspectionId }),
  },
  inventoryItems: { roles: [...MINISTRY, MANAGER, PROVIDER], args: () => page },
  inventoryItem: {
    roles: [...MINISTRY, MANAGER, PROVIDER],
    empty: [PROVIDER],
    why: 'The ministry and managers read every provider’s items; a provider only its own.',
    args: (f) => ({ id: f.otherItemId }),
  },
  availability: {
    roles: [...MINISTRY, MANAGER, PROVIDER],
    args: () => ({ from: '2026-12-01', to: '2026-12-05', ...page }),
  },
  inventoryReservations: { roles: [...MINISTRY, PROVIDER], args: () => page },
  serviceProviders: { roles: EVERYONE, args: () => page },
  serviceProvider: { roles: EVERYONE, args: (f) => ({ id: f.otherProviderId }) },
  servicePackages: { roles: [...MINISTRY, MANAGER], args: () => page },
  servicePackage: { roles: [...MINISTRY, MANAGER], empty: [MANAGER], args: (_f, t) => ({ id: t.packageId }) },
  packageApprovalQueue: { roles: MINISTRY, args: () => page },
  violations: { roles: [...MINISTRY, MANAGER, PROVIDER], args: () => page },
  violation: {
    roles: [...MINISTRY, MANAGER, PROVIDER],
    empty: [MANAGER, PROVIDER],
    args: (_f, t) => ({ id: t.violationId }),
  },
  pilgrimGroups: { roles: [...MINISTRY, MANAGER, AGENT], args: () => page },
  pilgrimGroup: {
    roles: [...MINISTRY, MANAGER, AGENT],
    empty: [MANAGER, AGENT],
    args: (_f, t) => ({ id: t.groupId }),
  },
  pilgrims: { roles: [...MINISTRY, MANAGER, AGENT], args: () => page },
  pilgrim: { roles: [...MINISTRY, MANAGER, AGENT], empty: [MANAGER, AGENT], args: (_f, t) => ({ id: t.pilgrimId }) },
  seasons: { roles: EVERYONE, args: () => ({}) },
  currentSeason: { roles: EVERYONE, args: () => ({}) },
  visaApplications: { roles: [...MINISTRY, MANAGER, AGENT], args: () => page },
  visaApplication: {
    roles: [...MINISTRY, MANAGER, AGENT],
    empty: [MANAGER, AGENT],
    args: (_f, t) => ({ id: t.visaId }),
  },
  visaStatistics: { roles: [...MINISTRY, MANAGER], empty: [MANAGER], args: (_f, t) => ({ companyId: t.companyId }) },
  webhookSubscriptions: { roles: [MANAGER, AGENT], args: () => page },
  webhookDeliveries: {
    roles: [MANAGER, AGENT],
    notFound: [MANAGER, AGENT],
    args: (_f, t) => ({ subscriptionId: t.webhookId, ...page }),
  },
};

/** Every root Mutation field of the supergraph. */
export const MUTATIONS: Record<string, FieldPolicy> = {
  login: {
    roles: 'PUBLIC',
    args: () => ({ input: { email: demoAccounts[0]!.email, password: DEMO_PASSWORD } }),
  },
  createAccount: {
    peopleOnly: true,
    roles: [OFFICER],
    args: (_f, t) => ({
      input: {
        email: `authz-${unique()}@example.com`,
        displayName: 'Authz matrix',
        role: 'COMPANY_MANAGER',
        companyId: t.companyId,
        initialPassword: 'Authz-Matrix-Password-1',
      },
    }),
  },
  addStaff: {
    peopleOnly: true,
    roles: [MANAGER],
    args: () => ({
      input: {
        email: `authz-${unique()}@example.com`,
        displayName: 'Authz matrix',
        initialPassword: 'Authz-Matrix-Password-1',
      },
    }),
  },
  disableAccount: {
    peopleOnly: true,
    roles: [OFFICER, MANAGER],
    args: (_f, t) => ({ input: { id: t.accountId, reason: 'Authz' } }),
  },
  enableAccount: {
    peopleOnly: true,
    roles: [OFFICER, MANAGER],
    args: (_f, t) => ({ input: { id: t.accountId, reason: 'Authz' } }),
  },
  changePassword: {
    peopleOnly: true,
    roles: EVERYONE,
    // A wrong current password: the demo accounts keep theirs (WRONG_PASSWORD is past the access check).
    args: () => ({ input: { currentPassword: 'Not-The-Password-1', newPassword: 'Authz-Matrix-Password-2' } }),
  },
  createApiClient: {
    peopleOnly: true,
    roles: PARTIES,
    args: () => ({ input: { name: `Authz ${unique()}`, scopes: ['READ'] } }),
  },
  rotateApiClientSecret: { peopleOnly: true, roles: PARTIES, args: (_f, t) => ({ id: t.apiClientId }) },
  revokeApiClient: {
    peopleOnly: true,
    roles: [OFFICER, ...PARTIES],
    args: (_f, t) => ({ input: { id: t.apiClientId, reason: 'Authz' } }),
  },
  clientCredentialsToken: {
    roles: 'PUBLIC',
    args: (f) => ({ input: { clientId: f.clientId, clientSecret: f.clientSecret } }),
  },
  registerAgent: {
    roles: [OFFICER],
    args: () => ({
      input: {
        name: 'Authz Travel',
        countryCode: 'MY',
        homeLicenseNumber: `MY-TA-${unique()}`,
        contactEmail: 'agent@example.com',
        contactPhone: '+60312345678',
      },
    }),
  },
  approveAgent: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.agentId, reason: 'Authz' } }) },
  suspendAgent: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.agentId, reason: 'Authz' } }) },
  reinstateAgent: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.agentId, reason: 'Authz' } }) },
  createCompany: {
    roles: [OFFICER],
    args: () => ({
      input: {
        nameAr: 'شركة',
        nameEn: `Authz ${unique()}`,
        crNumber: String(4_000_000_000 + Math.floor(Math.random() * 99_999_999)),
        city: 'Makkah',
        contactEmail: 'company@example.com',
        contactPhone: '+966501234567',
        serviceCenter: 'Bab Al-Umrah',
        licenseNumber: `UMR-1447-${String(Math.floor(Math.random() * 90_000) + 10_000)}`,
      },
    }),
  },
  updateCompany: { roles: [OFFICER], args: (_f, t) => ({ id: t.companyId, input: { city: 'Taif' } }) },
  createAgencyContract: {
    roles: [MANAGER],
    args: (_f, t) => ({ input: { agentId: t.agentId, validFrom: '2031-01-01', validTo: '2031-06-01' } }),
  },
  submitAgencyContract: { roles: [MANAGER], args: (_f, t) => ({ id: t.contractId }) },
  approveAgencyContract: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.contractId, reason: 'Authz' } }) },
  rejectAgencyContract: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.contractId, reason: 'Authz' } }) },
  terminateAgencyContract: {
    roles: [OFFICER, MANAGER],
    args: (_f, t) => ({ input: { id: t.contractId, reason: 'Authz' } }),
  },
  suspendLicense: {
    roles: [OFFICER],
    args: (_f, t) => ({ input: { companyId: t.companyId, reason: 'Authz', cureUntil: '2031-01-01' } }),
  },
  reinstateLicense: { roles: [OFFICER], args: (_f, t) => ({ input: { companyId: t.companyId, reason: 'Authz' } }) },
  revokeLicense: { roles: [OFFICER], args: (_f, t) => ({ input: { companyId: t.companyId, reason: 'Authz' } }) },
  renewLicense: { roles: [OFFICER], args: (_f, t) => ({ input: { companyId: t.companyId, reason: 'Authz' } }) },
  updateLicensingPolicy: {
    roles: [OFFICER],
    args: () => ({
      input: {
        season: '1460',
        effectiveFrom: '2038-01-01',
        licenseYears: 5,
        companyCureDays: 30,
        agentCureDays: 10,
        contractCutoffOn: '2038-06-01',
        reason: 'Authz',
      },
    }),
  },
  adjustLoyaltyPoints: {
    roles: [OFFICER],
    args: (_f, t) => ({ input: { companyId: t.companyId, points: 100, reason: 'Authz' } }),
  },
  requestLoyaltyRedemption: { roles: [MANAGER], args: (_f, t) => ({ input: { rewardId: t.rewardId, quantity: 1 } }) },
  cancelLoyaltyRedemption: { roles: [MANAGER], args: (_f, t) => ({ id: t.redemptionId }) },
  approveLoyaltyRedemption: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.redemptionId } }) },
  fulfilLoyaltyRedemption: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.redemptionId } }) },
  rejectLoyaltyRedemption: {
    roles: [OFFICER],
    args: (_f, t) => ({ input: { id: t.redemptionId, reason: 'Authz' } }),
  },
  createLoyaltyReward: {
    roles: [OFFICER],
    args: () => ({
      input: {
        category: 'OTHER',
        nameAr: 'هدية',
        nameEn: 'Gift',
        descriptionAr: 'هدية',
        descriptionEn: 'A gift',
        costPoints: 10,
        stock: 1,
        activeFrom: '2040-01-01',
      },
    }),
  },
  updateLoyaltyReward: { roles: [OFFICER], args: (_f, t) => ({ input: { id: t.rewardId, stockChange: 1 } }) },
  setLoyaltyEarningRules: {
    roles: [OFFICER],
    args: () => ({ input: { season: '1460', reason: 'Authz', effectiveFrom: '2038-01-01T00:00:00Z' } }),
  },
  bookPackage: {
    roles: [MANAGER],
    args: (_f, t) => ({
      // Ahead of today, so the date rules pass and the package and pilgrim are what is checked.
      input: { packageId: t.packageId, pilgrimId: t.pilgrimId, startsOn: daysAhead(14), endsOn: daysAhead(19) },
    }),
  },
  confirmBooking: { roles: [MANAGER], args: (_f, t) => ({ id: t.bookingId, paymentReference: 'PAY-AUTHZ-1' }) },
  cancelBooking: { roles: [MANAGER], args: (_f, t) => ({ id: t.bookingId, reason: 'Authz' }) },
  fileComplaint: {
    roles: [OFFICER, MANAGER, AGENT],
    aboutOthers: 'Agents (and the hotline) file complaints about any company; managers only about providers.',
    args: (_f, t) => ({
      input: { companyId: t.companyId, category: 'OTHER', description: 'Authz matrix complaint.', city: 'Makkah' },
    }),
  },
  answerComplaint: {
    roles: [MANAGER, PROVIDER],
    args: (_f, t) => ({ id: t.complaintId, answer: 'Authz answer.', resolved: false }),
  },
  escalateComplaint: { roles: [OFFICER], args: (_f, t) => ({ id: t.complaintId, reason: 'Authz' }) },
  resolveComplaint: {
    roles: [OFFICER],
    args: (_f, t) => ({ id: t.complaintId, resolution: 'Authz resolution.', upheld: false }),
  },
  updateCompliancePolicy: { roles: [OFFICER], args: () => ({ input: { reason: 'Authz' } }) },
  recordInspection: {
    roles: [OFFICER],
    args: (_f, t) => ({
      input: {
        companyId: t.companyId,
        city: 'Makkah',
        site: 'Authz site',
        visitedOn: '2026-07-01',
        findings: 'Authz findings.',
        violations: [],
      },
    }),
  },
  createInventoryItem: {
    roles: [PROVIDER],
    args: () => ({ input: { code: `AUTHZ-${unique()}`, nameAr: 'غرفة', nameEn: 'Room', roomType: 'DOUBLE' } }),
  },
  setInventoryAllotments: {
    roles: [PROVIDER],
    args: (_f, t) => ({
      input: { itemId: t.itemId, from: '2031-01-01', to: '2031-01-05', capacity: 3, priceHalalas: 10_000 },
    }),
  },
  registerServiceProvider: {
    roles: [OFFICER],
    args: () => ({
      input: {
        nameAr: 'مزود',
        nameEn: `Authz ${unique()}`,
        kind: 'CATERING',
        city: 'Makkah',
        licenseNumber: `MQM-CAT-${unique()}`,
      },
    }),
  },
  createServicePackage: { roles: [MANAGER], args: () => ({ input: packageInput() }) },
  updateServicePackage: { roles: [MANAGER], args: (_f, t) => ({ id: t.packageId, input: packageInput() }) },
  submitServicePackage: { roles: [MANAGER], args: (_f, t) => ({ id: t.packageId }) },
  approveServicePackage: { roles: [OFFICER], args: (_f, t) => ({ id: t.packageId }) },
  rejectServicePackage: { roles: [OFFICER], args: (_f, t) => ({ id: t.packageId, reason: 'Authz' }) },
  recordViolation: {
    roles: [OFFICER],
    args: (_f, t) => ({ input: { companyId: t.companyId, type: 'OTHER', fineHalalas: 0, details: 'Authz details.' } }),
  },
  cureViolation: { roles: [OFFICER], args: (_f, t) => ({ id: t.violationId, note: 'Authz note' }) },
  escalateViolation: { roles: [OFFICER], args: (_f, t) => ({ id: t.violationId, note: 'Authz note' }) },
  cancelViolation: { roles: [OFFICER], args: (_f, t) => ({ id: t.violationId, reason: 'Authz' }) },
  registerPilgrims: {
    roles: [MANAGER, AGENT],
    args: (_f, t) => ({ input: { companyId: t.registerFor, rows: [pilgrimRow()] } }),
  },
  createPilgrimGroup: {
    roles: [MANAGER, AGENT],
    args: (_f, t) => ({ input: { companyId: t.registerFor, name: 'Authz group' } }),
  },
  registerPilgrim: {
    roles: [MANAGER, AGENT],
    args: (_f, t) => ({ input: { ...pilgrimRow(), companyId: t.registerFor } }),
  },
  updateSeasonPolicy: {
    roles: [OFFICER],
    args: () => ({ input: { hijriYear: '1460', reason: 'Authz', effectiveFrom: '2038-01-01T00:00:00Z' } }),
  },
  setCompanyVisaQuota: {
    roles: [OFFICER],
    args: (_f, t) => ({ input: { hijriYear: '1447', companyId: t.companyId, quota: 5, reason: 'Authz' } }),
  },
  submitVisaApplication: { roles: [MANAGER, AGENT], args: (_f, t) => ({ pilgrimId: t.pilgrimId }) },
  approveVisaApplication: { roles: [MANAGER], args: (_f, t) => ({ id: t.visaId }) },
  rejectVisaApplication: { roles: [MANAGER], args: (_f, t) => ({ id: t.visaId, reason: 'Authz' }) },
  cancelVisaApplication: { roles: [MANAGER, AGENT], args: (_f, t) => ({ id: t.visaId, reason: 'Authz' }) },
  retryVisaProcessing: { roles: [MANAGER], args: (_f, t) => ({ id: t.visaId }) },
  recordArrival: {
    roles: [OFFICER, MANAGER],
    args: (_f, t) => ({ id: t.visaId, input: { arrivedOn: '2026-07-01', port: 'JED', portKind: 'AIR' } }),
  },
  recordDeparture: {
    roles: [OFFICER, MANAGER],
    args: (_f, t) => ({ id: t.visaId, input: { departedOn: '2026-07-20', port: 'JED' } }),
  },
  createWebhookSubscription: {
    roles: [MANAGER, AGENT],
    args: () => ({ input: { url: 'https://hooks.example.com/authz', eventTypes: ['VISA_STATUS_CHANGED'] } }),
  },
  updateWebhookSubscription: {
    roles: [MANAGER, AGENT],
    args: (_f, t) => ({ id: t.webhookId, input: { active: false } }),
  },
  rotateWebhookSecret: { roles: [MANAGER, AGENT], args: (_f, t) => ({ id: t.webhookId }) },
  deleteWebhookSubscription: { roles: [MANAGER, AGENT], args: (_f, t) => ({ id: t.webhookId }) },
  redeliverWebhook: { roles: [MANAGER, AGENT], args: () => ({ deliveryId: MISSING }) },
};

/**
 * The slice of each party: any row a query answers it with (a list's nodes, or the one object) that
 * names a company, provider or agent outside these is a leak. The ministry reads everything; a
 * manager sees others' agents and providers it deals with, an agent the companies it holds contracts
 * with, a provider the companies that reserve its inventory.
 */
export const SLICES: Partial<Record<CallerName, { company?: string[]; provider?: string[]; agent?: string[] }>> = {
  manager: { company: [companyA.id] },
  managerClient: { company: [companyA.id] },
  agent: { company: agentA.companyIds, agent: [agentA.id] },
  agentClient: { company: agentA.companyIds, agent: [agentA.id] },
  provider: { provider: [providerA.id] },
  providerClient: { provider: [providerA.id] },
};

/** What the rules above declare for one caller of one field. */
export function expectedOutcome(
  policy: FieldPolicy,
  kind: 'query' | 'mutation',
  caller: CallerName,
  viewer: Viewer | null,
): Outcome {
  const exception = policy.except?.[caller];
  if (exception) return exception;
  if (policy.roles === 'PUBLIC') return kind === 'query' ? 'OK' : 'PERMITTED';
  if (!viewer) return 'UNAUTHENTICATED';
  // A third-party client: READ opens queries, WRITE mutations; never more than its party's role.
  if (viewer.scopes.length > 0 && !viewer.scopes.includes(kind === 'query' ? 'READ' : 'WRITE')) return 'FORBIDDEN';
  if (viewer.scopes.length > 0 && policy.peopleOnly) return 'FORBIDDEN';
  if (!policy.roles.includes(viewer.role)) return 'FORBIDDEN';
  if (kind === 'mutation') return 'PERMITTED';
  if (policy.notFound?.includes(viewer.role)) return 'NOT_FOUND';
  return policy.empty?.includes(viewer.role) ? 'EMPTY' : 'OK';
}

const managerOf = (companyId: string): string =>
  demoAccounts.find((a) => a.role === 'COMPANY_MANAGER' && a.companyId === companyId)!.id;

/**
 * The objects a case points at: `other` — real objects of company B (and of another provider, and
 * company B's API client); `missing` — ids no row has; `permitted` — missing ids, except that a
 * party registers pilgrims for company A (its own, or one it holds a contract with).
 */
export function targetsFor(f: Fixtures, mode: 'other' | 'missing' | 'permitted'): Targets {
  if (mode === 'other') {
    return {
      ...f.b,
      registerFor: f.b.companyId,
      accountId: managerOf(f.b.companyId),
      agentId: f.agentId,
      providerId: f.otherProviderId,
      itemId: f.otherItemId,
      rewardId: f.rewardId,
      apiClientId: f.otherApiClientId,
    };
  }
  const missing = Object.fromEntries(Object.keys(f.b).map((k) => [k, MISSING])) as unknown as TenantObjects;
  return {
    ...missing,
    registerFor: mode === 'permitted' ? f.a.companyId : MISSING,
    accountId: MISSING,
    agentId: MISSING,
    providerId: MISSING,
    itemId: MISSING,
    rewardId: MISSING,
    apiClientId: MISSING,
  };
}

/** The targets that belong to a tenant (not directory data such as agents, providers, rewards). */
export function tenantIds(t: Targets): string[] {
  const { agentId: _agent, providerId: _provider, rewardId: _reward, ...owned } = t;
  return Object.values(owned);
}

/**
 * Entities each subgraph resolves, keyed `subgraph.Type`: the selection `_entities` asks for, and
 * whether a manager of company A may see company B's one (`public`: directory data every signed-in
 * caller reads) or must get exactly what a missing id gives (`tenant`). `own`/`other` pick the ids.
 */
export interface EntityPolicy {
  select: string;
  visibility: 'tenant' | 'public';
  /** An entity this subgraph only extends: any id resolves to a stub, and its fields must hide B's data. */
  stub?: boolean;
  own: (f: Fixtures) => string;
  other: (f: Fixtures) => string;
}

export const ENTITIES: Record<string, EntityPolicy> = {
  'companies.Company': {
    select: 'id nameEn',
    visibility: 'public',
    own: (f) => f.a.companyId,
    other: (f) => f.b.companyId,
  },
  'companies.ExternalAgent': {
    select: 'id name',
    visibility: 'public',
    own: (f) => f.agentId,
    other: (f) => f.agentId,
  },
  'pilgrims.Company': {
    select: 'id visaStats { total } pilgrims(first: 1) { totalCount edges { node { id } } }',
    visibility: 'tenant',
    stub: true,
    own: (f) => f.a.companyId,
    other: (f) => f.b.companyId,
  },
  'pilgrims.Pilgrim': {
    select: 'id fullNameEn passportNumber',
    visibility: 'tenant',
    own: (f) => f.a.pilgrimId,
    other: (f) => f.b.pilgrimId,
  },
  'pilgrims.VisaApplication': {
    select: 'id status',
    visibility: 'tenant',
    own: (f) => f.a.visaId,
    other: (f) => f.b.visaId,
  },
  'packages.Booking': {
    select: 'id bookingReference',
    visibility: 'tenant',
    own: (f) => f.a.bookingId,
    other: (f) => f.b.bookingId,
  },
  'packages.Company': {
    select: 'id packages(first: 1) { totalCount edges { node { id } } } compliance { __typename }',
    visibility: 'tenant',
    stub: true,
    own: (f) => f.a.companyId,
    other: (f) => f.b.companyId,
  },
  'packages.Pilgrim': {
    select: 'id booking { id }',
    visibility: 'tenant',
    stub: true,
    own: (f) => f.a.bookedPilgrimId,
    other: (f) => f.b.bookedPilgrimId,
  },
  'packages.ServicePackage': {
    select: 'id nameEn',
    visibility: 'tenant',
    own: (f) => f.a.packageId,
    other: (f) => f.b.packageId,
  },
  'packages.ServiceProvider': {
    select: 'id nameEn',
    visibility: 'public',
    own: (f) => f.providerId,
    other: (f) => f.otherProviderId,
  },
  'loyalty.Company': {
    select: 'id loyalty { id balance }',
    visibility: 'tenant',
    stub: true,
    own: (f) => f.a.companyId,
    other: (f) => f.b.companyId,
  },
  'loyalty.LoyaltyAccount': {
    select: 'id balance',
    visibility: 'tenant',
    own: (f) => f.a.loyaltyAccountId,
    other: (f) => f.b.loyaltyAccountId,
  },
  'loyalty.LoyaltyReward': {
    select: 'id nameEn',
    visibility: 'public',
    own: (f) => f.rewardId,
    other: (f) => f.rewardId,
  },
};
