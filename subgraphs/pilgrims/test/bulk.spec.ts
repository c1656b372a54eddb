import { demoAgents, demoCompanies } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PILGRIMS_PER_CALL } from '../src/bulk/bulk.inputs';
import { pilgrimsSubgraph } from '../src/index';
import { addMonths } from '../src/registration/registration.service';
import { policyInForce } from '../src/season/season.service';

const companyA = demoCompanies[0]!.id;
const companyB = demoCompanies[1]!.id; // suspended below
const companyC = demoCompanies[2]!.id; // active, but agentA has no contract with it
const agentA = demoAgents[0]!.id; // contracted with company A
const agentB = demoAgents[1]!.id; // no contract at all

const managerA = as.manager(companyA);
const agentViewer = as.agent(agentA);

const REGISTER_MANY = /* GraphQL */ `
  mutation RegisterMany($input: RegisterPilgrimsInput!, $key: String) {
    registerPilgrims(input: $input, idempotencyKey: $key) {
      registeredCount
      failedCount
      rows {
        index
        pilgrim {
          id
          passportNumber
          nationality
          season
          group {
            id
          }
        }
        error {
          code
          message
          field
        }
      }
    }
  }
`;

const REGISTER_ONE = /* GraphQL */ `
  mutation RegisterOne($input: RegisterPilgrimInput!, $key: String) {
    registerPilgrim(input: $input, idempotencyKey: $key) {
      id
    }
  }
`;

interface RowOutcome {
  index: number;
  pilgrim: {
    id: string;
    passportNumber: string;
    nationality: string;
    season: string;
    group: { id: string } | null;
  } | null;
  error: { code: string; message: string; field: string | null } | null;
}

interface BulkResult {
  registeredCount: number;
  failedCount: number;
  rows: RowOutcome[];
}

// ---- ICAO 9303 TD3 machine-readable zone, built with real check digits (7-3-1) ----

const charValue = (c: string): number => {
  if (c === '<') return 0;
  if (/[0-9]/.test(c)) return Number(c);
  return c.charCodeAt(0) - 55; // A = 10
};

const checkDigit = (text: string): string =>
  String([...text].reduce((sum, c, i) => sum + charValue(c) * [7, 3, 1][i % 3]!, 0) % 10);

const yymmdd = (date: string): string => date.slice(2).replace(/-/g, '');

/** Two MRZ lines for a Pakistani Muhammad Ahmad Khan, born 1980-04-02, passport expiring 2040-01-01. */
function td3(passportNumber: string): [string, string] {
  const line1 = 'P<PAKKHAN<<MUHAMMAD<AHMAD'.padEnd(44, '<');
  const doc = passportNumber.padEnd(9, '<');
  const dob = yymmdd('1980-04-02');
  const exp = yymmdd(FAR_EXPIRY);
  const personal = ''.padEnd(14, '<');
  const body = `${doc}${checkDigit(doc)}PAK${dob}${checkDigit(dob)}M${exp}${checkDigit(exp)}${personal}${checkDigit(personal)}`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, `${body}${composite}`];
}

// ---------------------------------------------------------------------------------

let boot: TestSubgraph;
let lastDepartureOn: string;
let passportSeq = 5_000_000;
const nextPassport = (): string => `BK${passportSeq++}`;
const FAR_EXPIRY = '2040-01-01';

const row = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  givenNameAr: 'محمد',
  fatherNameAr: 'أحمد',
  grandfatherNameAr: 'علي',
  familyNameAr: 'خان',
  givenNameEn: 'Muhammad',
  fatherNameEn: 'Ahmad',
  grandfatherNameEn: 'Ali',
  familyNameEn: 'Khan',
  passportNumber: nextPassport(),
  nationality: 'PK',
  dateOfBirth: '1980-04-02',
  sex: 'MALE',
  passportIssuedOn: '2020-01-01',
  passportExpiresOn: FAR_EXPIRY,
  ...overrides,
});

const rows = (n: number): Record<string, unknown>[] => Array.from({ length: n }, () => row());

