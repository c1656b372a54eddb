import { demoAgents, demoCompanies } from '@umrah/demo';
import { type Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../src/index';
import { policyInForce, riyadhDate } from '../src/season/season.service';
import type { SeasonPolicyVersionRow } from '../src/season/season.entity';
import {
  IDEMPOTENCY_RETENTION_DAYS,
  detectOverstays,
  expireUnusedVisas,
  forgetOldIdempotencyKeys,
} from '../src/visa/visa.jobs';

const companyA = demoCompanies[0]!.id;
const companyB = demoCompanies[1]!.id;
const agentA = demoAgents[0]!.id; // contracted with company A
const otherAgent = demoAgents[1]!.id;

const managerA = as.manager(companyA);
const managerB = as.manager(companyB);
const agent = as.agent(agentA);

const VISA_FIELDS = `
  id status mofaReference visaNumber feeHalalas paymentReference processingSeconds enterBy arrivedOn stayUntil
  departedOn lastError nextAttemptAt overstayedAt
  history { fromStatus toStatus changedBy reason }
`;

interface Visa {
  id: string;
  status: string;
  mofaReference: string | null;
  visaNumber: string | null;
  feeHalalas: number | null;
  paymentReference: string | null;
  processingSeconds: number | null;
  enterBy: string | null;
  arrivedOn: string | null;
  stayUntil: string | null;
  departedOn: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  overstayedAt: string | null;
  history: { fromStatus: string | null; toStatus: string; changedBy: string | null; reason: string | null }[];
}

let boot: TestSubgraph;
let policy: SeasonPolicyVersionRow;
let passportSeq = 7_000_000;
const today = riyadhDate();
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  boot.db.fork().getConnection().execute<T[]>(text, params);
const first = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions ?? {};

async function call<T>(caller: Viewer | null, query: string, variables: Record<string, unknown> = {}) {
  return boot.request<T>(query, variables, caller);
}

/** A pilgrim of company A registered by agent A, with a confirmed booking unless told otherwise. */
async function pilgrim(options: { booked?: boolean; passportExpiresOn?: string } = {}): Promise<string> {
  const r = await call<{ registerPilgrim: { id: string } }>(
    agent,
    `mutation R($input: RegisterPilgrimInput!) { registerPilgrim(input: $input) { id } }`,
    {
      input: {
        companyId: companyA,
        givenNameAr: 'محمد',
        fatherNameAr: 'أحمد',
        grandfatherNameAr: 'علي',
        familyNameAr: 'خان',
        givenNameEn: 'Muhammad',
        fatherNameEn: 'Ahmad',
        grandfatherNameEn: 'Ali',
        familyNameEn: 'Khan',
        passportNumber: `PK${passportSeq++}`,
        nationality: 'PK',
        dateOfBirth: '1980-04-02',
        sex: 'MALE',
        passportIssuedOn: '2020-01-01',
        passportExpiresOn: options.passportExpiresOn ?? '2040-01-01',
      },
    },
  );
  const id = r.data?.registerPilgrim.id;
  if (!id) throw new Error(JSON.stringify(r.errors));
  if (options.booked ?? true) await book(id, addDays(today, 5), addDays(today, 20));
  return id;
}

async function book(pilgrimId: string, startsOn: string, endsOn: string, companyId = companyA): Promise<void> {
  await sql(
    `insert into pilgrim_booking (booking_id, pilgrim_id, company_id, package_id, booking_reference, starts_on, ends_on, status, event_seq)
     values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', 1)`,
    [randomUUID(), pilgrimId, companyId, randomUUID(), `BRN-${randomUUID().slice(0, 10)}`, startsOn, endsOn],
  );
}

const SUBMIT = `mutation S($pilgrimId: ID!, $key: String) { submitVisaApplication(pilgrimId: $pilgrimId, idempotencyKey: $key) { ${VISA_FIELDS} } }`;
const APPROVE = `mutation A($id: ID!) { approveVisaApplication(id: $id) { ${VISA_FIELDS} } }`;
const REJECT = `mutation J($id: ID!, $reason: String!) { rejectVisaApplication(id: $id, reason: $reason) { ${VISA_FIELDS} } }`;
const CANCEL = `mutation C($id: ID!, $reason: String!) { cancelVisaApplication(id: $id, reason: $reason) { ${VISA_FIELDS} } }`;
const ARRIVE = `mutation V($id: ID!, $input: RecordArrivalInput!) { recordArrival(id: $id, input: $input) { ${VISA_FIELDS} } }`;
const DEPART = `mutation D($id: ID!, $input: RecordDepartureInput!) { recordDeparture(id: $id, input: $input) { ${VISA_FIELDS} } }`;
const READ = `query Q($id: ID!) { visaApplication(id: $id) { ${VISA_FIELDS} } }`;

const submit = async (pilgrimId: string, caller: Viewer = agent, key?: string) =>
  call<{ submitVisaApplication: Visa }>(caller, SUBMIT, { pilgrimId, key: key ?? null });
const approve = (id: string, caller: Viewer = managerA) =>
  call<{ approveVisaApplication: Visa }>(caller, APPROVE, { id });
const read = async (id: string, caller: Viewer = managerA): Promise<Visa | null> =>
  (await call<{ visaApplication: Visa | null }>(caller, READ, { id })).data?.visaApplication ?? null;
const statusOf = async (id: string): Promise<string> =>
  String((await sql<{ status: string }>(`select status from visa_application where id = ?`, [id]))[0]!.status);

async function submitted(options: Parameters<typeof pilgrim>[0] = {}): Promise<string> {
  const r = await submit(await pilgrim(options));
  const id = r.data?.submitVisaApplication.id;
  if (!id) throw new Error(JSON.stringify(r.errors));
  return id;
}

async function issued(): Promise<string> {
  const id = await submitted();
  expect((await approve(id)).errors).toBeUndefined();
  await boot.runWorkers();
  expect(await statusOf(id)).toBe('ISSUED');
  return id;
}

beforeAll(async () => {
  boot = await bootSubgraph(pilgrimsSubgraph, { demo: true });
  const standing = (id: string) =>
    sql(
      `insert into company_standing (company_id, license_status, license_expires_on, event_seq) values (?, 'ACTIVE', '2099-12-31', 1)`,
      [id],
    );
  // Alone, this subgraph hears nothing from companies: give every demo company the standing its events would.
  for (const company of demoCompanies) await standing(company.id);
  await sql(
    `insert into agency_contract_standing (contract_id, company_id, agent_id, status, valid_from, valid_to, event_seq)
     values (?, ?, ?, 'ACTIVE', '2020-01-01', '2099-12-31', 1)`,
    [randomUUID(), companyA, agentA],
  );
  // The demo leaves applications mid-way for the processor; take them out of the way first.
  await boot.runWorkers();
  policy = (await policyInForce(boot.db.fork())).policy;
}, 120_000);

afterAll(async () => {
  await boot?.close();
});

describe('the visa workflow from submission to departure', () => {
  it('takes an application through payment and MOFA to issuance, then arrival and departure, with its history', async () => {
    const pilgrimId = await pilgrim();
    const s = await submit(pilgrimId);
    expect(s.errors).toBeUndefined();
    const id = s.data!.submitVisaApplication.id;
    expect(s.data!.submitVisaApplication.status).toBe('SUBMITTED');

    const a = await approve(id);
    expect(a.errors).toBeUndefined();
    expect(a.data!.approveVisaApplication.status).toBe('APPROVED');
    await boot.runWorkers();

    const visa = (await read(id))!;
    expect(visa.status).toBe('ISSUED');
    expect(visa.mofaReference).toMatch(/^[0-9]{8,9}$/);
    expect(visa.visaNumber).toMatch(/^6[0-9]{9}$/);
    expect(visa.paymentReference).toMatch(/^PAY[0-9]{12}$/);
    expect(visa.feeHalalas).toBe(policy.visaFeeHalalas + policy.insuranceFeeHalalas);
    expect(visa.processingSeconds).toBeGreaterThanOrEqual(0);
    expect(visa.enterBy).toBe(
      addDays(today, policy.entryWindowDays) < policy.lastEntryOn
        ? addDays(today, policy.entryWindowDays)
        : policy.lastEntryOn,
    );
    expect(visa.history.map((h) => h.toStatus)).toEqual(['SUBMITTED', 'APPROVED', 'PAID', 'SENT_TO_MOFA', 'ISSUED']);
    expect(visa.history[0]!.changedBy).toBe(agent.accountId);
    expect(visa.history[1]!.changedBy).toBe(managerA.accountId);
    expect(visa.history[4]!.changedBy).toBeNull(); // the system

    const arrived = await call<{ recordArrival: Visa }>(as.officer(), ARRIVE, {
      id,
      input: { arrivedOn: today, port: 'JED', portKind: 'AIR' },
    });
    expect(arrived.errors).toBeUndefined();
    expect(arrived.data!.recordArrival).toMatchObject({ status: 'ARRIVED', arrivedOn: today });
    expect(arrived.data!.recordArrival.stayUntil).toBe(
      addDays(today, policy.maxStayDays) < policy.lastDepartureOn
        ? addDays(today, policy.maxStayDays)
        : policy.lastDepartureOn,
    );
    const departed = await call<{ recordDeparture: Visa }>(managerA, DEPART, {
      id,
      input: { departedOn: today, port: 'JED' },
    });
    expect(departed.data!.recordDeparture).toMatchObject({ status: 'DEPARTED', departedOn: today });

    const events = await sql<{ type: string; payload: { toStatus: string } }>(
      `select type, payload from outbox_event where aggregate_id = ? order by seq`,
      [id],
    );
    expect(events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload).toStatus)).toEqual([
      'SUBMITTED',
      'APPROVED',
      'PAID',
      'SENT_TO_MOFA',
      'ISSUED',
      'ARRIVED',
      'DEPARTED',
    ]);
  });

  it('answers a retried submission with the same idempotency key with the first application', async () => {
    const pilgrimId = await pilgrim();
    const one = await submit(pilgrimId, agent, 'visa-key-1');
    const two = await submit(pilgrimId, agent, 'visa-key-1');
    expect(two.data!.submitVisaApplication.id).toBe(one.data!.submitVisaApplication.id);
    const three = await submit(pilgrimId, agent, 'visa-key-2');
    expect(codes(three)).toEqual(['VISA_ALREADY_APPLIED']);
  });

  it('lets a pilgrim apply again after a rejection, never twice at once', async () => {
    const pilgrimId = await pilgrim();
    const id = (await submit(pilgrimId)).data!.submitVisaApplication.id;
    expect(codes(await submit(pilgrimId))).toEqual(['VISA_ALREADY_APPLIED']);
    const rejected = await call<{ rejectVisaApplication: Visa }>(managerA, REJECT, { id, reason: 'Photo unreadable' });
    expect(rejected.data!.rejectVisaApplication.history.at(-1)).toMatchObject({
      toStatus: 'REJECTED',
      reason: 'Photo unreadable',
    });
    expect((await submit(pilgrimId)).data!.submitVisaApplication.status).toBe('SUBMITTED');
  });
});

