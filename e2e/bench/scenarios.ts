import { randomInt } from 'node:crypto';

// The operations the web app sends for the pages under test (same fields), as one document each.

/** The manager's company overview: one root field, then the pilgrims, packages and loyalty subgraphs' parts of Company. */
export const MANAGER_OVERVIEW = `query ManagerOverview($id: ID!) {
  company(id: $id) {
    id nameAr nameEn city mayOperate
    license { id number status expiresOn }
    visaStats { total byStatus { status count } byNationality { nationality count } }
    pilgrims(first: 10) { totalCount edges { node { id fullNameEn nationality passportNumber visa { id status } } } }
    packages(first: 10) { totalCount edges { node { id nameEn status priceHalalas } } }
    compliance { score openViolations overstays visasIssued overstayRate }
    loyalty { id balance tier expiringSoon ledger(first: 5) { edges { node { id line points cause occurredAt } } } }
  }
}`;

/** web/src/modules/pilgrims/graphql/pilgrims.graphql */
export const PILGRIMS_LIST = `query Pilgrims($first: Int!, $after: String, $filter: PilgrimFilter) {
  pilgrims(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id fullNameAr fullNameEn passportNumber nationality dateOfBirth sex passportExpiresOn
        visa { id status submittedAt mofaReference }
        company { id nameAr nameEn }
        group { id groupNumber name }
      }
    }
  }
}`;

/** The ministry's visa statistics of a season by nationality, status and company (web VisaDashboard). */
export const MINISTRY_STATISTICS = `query MinistryStatistics($season: String) {
  visaStatistics(season: $season) {
    season total inKingdomNow overstays
    byStatus { status count }
    byNationality { nationality count }
    byCompany { company { id nameAr nameEn } total issued inKingdomNow overstays }
  }
}`;

/** web/src/modules/visas/graphql/visas.graphql, VisaApplication with the VisaDetail fragment. */
export const VISA_APPLICATION_PAGE = `query VisaApplication($id: ID!) {
  visaApplication(id: $id) {
    id status season nationality submittedAt approvedAt paidAt paymentReference feeHalalas sentToMofaAt issuedAt
    processingSeconds mofaReference visaNumber enterBy arrivedOn arrivalPort arrivalPortKind stayUntil departedOn
    departurePort overstayedAt lastError nextAttemptAt
    pilgrim { id fullNameAr fullNameEn passportNumber nationality dateOfBirth sex passportExpiresOn }
    company { id nameAr nameEn }
    agent { id name countryCode }
    history { id fromStatus toStatus changedAt changedBy reason }
  }
}`;

export const REGISTER_PILGRIMS = `mutation RegisterPilgrims($input: RegisterPilgrimsInput!) {
  registerPilgrims(input: $input) { registeredCount failedCount }
}`;

export interface PilgrimRow {
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
  passportExpiresOn: string;
}

let serial = 0;
const run = randomInt(100_000, 999_999);

/** Rows as a manager's import sends them (as e2e/api/loyalty.spec.ts), passports unique per run. */
export const pilgrimRows = (n: number): PilgrimRow[] =>
  Array.from({ length: n }, () => ({
    givenNameAr: 'محمد',
    fatherNameAr: 'أحمد',
    grandfatherNameAr: 'علي',
    familyNameAr: 'خان',
    givenNameEn: 'Muhammad',
    fatherNameEn: 'Ahmad',
    grandfatherNameEn: 'Ali',
    familyNameEn: 'Khan',
    passportNumber: `BX${run}${String(++serial).padStart(7, '0')}`,
    nationality: 'PK',
    dateOfBirth: '1980-04-02',
    sex: 'MALE',
    passportIssuedOn: '2021-01-01',
    passportExpiresOn: '2035-01-01',
  }));