const registerMany = (caller: Viewer | null, input: Record<string, unknown>, key?: string) =>
  boot.request<{ registerPilgrims: BulkResult }>(REGISTER_MANY, { input, key: key ?? null }, caller);

const registerOne = (caller: Viewer | null, input: Record<string, unknown>, key?: string) =>
  boot.request<{ registerPilgrim: { id: string } }>(REGISTER_ONE, { input, key: key ?? null }, caller);

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  boot.db.fork().getConnection().execute(text, params) as Promise<T[]>;

const count = async (text: string, params: unknown[] = []): Promise<number> =>
  Number((await sql<{ n: string }>(text, params))[0]!.n);

const pilgrimCount = (): Promise<number> => count('select count(*) as n from pilgrim');
const eventCount = (): Promise<number> =>
  count(`select count(*) as n from outbox_event where type = 'PilgrimRegistered'`);

/** Pilgrims and events, which a refused call must leave as they were. */
const snapshot = async () => ({ pilgrims: await pilgrimCount(), events: await eventCount() });

const ok = (response: GraphQLResponse<{ registerPilgrims: BulkResult }>): BulkResult => {
  expect(response.errors).toBeUndefined();
  return response.data!.registerPilgrims;
};

const first = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions ?? {};

const setStanding = (companyId: string, status: string) =>
  sql(`update company_standing set license_status = ? where company_id = ?`, [status, companyId]);

beforeAll(async () => {
  boot = await bootSubgraph(pilgrimsSubgraph, { demo: true });
  // Alone, this subgraph hears nothing from companies: set the standing its events would have left.
  const standing = (id: string, status: string) =>
    sql(
      `insert into company_standing (company_id, license_status, license_expires_on, event_seq) values (?, ?, '2099-12-31', 1)`,
      [id, status],
    );
  await standing(companyA, 'ACTIVE');
  await standing(companyB, 'SUSPENDED');
  await standing(companyC, 'ACTIVE');
  await sql(
    `insert into agency_contract_standing (contract_id, company_id, agent_id, status, valid_from, valid_to, event_seq)
     values (?, ?, ?, 'ACTIVE', '2020-01-01', '2099-12-31', 1)`,
    [randomUUID(), companyA, agentA],
  );
  lastDepartureOn = (await policyInForce(boot.db.fork())).policy.lastDepartureOn;
}, 60_000);

afterAll(async () => {
  await boot?.close();
});

