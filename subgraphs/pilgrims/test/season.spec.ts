import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../src/index';
import { CompanyVisaQuotaEntity, SeasonPolicyVersionEntity } from '../src/season/season.entity';
import { currentSeasonRow, policyInForce, quotasInForce } from '../src/season/season.service';

interface PolicyFields {
  version: number;
  effectiveFrom: string;
  issuanceStartsOn: string;
  issuanceEndsOn: string;
  lastEntryOn: string;
  lastDepartureOn: string;
  contractCutoffOn: string;
  entryWindowDays: number;
  maxStayDays: number;
  visaFeeHalalas: number;
  insuranceFeeHalalas: number;
  overstayFineHalalas: number;
  defaultCompanyQuota: number | null;
  changedBy: string | null;
  reason: string;
}

interface SeasonFields {
  id: string;
  hijriYear: string;
  nameAr: string;
  nameEn: string;
  policy: PolicyFields;
  policyHistory: { version: number }[];
}

interface QuotaFields {
  seasonYear: string;
  quota: number | null;
  isOverride: boolean;
}

const POLICY = `
  version effectiveFrom issuanceStartsOn issuanceEndsOn lastEntryOn lastDepartureOn contractCutoffOn
  entryWindowDays maxStayDays visaFeeHalalas insuranceFeeHalalas overstayFineHalalas defaultCompanyQuota
  changedBy reason`;

const SEASONS = /* GraphQL */ `
  query Seasons {
    seasons { id hijriYear nameAr nameEn policy { ${POLICY} } policyHistory { version } }
    currentSeason { hijriYear }
  }
`;

const UPDATE_POLICY = /* GraphQL */ `
  mutation UpdateSeasonPolicy($input: UpdateSeasonPolicyInput!) {
    updateSeasonPolicy(input: $input) { ${POLICY} }
  }
`;

const SET_QUOTA = /* GraphQL */ `
  mutation SetCompanyVisaQuota($input: SetCompanyVisaQuotaInput!) {
    setCompanyVisaQuota(input: $input) {
      seasonYear
      quota
      isOverride
    }
  }
`;

const COMPANY_QUOTAS = /* GraphQL */ `
  query CompanyQuotas($representations: [_Any!]!, $hijriYear: String) {
    _entities(representations: $representations) {
      ... on Company {
        id
        visaQuota(hijriYear: $hijriYear) {
          seasonYear
          quota
          isOverride
        }
      }
    }
  }
`;

let subgraph: TestSubgraph;
const officer = as.officer();

beforeAll(async () => {
  subgraph = await bootSubgraph(pilgrimsSubgraph);
});

afterAll(async () => {
  await subgraph.close();
});

const em = () => subgraph.db.fork();
const versionCount = () => em().count(SeasonPolicyVersionEntity, {});
const quotaCount = () => em().count(CompanyVisaQuotaEntity, {});

async function seasonsAs(caller: Viewer): Promise<Map<string, SeasonFields>> {
  const r = await subgraph.request<{ seasons: SeasonFields[] }>(SEASONS, {}, caller);
  expect(r.errors).toBeUndefined();
  return new Map(r.data!.seasons.map((s) => [s.hijriYear, s]));
}

const update = (input: Record<string, unknown>, caller: Viewer | null = officer) =>
  subgraph.request<{ updateSeasonPolicy: PolicyFields }>(
    UPDATE_POLICY,
    { input: { reason: 'Ministry circular 12/1448', ...input } },
    caller,
  );

const setQuota = (input: Record<string, unknown>, caller: Viewer | null = officer) =>
  subgraph.request<{ setCompanyVisaQuota: QuotaFields }>(
    SET_QUOTA,
    { input: { reason: 'Quota agreed with the ministry', ...input } },
    caller,
  );

async function quotasAs(caller: Viewer, companyIds: string[], hijriYear?: string): Promise<(QuotaFields | null)[]> {
  const r = await subgraph.request<{ _entities: ({ visaQuota: QuotaFields | null } | null)[] }>(
    COMPANY_QUOTAS,
    { representations: companyIds.map((id) => ({ __typename: 'Company', id })), hijriYear },
    caller,
  );
  expect(r.errors).toBeUndefined();
  return r.data!._entities.map((e) => e?.visaQuota ?? null);
}

