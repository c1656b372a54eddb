import { readFeed } from '@umrah/events';
import { demoAgents, demoCompanies } from '@umrah/demo';
import { SUBGRAPH_SECRET_HEADER, type Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterPilgrimInput!, $key: String) {
    registerPilgrim(input: $input, idempotencyKey: $key) {
      id
      season
      passportNumber
      nationality
      passportIssuedOn
      passportExpiresOn
      plannedDepartureOn
      group {
        id
        groupNumber
      }
    }
  }
`;

const CREATE_GROUP = /* GraphQL */ `
  mutation CreateGroup($input: CreatePilgrimGroupInput!) {
    createPilgrimGroup(input: $input) {
      id
      groupNumber
      name
      season
      company {
        id
      }
      agent {
        id
      }
    }
  }
`;

const GROUPS = /* GraphQL */ `
  query Groups($first: Int, $after: String) {
    pilgrimGroups(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          groupNumber
          company {
            id
          }
          pilgrims(first: 10) {
            totalCount
            edges {
              node {
                id
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Registered {
  id: string;
  season: string;
  passportNumber: string;
  group: { id: string; groupNumber: string } | null;
}

// ---- ICAO 9303 TD3 machine-readable zone, built with real check digits (7-3-1) ----

const charValue = (c: string): number => {
  if (c === '<') return 0;
  if (/[0-9]/.test(c)) return Number(c);
  return c.charCodeAt(0) - 55; // A = 10
};

const checkDigit = (text: string): string =>
  String([...text].reduce((sum, c, i) => sum + charValue(c) * [7, 3, 1][i % 3]!, 0) % 10);

interface MrzPerson {
  passportNumber: string;
  nation3: string;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  sex: 'M' | 'F';
  expiresOn: string;
}

const yymmdd = (date: string): string => date.slice(2).replace(/-/g, '');

function td3(person: MrzPerson): [string, string] {
  const name = `${person.surname}<<${person.givenNames.replace(/ /g, '<')}`;
  const line1 = `P<${person.nation3}${name}`.padEnd(44, '<');
  const doc = person.passportNumber.padEnd(9, '<');
  const dob = yymmdd(person.dateOfBirth);
  const exp = yymmdd(person.expiresOn);
  const personal = ''.padEnd(14, '<');
  const body = `${doc}${checkDigit(doc)}${person.nation3}${dob}${checkDigit(dob)}${person.sex}${exp}${checkDigit(exp)}${personal}${checkDigit(personal)}`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, `${body}${composite}`];
}

// ---------------------------------------------------------------------------------

let boot: TestSubgraph;
let lastDepartureOn: string;
let passportSeq = 1_000_000;
const nextPassport = (): string => `PK${passportSeq++}`;
const FAR_EXPIRY = '2040-01-01';

const pilgrimInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
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

const register = (caller: Viewer | null, input: Record<string, unknown>, key?: string) =>
  boot.request<{ registerPilgrim: Registered }>(REGISTER, { input, key: key ?? null }, caller);

const sql = (text: string, params: unknown[] = []) => boot.db.fork().getConnection().execute(text, params);

const pilgrimCount = async (): Promise<number> =>
  Number(((await sql('select count(*) as n from pilgrim')) as { n: string }[])[0]!.n);

const first = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions ?? {};

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

describe('registerPilgrim: who may', () => {
  it.each([
    ['supervisor', as.supervisor()],
    ['officer', as.officer()],
    ['provider', as.provider(randomUUID())],
  ])('refuses a %s with FORBIDDEN and changes nothing', async (_name, caller) => {
    const before = await pilgrimCount();
    const response = await register(caller, pilgrimInput({ companyId: companyA }));
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(await pilgrimCount()).toBe(before);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const before = await pilgrimCount();
    expect(codes(await register(null, pilgrimInput({ companyId: companyA })))).toEqual(['UNAUTHENTICATED']);
    expect(await pilgrimCount()).toBe(before);
  });

  it('lets a manager register for their own company, by default, in the current season', async () => {
    const response = await register(managerA, pilgrimInput());
    expect(response.errors).toBeUndefined();
    const pilgrim = response.data!.registerPilgrim;
    const { season } = await policyInForce(boot.db.fork());
    expect(pilgrim.season).toBe(season.hijriYear);
    const rows = (await sql('select company_id, agent_id, registered_by from pilgrim where id = ?', [pilgrim.id])) as {
      company_id: string;
      agent_id: string | null;
      registered_by: string;
    }[];
    expect(rows[0]).toEqual({ company_id: companyA, agent_id: null, registered_by: managerA.accountId });
  });

  it('refuses a manager registering for another company with FORBIDDEN', async () => {
    const before = await pilgrimCount();
    const response = await register(managerA, pilgrimInput({ companyId: companyC }));
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(first(response)['field']).toBe('input.companyId');
    expect(await pilgrimCount()).toBe(before);
  });

  it('lets an agent register for a company it has a contract with', async () => {
    const response = await register(agentViewer, pilgrimInput({ companyId: companyA }));
    expect(response.errors).toBeUndefined();
    const rows = (await sql('select company_id, agent_id from pilgrim where id = ?', [
      response.data!.registerPilgrim.id,
    ])) as { company_id: string; agent_id: string }[];
    expect(rows[0]).toEqual({ company_id: companyA, agent_id: agentA });
  });

  it('refuses an agent without a contract with AGENT_NOT_CONTRACTED, and one naming no company', async () => {
    const before = await pilgrimCount();
    expect(codes(await register(agentViewer, pilgrimInput({ companyId: companyC })))).toEqual(['AGENT_NOT_CONTRACTED']);
    expect(codes(await register(as.agent(agentB), pilgrimInput({ companyId: companyA })))).toEqual([
      'AGENT_NOT_CONTRACTED',
    ]);
    expect(codes(await register(agentViewer, pilgrimInput({ companyId: randomUUID() })))).toEqual([
      'AGENT_NOT_CONTRACTED',
    ]);
    expect(codes(await register(agentViewer, pilgrimInput()))).toEqual(['BAD_USER_INPUT']);
    expect(await pilgrimCount()).toBe(before);
  });

  it('refuses a company whose licence is suspended with COMPANY_MAY_NOT_OPERATE', async () => {
    const before = await pilgrimCount();
    const response = await register(as.manager(companyB), pilgrimInput());
    expect(codes(response)).toEqual(['COMPANY_MAY_NOT_OPERATE']);
    expect(response.errors![0]!.message).toMatch(/licence/);
    expect(await pilgrimCount()).toBe(before);
  });
});

describe('registerPilgrim: passport rules', () => {
  it('refuses a passport expiring within six months of the planned departure', async () => {
    const departure = addMonths(new Date().toISOString().slice(0, 10), 1);
    const response = await register(
      managerA,
      pilgrimInput({ plannedDepartureOn: departure, passportExpiresOn: addMonths(departure, 5) }),
    );
    expect(codes(response)).toEqual(['PASSPORT_EXPIRES_TOO_SOON']);
    expect(first(response)['field']).toBe('input.passportExpiresOn');
    const ok = await register(
      managerA,
      pilgrimInput({ plannedDepartureOn: departure, passportExpiresOn: addMonths(departure, 6) }),
    );
    expect(ok.errors).toBeUndefined();
  });

  it('measures from the season’s last departure day when no departure is planned', async () => {
    const tooSoon = await register(managerA, pilgrimInput({ passportExpiresOn: addMonths(lastDepartureOn, 5) }));
    expect(codes(tooSoon)).toEqual(['PASSPORT_EXPIRES_TOO_SOON']);
    const ok = await register(managerA, pilgrimInput({ passportExpiresOn: addMonths(lastDepartureOn, 6) }));
    expect(ok.errors).toBeUndefined();
  });

  it('reads the months of validity from the season policy, not a constant', async () => {
    const { season } = await policyInForce(boot.db.fork());
    const setMonths = (months: number) =>
      boot.request(
        `mutation($input: UpdateSeasonPolicyInput!) { updateSeasonPolicy(input: $input) { passportValidityMonths } }`,
        {
          input: {
            hijriYear: season.hijriYear,
            passportValidityMonths: months,
            reason: 'Embassies ask for longer validity',
          },
        },
        as.officer(),
      );
    expect((await setMonths(9)).errors).toBeUndefined();
    const departure = addMonths(new Date().toISOString().slice(0, 10), 1);
    const sevenMonths = pilgrimInput({ plannedDepartureOn: departure, passportExpiresOn: addMonths(departure, 7) });
    expect(codes(await register(managerA, sevenMonths))).toEqual(['PASSPORT_EXPIRES_TOO_SOON']);
    expect((await setMonths(6)).errors).toBeUndefined();
    expect((await register(managerA, sevenMonths)).errors).toBeUndefined();
  });

  it('refuses an expiry before the issue date, naming the field', async () => {
    const response = await register(
      managerA,
      pilgrimInput({ passportIssuedOn: '2020-01-01', passportExpiresOn: '2019-01-01' }),
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(first(response)['field']).toBe('input.passportExpiresOn');
  });
});

describe('registerPilgrim: MRZ', () => {
  const person = (passportNumber: string): MrzPerson => ({
    passportNumber,
    nation3: 'PAK',
    surname: 'KHAN',
    givenNames: 'MUHAMMAD AHMAD',
    dateOfBirth: '1980-04-02',
    sex: 'M',
    expiresOn: FAR_EXPIRY,
  });

  it('accepts MRZ lines that check out and agree with the typed fields', async () => {
    const passport = nextPassport();
    const response = await register(managerA, pilgrimInput({ passportNumber: passport, mrz: td3(person(passport)) }));
    expect(response.errors).toBeUndefined();
    const rows = (await sql('select mrz from pilgrim where id = ?', [response.data!.registerPilgrim.id])) as {
      mrz: string;
    }[];
    expect(rows[0]!.mrz.split('\n')).toEqual(td3(person(passport)));
  });

  it('refuses a wrong check digit with MRZ_INVALID, detailing each failing part', async () => {
    const passport = nextPassport();
    const [line1, line2] = td3(person(passport));
    const wrong = String((Number(line2[9]) + 1) % 10);
    const broken = `${line2.slice(0, 9)}${wrong}${line2.slice(10)}`;
    const before = await pilgrimCount();
    const response = await register(managerA, pilgrimInput({ passportNumber: passport, mrz: [line1, broken] }));
    expect(codes(response)).toEqual(['MRZ_INVALID']);
    const details = first(response)['details'] as Record<string, string>;
    expect(Object.keys(details)).toEqual(expect.arrayContaining(['documentNumberCheckDigit', 'compositeCheckDigit']));
    expect(await pilgrimCount()).toBe(before);
  });

  it('reports every typed field the MRZ contradicts, naming the first', async () => {
    const passport = nextPassport();
    const mrz = td3({ ...person(passport), sex: 'F', dateOfBirth: '1981-05-03', surname: 'QURESHI' });
    const response = await register(managerA, pilgrimInput({ passportNumber: passport, nationality: 'IN', mrz }));
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    const extensions = first(response);
    expect(extensions['field']).toBe('input.nationality');
    expect(Object.keys(extensions['details'] as object).sort()).toEqual(
      ['input.dateOfBirth', 'input.familyNameEn', 'input.nationality', 'input.sex'].sort(),
    );
  });

  it('refuses lines that are not two lines of 44', async () => {
    const response = await register(managerA, pilgrimInput({ mrz: ['P<PAKKHAN'] }));
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(first(response)['field']).toBe('input.mrz');
  });
});

describe('registerPilgrim: duplicates and retries', () => {
  it('refuses the same passport and nationality twice in a season with DUPLICATE_PILGRIM', async () => {
    const input = pilgrimInput();
    expect((await register(managerA, input)).errors).toBeUndefined();
    const again = await register(agentViewer, { ...input, companyId: companyA });
    expect(codes(again)).toEqual(['DUPLICATE_PILGRIM']);
    expect(first(again)['field']).toBe('input.passportNumber');
  });

  it('returns the same pilgrim for a retried call with the same idempotency key', async () => {
    const input = pilgrimInput();
    const key = randomUUID();
    const firstCall = await register(managerA, input, key);
    expect(firstCall.errors).toBeUndefined();
    const retry = await register(managerA, input, key);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.registerPilgrim.id).toBe(firstCall.data!.registerPilgrim.id);
    // Concurrent retries too: one pilgrim, every answer the same.
    const concurrentInput = pilgrimInput();
    const concurrentKey = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => register(managerA, concurrentInput, concurrentKey)));
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(answers.map((a) => a.data!.registerPilgrim.id)).size).toBe(1);
    // Another account's key is its own: the same passport is then a duplicate.
    expect(codes(await register(as.manager(companyA), input, key))).toEqual(['DUPLICATE_PILGRIM']);
  });
});

describe('groups', () => {
  it('lets a manager and a contracted agent create groups; refuses others', async () => {
    const byManager = await boot.request<{ createPilgrimGroup: { groupNumber: string; agent: null } }>(
      CREATE_GROUP,
      { input: { name: 'Lahore 1' } },
      managerA,
    );
    expect(byManager.errors).toBeUndefined();
    expect(byManager.data!.createPilgrimGroup.groupNumber).toMatch(/^[0-9]{5,6}$/);
    expect(byManager.data!.createPilgrimGroup.agent).toBeNull();

    const byAgent = await boot.request<{ createPilgrimGroup: { groupNumber: string; agent: { id: string } } }>(
      CREATE_GROUP,
      { input: { name: 'Karachi 2', companyId: companyA, groupNumber: '123456' } },
      agentViewer,
    );
    expect(byAgent.errors).toBeUndefined();
    expect(byAgent.data!.createPilgrimGroup).toMatchObject({ groupNumber: '123456', agent: { id: agentA } });

    const taken = await boot.request(CREATE_GROUP, { input: { name: 'X', groupNumber: '123456' } }, managerA);
    expect(codes(taken)).toEqual(['GROUP_NUMBER_TAKEN']);
    const malformed = await boot.request(CREATE_GROUP, { input: { name: 'X', groupNumber: '12ab' } }, managerA);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await boot.request(CREATE_GROUP, { input: { name: 'X' } }, as.supervisor()))).toEqual(['FORBIDDEN']);
    expect(codes(await boot.request(CREATE_GROUP, { input: { name: 'X', companyId: companyC } }, agentViewer))).toEqual(
      ['AGENT_NOT_CONTRACTED'],
    );
    expect(codes(await boot.request(CREATE_GROUP, { input: { name: 'X' } }, as.manager(companyB)))).toEqual([
      'COMPANY_MAY_NOT_OPERATE',
    ]);
  });

  it('registers pilgrims into a group of the caller’s side and lists them under it', async () => {
    const created = await boot.request<{ createPilgrimGroup: { id: string } }>(
      CREATE_GROUP,
      { input: { name: 'Agent group', companyId: companyA } },
      agentViewer,
    );
    const groupId = created.data!.createPilgrimGroup.id;
    const one = await register(agentViewer, pilgrimInput({ groupId }));
    expect(one.errors).toBeUndefined();
    expect(one.data!.registerPilgrim.group?.id).toBe(groupId);
    // The manager's side may not register into an agent's group: it looks missing.
    expect(codes(await register(managerA, pilgrimInput({ groupId })))).toEqual(['GROUP_NOT_FOUND']);

    const listed = await boot.request<{
      pilgrimGroups: { edges: { node: { id: string; pilgrims: { totalCount: number; edges: unknown[] } } }[] };
    }>(GROUPS, { first: 100 }, agentViewer);
    expect(listed.errors).toBeUndefined();
    const mine = listed.data!.pilgrimGroups.edges.map((e) => e.node);
    expect(mine.map((g) => g.id)).toContain(groupId);
    expect(mine.find((g) => g.id === groupId)!.pilgrims.totalCount).toBe(1);

    const byOther = await boot.request<{ pilgrimGroups: { totalCount: number } }>(
      GROUPS,
      { first: 10 },
      as.manager(companyC),
    );
    expect(byOther.data!.pilgrimGroups.totalCount).toBe(0);
    expect(codes(await boot.request(GROUPS, { first: 10 }, as.provider(randomUUID())))).toEqual(['FORBIDDEN']);
  });
});

