import { demoAgents, demoCompanies } from '@umrah/demo';
import { as, bootSubgraph, codes, type TestSubgraph } from '@umrah/test-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../src/index';
import { riyadhDate } from '../src/season/season.service';
import {
  RefusedByAdapterError,
  TransientAdapterError,
  type MofaAdapter,
  type PaymentAdapter,
  type VisaAdapters,
} from '../src/visa/adapters/adapters';
import { simulatedMofa, simulatedPayment } from '../src/visa/adapters/simulated';
import { visaProcessor } from '../src/visa/visa.processor';

const companyA = demoCompanies[0]!.id;
const agentA = demoAgents[0]!.id;
const managerA = as.manager(companyA);
const agent = as.agent(agentA);
const today = riyadhDate();
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let boot: TestSubgraph;
let passportSeq = 8_000_000;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  boot.db.fork().getConnection().execute<T[]>(text, params);

const zero = { latencyMs: 0, failureRate: 0, refusalRate: 0 };
const RETRY = { baseMs: 1, maxMs: 5 };

/** Adapters that misbehave as told, then behave like the simulation. */
function scripted(options: { mofaFailures?: number; mofaRefuses?: boolean; paymentDeclines?: boolean }) {
  const calls = { charges: 0, refunds: [] as string[], mofa: 0 };
  const mofa = simulatedMofa(zero);
  const pay = simulatedPayment(zero);
  const adapters: VisaAdapters = {
    mofa: {
      async requestVisa(request) {
        calls.mofa += 1;
        if (calls.mofa <= (options.mofaFailures ?? 0)) throw new TransientAdapterError('MOFA timed out');
        if (options.mofaRefuses) throw new RefusedByAdapterError('SECURITY_CHECK', 'MOFA refused the visa.');
        return mofa.requestVisa(request);
      },
    } satisfies MofaAdapter,
    payment: {
      async charge(request) {
        calls.charges += 1;
        if (options.paymentDeclines) throw new RefusedByAdapterError('DECLINED', 'Card declined.');
        return pay.charge(request);
      },
      async refund(request) {
        calls.refunds.push(request.reference);
      },
    } satisfies PaymentAdapter,
  };
  return { adapters, calls };
}

