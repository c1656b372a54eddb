import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, freePort } from './harness';
import { PrivatePostgres, postgresBinaries } from './postgres';
import { prepare, registerAll, waitForPoints, type Registrations } from './workload';

/**
 * Scenario B: 10,000 registrations while the PostgreSQL server under every subgraph crashes and
 * comes back (`pg_ctl restart -m immediate`), twice. On a private cluster started for the test:
 * the machine's shared server is never restarted.
 */
const CALLS = 100;
const ROWS = 100;
const TOTAL = CALLS * ROWS;
const PREFIX = 'PG';
const bin = postgresBinaries();
if (!bin) console.log('[faults] pg-restart: skipped, no PostgreSQL binaries under /usr/lib/postgresql/*/bin');

let postgres: PrivatePostgres;
let cluster: Cluster;
let setup: Registrations;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!bin)('PostgreSQL restarted during 10,000 registrations', () => {
  beforeAll(async () => {
    postgres = PrivatePostgres.start(bin!, Number(process.env['FAULTS_PG_PORT'] ?? (await freePort())));
    cluster = await Cluster.start({ serverUrl: postgres.url, tag: 'pgrestart' });
    setup = await prepare(cluster);
  }, 240_000);
  afterAll(async () => {
    if (cluster) console.log(`[faults] pg-restart logs: ${cluster.logDir}, server log ${postgres.logFile}`);
    await cluster?.stop().catch(() => undefined);
    postgres?.stop();
  });

  it('stores every acknowledged registration once and earns exactly N × rate points', async () => {
    let acknowledged = 0;
    let restarts = 0;
    const chaos = (async () => {
      for (const at of [30, 65]) {
        while (acknowledged < at) await sleep(50);
        postgres.restart();
        restarts += 1;
      }
    })();
    const started = Date.now();
    const load = await registerAll(cluster, setup, {
      prefix: PREFIX,
      calls: CALLS,
      rowsPerCall: ROWS,
      concurrency: 4,
      onAcknowledged: (n) => (acknowledged = n),
    });
    await chaos;
    const loadSeconds = (Date.now() - started) / 1000;
    expect(load.acknowledgedRows).toBe(TOTAL);

    const counted = await waitForPoints(cluster, setup, PREFIX, TOTAL, 480_000);
    const drainSeconds = (Date.now() - started) / 1000 - loadSeconds;
    expect(counted.stored).toBe(TOTAL);
    expect(counted.duplicatePassports).toBe(0);
    expect(counted.sent).toBe(TOTAL);
    expect(counted.delivered).toBe(TOTAL);
    expect(counted.ledgerLines).toBe(TOTAL);
    expect(counted.points).toBe(TOTAL * setup.rate);
    expect(counted.booksBalance).toBe(true);
    // Every subgraph is still the same process: they reconnected by themselves.
    for (const name of ['companies', 'pilgrims', 'packages', 'loyalty', 'gateway'] as const) {
      expect(cluster.isRunning(name)).toBe(true);
    }
    console.log(
      `[faults] pg-restart: ${load.acknowledgedRows} acknowledged, ${counted.stored} stored, ${counted.duplicatePassports} duplicates, ` +
        `points ${TOTAL}×${setup.rate}=${counted.points} exact; events sent ${counted.sent}, delivered ${counted.delivered} (applied once each), ` +
        `deduplicated: ${load.answeredFromKey} retried calls answered from their key (${load.retries} retries); ` +
        `${restarts} PostgreSQL restarts (-m immediate), no subgraph restarted; ` +
        `load ${loadSeconds.toFixed(0)} s, points settled ${drainSeconds.toFixed(0)} s later`,
    );
  }, 900_000);
});
