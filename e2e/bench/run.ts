// `npm run bench -w @umrah/e2e -- [--sizes 10k,100k] [--generate] [--smoke] [--duration 10] [--connections 4]`
// Starts the whole system (four subgraph processes and the gateway) on each generated dataset, measures
// every scenario in one run and prints one table. Timings are printed, never asserted: it exits 0
// whenever it ran, whatever the figures.
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { openDatabase, uuidv7, type Database } from '@umrah/db-kit';
import { demoCompanies } from '@umrah/demo';
import { SUBGRAPH_SECRET_HEADER } from '@umrah/subgraph-kit';
import { BenchCluster } from './cluster';
import { startCountingGraph } from './counting';
import {
  SUBGRAPH_NAMES,
  databaseName,
  databaseUrl,
  onServer,
  parseSize,
  serverUrl,
  type SubgraphName,
} from './databases';
import { generate } from './generate';
import { companySubgraphCalls, planner, type PlanFetches } from './plan';
import {
  MANAGER_OVERVIEW,
  MINISTRY_STATISTICS,
  PILGRIMS_LIST,
  REGISTER_PILGRIMS,
  VISA_APPLICATION_PAGE,
  pilgrimRows,
} from './scenarios';

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const smoke = flag('smoke');
const sizes = (option('sizes') ?? (smoke ? '10k' : '10k,100k')).split(',').map((s) => s.trim().toLowerCase());
sizes.sort((a, b) => parseSize(a) - parseSize(b));
const largest = sizes[sizes.length - 1]!;
const durationS = Number(option('duration') ?? (smoke ? 2 : 10));
const connections = Number(option('connections') ?? 4);
const bulkBatches = Number(option('bulk-batches') ?? (smoke ? 1 : 10));
const bulkRows = 500;
const visaCount = Number(option('visas') ?? (smoke ? 5 : 30));
const PASSWORD = 'Umrah-Demo-1447';
const safwa = demoCompanies[0]!;
const started = Date.now();
const say = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);

// ---------------------------------------------------------------- helpers
interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(120_000),
  });
  const answer = (await response.json()) as Answer<T>;
  if (answer.errors?.length || !answer.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors ?? response.status).slice(0, 500)}`);
  }
  return answer.data;
}

const login = async (url: string, email: string): Promise<string> =>
  (
    await graphql<{ login: { accessToken: string } }>(
      url,
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password: PASSWORD } },
    )
  ).login.accessToken;

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sql<T>(db: Database, text: string, params: unknown[] = []): Promise<T[]> {
  return db.orm.em.fork().getConnection().execute<T[]>(text, params);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Row {
  scenario: string;
  size: string;
  throughput: string;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statements: string;
  fetches: string;
}
const rows: Row[] = [];
const notes: string[] = [];
const fmt = (ms: number): string => (Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)) : '—');

/** Drives one request shape with autocannon; latencies from every response (autocannon reports no p95). */
async function load(
  url: string,
  body: string,
  token: string,
): Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
        connections,
        duration: durationS,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / durationS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

// ---------------------------------------------------------------- the run
interface Target {
  size: string;
  cluster: BenchCluster;
  pilgrimsDb: Database;
  loyaltyDb: Database;
  tokens: { manager: string; supervisor: string; agent: string };
  visaId: string;
}

async function datasetsPresent(size: string): Promise<boolean> {
  const admin = await openDatabase({ entities: [], migrations: [], url: serverUrl(), poolSize: 1 });
  try {
    const found = await admin.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from pg_database where datname like ?`, [
        `umrah_bench_${size}_%`,
      ]);
    return found[0]!.n === SUBGRAPH_NAMES.length;
  } finally {
    await admin.close();
  }
}