describe('registerPilgrims: good and bad rows together', () => {
  it('saves every good row with one event, reports every bad row with its field, saves nothing of the bad', async () => {
    const registeredBefore = row();
    expect((await registerOne(managerA, registeredBefore)).errors).toBeUndefined();
    const good = row();
    const mrzPassport = nextPassport();
    const [line1, line2] = td3(mrzPassport);
    const brokenCheckDigit = `${line2.slice(0, 9)}${(Number(line2[9]) + 1) % 10}${line2.slice(10)}`;
    const tooSoon = addMonths(lastDepartureOn, 5);
    const input = [
      good, // 0
      row({ givenNameAr: '   ' }), // 1
      row({ nationality: 'PAK' }), // 2
      row({ passportExpiresOn: tooSoon }), // 3
      row({ passportNumber: mrzPassport, mrz: [line1, brokenCheckDigit] }), // 4
      row({ passportNumber: mrzPassport, nationality: 'IN', mrz: td3(mrzPassport) }), // 5
      row({ passportNumber: mrzPassport, mrz: td3(mrzPassport) }), // 6: good, with its MRZ
      { ...good, givenNameEn: 'Mohammed' }, // 7: repeats row 0's passport
      { ...registeredBefore }, // 8: registered before this call
      row({ passportNumber: 'ab-12' }), // 9
      row({ passportIssuedOn: '2020-01-01', passportExpiresOn: '2019-01-01' }), // 10
      row(), // 11
    ];
    const before = await snapshot();
    const result = ok(await registerMany(managerA, { rows: input }));

    expect(result.rows.map((r) => r.index)).toEqual(input.map((_, i) => i));
    const errors = result.rows.map((r) => (r.error ? [r.error.code, r.error.field] : null));
    expect(errors).toEqual([
      null,
      ['BAD_USER_INPUT', 'rows.1.givenNameAr'],
      ['BAD_USER_INPUT', 'rows.2.nationality'],
      ['PASSPORT_EXPIRES_TOO_SOON', 'rows.3.passportExpiresOn'],
      ['MRZ_INVALID', 'rows.4.mrz'],
      ['BAD_USER_INPUT', 'rows.5.nationality'],
      null,
      ['DUPLICATE_PILGRIM', 'rows.7.passportNumber'],
      ['DUPLICATE_PILGRIM', 'rows.8.passportNumber'],
      ['BAD_USER_INPUT', 'rows.9.passportNumber'],
      ['BAD_USER_INPUT', 'rows.10.passportExpiresOn'],
      null,
    ]);
    expect(result).toMatchObject({ registeredCount: 3, failedCount: 9 });
    for (const outcome of result.rows) expect(outcome.pilgrim == null).toBe(outcome.error != null);
    expect(result.rows[0]!.pilgrim).toMatchObject({ passportNumber: good['passportNumber'], nationality: 'PK' });
    expect(result.rows[6]!.pilgrim!.passportNumber).toBe(mrzPassport);

    // The same sentences as single registration.
    const single = await registerOne(managerA, input[3]!);
    expect(codes(single)).toEqual(['PASSPORT_EXPIRES_TOO_SOON']);
    expect(result.rows[3]!.error!.message).toBe(single.errors![0]!.message);
    const singleDuplicate = await registerOne(managerA, registeredBefore);
    expect(result.rows[8]!.error!.message).toBe(singleDuplicate.errors![0]!.message);
    expect(result.rows[7]!.error!.message).toMatch(/earlier in the same list/);

    // Exactly the good rows are saved, for the manager's company, with one event each.
    const after = await snapshot();
    expect(after).toEqual({ pilgrims: before.pilgrims + 3, events: before.events + 3 });
    const ids = result.rows.flatMap((r) => (r.pilgrim ? [r.pilgrim.id] : []));
    const saved = await sql<{ id: string; company_id: string; agent_id: string | null; registered_by: string }>(
      `select id, company_id, agent_id, registered_by from pilgrim where id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    expect(saved.map((s) => s.id).sort()).toEqual([...ids].sort());
    for (const s of saved) {
      expect(s).toMatchObject({ company_id: companyA, agent_id: null, registered_by: managerA.accountId });
    }
    const savedMrz = await sql<{ mrz: string }>('select mrz from pilgrim where id = ?', [result.rows[6]!.pilgrim!.id]);
    expect(savedMrz[0]!.mrz.split('\n')).toEqual(td3(mrzPassport));
    const badPassports = [1, 2, 3, 9, 10].map((i) => String(input[i]!['passportNumber']).toUpperCase());
    expect(
      await count('select count(*) as n from pilgrim where passport_number = any(?::text[])', [
        `{${badPassports.join(',')}}`,
      ]),
    ).toBe(0);
    // Row 7 did not replace row 0: the saved name is row 0's.
    const first0 = await sql<{ given_name_en: string }>('select given_name_en from pilgrim where id = ?', [ids[0]]);
    expect(first0[0]!.given_name_en).toBe('Muhammad');

    const events = await sql<{ aggregate_id: string; payload: Record<string, unknown> | string }>(
      `select aggregate_id, payload from outbox_event where type = 'PilgrimRegistered' and aggregate_id = any(?::text[])`,
      [`{${ids.join(',')}}`],
    );
    expect(events.map((e) => e.aggregate_id).sort()).toEqual([...ids].sort());
    const payload = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload));
    const { season } = await policyInForce(boot.db.fork());
    expect(payload[0]).toEqual({ companyId: companyA, agentId: null, nationality: 'PK', season: season.hijriYear });
  });

  it('registers a bad first copy’s passport from a later good copy', async () => {
    const passport = nextPassport();
    const result = ok(
      await registerMany(managerA, {
        rows: [row({ passportNumber: passport, familyNameEn: '' }), row({ passportNumber: passport })],
      }),
    );
    expect(result.rows.map((r) => r.error?.code ?? 'OK')).toEqual(['BAD_USER_INPUT', 'OK']);
  });

  it('lets a contracted agent register for the company, into its own group', async () => {
    const group = await boot.request<{ createPilgrimGroup: { id: string } }>(
      `mutation($input: CreatePilgrimGroupInput!) { createPilgrimGroup(input: $input) { id } }`,
      { input: { name: 'Bulk group', companyId: companyA } },
      agentViewer,
    );
    const groupId = group.data!.createPilgrimGroup.id;
    const result = ok(await registerMany(agentViewer, { companyId: companyA, groupId, rows: rows(3) }));
    expect(result.registeredCount).toBe(3);
    expect(result.rows.map((r) => r.pilgrim!.group?.id)).toEqual([groupId, groupId, groupId]);
    const ids = result.rows.map((r) => r.pilgrim!.id);
    const saved = await sql<{ company_id: string; agent_id: string }>(
      'select distinct company_id, agent_id from pilgrim where id = any(?::uuid[])',
      [`{${ids.join(',')}}`],
    );
    expect(saved).toEqual([{ company_id: companyA, agent_id: agentA }]);
    // The manager's side may not use the agent's group: the whole call is refused.
    const before = await snapshot();
    expect(codes(await registerMany(managerA, { groupId, rows: rows(2) }))).toEqual(['GROUP_NOT_FOUND']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('registerPilgrims: who may', () => {
  it.each([
    ['supervisor', as.supervisor()],
    ['officer', as.officer()],
    ['provider', as.provider(randomUUID())],
  ])('refuses a %s with FORBIDDEN and changes nothing', async (_name, caller) => {
    const before = await snapshot();
    const response = await registerMany(caller, { companyId: companyA, rows: rows(3) });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const before = await snapshot();
    expect(codes(await registerMany(null, { companyId: companyA, rows: rows(2) }))).toEqual(['UNAUTHENTICATED']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an agent without a contract with the company, and one naming no company', async () => {
    const before = await snapshot();
    expect(codes(await registerMany(agentViewer, { companyId: companyC, rows: rows(2) }))).toEqual([
      'AGENT_NOT_CONTRACTED',
    ]);
    expect(codes(await registerMany(as.agent(agentB), { companyId: companyA, rows: rows(2) }))).toEqual([
      'AGENT_NOT_CONTRACTED',
    ]);
    const unnamed = await registerMany(agentViewer, { rows: rows(2) });
    expect(codes(unnamed)).toEqual(['BAD_USER_INPUT']);
    expect(first(unnamed)['field']).toBe('input.companyId');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a manager registering for another company with FORBIDDEN', async () => {
    const before = await snapshot();
    const response = await registerMany(managerA, { companyId: companyC, rows: rows(2) });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(first(response)['field']).toBe('input.companyId');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a company whose licence is not active with COMPANY_MAY_NOT_OPERATE', async () => {
    const before = await snapshot();
    expect(codes(await registerMany(as.manager(companyB), { rows: rows(2) }))).toEqual(['COMPANY_MAY_NOT_OPERATE']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('registerPilgrims: size of a call', () => {
  it(`takes 1 to ${MAX_PILGRIMS_PER_CALL} rows and refuses more or none on input.rows`, async () => {
    const before = await snapshot();
    for (const n of [0, MAX_PILGRIMS_PER_CALL + 1]) {
      const response = await registerMany(managerA, { rows: rows(n) });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(first(response)['field']).toBe('input.rows');
    }
    expect(await snapshot()).toEqual(before);
    const full = ok(await registerMany(managerA, { rows: rows(MAX_PILGRIMS_PER_CALL) }));
    expect(full).toMatchObject({ registeredCount: MAX_PILGRIMS_PER_CALL, failedCount: 0 });
    expect(await snapshot()).toEqual({
      pilgrims: before.pilgrims + MAX_PILGRIMS_PER_CALL,
      events: before.events + MAX_PILGRIMS_PER_CALL,
    });
  });

  it('runs as many SQL statements for 100 rows as for 10', async () => {
    const statements = async (n: number): Promise<number> => {
      const before = boot.db.statementCount;
      const result = ok(await registerMany(managerA, { rows: rows(n) }, randomUUID()));
      expect(result.registeredCount).toBe(n);
      return boot.db.statementCount - before;
    };
    await statements(2); // warm-up: nothing cached may make the first call differ
    const ten = await statements(10);
    const hundred = await statements(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(15);
  });
});

describe('registerPilgrims: retries', () => {
  it('answers a retry with the same key as the first call, registering nothing new', async () => {
    const key = randomUUID();
    const input = { rows: [row(), row({ nationality: 'X' }), row()] };
    const firstCall = ok(await registerMany(managerA, input, key));
    expect(firstCall).toMatchObject({ registeredCount: 2, failedCount: 1 });
    const before = await snapshot();
    const retry = ok(await registerMany(managerA, input, key));
    expect(retry).toEqual(firstCall);
    expect(await snapshot()).toEqual(before);

    // A new key sends the same list again: each good row is now a duplicate.
    const again = ok(await registerMany(managerA, input, randomUUID()));
    expect(again.rows.map((r) => r.error?.code)).toEqual(['DUPLICATE_PILGRIM', 'BAD_USER_INPUT', 'DUPLICATE_PILGRIM']);
    expect(await snapshot()).toEqual(before);

    // The key is the account's: another manager of the same company has its own.
    const other = ok(await registerMany(as.manager(companyA), input, key));
    expect(other.registeredCount).toBe(0);

    // The same key cannot stand for another list.
    const reused = await registerMany(managerA, { rows: rows(1) }, key);
    expect(codes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(first(reused)['field']).toBe('idempotencyKey');
    expect(await snapshot()).toEqual(before);
  });

  it('registers once for concurrent calls with the same key, and every answer is the same', async () => {
    const key = randomUUID();
    const input = { rows: rows(20) };
    const before = await snapshot();
    const answers = await Promise.all([1, 2, 3].map(() => registerMany(managerA, input, key)));
    const results = answers.map(ok);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]!.registeredCount).toBe(20);
    expect(await snapshot()).toEqual({ pilgrims: before.pilgrims + 20, events: before.events + 20 });
  });

  it.runIf(process.env['TEST_DATABASE_URL'])(
    'registers each passport once when two lists with the same passports race (PostgreSQL)',
    async () => {
      const shared = rows(30);
      const before = await snapshot();
      const [a, b] = (await Promise.all([1, 2].map(() => registerMany(managerA, { rows: shared })))).map(ok);
      expect(a!.registeredCount + b!.registeredCount).toBe(30);
      expect(a!.failedCount + b!.failedCount).toBe(30);
      expect(await snapshot()).toEqual({ pilgrims: before.pilgrims + 30, events: before.events + 30 });
    },
  );

  it('checks access again before answering from a stored key, for bulk and single registration', async () => {
    const managerC = as.manager(companyC);
    const bulkKey = randomUUID();
    const singleKey = randomUUID();
    const list = { rows: rows(2) };
    const one = row();
    expect(ok(await registerMany(managerC, list, bulkKey)).registeredCount).toBe(2);
    expect((await registerOne(managerC, one, singleKey)).errors).toBeUndefined();
    await setStanding(companyC, 'SUSPENDED');
    try {
      expect(codes(await registerMany(managerC, list, bulkKey))).toEqual(['COMPANY_MAY_NOT_OPERATE']);
      expect(codes(await registerOne(managerC, one, singleKey))).toEqual(['COMPANY_MAY_NOT_OPERATE']);
    } finally {
      await setStanding(companyC, 'ACTIVE');
    }
    expect(ok(await registerMany(managerC, list, bulkKey)).registeredCount).toBe(2);
  });
});