describe('pilgrimGroup', () => {
  const GROUP = /* GraphQL */ `
    query Group($id: ID!) {
      pilgrimGroup(id: $id) {
        id
        name
        pilgrims(first: 10) {
          totalCount
        }
      }
    }
  `;
  const read = (id: string, caller: Viewer) =>
    boot.request<{ pilgrimGroup: { id: string; name: string; pilgrims: { totalCount: number } } | null }>(
      GROUP,
      { id },
      caller,
    );

  it('reads one group for its readers; outside their slice it looks missing', async () => {
    const created = await boot.request<{ createPilgrimGroup: { id: string } }>(
      CREATE_GROUP,
      { input: { name: 'Read by id', companyId: companyA } },
      agentViewer,
    );
    const groupId = created.data!.createPilgrimGroup.id;
    expect((await register(agentViewer, pilgrimInput({ groupId }))).errors).toBeUndefined();

    for (const caller of [agentViewer, managerA, as.supervisor(), as.officer()]) {
      const response = await read(groupId, caller);
      expect(response.errors).toBeUndefined();
      expect(response.data!.pilgrimGroup).toEqual({ id: groupId, name: 'Read by id', pilgrims: { totalCount: 1 } });
    }
    for (const caller of [as.manager(companyC), as.agent(agentB)]) {
      const response = await read(groupId, caller);
      expect(response.errors).toBeUndefined();
      expect(response.data!.pilgrimGroup).toBeNull();
    }
    expect((await read('not-a-uuid', managerA)).data!.pilgrimGroup).toBeNull();
    expect((await read(randomUUID(), managerA)).data!.pilgrimGroup).toBeNull();
    expect(codes(await read(groupId, as.provider(randomUUID())))).toEqual(['FORBIDDEN']);
  });
});

describe('PilgrimRegistered events', () => {
  it('are in the outbox exactly once per registered pilgrim, and served at GET /events', async () => {
    const events = (await readFeed(boot.db, 0, 500)).filter((e) => e.type === 'PilgrimRegistered');
    const registered = (await sql('select id from pilgrim where registered_by is not null')) as { id: string }[];
    expect(registered.length).toBeGreaterThan(5);
    expect(events.map((e) => e.aggregateId).sort()).toEqual(registered.map((r) => r.id).sort());
    const sample = events.find((e) => e.payload['agentId'] === agentA)!;
    expect(sample.payload).toMatchObject({ companyId: companyA, agentId: agentA, nationality: 'PK' });

    const url = boot.url.replace(/\/graphql$/, '/events');
    const refused = await fetch(url);
    expect(refused.ok).toBe(false);
    const served = await fetch(url, { headers: { [SUBGRAPH_SECRET_HEADER]: boot.secret } });
    const body = (await served.json()) as { events: { type: string }[] };
    expect(body.events.some((e) => e.type === 'PilgrimRegistered')).toBe(true);
  });
});