const readScenarios = (t: Target) => [
  {
    name: 'manager overview (4 subgraphs)',
    query: MANAGER_OVERVIEW,
    variables: { id: safwa.id },
    token: t.tokens.manager,
  },
  {
    name: 'pilgrims list, filtered (first 20)',
    query: PILGRIMS_LIST,
    variables: { first: 20, filter: { nationality: 'ID', visaStatus: 'ISSUED' } },
    token: t.tokens.manager,
  },
  {
    name: 'ministry statistics by nationality',
    query: MINISTRY_STATISTICS,
    variables: { season: '1448' },
    token: t.tokens.supervisor,
  },
  { name: 'visa application page', query: VISA_APPLICATION_PAGE, variables: { id: t.visaId }, token: t.tokens.manager },
];

async function main(): Promise<void> {
  say(
    `sizes ${sizes.join(', ')}; ${durationS} s × ${connections} connections per read scenario${smoke ? ' (smoke)' : ''}`,
  );
  for (const size of sizes) {
    if (flag('generate') || smoke || !(await datasetsPresent(size))) await generate({ size, log: say });
  }

  const targets: Target[] = [];
  try {
    for (const size of sizes) {
      const cluster = await BenchCluster.start(size);
      const url = (name: SubgraphName) => databaseUrl(size, name);
      const pilgrimsDb = await openDatabase({ entities: [], migrations: [], url: url('pilgrims'), poolSize: 2 });
      const loyaltyDb = await openDatabase({ entities: [], migrations: [], url: url('loyalty'), poolSize: 2 });
      targets.push({
        size,
        cluster,
        pilgrimsDb,
        loyaltyDb,
        tokens: { manager: '', supervisor: '', agent: '' },
        visaId: '',
      });
      const target = targets.at(-1)!;
      // The demo's licences and contracts reach the pilgrims subgraph by events (its standing tables).
      await until('company standing in the pilgrims subgraph', async () => {
        const [r] = await sql<{ n: number }>(pilgrimsDb, `select count(*)::int as n from company_standing`);
        return r!.n >= demoCompanies.length;
      });
      target.tokens = {
        manager: await login(cluster.gatewayUrl, 'manager@safwa.demo'),
        supervisor: await login(cluster.gatewayUrl, 'supervisor@ministry.demo'),
        agent: await login(cluster.gatewayUrl, 'agent@nusantara.demo'),
      };
      const [visa] = await sql<{ id: string }>(
        pilgrimsDb,
        `select v.id from visa_application v where v.company_id = ? and v.status = 'DEPARTED' order by v.id limit 1`,
        [safwa.id],
      );
      target.visaId = visa!.id;
      say(`${size}: system up (logs in ${cluster.logDir})`);
    }

    // 1. SQL statements per operation, on the largest dataset (counting graph: same code, same databases).
    const statements = new Map<string, string>();
    const fetches = new Map<string, PlanFetches>();
    {
      const counting = await startCountingGraph(largest);
      supergraphSdl = counting.supergraphSdl;
      try {
        const planOf = planner(counting.supergraphSdl);
        const t = targets.at(-1)!;
        const tokens = {
          manager: await login(counting.gatewayUrl, 'manager@safwa.demo'),
          supervisor: await login(counting.gatewayUrl, 'supervisor@ministry.demo'),
        };
        const count = async (query: string, variables: Record<string, unknown>, token: string): Promise<string> => {
          await graphql(counting.gatewayUrl, query, variables, token); // warm (first-use caches)
          const before = counting.counts();
          await graphql(counting.gatewayUrl, query, variables, token);
          const after = counting.counts();
          const per = SUBGRAPH_NAMES.map((s) => [s, after[s] - before[s]] as const).filter(([, n]) => n > 0);
          return `${per.reduce((a, [, n]) => a + n, 0)} (${per.map(([s, n]) => `${s[0]}${s[1]}:${n}`).join(' ')})`;
        };
        for (const s of readScenarios({ ...t, tokens: { ...tokens, agent: '' } })) {
          statements.set(s.name, await count(s.query, s.variables, s.token));
          fetches.set(s.name, planOf(s.query, s.variables));
        }
        // At any page size: the list at 100 rows runs the same statements as at 20.
        const list = readScenarios(t)[1]!;
        notes.push(
          `pilgrims list statements at first 20: ${statements.get(list.name)}; at first 100: ${await count(
            list.query,
            { ...list.variables, first: 100 },
            tokens.manager,
          )}`,
        );
        const bulk = async (n: number) =>
          count(REGISTER_PILGRIMS, { input: { companyId: safwa.id, rows: pilgrimRows(n) } }, tokens.manager);
        statements.set('bulk registration', `${await bulk(500)} per call of 500`);
        notes.push(`bulk registration statements per call: 10 rows ${await bulk(10)}; 500 rows ${await bulk(500)}`);
        fetches.set('bulk registration', planOf(REGISTER_PILGRIMS));
      } finally {
        await counting.close();
      }
    }
    say('statements counted');

    // 2. Read scenarios, the sizes alternating per scenario.
    for (const scenario of readScenarios(targets[0]!).map((s) => s.name)) {
      for (const t of targets) {
        const s = readScenarios(t).find((x) => x.name === scenario)!;
        await graphql(t.cluster.gatewayUrl, s.query, s.variables, s.token); // checks the answer has no errors
        const r = await load(t.cluster.gatewayUrl, JSON.stringify({ query: s.query, variables: s.variables }), s.token);
        const plan = fetches.get(scenario)!;
        rows.push({
          scenario,
          size: t.size,
          throughput: `${r.rps.toFixed(1)} req/s`,
          ...r,
          statements: t.size === largest ? (statements.get(scenario) ?? '—') : '',
          fetches: t.size === largest ? String(plan.total) : '',
        });
        say(`${scenario} @ ${t.size}: p50 ${fmt(r.p50)} ms`);
      }
    }

    // 3-5 on the largest dataset.
    const t = targets.at(-1)!;
    await bulkRegistration(t, fetches.get('bulk registration')!, statements.get('bulk registration') ?? '—');
    await submitToIssued(t);
    await gatewayOverhead(t);
  } finally {
    for (const t of targets) {
      await t.cluster.stop();
      await t.pilgrimsDb.close();
      await t.loyaltyDb.close();
    }
  }
  printTable();
}

