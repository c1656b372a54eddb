import type { Cluster } from './harness';

/**
 * The load the crash scenarios run: bulk registrations through the gateway by a company manager,
 * each call with its own idempotency key and retried with that key until acknowledged; then the
 * checks that every acknowledged registration exists once and earned its points once.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const MANAGER = 'manager@safwa.demo';
export const OFFICER = 'officer@ministry.demo';

const REGISTER = `mutation($input: RegisterPilgrimsInput!, $key: String) {
  registerPilgrims(input: $input, idempotencyKey: $key) { registeredCount failedCount }
}`;

/** Codes that mean "the system is unwell, try again"; anything else is a real refusal. */
const RETRYABLE = new Set(['SUBGRAPH_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

export const pilgrimRow = (passportNumber: string): Record<string, unknown> => ({
  givenNameAr: 'محمد',
  fatherNameAr: 'أحمد',
  grandfatherNameAr: 'علي',
  familyNameAr: 'خان',
  givenNameEn: 'Muhammad',
  fatherNameEn: 'Ahmad',
  grandfatherNameEn: 'Ali',
  familyNameEn: 'Khan',
  passportNumber,
  nationality: 'PK',
  dateOfBirth: '1980-04-02',
  sex: 'MALE',
  passportIssuedOn: '2021-01-01',
  passportExpiresOn: '2035-01-01',
});

export interface Registrations {
  token: string;
  companyId: string;
  /** Points one registration earns (rules in force × the company's tier multiplier). */
  rate: number;
}

/**
 * Signs in the manager and the officer and fixes the tiers out of reach, so that every one of the
 * scenario's registrations earns the same rate (10,000 would otherwise lift the company a tier).
 */
export async function prepare(cluster: Cluster): Promise<Registrations> {
  const officer = await cluster.login(OFFICER);
  const token = await cluster.login(MANAGER);
  const rules = await cluster.request<{ loyaltyEarningRules: { season: string } }>(
    `{ loyaltyEarningRules { season } }`,
    {},
    officer,
  );
  const season = rules.data!.loyaltyEarningRules.season;
  const set = await cluster.request<{ setLoyaltyEarningRules: { pointsPerPilgrim: number } }>(
    `mutation($input: SetLoyaltyEarningRulesInput!) { setLoyaltyEarningRules(input: $input) { pointsPerPilgrim } }`,
    {
      input: {
        season,
        reason: 'Fault tests: tiers out of reach so every registration earns one rate.',
        silverFrom: 1_000_000,
        goldFrom: 2_000_000,
        platinumFrom: 3_000_000,
      },
    },
    officer,
  );
  if (!set.data) throw new Error(`setLoyaltyEarningRules failed: ${JSON.stringify(set.errors)}`);
  const standing = await cluster.request<{
    me: { company: { id: string; loyalty: { tierProgress: { tier: string; multiplierPercent: number } } } };
  }>(`{ me { company { id loyalty { tierProgress { tier multiplierPercent } } } } }`, {}, token);
  const company = standing.data!.me.company;
  const rate = Math.floor(
    (set.data.setLoyaltyEarningRules.pointsPerPilgrim * company.loyalty.tierProgress.multiplierPercent) / 100,
  );
  return { token, companyId: company.id, rate };
}

export interface LoadOptions {
  /** Passport numbers are `<prefix><7 digits>`: unique in the run, and how the checks find its pilgrims. */
  prefix: string;
  calls: number;
  rowsPerCall: number;
  concurrency: number;
  /** Called after each acknowledged call with the number acknowledged so far. */
  onAcknowledged?: (calls: number) => void;
}

export interface LoadResult {
  acknowledgedCalls: number;
  acknowledgedRows: number;
  /** Attempts that failed (network error, 5xx, unavailable) and were sent again with the same key. */
  retries: number;
  /** Retried calls whose first attempt had in fact committed: answered from the idempotency key. */
  answeredFromKey: number;
}

/** Sends the registrations; resolves when every call is acknowledged. */
export async function registerAll(cluster: Cluster, setup: Registrations, options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { acknowledgedCalls: 0, acknowledgedRows: 0, retries: 0, answeredFromKey: 0 };
  let next = 0;
  const key = (call: number) => `faults-${options.prefix}-${call}`;

  const send = async (call: number): Promise<void> => {
    const rows = Array.from({ length: options.rowsPerCall }, (_, i) =>
      pilgrimRow(`${options.prefix}${String(call * options.rowsPerCall + i).padStart(7, '0')}`),
    );
    let keyKnown = false;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        result.retries += 1;
        await sleep(Math.min(200 * attempt, 2_000));
        // Did the previous attempt commit (its answer lost)? Then this retry is answered from the key.
        keyKnown = await cluster
          .sql<{ n: string }>('pilgrims', `select count(*) as n from bulk_registration where key = ?`, [key(call)])
          .then((r) => Number(r[0]!.n) > 0)
          .catch(() => false);
      }
      let answer;
      try {
        answer = await cluster.request<{ registerPilgrims: { registeredCount: number; failedCount: number } }>(
          REGISTER,
          { input: { companyId: setup.companyId, rows }, key: key(call) },
          setup.token,
          60_000,
        );
      } catch {
        continue; // the gateway itself did not answer
      }
      const codes = (answer.errors ?? []).map((e) => String(e.extensions?.['code'] ?? ''));
      if (answer.data?.registerPilgrims) {
        const { registeredCount, failedCount } = answer.data.registerPilgrims;
        if (registeredCount !== options.rowsPerCall || failedCount !== 0) {
          throw new Error(`call ${call}: ${registeredCount} registered, ${failedCount} failed`);
        }
        result.acknowledgedCalls += 1;
        result.acknowledgedRows += registeredCount;
        if (keyKnown) result.answeredFromKey += 1;
        options.onAcknowledged?.(result.acknowledgedCalls);
        return;
      }
      if (answer.status >= 500 || codes.some((c) => RETRYABLE.has(c))) continue;
      throw new Error(`call ${call} refused: ${JSON.stringify(answer.errors)}`);
    }
  };

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.calls) await send(next++);
    }),
  );
  return result;
}

