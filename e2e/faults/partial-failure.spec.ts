import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, type GraphQLAnswer } from './harness';
import { serverUrl } from './postgres';
import { MANAGER } from './workload';

/**
 * One subgraph down, the rest of the graph up: the gateway answers what it can, marks the missing
 * part with a coded error at its path (no stack, no address), never waits longer than its
 * subgraph timeout, and serves the part again as soon as the subgraph is back, by itself.
 */
const TIMEOUT_MS = 2_000;
let cluster: Cluster;
let token: string;

beforeAll(async () => {
  cluster = await Cluster.start({
    serverUrl: serverUrl(),
    tag: 'partial',
    env: { gateway: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } },
  });
  token = await cluster.login(MANAGER);
}, 180_000);
afterAll(async () => {
  if (cluster) console.log(`[faults] partial-failure logs: ${cluster.logDir}`);
  await cluster?.stop();
});

interface Standing {
  me: {
    company: {
      id: string;
      nameEn: string;
      licences?: unknown;
      loyalty: { balance: number; tierProgress: { tier: string } } | null;
    };
  };
}
const QUERY = `{ me { company { id nameEn loyalty { balance tierProgress { tier } } } } }`;

async function timed(): Promise<{ answer: GraphQLAnswer<Standing>; ms: number }> {
  const started = Date.now();
  const answer = await cluster.request<Standing>(QUERY, {}, token, 30_000);
  return { answer, ms: Date.now() - started };
}

/** The company's own fields are there; loyalty's are null with one clean, coded error at their path. */
function expectLoyaltyMissing(answer: GraphQLAnswer<Standing>, nameEn: string): void {
  expect(answer.status).toBe(200);
  expect(answer.data?.me.company.nameEn).toBe(nameEn);
  expect(answer.data?.me.company.loyalty).toBeNull();
  expect(answer.errors).toHaveLength(1);
  const [error] = answer.errors!;
  expect(error!.path).toEqual(['me', 'company', 'loyalty']);
  expect(error!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', details: { service: 'loyalty' } });
  const text = JSON.stringify(answer.errors);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|https?:|\/graphql|ECONN|\bat \S+:\d+/);
}

describe('a query across subgraphs with one of them down', () => {
  it('answers the rest with a clean error for the missing part, within the timeout, and recovers by itself', async () => {
    const healthy = await timed();
    expect(healthy.answer.errors).toBeUndefined();
    const nameEn = healthy.answer.data!.me.company.nameEn;
    expect(healthy.answer.data!.me.company.loyalty).not.toBeNull();
    const gatewayPid = cluster.pid('gateway');

    // Down: nothing listens on its port (connection refused at once).
    await cluster.kill('loyalty');
    const down = await timed();
    expectLoyaltyMissing(down.answer, nameEn);
    expect(down.ms).toBeLessThan(TIMEOUT_MS + 3_000);

    // Hung: the port accepts connections and nothing ever answers; the gateway gives up at its timeout.
    await cluster.restart('loyalty');
    cluster.signal('loyalty', 'SIGSTOP');
    const hung = await timed();
    cluster.signal('loyalty', 'SIGCONT');
    expectLoyaltyMissing(hung.answer, nameEn);
    expect(hung.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(hung.ms).toBeLessThan(TIMEOUT_MS + 3_000);

    // Back: the same query is whole again, from the same gateway process.
    const back = await timed();
    expect(back.answer.errors).toBeUndefined();
    expect(back.answer.data!.me.company.loyalty).toEqual(healthy.answer.data!.me.company.loyalty);
    await cluster.kill('loyalty');
    await cluster.restart('loyalty');
    const restarted = await timed();
    expect(restarted.answer.errors).toBeUndefined();
    expect(restarted.answer.data!.me.company.loyalty).toEqual(healthy.answer.data!.me.company.loyalty);
    expect(cluster.pid('gateway')).toBe(gatewayPid);
    console.log(
      `[faults] partial-failure: loyalty down → company answered, loyalty SUBGRAPH_UNAVAILABLE in ${down.ms} ms; ` +
        `loyalty hung → same in ${hung.ms} ms (timeout ${TIMEOUT_MS} ms); loyalty back → whole answer in ${restarted.ms} ms, gateway not restarted`,
    );
  }, 300_000);
});