// ---------------------------------------------------------------- bulk registration
let rawRowsPerSecond = NaN;
let gatewayRowsPerSecond = NaN;
let accruedRowsPerSecond = NaN;

async function bulkRegistration(t: Target, plan: PlanFetches, statements: string): Promise<void> {
  // Raw baseline: the same rows (same columns the service writes) in multi-row INSERTs of the same size.
  const batches = Array.from({ length: bulkBatches }, () => pilgrimRows(bulkRows));
  const columns = [
    'id',
    'company_id',
    'season',
    'given_name_ar',
    'father_name_ar',
    'grandfather_name_ar',
    'family_name_ar',
    'given_name_en',
    'father_name_en',
    'grandfather_name_en',
    'family_name_en',
    'passport_number',
    'nationality',
    'date_of_birth',
    'sex',
    'passport_issued_on',
    'passport_expires_on',
    'mrz',
  ];
  const rawIds: string[] = [];
  const rawStarted = performance.now();
  for (const batch of batches) {
    const values: unknown[] = [];
    for (const r of batch) {
      // Time-ordered ids like the service's: random ones would scatter the primary key's inserts over a
      // 10 M-row index and make the baseline, not the service, pay for cold pages.
      const id = uuidv7();
      rawIds.push(id);
      values.push(
        id,
        safwa.id,
        '1448',
        r.givenNameAr,
        r.fatherNameAr,
        r.grandfatherNameAr,
        r.familyNameAr,
        r.givenNameEn,
        r.fatherNameEn,
        r.grandfatherNameEn,
        r.familyNameEn,
        `R${r.passportNumber.slice(1)}`,
        r.nationality,
        r.dateOfBirth,
        r.sex,
        r.passportIssuedOn,
        r.passportExpiresOn,
        null,
      );
    }
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await t.pilgrimsDb.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into pilgrim (${columns.join(', ')}) values ${batch.map(() => tuple).join(', ')}`,
        values,
        'run',
      );
  }
  rawRowsPerSecond = (bulkBatches * bulkRows) / ((performance.now() - rawStarted) / 1000);
  await sql(t.pilgrimsDb, `delete from pilgrim where id = any(?::uuid[])`, [`{${rawIds.join(',')}}`]);

  // Through the gateway, then until the loyalty ledger holds a PILGRIM_REGISTERED entry for every row.
  const [account] = await sql<{ id: string; last_line: number }>(
    t.loyaltyDb,
    `select id, last_line from loyalty_account where company_id = ?`,
    [safwa.id],
  );
  // Only the lines written since (an index range on the account's line numbers): counting the account's
  // whole ledger took 0.5–0.8 s at 10 M, slowing the consumer it waits for and the moment it notices.
  const earned = async (): Promise<number> =>
    (
      await sql<{ n: number }>(
        t.loyaltyDb,
        `select count(*)::int as n from loyalty_ledger_entry
          where account_id = ? and line > ? and cause = 'PILGRIM_REGISTERED'`,
        [account!.id, account!.last_line],
      )
    )[0]!.n;
  const before = await earned();
  const latencies: number[] = [];
  const gwStarted = performance.now();
  for (const batch of batches) {
    const one = performance.now();
    const r = await graphql<{ registerPilgrims: { registeredCount: number } }>(
      t.cluster.gatewayUrl,
      REGISTER_PILGRIMS,
      { input: { companyId: safwa.id, rows: batch } },
      t.tokens.manager,
    );
    latencies.push(performance.now() - one);
    if (r.registerPilgrims.registeredCount !== batch.length) throw new Error('bulk registration refused rows');
  }
  const gwSeconds = (performance.now() - gwStarted) / 1000;
  gatewayRowsPerSecond = (bulkBatches * bulkRows) / gwSeconds;
  await until(
    'loyalty points for every registered row',
    async () => (await earned()) - before >= bulkBatches * bulkRows,
    300_000,
    50,
  );
  accruedRowsPerSecond = (bulkBatches * bulkRows) / ((performance.now() - gwStarted) / 1000);
  latencies.sort((a, b) => a - b);
  rows.push({
    scenario: `bulk registration (${bulkRows} rows/call)`,
    size: t.size,
    throughput: `${gatewayRowsPerSecond.toFixed(0)} rows/s (${accruedRowsPerSecond.toFixed(0)} with points)`,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: 0,
    statements,
    fetches: String(plan.total),
  });
  rows.push({
    scenario: `raw multi-row INSERT (${bulkRows} rows)`,
    size: t.size,
    throughput: `${rawRowsPerSecond.toFixed(0)} rows/s`,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    errors: 0,
    statements: '1',
    fetches: '—',
  });
  say(`bulk: ${gatewayRowsPerSecond.toFixed(0)} rows/s through the gateway, raw ${rawRowsPerSecond.toFixed(0)} rows/s`);
}

// ---------------------------------------------------------------- submit → issued
let submitP95 = NaN;

async function submitToIssued(t: Target): Promise<void> {
  const url = t.cluster.gatewayUrl;
  const registered = await graphql<{ registerPilgrims: { rows: { pilgrim: { id: string } | null }[] } }>(
    url,
    REGISTER_PILGRIMS.replace('registeredCount', 'registeredCount rows { pilgrim { id } }'),
    { input: { companyId: safwa.id, rows: pilgrimRows(visaCount) } },
    t.tokens.agent,
  );
  const pilgrimIds = registered.registerPilgrims.rows.map((r) => r.pilgrim!.id);
  const [pkg] = await sql<{ package_id: string }>(
    t.pilgrimsDb,
    `select package_id from pilgrim_booking where company_id = ? and booking_reference like 'BRN-%' limit 1`,
    [safwa.id],
  );
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  for (const pilgrimId of pilgrimIds) {
    const booked = await graphql<{ bookPackage: { id: string } }>(
      url,
      `
        mutation ($input: BookPackageInput!) {
          bookPackage(input: $input) {
            id
          }
        }
      `,
      { input: { packageId: pkg!.package_id, pilgrimId, startsOn: day(5), endsOn: day(13) } },
      t.tokens.manager,
    );
    await graphql(
      url,
      `
        mutation ($id: ID!) {
          confirmBooking(id: $id, paymentReference: "SADAD-BENCH") {
            id
          }
        }
      `,
      { id: booked.bookPackage.id },
      t.tokens.manager,
    );
  }
  // The confirmed bookings reach the pilgrims subgraph by events before the clock starts.
  await until('bookings in the pilgrims subgraph', async () => {
    const [r] = await sql<{ n: number }>(
      t.pilgrimsDb,
      `select count(*)::int as n from pilgrim_booking where pilgrim_id = any(?::uuid[]) and status = 'CONFIRMED'`,
      [`{${pilgrimIds.join(',')}}`],
    );
    return r!.n === pilgrimIds.length;
  });
  const latencies: number[] = [];
  for (const pilgrimId of pilgrimIds) {
    const began = performance.now();
    const submitted = await graphql<{ submitVisaApplication: { id: string } }>(
      url,
      `
        mutation ($p: ID!, $key: String) {
          submitVisaApplication(pilgrimId: $p, idempotencyKey: $key) {
            id
          }
        }
      `,
      { p: pilgrimId, key: `bench:${pilgrimId}` },
      t.tokens.agent,
    );
    const id = submitted.submitVisaApplication.id;
    await graphql(
      url,
      `
        mutation ($id: ID!) {
          approveVisaApplication(id: $id) {
            status
          }
        }
      `,
      { id },
      t.tokens.manager,
    );
    await until(
      `visa ${id} issued`,
      async () => {
        const [r] = await sql<{ status: string }>(t.pilgrimsDb, `select status from visa_application where id = ?`, [
          id,
        ]);
        return r?.status === 'ISSUED';
      },
      60_000,
      5,
    );
    latencies.push(performance.now() - began);
  }
  latencies.sort((a, b) => a - b);
  submitP95 = percentile(latencies, 95);
  rows.push({
    scenario: `visa submit→issued (MOFA 0 ms, ${visaCount} visas)`,
    size: t.size,
    throughput: `${(1000 / (latencies.reduce((a, b) => a + b, 0) / latencies.length)).toFixed(1)} visas/s (serial)`,
    p50: percentile(latencies, 50),
    p95: submitP95,
    p99: percentile(latencies, 99),
    errors: 0,
    statements: '—',
    fetches: '—',
  });
  say(`submit→issued p95 ${fmt(submitP95)} ms`);
}

// ---------------------------------------------------------------- gateway overhead
let overheadRatio = NaN;
let supergraphSdl = '';

async function gatewayOverhead(t: Target): Promise<void> {
  const calls = companySubgraphCalls(supergraphSdl, MANAGER_OVERVIEW, { id: safwa.id }, safwa.id);
  const samples = smoke ? 20 : 100;
  const viaGateway: number[] = [];
  const direct: number[] = [];
  const headersFor = (s: SubgraphName) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${t.tokens.manager}`,
    [SUBGRAPH_SECRET_HEADER]: t.cluster.secrets[s],
  });
  for (let i = 0; i < samples; i++) {
    let began = performance.now();
    await graphql(t.cluster.gatewayUrl, MANAGER_OVERVIEW, { id: safwa.id }, t.tokens.manager);
    viaGateway.push(performance.now() - began);
    began = performance.now();
    for (const call of calls) {
      const response = await fetch(`${t.cluster.url(call.subgraph)}/graphql`, {
        method: 'POST',
        headers: headersFor(call.subgraph),
        body: JSON.stringify({ query: call.query, variables: call.variables }),
      });
      const answer = (await response.json()) as Answer<unknown>;
      if (answer.errors?.length)
        throw new Error(`direct ${call.subgraph} call failed: ${JSON.stringify(answer.errors)}`);
    }
    direct.push(performance.now() - began);
  }
  viaGateway.sort((a, b) => a - b);
  direct.sort((a, b) => a - b);
  overheadRatio = percentile(viaGateway, 50) / percentile(direct, 50);
  rows.push({
    scenario: `manager overview, subgraph calls direct (${calls.length} in sequence)`,
    size: t.size,
    throughput: `${samples} samples (serial)`,
    p50: percentile(direct, 50),
    p95: percentile(direct, 95),
    p99: percentile(direct, 99),
    errors: 0,
    statements: '',
    fetches: String(calls.length),
  });
  rows.push({
    scenario: 'manager overview, through the gateway (same samples)',
    size: t.size,
    throughput: `${samples} samples (serial)`,
    p50: percentile(viaGateway, 50),
    p95: percentile(viaGateway, 95),
    p99: percentile(viaGateway, 99),
    errors: 0,
    statements: '',
    fetches: String(calls.length),
  });
}