const fieldOf = (r: GraphQLResponse<unknown>): unknown => r.errors?.[0]?.extensions?.['field'];

const umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** A Gregorian ISO date as its Umm al-Qura day, `day/month/year`. */
function hijri(iso: string): string {
  const parts = Object.fromEntries(umalqura.formatToParts(new Date(`${iso}T12:00:00Z`)).map((p) => [p.type, p.value]));
  return `${parts['day']}/${parts['month']}/${parts['year']}`;
}

describe('seeded seasons', () => {
  it('seeds 1447 and 1448 on the right Hijri days with the default rules', async () => {
    const seasons = await seasonsAs(as.agent(randomUUID()));
    expect([...seasons.keys()]).toEqual(['1448', '1447']);
    for (const year of [1447, 1448]) {
      const { policy, nameEn } = seasons.get(String(year))!;
      expect(nameEn).toBe(`Umrah season ${year} AH`);
      expect(hijri(policy.issuanceStartsOn)).toBe(`14/12/${year - 1}`); // 14 Dhu al-Hijjah of the year before
      expect(hijri(policy.contractCutoffOn)).toBe(`1/8/${year}`); // 1 Sha'ban
      expect(hijri(policy.issuanceEndsOn)).toBe(`1/10/${year}`); // 1 Shawwal
      expect(hijri(policy.lastEntryOn)).toBe(`15/10/${year}`); // 15 Shawwal
      expect(hijri(policy.lastDepartureOn)).toBe(`1/11/${year}`); // 1 Dhu al-Qa'dah
      expect(policy).toMatchObject({
        version: 1,
        entryWindowDays: 30,
        maxStayDays: 90,
        insuranceFeeHalalas: 8700,
        overstayFineHalalas: 2_500_000,
        defaultCompanyQuota: null,
      });
    }
  });

  it('lets every signed-in role read seasons and the current one, but not an anonymous caller', async () => {
    for (const caller of [
      as.supervisor(),
      officer,
      as.manager(randomUUID()),
      as.agent(randomUUID()),
      as.provider(randomUUID()),
    ]) {
      const r = await subgraph.request<{ currentSeason: { hijriYear: string } }>(SEASONS, {}, caller);
      expect(r.errors).toBeUndefined();
      // Today lies in 1448's window or after every season, when the latest (1448) is current.
      expect(r.data!.currentSeason.hijriYear).toBe('1448');
    }
    // Both root fields refuse.
    expect(codes(await subgraph.request(SEASONS, {}, null))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  it('takes the season whose window contains the day in the Kingdom, else the latest', async () => {
    const yearAt = async (iso: string) => (await currentSeasonRow(em(), new Date(iso)))!.hijriYear;
    expect(await yearAt('2026-01-01T12:00:00Z')).toBe('1447');
    expect(await yearAt('2026-04-18T12:00:00Z')).toBe('1447'); // last departure day
    expect(await yearAt('2026-05-10T12:00:00Z')).toBe('1448'); // between seasons: the latest
    // 1447 opens on 10 June 2025, Riyadh time (UTC+3).
    expect(await yearAt('2025-06-09T20:30:00Z')).toBe('1448');
    expect(await yearAt('2025-06-09T21:30:00Z')).toBe('1447');
  });
});

describe('who may change season rules', () => {
  const refused: [string, () => Viewer | null, string][] = [
    ['supervisor', () => as.supervisor(), 'FORBIDDEN'],
    ['manager', () => as.manager(randomUUID()), 'FORBIDDEN'],
    ['agent', () => as.agent(randomUUID()), 'FORBIDDEN'],
    ['provider', () => as.provider(randomUUID()), 'FORBIDDEN'],
    ['anonymous caller', () => null, 'UNAUTHENTICATED'],
  ];

  it.each(refused)('refuses a %s both mutations and changes nothing', async (_, caller, code) => {
    const [versions, quotas] = [await versionCount(), await quotaCount()];
    expect(codes(await update({ hijriYear: '1448', maxStayDays: 10 }, caller()))).toEqual([code]);
    expect(codes(await setQuota({ hijriYear: '1448', companyId: randomUUID(), quota: 1 }, caller()))).toEqual([code]);
    expect(await versionCount()).toBe(versions);
    expect(await quotaCount()).toBe(quotas);
  });

  it('lets an officer do both', async () => {
    const [versions, quotas] = [await versionCount(), await quotaCount()];
    const changed = await update({ hijriYear: '1448', defaultCompanyQuota: 500 });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateSeasonPolicy).toMatchObject({ defaultCompanyQuota: 500, changedBy: officer.accountId });
    const quota = await setQuota({ hijriYear: '1448', companyId: randomUUID(), quota: 7 });
    expect(quota.data!.setCompanyVisaQuota).toEqual({ seasonYear: '1448', quota: 7, isOverride: true });
    expect(await versionCount()).toBe(versions + 1);
    expect(await quotaCount()).toBe(quotas + 1);
  });
});

describe('versions', () => {
  it('adds version n+1, keeps the old one in the history and carries the rules left out', async () => {
    const before = (await seasonsAs(officer)).get('1447')!;
    const r = await update({ hijriYear: '1447', maxStayDays: 60, reason: 'Shorter stays this season' });
    expect(r.errors).toBeUndefined();
    const next = r.data!.updateSeasonPolicy;
    expect(next).toMatchObject({
      ...before.policy,
      version: before.policy.version + 1,
      maxStayDays: 60,
      reason: 'Shorter stays this season',
      changedBy: officer.accountId,
      effectiveFrom: expect.any(String) as string,
    });
    const after = (await seasonsAs(officer)).get('1447')!;
    expect(after.policy.version).toBe(next.version);
    expect(after.policyHistory.map((v) => v.version)).toEqual([next.version, before.policy.version]);
    expect((await policyInForce(em(), '1447')).policy.maxStayDays).toBe(60);
  });

  it('does not apply a version before its effective time', async () => {
    const inForce = (await policyInForce(em(), '1447')).policy;
    const tomorrow = new Date(Date.now() + 86_400_000);
    const r = await update({ hijriYear: '1447', visaFeeHalalas: 12_345, effectiveFrom: tomorrow.toISOString() });
    expect(r.errors).toBeUndefined();
    const future = r.data!.updateSeasonPolicy.version;
    const shown = (await seasonsAs(officer)).get('1447')!;
    expect(shown.policy.version).toBe(inForce.version);
    expect(shown.policy.visaFeeHalalas).toBe(inForce.visaFeeHalalas);
    expect(shown.policyHistory[0]!.version).toBe(future);
    const later = (await policyInForce(em(), '1447', new Date(tomorrow.getTime() + 1000))).policy;
    expect(later).toMatchObject({ version: future, visaFeeHalalas: 12_345, maxStayDays: inForce.maxStayDays });
  });

  it('shows the history and who changed it to the ministry only', async () => {
    const seasons = await seasonsAs(as.manager(randomUUID()));
    expect(seasons.get('1447')!.policyHistory).toEqual([]);
    expect(seasons.get('1447')!.policy.changedBy).toBeNull();
    const supervised = await seasonsAs(as.supervisor());
    expect(supervised.get('1447')!.policyHistory.length).toBeGreaterThan(1);
    expect(supervised.get('1447')!.policy.changedBy).toBe(officer.accountId);
  });

  it('is append-only in the database itself', async () => {
    await expect(em().getConnection().execute('update season_policy_version set max_stay_days = 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(em().getConnection().execute('delete from company_visa_quota')).rejects.toThrow(/append-only/);
  });
});

describe('validation', () => {
  const past = new Date(Date.now() - 3_600_000).toISOString();
  const cases: [string, Record<string, unknown>, string, string?][] = [
    ['a malformed year', { hijriYear: '47' }, 'input.hijriYear'],
    ['an unknown season', { hijriYear: '1460' }, 'input.hijriYear', 'SEASON_NOT_FOUND'],
    ['a short reason', { reason: ' ok ' }, 'input.reason'],
    ['a long reason', { reason: 'x'.repeat(1001) }, 'input.reason'],
    ['a past effective time', { effectiveFrom: past }, 'input.effectiveFrom'],
    ['issuance ending before it starts', { issuanceEndsOn: '2026-05-01' }, 'input.issuanceEndsOn'],
    ['last entry before last issuance', { lastEntryOn: '2027-03-01' }, 'input.lastEntryOn'],
    ['last departure before last entry', { lastDepartureOn: '2027-03-22' }, 'input.lastDepartureOn'],
    ['a cut-off after the last issuance', { contractCutoffOn: '2027-03-10' }, 'input.contractCutoffOn'],
    ['a cut-off before issuance starts', { contractCutoffOn: '2026-05-30' }, 'input.contractCutoffOn'],
    ['no entry window', { entryWindowDays: 0 }, 'input.entryWindowDays'],
    ['a negative stay', { maxStayDays: -1 }, 'input.maxStayDays'],
    ['a cleared rule', { maxStayDays: null }, 'input.maxStayDays'],
    ['a negative visa fee', { visaFeeHalalas: -1 }, 'input.visaFeeHalalas'],
    ['a negative insurance fee', { insuranceFeeHalalas: -1 }, 'input.insuranceFeeHalalas'],
    ['a negative overstay fine', { overstayFineHalalas: -1 }, 'input.overstayFineHalalas'],
    ['a negative default quota', { defaultCompanyQuota: -1 }, 'input.defaultCompanyQuota'],
  ];

  it.each(cases)('refuses %s, naming the field', async (_, patch, field, code = 'BAD_USER_INPUT') => {
    const versions = await versionCount();
    const r = await update({ hijriYear: '1448', ...patch });
    expect(codes(r)).toEqual([code]);
    expect(fieldOf(r)).toBe(field);
    expect(await versionCount()).toBe(versions);
  });

  const quotaCases: [string, Record<string, unknown>, string][] = [
    ['a negative quota', { quota: -1 }, 'input.quota'],
    ['a malformed company id', { companyId: 'company-a' }, 'input.companyId'],
    ['a short reason', { reason: 'no' }, 'input.reason'],
    ['a malformed year', { hijriYear: '1448a' }, 'input.hijriYear'],
  ];

  it.each(quotaCases)('refuses a quota with %s, naming the field', async (_, patch, field) => {
    const quotas = await quotaCount();
    const r = await setQuota({ hijriYear: '1448', companyId: randomUUID(), quota: 5, ...patch });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(r)).toBe(field);
    expect(await quotaCount()).toBe(quotas);
  });
});

describe('company visa quota', () => {
  const companyA = randomUUID();
  const companyB = randomUUID();

  it('uses the season default until a company gets its own, latest version winning', async () => {
    expect((await update({ hijriYear: '1448', defaultCompanyQuota: 500 })).errors).toBeUndefined();
    expect(await quotasAs(officer, [companyA, companyB])).toEqual([
      { seasonYear: '1448', quota: 500, isOverride: false },
      { seasonYear: '1448', quota: 500, isOverride: false },
    ]);
    expect((await setQuota({ hijriYear: '1448', companyId: companyA, quota: 10 })).errors).toBeUndefined();
    expect(await quotasAs(as.supervisor(), [companyA, companyB])).toEqual([
      { seasonYear: '1448', quota: 10, isOverride: true },
      { seasonYear: '1448', quota: 500, isOverride: false },
    ]);
    // An explicit null lifts the limit for this company alone.
    expect((await setQuota({ hijriYear: '1448', companyId: companyA, quota: null })).errors).toBeUndefined();
    const [a, b] = await quotasInForce(em(), [companyA, companyB], '1448');
    expect(a).toMatchObject({ quota: null, isOverride: true });
    expect(b).toMatchObject({ quota: 500, isOverride: false });
    expect(await em().count(CompanyVisaQuotaEntity, { companyId: companyA })).toBe(2);
    // Another season keeps its own default.
    expect(await quotasAs(officer, [companyA], '1447')).toEqual([
      { seasonYear: '1447', quota: null, isOverride: false },
    ]);
  });

  it('shows a company its own quota only; another’s reads as null, like a missing company', async () => {
    expect((await setQuota({ hijriYear: '1448', companyId: companyB, quota: 25 })).errors).toBeUndefined();
    expect(await quotasAs(as.manager(companyA), [companyA, companyB])).toEqual([
      { seasonYear: '1448', quota: null, isOverride: true },
      null,
    ]);
    expect(await quotasAs(as.manager(companyB), [companyA, companyB])).toEqual([
      null,
      { seasonYear: '1448', quota: 25, isOverride: true },
    ]);
    expect(await quotasAs(as.agent(randomUUID()), [companyA])).toEqual([null]);
    expect(await quotasAs(officer, [companyA], '1460')).toEqual([null]);
  });
});
