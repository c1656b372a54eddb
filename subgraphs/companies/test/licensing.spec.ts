import { uuidv7 } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoId, demoProviders } from '@umrah/demo';
import { readFeed } from '@umrah/events';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companiesSubgraph } from '../src/index';
import { addDays, addYears } from '../src/policy/policy.service';

let sg: TestSubgraph;
const [safwa, rawda, bayt, noor] = demoCompanies;
const today = (): string => new Date().toISOString().slice(0, 10);

/** The demo's officer and supervisor, so history and audit entries carry their names. */
const officer: Viewer = { ...as.officer(), accountId: demoId('account:officer') };
const supervisor: Viewer = { ...as.supervisor(), accountId: demoId('account:supervisor') };
const OFFICER_NAME = 'Faisal Al-Harbi';

let policy: { licenseYears: number; companyCureDays: number };

beforeAll(async () => {
  sg = await bootSubgraph(companiesSubgraph, { demo: true });
  const r = await sg.request<{ licensingPolicy: typeof policy }>(
    '{ licensingPolicy { licenseYears companyCureDays } }',
    {},
    officer,
  );
  policy = r.data!.licensingPolicy;
});
afterAll(() => sg.close());

// ── helpers ────────────────────────────────────────────────────────────────────────────────────

interface LicenseView {
  id: string;
  status: string;
  issuedOn: string;
  expiresOn: string;
  suspendedUntil: string | null;
}
interface CompanyView {
  id: string;
  mayOperate: boolean;
  license: LicenseView;
}