describe('refused transitions', () => {
  it('refuses every step from a status it does not start from, with INVALID_TRANSITION and nothing changed', async () => {
    const id = await issued();
    expect(codes(await approve(id))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await call(managerA, REJECT, { id, reason: 'Too late now' }))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await call(managerA, DEPART, { id, input: { departedOn: today, port: 'JED' } }))).toEqual([
      'INVALID_TRANSITION',
    ]);
    const fresh = await submitted();
    expect(
      codes(await call(as.officer(), ARRIVE, { id: fresh, input: { arrivedOn: today, port: 'JED', portKind: 'AIR' } })),
    ).toEqual(['INVALID_TRANSITION']);
    expect(await statusOf(id)).toBe('ISSUED');
    expect(await statusOf(fresh)).toBe('SUBMITTED');
  });

  it('refuses a rejection without a reason, naming the field', async () => {
    const id = await submitted();
    const r = await call(managerA, REJECT, { id, reason: ' ' });
    expect(first(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await statusOf(id)).toBe('SUBMITTED');
  });

  it('refuses an arrival after the entry window and a departure before the arrival', async () => {
    const id = await issued();
    await sql(`update visa_application set enter_by = ? where id = ?`, [addDays(today, -1), id]);
    const late = await call(as.officer(), ARRIVE, { id, input: { arrivedOn: today, port: 'JED', portKind: 'AIR' } });
    expect(first(late)).toMatchObject({ code: 'ENTRY_WINDOW_CLOSED', field: 'input.arrivedOn' });
    await sql(`update visa_application set enter_by = ? where id = ?`, [addDays(today, 10), id]);
    expect(
      (await call(as.officer(), ARRIVE, { id, input: { arrivedOn: today, port: 'JED', portKind: 'SEA' } })).errors,
    ).toBeUndefined();
    const early = await call(managerA, DEPART, { id, input: { departedOn: addDays(today, -1), port: 'JED' } });
    expect(first(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departedOn' });
    const future = await call(managerA, DEPART, { id, input: { departedOn: addDays(today, 1), port: 'JED' } });
    expect(first(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departedOn' });
  });

  it('lets the agent or the manager withdraw before travel, but not while MOFA has it', async () => {
    const id = await submitted();
    const c = await call<{ cancelVisaApplication: Visa }>(agent, CANCEL, { id, reason: 'Pilgrim postponed' });
    expect(c.data!.cancelVisaApplication.status).toBe('CANCELLED');
    const inFlight = await submitted();
    await approve(inFlight);
    await sql(`update visa_application set status = 'SENT_TO_MOFA', next_attempt_at = null where id = ?`, [inFlight]);
    expect(codes(await call(managerA, CANCEL, { id: inFlight, reason: 'Changed our mind' }))).toEqual([
      'INVALID_TRANSITION',
    ]);
  });
});

describe('who may act', () => {
  it.each([
    ['supervisor', as.supervisor(), 'FORBIDDEN'],
    ['officer', as.officer(), 'FORBIDDEN'],
    ['agent', as.agent(agentA), 'FORBIDDEN'],
    ['provider', as.provider(randomUUID()), 'FORBIDDEN'],
    ['another company’s manager', managerB, 'VISA_NOT_FOUND'],
  ])('refuses an approval by a %s (%s) and changes nothing', async (_name, caller, code) => {
    const id = await submitted();
    const before = await sql(`select count(*) as n from visa_status_change`);
    expect(codes(await approve(id, caller))).toEqual([code]);
    expect(await statusOf(id)).toBe('SUBMITTED');
    expect(await sql(`select count(*) as n from visa_status_change`)).toEqual(before);
  });

  it('refuses a supervisor’s every visa mutation with FORBIDDEN', async () => {
    const id = await submitted();
    const supervisor = as.supervisor();
    for (const [query, variables] of [
      [SUBMIT, { pilgrimId: randomUUID() }],
      [REJECT, { id, reason: 'not mine to say' }],
      [CANCEL, { id, reason: 'not mine to say' }],
      [ARRIVE, { id, input: { arrivedOn: today, port: 'JED', portKind: 'AIR' } }],
      [DEPART, { id, input: { departedOn: today, port: 'JED' } }],
    ] as const) {
      expect(codes(await call(supervisor, query, variables))).toEqual(['FORBIDDEN']);
    }
    expect(await statusOf(id)).toBe('SUBMITTED');
  });

  it('shows an application to its company, its agent and the ministry only; to others it is missing', async () => {
    const id = await submitted();
    expect(await read(id, managerA)).not.toBeNull();
    expect(await read(id, agent)).not.toBeNull();
    expect(await read(id, as.supervisor())).not.toBeNull();
    expect(await read(id, managerB)).toBeNull();
    expect(await read(id, as.agent(otherAgent))).toBeNull();
    expect(codes(await call(as.provider(randomUUID()), READ, { id }))).toEqual(['FORBIDDEN']);
    // Another agent cannot apply for a pilgrim it did not register: it reads as missing.
    const pilgrimId = await pilgrim();
    expect(codes(await submit(pilgrimId, as.agent(otherAgent)))).toEqual(['PILGRIM_NOT_FOUND']);
  });
});

describe('preconditions of issuance', () => {
  const refusedWith = async (id: string, code: string) => {
    const r = await approve(id);
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0]!.message.length).toBeGreaterThan(30);
    expect(await statusOf(id)).toBe('SUBMITTED');
  };

  it('refuses without a confirmed booking covering the stay (BOOKING_REQUIRED)', async () => {
    await refusedWith(await submitted({ booked: false }), 'BOOKING_REQUIRED');
    const pilgrimId = await pilgrim({ booked: false });
    // Starts after the entry window would close.
    await book(pilgrimId, addDays(today, policy.entryWindowDays + 5), addDays(today, policy.entryWindowDays + 15));
    // Booked by another company.
    await book(pilgrimId, addDays(today, 3), addDays(today, 10), companyB);
    const id = (await submit(pilgrimId)).data!.submitVisaApplication.id;
    await refusedWith(id, 'BOOKING_REQUIRED');
  });

  it('refuses a passport that expires too soon after the booked departure (PASSPORT_VALIDITY)', async () => {
    const id = await submitted();
    await sql(
      `update pilgrim set passport_expires_on = ? where id = (select pilgrim_id from visa_application where id = ?)`,
      [addDays(today, 60), id],
    );
    await refusedWith(id, 'PASSPORT_VALIDITY');
  });

  it('refuses when the agent’s contract is no longer in force (AGENT_CONTRACT_NOT_ACTIVE)', async () => {
    const id = await submitted();
    await sql(`update agency_contract_standing set valid_to = ? where agent_id = ?`, [addDays(today, -1), agentA]);
    try {
      await refusedWith(id, 'AGENT_CONTRACT_NOT_ACTIVE');
    } finally {
      await sql(`update agency_contract_standing set valid_to = '2099-12-31' where agent_id = ?`, [agentA]);
    }
  });

  it('refuses when the company’s licence is not active (COMPANY_LICENCE_NOT_ACTIVE), at approval and again before MOFA', async () => {
    const id = await submitted();
    const later = await submitted();
    expect((await approve(later)).errors).toBeUndefined();
    await sql(`update company_standing set license_status = 'SUSPENDED' where company_id = ?`, [companyA]);
    try {
      await refusedWith(id, 'COMPANY_LICENCE_NOT_ACTIVE');
      // Approved before the suspension: the processor checks again before MOFA, rejects and refunds.
      await boot.runWorkers();
      const visa = (await read(later))!;
      expect(visa.status).toBe('REJECTED');
      expect(visa.history.at(-1)!.reason).toMatch(/^COMPANY_LICENCE_NOT_ACTIVE: /);
      expect(visa.nextAttemptAt).toBeNull(); // refund paid
    } finally {
      await sql(`update company_standing set license_status = 'ACTIVE' where company_id = ?`, [companyA]);
    }
  });

  it('refuses beyond the company’s quota (QUOTA_EXCEEDED) and gives a place back on cancellation', async () => {
    const season = (
      await sql<{ hijri_year: string }>(`select hijri_year from season where id = ?`, [policy.seasonId])
    )[0]!.hijri_year;
    const [used] = await sql<{ used: number }>(
      `select coalesce(max(used), 0) as used from company_visa_usage where company_id = ? and season = ?`,
      [companyA, season],
    );
    await sql(
      `insert into company_visa_quota (id, season_id, company_id, version, quota, reason)
       values (?, ?, ?, (select coalesce(max(version), 0) + 1 from company_visa_quota where company_id = ? and season_id = ?), ?, 'test quota')`,
      [randomUUID(), policy.seasonId, companyA, companyA, policy.seasonId, Number(used!.used) + 1],
    );
    try {
      const one = await submitted();
      const two = await submitted();
      expect((await approve(one)).errors).toBeUndefined();
      await refusedWith(two, 'QUOTA_EXCEEDED');
      expect((await call(managerA, CANCEL, { id: one, reason: 'Make room' })).errors).toBeUndefined();
      expect((await approve(two)).errors).toBeUndefined();
      const [after] = await sql<{ used: number }>(
        `select used from company_visa_usage where company_id = ? and season = ?`,
        [companyA, season],
      );
      expect(Number(after!.used)).toBe(Number(used!.used) + 1);
    } finally {
      await sql(
        `insert into company_visa_quota (id, season_id, company_id, version, quota, reason)
         values (?, ?, ?, (select max(version) + 1 from company_visa_quota where company_id = ? and season_id = ?), null, 'test over')`,
        [randomUUID(), policy.seasonId, companyA, companyA, policy.seasonId],
      );
      await boot.runWorkers();
    }
  });
});

describe('scheduled jobs', () => {
  it('expires issued visas not used in time, once', async () => {
    const id = await issued();
    await sql(`update visa_application set enter_by = ? where id = ?`, [addDays(today, -1), id]);
    expect(await expireUnusedVisas(boot.db)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(id)).toBe('EXPIRED');
    expect(await expireUnusedVisas(boot.db)).toBe(0);
    // The pilgrim may apply again after an unused visa expired.
    const [{ pilgrim_id: pilgrimId }] = (await sql<{ pilgrim_id: string }>(
      `select pilgrim_id from visa_application where id = ?`,
      [id],
    )) as [{ pilgrim_id: string }];
    expect((await submit(pilgrimId)).data!.submitVisaApplication.status).toBe('SUBMITTED');
  });

  it('marks an overstayer once and emits one PilgrimOverstayed event with the season’s fine', async () => {
    const id = await issued();
    await call(as.officer(), ARRIVE, { id, input: { arrivedOn: today, port: 'JED', portKind: 'AIR' } });
    await sql(`update visa_application set stay_until = ? where id = ?`, [addDays(today, -1), id]);
    expect(await detectOverstays(boot.db)).toBe(1);
    expect(await detectOverstays(boot.db)).toBe(0);
    const events = await sql<{ payload: unknown }>(
      `select payload from outbox_event where type = 'PilgrimOverstayed' and aggregate_id = ?`,
      [id],
    );
    expect(events).toHaveLength(1);
    const payload = (
      typeof events[0]!.payload === 'string' ? JSON.parse(events[0]!.payload) : events[0]!.payload
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({
      visaApplicationId: id,
      companyId: companyA,
      fineHalalas: policy.overstayFineHalalas,
    });
    const visa = (await read(id))!;
    expect(visa.status).toBe('OVERSTAYED');
    expect(visa.overstayedAt).not.toBeNull();
    // Leaving late is recorded; the overstay stays on record.
    const departed = await call<{ recordDeparture: Visa }>(managerA, DEPART, {
      id,
      input: { departedOn: today, port: 'JED' },
    });
    expect(departed.data!.recordDeparture).toMatchObject({ status: 'DEPARTED' });
    expect(departed.data!.recordDeparture.overstayedAt).not.toBeNull();
  });
});

describe('idempotency retention', () => {
  it('forgets keys older than the retention and keeps recent ones', async () => {
    const old = randomUUID();
    const recent = randomUUID();
    for (const [key, days] of [
      [old, IDEMPOTENCY_RETENTION_DAYS + 1],
      [recent, 1],
    ] as const) {
      await sql(
        `insert into idempotency_key (key, actor, operation, result_id, created_at) values (?, ?, 'test', ?, now() - make_interval(days => ?))`,
        [key, randomUUID(), randomUUID(), days],
      );
    }
    expect(await forgetOldIdempotencyKeys(boot.db)).toBeGreaterThanOrEqual(1);
    const left = await sql<{ key: string }>(`select key from idempotency_key where key in (?, ?)`, [old, recent]);
    expect(left.map((r) => r.key)).toEqual([recent]);
  });
});

describe('statistics', () => {
  const STATS = `query S($companyId: ID, $from: Date!, $to: Date!) {
    visaStatistics(companyId: $companyId) {
      season total inKingdomNow overstays
      byStatus { status count }
      byNationality { nationality count }
      byCompany { company { id } total issued inKingdomNow overstays }
      byDay(from: $from, to: $to) { day status count }
    }
  }`;
  interface Stats {
    total: number;
    inKingdomNow: number;
    overstays: number;
    byStatus: { status: string; count: number }[];
    byNationality: { nationality: string; count: number }[];
    byCompany: { company: { id: string }; total: number }[];
    byDay: { day: string; status: string; count: number }[];
  }
  const stats = async (caller: Viewer, companyId: string | null = null) =>
    call<{ visaStatistics: Stats | null }>(caller, STATS, { companyId, from: addDays(today, -200), to: today });

  it('agrees with the applications themselves, for the ministry and for one company', async () => {
    const season = (
      await sql<{ hijri_year: string }>(`select hijri_year from season where id = ?`, [policy.seasonId])
    )[0]!.hijri_year;
    const truth = await sql<{ status: string; n: string }>(
      `select status, count(*) as n from visa_application where season = ? group by status`,
      [season],
    );
    const r = await stats(as.supervisor());
    expect(r.errors).toBeUndefined();
    const s = r.data!.visaStatistics!;
    expect(Object.fromEntries(s.byStatus.filter((x) => x.count > 0).map((x) => [x.status, x.count]))).toEqual(
      Object.fromEntries(truth.map((t) => [t.status, Number(t.n)])),
    );
    expect(s.total).toBe(truth.reduce((sum, t) => sum + Number(t.n), 0));
    expect(s.byNationality.reduce((sum, n) => sum + n.count, 0)).toBe(s.total);
    expect(s.byCompany.reduce((sum, c) => sum + c.total, 0)).toBe(s.total);
    const [{ n: inKingdom }] = (await sql<{ n: string }>(
      `select count(*) as n from visa_application where season = ? and status in ('ARRIVED', 'OVERSTAYED')`,
      [season],
    )) as [{ n: string }];
    expect(s.inKingdomNow).toBe(Number(inKingdom));
    const submittedToday = s.byDay
      .filter((d) => d.day === today && d.status === 'SUBMITTED')
      .reduce((a, d) => a + d.count, 0);
    expect(submittedToday).toBeGreaterThan(0);

    const own = (await stats(managerA)).data!.visaStatistics!;
    expect(own.byCompany.map((c) => c.company.id)).toEqual([companyA]);
    expect(own.total).toBe(s.byCompany.find((c) => c.company.id === companyA)!.total);
  });

  it('counts each nationality and each company of the season as the applications do', async () => {
    const season = (
      await sql<{ hijri_year: string }>(`select hijri_year from season where id = ?`, [policy.seasonId])
    )[0]!.hijri_year;
    const byNationality = await sql<{ nationality: string; n: string }>(
      `select nationality, count(*) as n from visa_application where season = ? group by nationality`,
      [season],
    );
    const byCompany = await sql<{ company_id: string; n: string }>(
      `select company_id, count(*) as n from visa_application where season = ? group by company_id`,
      [season],
    );
    const s = (await stats(as.supervisor())).data!.visaStatistics!;
    expect(Object.fromEntries(s.byNationality.map((x) => [x.nationality, x.count]))).toEqual(
      Object.fromEntries(byNationality.map((t) => [t.nationality, Number(t.n)])),
    );
    expect(Object.fromEntries(s.byCompany.map((x) => [x.company.id, x.total]))).toEqual(
      Object.fromEntries(byCompany.map((t) => [t.company_id, Number(t.n)])),
    );
  });

  it('gives a manager nothing of another company and refuses agents', async () => {
    expect((await stats(managerA, companyB)).data!.visaStatistics).toBeNull();
    expect(codes(await stats(agent))).toEqual(['FORBIDDEN']);
  });
});

describe('lists without N+1', () => {
  const LIST = `query L($first: Int!) {
    visaApplications(first: $first) {
      totalCount
      edges { node { id status pilgrim { id fullNameEn } history { toStatus changedAt } } }
    }
  }`;

  it('reads a page with pilgrims and histories in the same number of statements for 5 or 50 rows', async () => {
    const statements = async (first: number): Promise<number> => {
      const before = boot.db.statementCount;
      const r = await call<{ visaApplications: { edges: unknown[] } }>(as.supervisor(), LIST, { first });
      expect(r.errors).toBeUndefined();
      expect(r.data!.visaApplications.edges).toHaveLength(first);
      return boot.db.statementCount - before;
    };
    const small = await statements(5);
    expect(await statements(50)).toBe(small);
    expect(small).toBeLessThanOrEqual(4); // page, count, pilgrims, histories
  });

  it('filters by status, nationality and overstay, and refuses a malformed filter with its field', async () => {
    const r = await call<{ visaApplications: { edges: { node: { status: string } }[] } }>(
      as.supervisor(),
      `query { visaApplications(first: 100, filter: { statuses: [ISSUED, ARRIVED] }) { edges { node { status } } } }`,
    );
    expect(r.data!.visaApplications.edges.every((e) => ['ISSUED', 'ARRIVED'].includes(e.node.status))).toBe(true);
    const bad = await call(
      as.supervisor(),
      `query { visaApplications(first: 5, filter: { nationality: "Pakistan" }) { totalCount } }`,
    );
    expect(first(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nationality' });
  });
});