/** Runs a processor until nothing is due, letting short backoffs pass. */
async function runUntilIdle(adapters: VisaAdapters): Promise<void> {
  const processor = visaProcessor(boot.db, { adapters, retry: RETRY });
  for (let i = 0; i < 50; i++) {
    await processor.runOnce();
    const [due] = await sql<{ n: string }>(
      `select count(*) as n from visa_application where next_attempt_at is not null`,
    );
    if (Number(due!.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function approved(): Promise<string> {
  const id = await submitted();
  const a = await boot.request(`mutation A($id: ID!) { approveVisaApplication(id: $id) { id } }`, { id }, managerA);
  expect(a.errors).toBeUndefined();
  return id;
}

const row = async (id: string) =>
  (
    await sql<{
      status: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: Date | null;
      holds_quota: boolean;
    }>(`select status, attempts, last_error, next_attempt_at, holds_quota from visa_application where id = ?`, [id])
  )[0]!;

beforeAll(async () => {
  boot = await bootSubgraph(pilgrimsSubgraph, { demo: true });
  for (const company of demoCompanies) {
    await sql(
      `insert into company_standing (company_id, license_status, license_expires_on, event_seq) values (?, 'ACTIVE', '2099-12-31', 1)`,
      [company.id],
    );
  }
  await sql(
    `insert into agency_contract_standing (contract_id, company_id, agent_id, status, valid_from, valid_to, event_seq)
     values (?, ?, ?, 'ACTIVE', '2020-01-01', '2099-12-31', 1)`,
    [randomUUID(), companyA, agentA],
  );
  // The demo's applications caught mid-way: done with, so each test sees only its own.
  await runUntilIdle(scripted({}).adapters);
}, 120_000);

afterAll(async () => {
  await boot?.close();
});

describe('the visa processor', () => {
  it('retries MOFA with backoff after failures and issues the visa once', async () => {
    const id = await approved();
    const { adapters, calls } = scripted({ mofaFailures: 2 });
    const processor = visaProcessor(boot.db, { adapters, retry: RETRY });
    await processor.runOnce();
    const waiting = await row(id);
    expect(waiting.status).toBe('SENT_TO_MOFA');
    expect(waiting.last_error).toMatch(/MOFA timed out/);
    expect(waiting.next_attempt_at).not.toBeNull();
    await runUntilIdle(adapters);
    const done = await row(id);
    expect(done).toMatchObject({ status: 'ISSUED', last_error: null, next_attempt_at: null });
    expect(calls.mofa).toBe(3);
    expect(calls.charges).toBe(1);
    const issued = await sql(
      `select count(*) as n from visa_status_change where visa_application_id = ? and to_status = 'ISSUED'`,
      [id],
    );
    expect(Number((issued[0] as { n: string }).n)).toBe(1);
  });

  it('rejects on a MOFA refusal, gives the quota place back and refunds the fee', async () => {
    const id = await approved();
    const { adapters, calls } = scripted({ mofaRefuses: true });
    await runUntilIdle(adapters);
    const done = await row(id);
    expect(done).toMatchObject({ status: 'REJECTED', holds_quota: false, next_attempt_at: null });
    expect(calls.refunds).toHaveLength(1);
    const [last] = await sql<{ reason: string }>(
      `select reason from visa_status_change where visa_application_id = ? order by changed_at desc limit 1`,
      [id],
    );
    expect(last!.reason).toMatch(/^MOFA_REFUSED: /);
  });

  it('stops on a declined payment with the reason shown, until the manager retries', async () => {
    const id = await approved();
    await runUntilIdle(scripted({ paymentDeclines: true }).adapters);
    expect(await row(id)).toMatchObject({
      status: 'APPROVED',
      next_attempt_at: null,
      last_error: 'DECLINED: Card declined.',
    });
    const retried = await boot.request(
      `mutation R($id: ID!) { retryVisaProcessing(id: $id) { id nextAttemptAt } }`,
      { id },
      managerA,
    );
    expect(retried.errors).toBeUndefined();
    await runUntilIdle(scripted({}).adapters);
    expect((await row(id)).status).toBe('ISSUED');
  });

  it('refunds a fee paid for an application withdrawn before MOFA', async () => {
    const id = await approved();
    const { adapters, calls } = scripted({});
    // Pay only: the hand-over would follow in the same pass, so stop the application at PAID by hand.
    await sql(
      `update visa_application set status = 'PAID', payment_reference = 'PAY000000000001', paid_at = now(), next_attempt_at = null where id = ?`,
      [id],
    );
    const c = await boot.request(
      `mutation C($id: ID!) { cancelVisaApplication(id: $id, reason: "Pilgrim fell ill") { status } }`,
      { id },
      agent,
    );
    expect(c.errors).toBeUndefined();
    await runUntilIdle(adapters);
    expect(calls.refunds).toEqual(['PAY000000000001']);
    expect(await row(id)).toMatchObject({ status: 'CANCELLED', holds_quota: false, next_attempt_at: null });
  });
});

// PGlite serves one connection, so only PostgreSQL can show concurrent approvals racing for places.
describe.runIf(process.env['TEST_DATABASE_URL'])('quota under concurrent approvals (PostgreSQL)', () => {
  it('issues exactly the quota when more approvals than places arrive at once', async () => {
    const QUOTA_LEFT = 5;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(await submitted());
    }
    const [season] = await sql<{ season: string }>(`select season from visa_application where id = ?`, [ids[0]]);
    const [usage] = await sql<{ used: number }>(
      `select coalesce(max(used), 0) as used from company_visa_usage where company_id = ? and season = ?`,
      [companyA, season!.season],
    );
    const [seasonRow] = await sql<{ id: string }>(`select id from season where hijri_year = ?`, [season!.season]);
    await sql(
      `insert into company_visa_quota (id, season_id, company_id, version, quota, reason)
       values (?, ?, ?, (select coalesce(max(version), 0) + 1 from company_visa_quota where company_id = ? and season_id = ?), ?, 'concurrency test')`,
      [randomUUID(), seasonRow!.id, companyA, companyA, seasonRow!.id, Number(usage!.used) + QUOTA_LEFT],
    );
    const results = await Promise.all(
      ids.map((id) =>
        boot.request(`mutation A($id: ID!) { approveVisaApplication(id: $id) { id } }`, { id }, managerA),
      ),
    );
    const outcomes = results.map((r) => codes(r)[0] ?? 'APPROVED');
    expect(outcomes.filter((o) => o === 'APPROVED')).toHaveLength(QUOTA_LEFT);
    expect(outcomes.filter((o) => o === 'QUOTA_EXCEEDED')).toHaveLength(ids.length - QUOTA_LEFT);
    await runUntilIdle(scripted({}).adapters);
    const [issued] = await sql<{ n: string }>(
      `select count(*) as n from visa_application where id in (${ids.map(() => '?').join(', ')}) and status = 'ISSUED'`,
      ids,
    );
    expect(Number(issued!.n)).toBe(QUOTA_LEFT);
    const [after] = await sql<{ used: number }>(
      `select used from company_visa_usage where company_id = ? and season = ?`,
      [companyA, season!.season],
    );
    expect(Number(after!.used)).toBe(Number(usage!.used) + QUOTA_LEFT);
  });
});

/** A submitted (not yet approved) application with a booking. */
async function submitted(): Promise<string> {
  const r = await boot.request<{ registerPilgrim: { id: string } }>(
    `mutation R($input: RegisterPilgrimInput!) { registerPilgrim(input: $input) { id } }`,
    {
      input: {
        companyId: companyA,
        givenNameAr: 'أحمد',
        fatherNameAr: 'محمد',
        grandfatherNameAr: 'علي',
        familyNameAr: 'خان',
        givenNameEn: 'Ahmad',
        fatherNameEn: 'Muhammad',
        grandfatherNameEn: 'Ali',
        familyNameEn: 'Khan',
        passportNumber: `PK${passportSeq++}`,
        nationality: 'PK',
        dateOfBirth: '1985-04-02',
        sex: 'MALE',
        passportIssuedOn: '2020-01-01',
        passportExpiresOn: '2040-01-01',
      },
    },
    agent,
  );
  const pilgrimId = r.data!.registerPilgrim.id;
  await sql(
    `insert into pilgrim_booking (booking_id, pilgrim_id, company_id, package_id, booking_reference, starts_on, ends_on, status, event_seq)
     values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', 1)`,
    [randomUUID(), pilgrimId, companyA, randomUUID(), 'BRN-TEST', addDays(today, 3), addDays(today, 14)],
  );
  const s = await boot.request<{ submitVisaApplication: { id: string } }>(
    `mutation S($p: ID!) { submitVisaApplication(pilgrimId: $p) { id } }`,
    { p: pilgrimId },
    agent,
  );
  return s.data!.submitVisaApplication.id;
}
