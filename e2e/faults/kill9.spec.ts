import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from './harness';
import { serverUrl } from './postgres';
import { prepare, redeliverAll, registerAll, tally, waitForPoints, type Registrations } from './workload';

/**
 * Scenario A: 10,000 registrations while the producer (pilgrims) and the consumer (loyalty) are
 * SIGKILLed and restarted mid-stream. Scenario C: a batch of overstays while the packages
 * subgraph is SIGKILLed as it turns them into violations.
 */
const CALLS = 100;
const ROWS = 100;
const TOTAL = CALLS * ROWS;
const PREFIX = 'KA';

let cluster: Cluster;
let setup: Registrations;

beforeAll(async () => {
  cluster = await Cluster.start({ serverUrl: serverUrl(), tag: 'kill9' });
  setup = await prepare(cluster);
}, 180_000);
afterAll(async () => {
  if (cluster) console.log(`[faults] kill-9 logs: ${cluster.logDir}`);
  await cluster?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kill -9 during 10,000 registrations', () => {
  it('stores every acknowledged registration once and earns exactly N × rate points', async () => {
    // Kills at fixed points of the load: the producer, the consumer, the producer, the consumer.
    const plan: { at: number; victim: 'pilgrims' | 'loyalty' }[] = [
      { at: 15, victim: 'pilgrims' },
      { at: 35, victim: 'loyalty' },
      { at: 60, victim: 'pilgrims' },
      { at: 80, victim: 'loyalty' },
    ];
    let acknowledged = 0;
    const chaos = (async () => {
      for (const step of plan) {
        while (acknowledged < step.at) await sleep(50);
        await cluster.kill(step.victim);
        await sleep(300);
        await cluster.restart(step.victim);
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

    // Every event once more: loyalty's position in the feed is lost and it reads it all again.
    await redeliverAll(cluster, 180_000);
    const again = await tally(cluster, setup, PREFIX);
    expect(again.delivered).toBe(TOTAL);
    expect(again.ledgerLines).toBe(TOTAL);
    expect(again.points).toBe(TOTAL * setup.rate);
    expect(again.booksBalance).toBe(true);

    const kills = (cluster.kills.pilgrims ?? 0) + (cluster.kills.loyalty ?? 0);
    console.log(
      `[faults] kill-9: ${load.acknowledgedRows} acknowledged, ${counted.stored} stored, ${counted.duplicatePassports} duplicates, ` +
        `points ${TOTAL}×${setup.rate}=${counted.points} exact; events sent ${counted.sent}, delivered ${counted.delivered} (applied once each), ` +
        `deduplicated: ${load.answeredFromKey} retried calls answered from their key (${load.retries} retries), ` +
        `${TOTAL} events redelivered after a lost feed position and skipped by the inbox; ` +
        `${kills} kills (pilgrims ${cluster.kills.pilgrims ?? 0}, loyalty ${cluster.kills.loyalty ?? 0}); ` +
        `load ${loadSeconds.toFixed(0)} s, points settled ${drainSeconds.toFixed(0)} s later`,
    );
  }, 900_000);
});

describe('kill -9 of the packages subgraph while it records overstays', () => {
  const OVERSTAYERS = 600;

  it('records exactly one violation per overstaying pilgrim', async () => {
    // Pilgrims of this run who entered 100 days ago on a visa whose stay ended 10 days ago.
    const made = await cluster.sql<{ id: string }>(
      'pilgrims',
      `with chosen as (
         select p.id, p.company_id, p.season, p.nationality, row_number() over (order by p.passport_number) as n
           from pilgrim p where p.passport_number like ? order by p.passport_number limit ?
       ), base as (select coalesce(max(mofa_reference::bigint), 10000000) as ref from visa_application)
       insert into visa_application (id, pilgrim_id, company_id, status, submitted_at, mofa_reference, visa_number,
         updated_at, season, nationality, issued_at, arrived_on, arrival_port, arrival_port_kind, stay_until,
         attempts, holds_quota)
       select gen_random_uuid(), c.id, c.company_id, 'ARRIVED', date_trunc('milliseconds', now() - interval '120 days'),
         (base.ref + c.n)::text, 'FV' || lpad(c.n::text, 8, '0'), now(), c.season, c.nationality,
         date_trunc('milliseconds', now() - interval '110 days'), current_date - 100, 'JED', 'AIR', current_date - 10,
         0, false
       from chosen c, base
       returning id`,
      [`${PREFIX}%`, OVERSTAYERS],
    );
    expect(made).toHaveLength(OVERSTAYERS);
    const visas = JSON.stringify(made.map((v) => v.id));
    const violations = async (): Promise<{ n: number; pilgrims: number; worst: number }> => {
      const [row] = await cluster.sql<{ n: string; pilgrims: string; worst: string | null }>(
        'packages',
        `select count(*) as n, count(distinct pilgrim_id) as pilgrims,
                (select max(c) from (select count(*) as c from violation
                   where source_visa_application_id::text in (select jsonb_array_elements_text(?::jsonb))
                   group by pilgrim_id) per) as worst
           from violation where type = 'OVERSTAY'
            and source_visa_application_id::text in (select jsonb_array_elements_text(?::jsonb))`,
        [visas, visas],
      );
      return { n: Number(row!.n), pilgrims: Number(row!.pilgrims), worst: Number(row!.worst ?? 0) };
    };

    // The overstay job runs as the pilgrims subgraph starts: a producer crash and restart sets it off.
    await cluster.kill('pilgrims');
    await cluster.restart('pilgrims');
    // Packages is killed as soon as it has recorded some (not all) of them.
    const deadline = Date.now() + 120_000;
    let atKill = 0;
    while (Date.now() < deadline) {
      atKill = (await violations()).n;
      if (atKill > 0) break;
      await sleep(25);
    }
    await cluster.kill('packages');
    expect(atKill).toBeGreaterThan(0);
    await cluster.restart('packages');

    const settle = Date.now() + 120_000;
    let final = await violations();
    while (final.n < OVERSTAYERS && Date.now() < settle) {
      await sleep(500);
      final = await violations();
    }
    const [sent] = await cluster.sql<{ n: string }>(
      'pilgrims',
      `select count(*) as n from outbox_event where type = 'PilgrimOverstayed'
        and aggregate_id in (select jsonb_array_elements_text(?::jsonb))`,
      [visas],
    );
    const events = await cluster.sql<{ id: string }>(
      'pilgrims',
      `select id from outbox_event where type = 'PilgrimOverstayed'
        and aggregate_id in (select jsonb_array_elements_text(?::jsonb))`,
      [visas],
    );
    const [delivered] = await cluster.sql<{ n: string }>(
      'packages',
      `select count(*) as n from inbox_event where source = 'pilgrims'
        and event_id::text in (select jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(events.map((e) => e.id))],
    );
    expect(Number(sent!.n)).toBe(OVERSTAYERS);
    expect(Number(delivered!.n)).toBe(OVERSTAYERS);
    expect(final).toEqual({ n: OVERSTAYERS, pilgrims: OVERSTAYERS, worst: 1 });
    console.log(
      `[faults] overstay: ${OVERSTAYERS} overstaying pilgrims, ${final.n} violations (${final.pilgrims} pilgrims, at most ${final.worst} each); ` +
        `events sent ${sent!.n}, delivered ${delivered!.n}; packages killed after ${atKill} of ${OVERSTAYERS}, restarted`,
    );
  }, 300_000);
});
