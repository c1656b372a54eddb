import { defineEntity, p } from '@umrah/db-kit';

/** A Umrah season, named by its Hijri year; its dates and rules live in its policy versions. */
export const SeasonEntity = defineEntity({
  name: 'Season',
  tableName: 'season',
  properties: {
    id: p.uuid().primary(),
    hijriYear: p.string(),
    nameAr: p.string(),
    nameEn: p.string(),
  },
});

export type SeasonRow = InstanceType<typeof SeasonEntity.class>;

/** One version of a season's dates and rules; never updated (the database refuses it). */
export const SeasonPolicyVersionEntity = defineEntity({
  name: 'SeasonPolicyVersion',
  tableName: 'season_policy_version',
  properties: {
    id: p.uuid().primary(),
    seasonId: p.uuid(),
    version: p.integer(),
    effectiveFrom: p.datetime(),
    issuanceStartsOn: p.string().columnType('date'),
    issuanceEndsOn: p.string().columnType('date'),
    lastEntryOn: p.string().columnType('date'),
    lastDepartureOn: p.string().columnType('date'),
    contractCutoffOn: p.string().columnType('date'),
    entryWindowDays: p.integer(),
    maxStayDays: p.integer(),
    visaFeeHalalas: p.integer(),
    insuranceFeeHalalas: p.integer(),
    overstayFineHalalas: p.integer(),
    passportValidityMonths: p.integer(),
    defaultCompanyQuota: p.integer().nullable(),
    changedBy: p.uuid().nullable(),
    reason: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type SeasonPolicyVersionRow = InstanceType<typeof SeasonPolicyVersionEntity.class>;

/** One version of a company's visa quota for a season; the latest version wins. */
export const CompanyVisaQuotaEntity = defineEntity({
  name: 'CompanyVisaQuota',
  tableName: 'company_visa_quota',
  properties: {
    id: p.uuid().primary(),
    seasonId: p.uuid(),
    companyId: p.uuid(),
    version: p.integer(),
    quota: p.integer().nullable(),
    changedBy: p.uuid().nullable(),
    reason: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type CompanyVisaQuotaRow = InstanceType<typeof CompanyVisaQuotaEntity.class>;