// ---------------------------------------------------------------- the table
function printTable(): void {
  const header = [
    'scenario',
    'dataset',
    'throughput',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'SQL stmts/op',
    'plan fetches',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${[r.scenario, r.size, r.throughput, fmt(r.p50), fmt(r.p95), fmt(r.p99), r.errors, r.statements, r.fetches].join(' | ')} |`,
    ),
  ];
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const targetsOut: string[] = [];
  const smallest = sizes[0]!;
  for (const name of new Set(rows.filter((r) => r.size === smallest && r.fetches !== '—').map((r) => r.scenario))) {
    const small = rows.find((r) => r.scenario === name && r.size === smallest);
    const big = rows.find((r) => r.scenario === name && r.size === largest);
    if (!small || !big || smallest === largest || !name.match(/overview \(|list|statistics|page/)) continue;
    const ratio = big.p50 / small.p50;
    targetsOut.push(`- ${name}: p50 ${largest}/${smallest} = ${ratio.toFixed(2)} (≤ 1.5): ${verdict(ratio <= 1.5)}`);
  }
  for (const r of rows.filter((x) => x.size === largest && x.statements && x.statements !== '—' && x.fetches !== '—')) {
    const n = Number(r.statements.split(' ')[0]);
    const budget = Number(r.fetches) + 1;
    targetsOut.push(`- ${r.scenario}: ${n} statements ≤ ${budget} (fetches + 1): ${verdict(n <= budget)}`);
  }
  const bulkRatio = accruedRowsPerSecond / rawRowsPerSecond;
  targetsOut.push(
    `- bulk registration with points / raw INSERT = ${(bulkRatio * 100).toFixed(1)} % (≥ 25 %): ${verdict(bulkRatio >= 0.25)}` +
      ` (acknowledged by the gateway: ${((gatewayRowsPerSecond / rawRowsPerSecond) * 100).toFixed(1)} %)`,
  );
  targetsOut.push(`- visa submit→issued p95 = ${fmt(submitP95)} ms (≤ 1000): ${verdict(submitP95 <= 1000)}`);
  targetsOut.push(
    `- gateway overhead (manager overview p50, gateway / direct subgraph calls) = ${overheadRatio.toFixed(2)}`,
  );
  console.log(
    [
      '',
      `## Umrah Graph benchmark — ${new Date().toISOString()}`,
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; Node ${process.version}; PostgreSQL at ${new URL(serverUrl()).host}`,
      `command: npm run bench -w @umrah/e2e -- ${argv.join(' ')}`,
      `datasets: ${sizes.map((s) => `${s} (${SUBGRAPH_NAMES.map((n) => databaseName(s, n)).join(', ')})`).join('; ')}`,
      '',
      ...lines,
      '',
      'Targets:',
      ...targetsOut,
      '',
      'Notes:',
      ...notes.map((n) => `- ${n}`),
      '',
    ].join('\n'),
  );
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(error);
  // A bench that could not run is a failure; missed targets are not.
  process.exit(1);
}
void onServer;