const COMPANY_FIELDS = 'id mayOperate license { id status issuedOn expiresOn suspendedUntil }';
const CREATE = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { ${COMPANY_FIELDS} nameEn contactEmail serviceCenter } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCompanyInput!) { updateCompany(id: $id, input: $input) { id crNumber city contactEmail } }`;
const DECISIONS = {
  SUSPEND: 'suspendLicense',
  REINSTATE: 'reinstateLicense',
  REVOKE: 'revokeLicense',
  RENEW: 'renewLicense',
} as const;
type Decision = keyof typeof DECISIONS;
const decide = (op: string) =>
  `mutation($input: ${op === 'suspendLicense' ? 'SuspendLicenseInput' : 'LicenseActionInput'}!) { ${op}(input: $input) { ${COMPANY_FIELDS} } }`;

let serial = 0;
function companyInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    nameAr: `شركة الاختبار ${serial}`,
    nameEn: `Test Umrah ${String(serial).padStart(3, '0')}`,
    crNumber: String(7100000000 + serial),
    city: 'Makkah',
    contactEmail: `Ops${serial}@Test-Umrah.sa`,
    contactPhone: '+966 12 555 0100',
    serviceCenter: 'Bab Al-Umrah',
    licenseNumber: `TST-${1447}-${serial}`,
    ...overrides,
  };
}

async function newCompany(overrides: Record<string, unknown> = {}): Promise<CompanyView> {
  const r = await sg.request<{ createCompany: CompanyView }>(CREATE, { input: companyInput(overrides) }, officer);
  expect(r.errors).toBeUndefined();
  return r.data!.createCompany;
}

async function act(
  action: Decision,
  companyId: string,
  caller: Viewer | null = officer,
  extra: Record<string, unknown> = {},
): Promise<GraphQLResponse<Record<string, CompanyView>>> {
  const op = DECISIONS[action];
  return sg.request<Record<string, CompanyView>>(
    decide(op),
    { input: { companyId, reason: `Role test: ${action.toLowerCase()} decision`, ...extra } },
    caller,
  );
}

async function inState(status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED'): Promise<CompanyView> {
  const company = await newCompany(status === 'EXPIRED' ? { issuedOn: '2015-01-10' } : {});
  if (status === 'SUSPENDED') expect((await act('SUSPEND', company.id)).errors).toBeUndefined();
  if (status === 'REVOKED') expect((await act('REVOKE', company.id)).errors).toBeUndefined();
  const now = await readCompany(company.id);
  expect(now.license.status).toBe(status);
  return now;
}

async function readCompany(id: string, caller: Viewer = supervisor): Promise<CompanyView> {
  const r = await sg.request<{ company: CompanyView }>(
    `query($id: ID!) { company(id: $id) { ${COMPANY_FIELDS} } }`,
    {
      id,
    },
    caller,
  );
  return r.data!.company;
}

/** Every table a licensing operation may change, to prove a refused call changed nothing. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const connection = sg.db.orm.em.getConnection();
  const tables = ['company', 'license', 'license_status_change', 'outbox_event', 'licensing_policy'];
  const entries = await Promise.all(
    tables.map(async (t) => [t, await connection.execute(`select * from ${t} order by 1`)] as const),
  );
  return Object.fromEntries(entries);
}

const outcome = (r: GraphQLResponse<unknown>): string => codes(r)[0] ?? 'OK';

// ── role × operation ───────────────────────────────────────────────────────────────────────────

describe('who may do what (role × operation)', () => {
  type Role = 'anonymous' | 'supervisor' | 'manager' | 'agent' | 'provider' | 'officer';
  const REFUSED: Role[] = ['anonymous', 'supervisor', 'manager', 'agent', 'provider'];
  const MUTATION_TABLE: Record<Role, string> = {
    anonymous: 'UNAUTHENTICATED',
    supervisor: 'FORBIDDEN',
    manager: 'FORBIDDEN',
    agent: 'FORBIDDEN',
    provider: 'FORBIDDEN',
    officer: 'OK',
  };
  const callers = (companyId: string): Record<Role, Viewer | null> => ({
    anonymous: null,
    supervisor,
    // The manager of the very company concerned: even they may not decide on their own licence.
    manager: as.manager(companyId),
    agent: as.agent(demoAgents[0]!.id),
    provider: as.provider(demoProviders[0]!.id),
    officer,
  });

  interface Operation {
    name: string;
    companyId: () => string;
    run: (caller: Viewer | null) => Promise<GraphQLResponse<unknown>>;
  }

  let target: Record<'suspendThenReinstate' | 'revoke' | 'renew', string>;
  beforeAll(async () => {
    target = {
      suspendThenReinstate: (await newCompany()).id,
      revoke: (await newCompany()).id,
      renew: (await newCompany()).id,
    };
  });

  const operations: Operation[] = [
    {
      name: 'createCompany',
      companyId: () => safwa!.id,
      run: (caller) => sg.request(CREATE, { input: companyInput() }, caller),
    },
    {
      name: 'updateCompany',
      companyId: () => safwa!.id,
      run: (caller) => sg.request(UPDATE, { id: safwa!.id, input: { contactPhone: '+966 12 555 9999' } }, caller),
    },
    {
      name: 'suspendLicense',
      companyId: () => target.suspendThenReinstate,
      run: (caller) => act('SUSPEND', target.suspendThenReinstate, caller),
    },
    {
      name: 'reinstateLicense',
      companyId: () => target.suspendThenReinstate,
      run: (caller) => act('REINSTATE', target.suspendThenReinstate, caller),
    },
    { name: 'revokeLicense', companyId: () => target.revoke, run: (caller) => act('REVOKE', target.revoke, caller) },
    { name: 'renewLicense', companyId: () => target.renew, run: (caller) => act('RENEW', target.renew, caller) },
    {
      name: 'updateLicensingPolicy',
      companyId: () => safwa!.id,
      run: async (caller) => {
        const current = await sg.request<{ licensingPolicy: Record<string, unknown> }>(
          '{ licensingPolicy { season licenseYears companyCureDays agentCureDays contractCutoffOn } }',
          {},
          officer,
        );
        return sg.request(
          'mutation($input: LicensingPolicyInput!) { updateLicensingPolicy(input: $input) { id } }',
          {
            input: {
              ...current.data!.licensingPolicy,
              effectiveFrom: today(),
              reason: 'Same rules re-issued by the role test',
            },
          },
          caller,
        );
      },
    },
  ];

  for (const operation of operations) {
    it(`${operation.name}: only an officer; refusals change nothing`, async () => {
      const who = callers(operation.companyId());
      const seen: Partial<Record<Role, string>> = {};
      for (const role of REFUSED) {
        const before = await snapshot();
        const r = await operation.run(who[role]);
        seen[role] = outcome(r);
        expect(await snapshot(), `${role} changed data through ${operation.name}`).toEqual(before);
      }
      seen.officer = outcome(await operation.run(who.officer));
      expect(seen).toEqual(MUTATION_TABLE);
    });
  }

  it('auditTrail: the ministry and the own manager read it; others are refused or see nothing', async () => {
    const TRAIL = `query($companyId: ID!) { auditTrail(companyId: $companyId, first: 5) { totalCount } }`;
    const who = callers(safwa!.id);
    const seen: Record<string, string> = {};
    for (const [role, caller] of Object.entries(who)) {
      seen[role] = outcome(await sg.request(TRAIL, { companyId: safwa!.id }, caller));
    }
    expect(seen).toEqual({
      anonymous: 'UNAUTHENTICATED',
      supervisor: 'OK',
      officer: 'OK',
      manager: 'OK',
      agent: 'FORBIDDEN',
      provider: 'FORBIDDEN',
    });
    const other = await sg.request<{ auditTrail: { totalCount: number } }>(
      TRAIL,
      { companyId: safwa!.id },
      as.manager(rawda!.id),
    );
    expect(other.data?.auditTrail.totalCount).toBe(0);
  });
});

// ── registry entries ───────────────────────────────────────────────────────────────────────────

describe('creating and editing companies', () => {
  it('creates a company with its licence for the policy’s years, normalising contacts', async () => {
    const r = await sg.request<{
      createCompany: CompanyView & { nameEn: string; contactEmail: string; serviceCenter: string };
    }>(CREATE, { input: companyInput({ issuedOn: '2026-01-15', nameEn: '  Spaced Name Co  ' }) }, officer);
    expect(r.errors).toBeUndefined();
    const created = r.data!.createCompany;
    expect(created.nameEn).toBe('Spaced Name Co');
    expect(created.contactEmail).toMatch(/^ops\d+@test-umrah\.sa$/);
    expect(created.serviceCenter).toBe('Bab Al-Umrah');
    expect(created.license).toMatchObject({
      status: 'ACTIVE',
      issuedOn: '2026-01-15',
      expiresOn: addYears('2026-01-15', policy.licenseYears),
    });
    expect(created.mayOperate).toBe(true);
  });

  it('issues today by default and refuses an issue date in the future', async () => {
    const company = await newCompany();
    expect(company.license.issuedOn).toBe(today());
    const r = await sg.request(CREATE, { input: companyInput({ issuedOn: addDays(today(), 2) }) }, officer);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.issuedOn' });
  });

  it.each([
    ['crNumber', '12345'],
    ['crNumber', '12345678AB'],
    ['contactEmail', 'not-an-email'],
    ['contactPhone', 'call us'],
    ['nameEn', 'X'],
    ['nameAr', ' '],
    ['city', 'M'.repeat(81)],
    ['serviceCenter', ''],
    ['licenseNumber', 'x'],
  ])('names the field at fault: %s = %j', async (field, value) => {
    const r = await sg.request(CREATE, { input: companyInput({ [field]: value }) }, officer);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
  });

  it('keeps CR numbers and licence numbers unique, with coded errors', async () => {
    const taken = await sg.request(CREATE, { input: companyInput({ crNumber: safwa!.crNumber }) }, officer);
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CR_NUMBER_TAKEN', field: 'input.crNumber' });
    const number = await sg.request(CREATE, { input: companyInput({ licenseNumber: safwa!.licenseNumber }) }, officer);
    expect(number.errors?.[0]?.extensions).toMatchObject({
      code: 'LICENSE_NUMBER_TAKEN',
      field: 'input.licenseNumber',
    });
    const update = await sg.request(UPDATE, { id: noor!.id, input: { crNumber: rawda!.crNumber } }, officer);
    expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'CR_NUMBER_TAKEN', field: 'input.crNumber' });
  });

  it('edits names, city, contact and service centre, leaving other fields alone', async () => {
    const company = await newCompany();
    const r = await sg.request<{ updateCompany: { crNumber: string; city: string; contactEmail: string } }>(
      UPDATE,
      { id: company.id, input: { city: 'Madinah', contactEmail: 'NEW@Example.SA' } },
      officer,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateCompany).toMatchObject({ city: 'Madinah', contactEmail: 'new@example.sa' });
    const read = await sg.request<{ company: { serviceCenter: string; city: string } }>(
      `query($id: ID!) { company(id: $id) { city serviceCenter } }`,
      { id: company.id },
      as.agent(demoAgents[0]!.id),
    );
    expect(read.data?.company).toEqual({ city: 'Madinah', serviceCenter: 'Bab Al-Umrah' });
  });

  it('answers NOT_FOUND for an unknown company', async () => {
    const r = await sg.request(UPDATE, { id: demoId('company:nobody'), input: { city: 'Taif' } }, officer);
    expect(codes(r)).toEqual(['NOT_FOUND']);
  });

  it('seeds the demo companies with contacts and a service centre', async () => {
    const r = await sg.request<{ company: { contactEmail: string; contactPhone: string; serviceCenter: string } }>(
      `query($id: ID!) { company(id: $id) { contactEmail contactPhone serviceCenter } }`,
      { id: safwa!.id },
      supervisor,
    );
    expect(r.data?.company.contactEmail).toBe('licensing@safwa.demo');
    expect(r.data?.company.contactPhone).toMatch(/^\+966 /);
    expect(['Bab Al-Umrah', 'Way to Umrah']).toContain(r.data?.company.serviceCenter);
  });
});

// ── licence transitions ────────────────────────────────────────────────────────────────────────

describe('licence transitions', () => {
  const VALID: ['ACTIVE' | 'SUSPENDED' | 'EXPIRED', Decision, string][] = [
    ['ACTIVE', 'SUSPEND', 'SUSPENDED'],
    ['SUSPENDED', 'REINSTATE', 'ACTIVE'],
    ['ACTIVE', 'REVOKE', 'REVOKED'],
    ['SUSPENDED', 'REVOKE', 'REVOKED'],
    ['EXPIRED', 'REVOKE', 'REVOKED'],
    ['ACTIVE', 'RENEW', 'ACTIVE'],
    ['EXPIRED', 'RENEW', 'ACTIVE'],
  ];

  it.each(VALID)('%s --%s--> %s', async (from, action, to) => {
    const company = await inState(from);
    const r = await act(action, company.id);
    expect(r.errors).toBeUndefined();
    const after = r.data![DECISIONS[action]]!;
    expect(after.license.status).toBe(to);
    expect(after.mayOperate).toBe(to === 'ACTIVE');
    expect(await readCompany(company.id)).toEqual(after);
  });

  const INVALID: ['ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED', Decision, string][] = [
    ['ACTIVE', 'REINSTATE', 'ACTIVE'],
    ['SUSPENDED', 'SUSPEND', 'SUSPENDED'],
    ['SUSPENDED', 'RENEW', 'ACTIVE'],
    ['EXPIRED', 'SUSPEND', 'SUSPENDED'],
    ['EXPIRED', 'REINSTATE', 'ACTIVE'],
    ['REVOKED', 'SUSPEND', 'SUSPENDED'],
    ['REVOKED', 'REINSTATE', 'ACTIVE'],
    ['REVOKED', 'REVOKE', 'REVOKED'],
    ['REVOKED', 'RENEW', 'ACTIVE'],
  ];

  it.each(INVALID)('refuses %s --%s--> %s with INVALID_LICENSE_TRANSITION', async (from, action, to) => {
    const company = await inState(from);
    const before = await snapshot();
    const r = await act(action, company.id);
    expect(codes(r)).toEqual(['INVALID_LICENSE_TRANSITION']);
    expect(r.errors?.[0]?.message).toContain(from);
    expect(r.errors?.[0]?.message).toContain(to);
    expect(r.errors?.[0]?.extensions?.['details']).toEqual({ from, to, action });
    expect(await snapshot()).toEqual(before);
  });

  it('suspends until today plus the policy’s cure days unless told otherwise', async () => {
    const company = await newCompany();
    const r = await act('SUSPEND', company.id);
    expect(r.data?.suspendLicense?.license.suspendedUntil).toBe(addDays(today(), policy.companyCureDays));
    const other = await newCompany();
    const given = await act('SUSPEND', other.id, officer, { cureUntil: addDays(today(), 10) });
    expect(given.data?.suspendLicense?.license.suspendedUntil).toBe(addDays(today(), 10));
  });

  it('refuses a cure period that does not end in the future', async () => {
    const company = await newCompany();
    for (const cureUntil of [today(), addDays(today(), -1)]) {
      const r = await act('SUSPEND', company.id, officer, { cureUntil });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cureUntil' });
    }
    expect((await readCompany(company.id)).license.status).toBe('ACTIVE');
  });

  it('renews from the old expiry while in force, and from today once expired', async () => {
    const active = await newCompany({ issuedOn: '2024-02-01' });
    const renewed = await act('RENEW', active.id);
    expect(renewed.data?.renewLicense?.license.expiresOn).toBe(addYears(active.license.expiresOn, policy.licenseYears));
    const expired = await inState('EXPIRED');
    const fresh = await act('RENEW', expired.id);
    expect(fresh.data?.renewLicense?.license.expiresOn).toBe(addYears(today(), policy.licenseYears));
  });

  it('reads a licence past its expiry as EXPIRED without anyone acting', async () => {
    const company = await newCompany({ issuedOn: '2015-03-01' });
    expect(company.license).toMatchObject({
      status: 'EXPIRED',
      expiresOn: addYears('2015-03-01', policy.licenseYears),
    });
    expect(company.mayOperate).toBe(false);
    const r = await sg.request<{ company: { license: { history: { action: string }[] } } }>(
      `query($id: ID!) { company(id: $id) { license { history { action } } } }`,
      { id: company.id },
      supervisor,
    );
    expect(r.data?.company.license.history.map((h) => h.action)).toEqual(['ISSUE']);
    const list = await sg.request<{ companies: { edges: { node: { id: string } }[] } }>(
      `{ companies(first: 100, filter: { licenseStatus: EXPIRED }) { edges { node { id } } } }`,
      {},
      supervisor,
    );
    expect(list.data?.companies.edges.map((e) => e.node.id)).toContain(company.id);
  });

  it.each([
    ['blank', '   '],
    ['too short', ' ab '],
    ['too long', 'x'.repeat(1001)],
  ])('refuses a %s reason naming input.reason', async (_label, reason) => {
    const company = await newCompany();
    for (const action of Object.keys(DECISIONS) as Decision[]) {
      const r = await act(action, company.id, officer, { reason });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    }
    expect((await readCompany(company.id)).license.status).toBe('ACTIVE');
  });

  it('refuses a decision without any reason', async () => {
    const company = await newCompany();
    const r = await sg.request(decide('suspendLicense'), { input: { companyId: company.id } }, officer);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers NOT_FOUND for an unknown company', async () => {
    const r = await act('SUSPEND', demoId('company:nobody'));
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.companyId' });
  });

  it('lets only one of two simultaneous suspensions through', async () => {
    const company = await newCompany();
    const results = await Promise.all([act('SUSPEND', company.id), act('SUSPEND', company.id)]);
    expect(results.map(outcome).sort()).toEqual(['INVALID_LICENSE_TRANSITION', 'OK']);
    const history = await sg.db.orm.em
      .getConnection()
      .execute(`select action from license_status_change where company_id = ?`, [company.id]);
    expect(history.map((h) => h['action'])).toEqual(['ISSUE', 'SUSPEND']);
  });
});

// ── history, events, audit ─────────────────────────────────────────────────────────────────────

describe('licence history', () => {
  const HISTORY = `query($id: ID!) { company(id: $id) { license { history {
    action fromStatus toStatus reason cureUntil newExpiresOn actorAccountId actorName actorRole at } } } }`;
  interface Entry {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    reason: string;
    cureUntil: string | null;
    newExpiresOn: string | null;
    actorName: string | null;
    actorRole: string | null;
    at: string;
  }
  const history = async (id: string, caller: Viewer) =>
    (await sg.request<{ company: { license: { history: Entry[] } } }>(HISTORY, { id }, caller)).data!.company.license
      .history;

  it('shows who, when, what and why, oldest first', async () => {
    const started = Date.now();
    const company = await newCompany();
    await act('SUSPEND', company.id, officer, { reason: '  Housing not as sold — complaints upheld  ' });
    await act('REINSTATE', company.id, officer, { reason: 'Corrective housing contract verified on site' });
    const entries = await history(company.id, supervisor);
    expect(entries.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['ISSUE', null, 'ACTIVE'],
      ['SUSPEND', 'ACTIVE', 'SUSPENDED'],
      ['REINSTATE', 'SUSPENDED', 'ACTIVE'],
    ]);
    expect(entries[1]).toMatchObject({
      reason: 'Housing not as sold — complaints upheld',
      cureUntil: addDays(today(), policy.companyCureDays),
      actorName: OFFICER_NAME,
      actorRole: 'MINISTRY_OFFICER',
    });
    expect(entries[0]?.newExpiresOn).toBe(company.license.expiresOn);
    for (const e of entries) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(started - 1000);
  });

  it('is readable by the company’s own manager and empty for everyone else', async () => {
    expect((await history(bayt!.id, as.manager(bayt!.id))).length).toBeGreaterThan(0);
    expect(await history(bayt!.id, as.manager(safwa!.id))).toEqual([]);
    expect(await history(bayt!.id, as.agent(demoAgents[2]!.id))).toEqual([]);
    expect(await history(bayt!.id, as.provider(demoProviders[0]!.id))).toEqual([]);
  });

  it('comes with the demo: an issue for every licence and the suspension of Bayt Al-Diyafa', async () => {
    const entries = await history(bayt!.id, supervisor);
    expect(entries.map((e) => e.action)).toEqual(['ISSUE', 'SUSPEND']);
    expect(entries[1]).toMatchObject({
      toStatus: 'SUSPENDED',
      cureUntil: bayt!.suspendedUntil,
      actorName: OFFICER_NAME,
    });
    expect(entries[1]?.reason).toContain('Housing not as sold');
    expect(entries[1]?.reason).toContain('سكن غير مطابق للمباع');
    for (const c of demoCompanies) expect((await history(c.id, supervisor))[0]?.action).toBe('ISSUE');
  });

  it('loads the histories of a whole page in a bounded number of statements', async () => {
    const query = `{ companies(first: 100) { edges { node { id license { history { action actorName } } } } } }`;
    await sg.request(query, {}, supervisor);
    const before = sg.db.statementCount;
    const r = await sg.request<{ companies: { edges: unknown[] } }>(query, {}, supervisor);
    expect(r.data!.companies.edges.length).toBeGreaterThan(10);
    expect(sg.db.statementCount - before).toBeLessThanOrEqual(4);
  });
});

describe('events', () => {
  it('publishes one LicenseStatusChanged per change, in the outbox, with whether the company may operate', async () => {
    const company = await newCompany();
    await act('SUSPEND', company.id, officer, { reason: 'Unlicensed sub-agent found selling packages' });
    await act('REINSTATE', company.id);
    await act('REVOKE', company.id);
    await act('REINSTATE', company.id); // refused: no event
    const events = (await readFeed(sg.db, 0, 500)).filter((e) => e.aggregateId === company.id);
    expect(events.map((e) => e.type)).toEqual(Array(4).fill('LicenseStatusChanged'));
    expect(
      events.map((e) => [e.payload['action'], e.payload['from'], e.payload['to'], e.payload['mayOperate']]),
    ).toEqual([
      ['ISSUE', null, 'ACTIVE', true],
      ['SUSPEND', 'ACTIVE', 'SUSPENDED', false],
      ['REINSTATE', 'SUSPENDED', 'ACTIVE', true],
      ['REVOKE', 'ACTIVE', 'REVOKED', false],
    ]);
    expect(events[1]).toMatchObject({
      aggregateType: 'Company',
      payload: {
        licenseId: company.license.id,
        reason: 'Unlicensed sub-agent found selling packages',
        cureUntil: addDays(today(), policy.companyCureDays),
        expiresOn: company.license.expiresOn,
      },
    });
  });

  it('serves the same events on the feed behind the subgraph secret', async () => {
    const company = await newCompany();
    await act('SUSPEND', company.id);
    const url = sg.url.replace(/\/graphql$/, '/events?after=0&limit=500');
    const refused = await fetch(url);
    expect(refused.status).toBe(403);
    const feed = (await (await fetch(url, { headers: { 'x-subgraph-secret': sg.secret } })).json()) as {
      events: { aggregateId: string; payload: { action: string } }[];
    };
    expect(feed.events.filter((e) => e.aggregateId === company.id).map((e) => e.payload.action)).toEqual([
      'ISSUE',
      'SUSPEND',
    ]);
  });
});

describe('audit trail', () => {
  const TRAIL = `query($companyId: ID!, $first: Int, $after: String) {
    auditTrail(companyId: $companyId, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id at operation outcome reason targetId actorRole actorName actorAccountId } } } }`;
  interface AuditNode {
    id: string;
    operation: string;
    outcome: string;
    reason: string | null;
    targetId: string | null;
    actorRole: string | null;
    actorName: string | null;
  }
  type Trail = {
    auditTrail: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: AuditNode }[];
    };
  };

  it('records accepted and refused calls; the supervisor reads them per company, newest first', async () => {
    const company = await newCompany();
    await act('REINSTATE', company.id, officer, { reason: 'Nothing to lift yet' });
    await act('SUSPEND', company.id, officer, { reason: 'no' });
    await act('SUSPEND', company.id, officer, { reason: '  Complaints upheld by the field committee ' });
    const r = await sg.request<Trail>(TRAIL, { companyId: company.id, first: 10 }, supervisor);
    const nodes = r.data!.auditTrail.edges.map((e) => e.node);
    expect(nodes.map((n) => [n.operation, n.outcome, n.actorRole])).toEqual([
      ['suspendLicense', 'OK', 'MINISTRY_OFFICER'],
      ['suspendLicense', 'BAD_USER_INPUT', 'MINISTRY_OFFICER'],
      ['reinstateLicense', 'INVALID_LICENSE_TRANSITION', 'MINISTRY_OFFICER'],
      ['createCompany', 'OK', 'MINISTRY_OFFICER'],
    ]);
    expect(nodes[0]).toMatchObject({ targetId: company.id, actorName: OFFICER_NAME });
    expect(nodes[0]?.reason).toContain('Complaints upheld by the field committee');
    expect(nodes[3]).toMatchObject({ targetId: company.id });
  });

  // Known gap in the kit: type-graphql runs @Authorized's check before global middlewares, so a
  // refusal by role never reaches auditMutations. Flip to `it` once the kit's authChecker records it.
  it('records refusals by role (FORBIDDEN) too', async () => {
    const company = await newCompany();
    await act('SUSPEND', company.id, supervisor, { reason: 'Supervisor tries to act' });
    const r = await sg.request<Trail>(TRAIL, { companyId: company.id }, supervisor);
    expect(r.data!.auditTrail.edges.map((e) => [e.node.operation, e.node.outcome, e.node.actorName])).toContainEqual([
      'suspendLicense',
      'FORBIDDEN',
      'Huda Al-Qahtani',
    ]);
  });

  it('shows a manager what the ministry and their own staff did, not outsiders’ attempts', async () => {
    const audit = (actor: string, role: string, operation: string, outcome: string) =>
      sg.db.orm.em.getConnection().execute(
        `insert into audit_log (id, actor_account_id, actor_role, operation, target_id, company_id, outcome)
           values (?, ?, ?, ?, ?, ?, ?)`,
        [uuidv7(), actor, role, operation, bayt!.id, bayt!.id, outcome],
      );
    // As the audit middleware writes them: an outsider's refused attempt and the company's own manager's call.
    await audit(demoId('account:manager-safwa'), 'COMPANY_MANAGER', 'addStaff', 'FORBIDDEN');
    await audit(demoId('account:manager-bayt'), 'COMPANY_MANAGER', 'addStaff', 'OK');
    await act('RENEW', bayt!.id); // refused (suspended) but by the ministry: shown
    const read = async (caller: Viewer) =>
      (await sg.request<Trail>(TRAIL, { companyId: bayt!.id, first: 100 }, caller)).data!.auditTrail.edges.map((e) => [
        e.node.operation,
        e.node.outcome,
        e.node.actorName,
      ]);
    const own = await read(as.manager(bayt!.id));
    expect(own).toContainEqual(['addStaff', 'OK', 'Saad Al-Otaibi']);
    expect(own).toContainEqual(['renewLicense', 'INVALID_LICENSE_TRANSITION', OFFICER_NAME]);
    expect(own).not.toContainEqual(['addStaff', 'FORBIDDEN', 'Abdullah Al-Safi']);
    expect(await read(supervisor)).toContainEqual(['addStaff', 'FORBIDDEN', 'Abdullah Al-Safi']);
    expect(await read(as.manager(safwa!.id))).toEqual([]);
  });

  it('pages through the trail with cursors', async () => {
    const company = await newCompany();
    for (const city of ['Jeddah', 'Taif', 'Madinah', 'Riyadh']) {
      await sg.request(UPDATE, { id: company.id, input: { city } }, officer);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<Trail> = await sg.request<Trail>(
        TRAIL,
        { companyId: company.id, first: 2, after },
        supervisor,
      );
      seen.push(...page.data!.auditTrail.edges.map((e) => e.node.id));
      if (!page.data!.auditTrail.pageInfo.hasNextPage) break;
      after = page.data!.auditTrail.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('reads an unknown company or a malformed id as an empty trail', async () => {
    for (const companyId of [demoId('company:never-mentioned'), 'not-a-uuid']) {
      const r = await sg.request<Trail>(TRAIL, { companyId }, supervisor);
      expect(r.data!.auditTrail.totalCount).toBe(0);
    }
  });
});

// ── sorting ────────────────────────────────────────────────────────────────────────────────────

describe('sorted lists', () => {
  const LIST = `query($first: Int, $after: String, $orderBy: CompanyOrder, $filter: CompanyFilter) {
    companies(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id nameEn nameAr createdAt license { expiresOn } } } } }`;
  interface Node {
    id: string;
    nameEn: string;
    nameAr: string;
    createdAt: string;
    license: { expiresOn: string };
  }
  type List = {
    companies: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: Node }[];
    };
  };

  beforeAll(async () => {
    // Ties on every sort key: same names, same issue date (so the same expiry).
    for (let i = 0; i < 3; i++)
      await newCompany({ nameEn: 'Tied Name Umrah', nameAr: 'اسم متساو', issuedOn: '2025-05-05' });
  });

  async function allPages(orderBy: Record<string, string>, first: number, filter?: Record<string, unknown>) {
    const nodes: Node[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let guard = 0; guard < 100; guard++) {
      const r: GraphQLResponse<List> = await sg.request<List>(LIST, { first, after, orderBy, filter }, supervisor);
      expect(r.errors).toBeUndefined();
      totalCount = r.data!.companies.totalCount;
      nodes.push(...r.data!.companies.edges.map((e) => e.node));
      if (!r.data!.companies.pageInfo.hasNextPage) break;
      after = r.data!.companies.pageInfo.endCursor;
    }
    return { nodes, totalCount };
  }

  const KEYS: Record<string, (n: Node) => string> = {
    NAME_EN: (n) => n.nameEn,
    NAME_AR: (n) => n.nameAr,
    CREATED_AT: (n) => n.createdAt,
    LICENSE_EXPIRES_ON: (n) => n.license.expiresOn,
  };

  for (const field of Object.keys(KEYS)) {
    for (const direction of ['ASC', 'DESC']) {
      it(`returns every company exactly once across pages sorted by ${field} ${direction}`, async () => {
        const orderBy = { field, direction };
        const { nodes, totalCount } = await allPages(orderBy, 3);
        expect(nodes).toHaveLength(totalCount);
        expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
        // One big page is the database's own order; the small pages must add up to it exactly.
        const whole = await allPages(orderBy, 100);
        expect(nodes.map((n) => n.id)).toEqual(whole.nodes.map((n) => n.id));
        const key = KEYS[field]!;
        for (let i = 1; i < nodes.length; i++) {
          const [a, b] = [nodes[i - 1]!, nodes[i]!];
          if (key(a) === key(b)) expect(direction === 'ASC' ? a.id < b.id : a.id > b.id).toBe(true);
          else if (field === 'CREATED_AT' || field === 'LICENSE_EXPIRES_ON') {
            expect(direction === 'ASC' ? key(a) < key(b) : key(a) > key(b)).toBe(true);
          }
        }
      });
    }
  }

  it('sorts within a filter', async () => {
    const { nodes, totalCount } = await allPages({ field: 'LICENSE_EXPIRES_ON', direction: 'DESC' }, 2, {
      city: 'Makkah',
    });
    expect(nodes).toHaveLength(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
  });

  it('refuses a cursor issued for another order, naming `after`', async () => {
    const first = await sg.request<List>(
      LIST,
      { first: 2, orderBy: { field: 'NAME_EN', direction: 'ASC' } },
      supervisor,
    );
    const cursor = first.data!.companies.pageInfo.endCursor;
    for (const orderBy of [
      { field: 'NAME_AR', direction: 'ASC' },
      { field: 'NAME_EN', direction: 'DESC' },
    ]) {
      const r = await sg.request(LIST, { first: 2, after: cursor, orderBy }, supervisor);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const garbage = await sg.request(LIST, { first: 2, after: 'bm9wZQ', orderBy: { field: 'NAME_AR' } }, supervisor);
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