export interface Tally {
  stored: number;
  duplicatePassports: number;
  /** PilgrimRegistered events in the pilgrims outbox for the run's pilgrims. */
  sent: number;
  /** Of those, events loyalty's inbox holds (each applied once: the inbox is keyed by event id). */
  delivered: number;
  ledgerLines: number;
  points: number;
  /** The company's balance equals the sum of its ledger. */
  booksBalance: boolean;
}

/** Counts what the databases hold for the run's pilgrims. */
export async function tally(cluster: Cluster, setup: Registrations, prefix: string): Promise<Tally> {
  const like = `${prefix}%`;
  const [stored] = await cluster.sql<{ n: string }>(
    'pilgrims',
    `select count(*) as n from pilgrim where passport_number like ?`,
    [like],
  );
  const [duplicates] = await cluster.sql<{ n: string }>(
    'pilgrims',
    `select count(*) as n from (select 1 from pilgrim where passport_number like ?
       group by nationality, passport_number having count(*) > 1) d`,
    [like],
  );
  const events = await cluster.sql<{ id: string; aggregate_id: string }>(
    'pilgrims',
    `select o.id, o.aggregate_id from outbox_event o join pilgrim p on p.id::text = o.aggregate_id
      where o.type = 'PilgrimRegistered' and p.passport_number like ?`,
    [like],
  );
  const eventIds = JSON.stringify(events.map((e) => e.id));
  const pilgrimIds = JSON.stringify([...new Set(events.map((e) => e.aggregate_id))]);
  const [delivered] = await cluster.sql<{ n: string }>(
    'loyalty',
    `select count(*) as n from inbox_event
      where source = 'pilgrims' and event_id::text in (select jsonb_array_elements_text(?::jsonb))`,
    [eventIds],
  );
  const [ledger] = await cluster.sql<{ n: string; total: string | null }>(
    'loyalty',
    `select count(*) as n, sum(points) as total from loyalty_ledger_entry
      where cause = 'PILGRIM_REGISTERED' and reference in (select jsonb_array_elements_text(?::jsonb))`,
    [pilgrimIds],
  );
  const [books] = await cluster.sql<{ balance: string; total: string | null }>(
    'loyalty',
    `select a.balance, (select sum(points) from loyalty_ledger_entry e where e.account_id = a.id) as total
       from loyalty_account a where a.company_id = ?`,
    [setup.companyId],
  );
  return {
    stored: Number(stored!.n),
    duplicatePassports: Number(duplicates!.n),
    sent: events.length,
    delivered: Number(delivered!.n),
    ledgerLines: Number(ledger!.n),
    points: Number(ledger!.total ?? 0),
    booksBalance: !!books && Number(books.balance) === Number(books.total ?? 0),
  };
}

/** Polls until loyalty holds a ledger line for every registration, or the time runs out. */
export async function waitForPoints(
  cluster: Cluster,
  setup: Registrations,
  prefix: string,
  expected: number,
  timeoutMs: number,
): Promise<Tally> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counted = await tally(cluster, setup, prefix).catch(() => null);
    if (counted && counted.ledgerLines >= expected) return counted;
    if (Date.now() > deadline) return counted ?? tally(cluster, setup, prefix);
    await sleep(1_000);
  }
}

/**
 * Loses loyalty's position in the pilgrims feed, as a consumer restored from an old backup would:
 * its running consumer reads the whole feed again. Resolves once it is back at the feed's end.
 */
export async function redeliverAll(cluster: Cluster, timeoutMs: number): Promise<void> {
  const [end] = await cluster.sql<{ tx_id: string; seq: string }>(
    'pilgrims',
    `select tx_id::text as tx_id, seq from outbox_event order by tx_id desc, seq desc limit 1`,
  );
  await cluster.sql('loyalty', `delete from feed_position where source = 'pilgrims'`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [at] = await cluster.sql<{ tx_id: string; seq: string }>(
      'loyalty',
      `select tx_id::text as tx_id, seq from feed_position where source = 'pilgrims'`,
    );
    if (at && String(at.tx_id) === String(end!.tx_id) && String(at.seq) === String(end!.seq)) return;
    if (Date.now() > deadline) throw new Error('loyalty did not read the pilgrims feed to its end again in time');
    await sleep(500);
  }
}
