import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordEvent, type FeedEvent } from '@umrah/events';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, bootSubgraph, codes, type GraphQLResponse, type TestSubgraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../src/index';
import { readWebhookConfig } from '../src/webhook/webhook.config';
import { webhookFanOut } from '../src/webhook/webhook.fanout';
import { createWebhookSender, retryDelayMs } from '../src/webhook/webhook.sender';

// ---- a third party's endpoint: verifies every request as our documentation tells it to ----

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The signature checked out against the secret the test registered for the path. */
  signatureValid: boolean;
  /** Unix seconds of the signature's `t`. */
  timestamp: number;
}

interface Behaviour {
  /** Answer these statuses in turn, then `then` for every later request. */
  first: number[];
  then: number;
}

let receiver: Server;
let receiverBase: string;
const received: Received[] = [];
const behaviours = new Map<string, Behaviour>();
const secrets = new Map<string, string>();

function verify(secret: string | undefined, body: string, header: string | undefined): [boolean, number] {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!secret || !match) return [false, Number.NaN];
  const timestamp = Number(match[1]);
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return [timingSafeEqual(expected, Buffer.from(match[2]!, 'hex')), timestamp];
}

function endpoint(name: string, behaviour: Behaviour = { first: [], then: 204 }): string {
  behaviours.set(`/${name}`, { ...behaviour, first: [...behaviour.first] });
  return `${receiverBase}/${name}`;
}

const requestsTo = (name: string): Received[] => received.filter((r) => r.path === `/${name}`);

// ---- the subgraph ----

let sub: TestSubgraph;

beforeAll(async () => {
  // Configuration is read once, at start: loopback http for the local receiver, immediate
  // retries and a cap of 4 attempts so the retry tests run in milliseconds.
  process.env['WEBHOOK_ALLOW_INSECURE_URLS'] = 'true';
  process.env['WEBHOOK_RETRY_BASE_MS'] = '0';
  process.env['WEBHOOK_MAX_ATTEMPTS'] = '4';
  process.env['WEBHOOK_TIMEOUT_MS'] = '2000';
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const [signatureValid, timestamp] = verify(
        secrets.get(path),
        body,
        req.headers['x-umrah-signature'] as string | undefined,
      );
      received.push({ path, headers: req.headers, body, signatureValid, timestamp });
      const behaviour = behaviours.get(path) ?? { first: [], then: 404 };
      res.statusCode = behaviour.first.shift() ?? behaviour.then;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  sub = await bootSubgraph(pilgrimsSubgraph);
});

afterAll(async () => {
  await sub?.close();
  receiver?.close();
});

// ---- GraphQL documents ----

const SUBSCRIPTION_FIELDS = `id url description eventTypes active createdAt createdBy secretRotatedAt company { id } agent { id }`;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateWebhookSubscriptionInput!, $key: String) {
    createWebhookSubscription(input: $input, idempotencyKey: $key) {
      secret
      subscription { ${SUBSCRIPTION_FIELDS} }
    }
  }
`;

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String) {
    webhookSubscriptions(first: $first, after: $after) {
      totalCount
      edges { node { ${SUBSCRIPTION_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(id: $id, input: $input) { ${SUBSCRIPTION_FIELDS} }
  }
`;

const ROTATE = /* GraphQL */ `
  mutation Rotate($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      subscription {
        id
        secretRotatedAt
      }
    }
  }
`;

const DELETE = /* GraphQL */ `
  mutation Delete($id: ID!) {
    deleteWebhookSubscription(id: $id)
  }
`;

const DELIVERIES = /* GraphQL */ `
  query Deliveries($id: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
    webhookDeliveries(subscriptionId: $id, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          subscriptionId
          eventId
          eventType
          occurredAt
          body
          status
          attemptCount
          maxAttempts
          nextAttemptAt
          lastAttemptAt
          lastHttpStatus
          lastError
          deliveredAt
          createdAt
          attempts {
            attemptNumber
            attemptedAt
            durationMs
            httpStatus
            error
            succeeded
          }
        }
      }
    }
  }
`;

const REDELIVER = /* GraphQL */ `
  mutation Redeliver($id: ID!) {
    redeliverWebhook(deliveryId: $id) {
      id
      status
      attemptCount
      maxAttempts
      nextAttemptAt
      deliveredAt
    }
  }
`;

interface SubscriptionNode {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  active: boolean;
  createdAt: string;
  createdBy: string;
  secretRotatedAt: string | null;
  company: { id: string } | null;
  agent: { id: string } | null;
}

interface AttemptNode {
  attemptNumber: number;
  attemptedAt: string;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
  succeeded: boolean;
}

interface DeliveryNode {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
  body: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attemptCount: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  attempts: AttemptNode[];
}

type Created = GraphQLResponse<{
  createWebhookSubscription: { secret: string | null; subscription: SubscriptionNode };
}>;

// ---- helpers ----

const newCompany = (): Viewer => as.manager(randomUUID());
const newAgent = (): Viewer => as.agent(randomUUID());

async function subscribe(
  caller: Viewer,
  name: string,
  behaviour?: Behaviour,
): Promise<{ id: string; secret: string; url: string }> {
  const url = endpoint(name, behaviour);
  const r: Created = await sub.request(CREATE, { input: { url, description: `endpoint ${name}` } }, caller);
  expect(r.errors).toBeUndefined();
  const { secret, subscription } = r.data!.createWebhookSubscription;
  secrets.set(`/${name}`, secret!);
  return { id: subscription.id, secret: secret!, url };
}

interface VisaChange {
  companyId: string;
  agentId: string | null;
  toStatus?: string;
}

/** A visa status change as the visa workflow writes it: an outbox event in its own transaction. */
async function visaStatusChanged(change: VisaChange): Promise<{ eventId: string; payload: Record<string, unknown> }> {
  const em = sub.db.fork();
  const visaApplicationId = randomUUID();
  const payload = {
    visaApplicationId,
    pilgrimId: randomUUID(),
    companyId: change.companyId,
    agentId: change.agentId,
    fromStatus: 'PAID',
    toStatus: change.toStatus ?? 'SENT_TO_MOFA',
    changedAt: new Date().toISOString(),
    reason: null,
    mofaReference: null,
    visaNumber: null,
  };
  const eventId = recordEvent(em, {
    type: 'VisaStatusChanged',
    aggregateType: 'VisaApplication',
    aggregateId: visaApplicationId,
    payload,
  });
  await em.flush();
  return { eventId, payload };
}

async function deliveries(caller: Viewer, subscriptionId: string, status?: string): Promise<DeliveryNode[]> {
  const r = await sub.request<{ webhookDeliveries: { edges: { node: DeliveryNode }[] } }>(
    DELIVERIES,
    { id: subscriptionId, status, first: 100 },
    caller,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.webhookDeliveries.edges.map((e) => e.node);
}

async function subscriptionCount(): Promise<number> {
  const rows = await sub.db.orm.em
    .getConnection()
    .execute<{ n: string | number }[]>('select count(*) as n from webhook_subscription');
  return Number(rows[0]!.n);
}

const feedEvent = (eventId: string, payload: Record<string, unknown>): FeedEvent => ({
  seq: 1,
  txId: '0',
  id: eventId,
  type: 'VisaStatusChanged',
  aggregateType: 'VisaApplication',
  aggregateId: String(payload['visaApplicationId']),
  payload,
  occurredAt: new Date().toISOString(),
});

// ---- tests ----

describe('webhook subscriptions', () => {
  it('shows the signing secret once, on creation, and never lists it', async () => {
    const manager = newCompany();
    const url = endpoint('secret-once');
    const key = randomUUID();
    const first: Created = await sub.request(CREATE, { input: { url, description: ' ERP ' }, key }, manager);
    expect(first.errors).toBeUndefined();
    const { secret, subscription } = first.data!.createWebhookSubscription;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(subscription).toMatchObject({
      url,
      description: 'ERP',
      eventTypes: ['VISA_STATUS_CHANGED'],
      active: true,
      createdBy: manager.accountId,
      secretRotatedAt: null,
      company: { id: manager.companyId },
      agent: null,
    });

    // A retried call with the same key returns the same subscription, without the secret.
    const again: Created = await sub.request(CREATE, { input: { url }, key }, manager);
    expect(again.data!.createWebhookSubscription).toEqual({ secret: null, subscription });

    const list = await sub.request<{
      webhookSubscriptions: { totalCount: number; edges: { node: SubscriptionNode }[] };
    }>(LIST, {}, manager);
    expect(list.data!.webhookSubscriptions.totalCount).toBe(1);
    expect(list.data!.webhookSubscriptions.edges[0]!.node).toEqual(subscription);
    expect(JSON.stringify(list.data)).not.toContain(secret!.slice(6));
    // The type has no field that could carry it.
    const asked = await sub.request(`{ webhookSubscriptions { edges { node { id secret } } } }`, {}, manager);
    expect(codes(asked)).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    // At rest it is encrypted, not stored as given.
    const rows = await sub.db.orm.em
      .getConnection()
      .execute<{ secret_ciphertext: string }[]>('select secret_ciphertext from webhook_subscription where id = ?', [
        subscription.id,
      ]);
    expect(rows[0]!.secret_ciphertext).not.toContain(secret!.slice(6));
  });

  it('refuses URLs that are not public https, naming the field and the reason', async () => {
    const manager = newCompany();
    const before = await subscriptionCount();
    for (const [url, reason] of [
      ['http://hooks.example.com/umrah', 'NOT_HTTPS'],
      ['https://user:secret@hooks.example.com/umrah', 'CREDENTIALS'],
      ['https://10.0.0.8/umrah', 'PRIVATE_ADDRESS'],
      ['https://169.254.169.254/latest', 'PRIVATE_ADDRESS'],
      ['not a url', 'MALFORMED'],
    ] as const) {
      const r = await sub.request(CREATE, { input: { url } }, manager);
      expect(codes(r), url).toEqual(['WEBHOOK_URL_REFUSED']);
      expect(r.errors![0]!.extensions).toMatchObject({ field: 'input.url', details: { reason } });
    }
    expect(await subscriptionCount()).toBe(before);

    const { id, url } = await subscribe(manager, 'url-rules');
    const r = await sub.request(UPDATE, { id, input: { url: 'http://hooks.example.com/x' } }, manager);
    expect(codes(r)).toEqual(['WEBHOOK_URL_REFUSED']);
    const list = await sub.request<{ webhookSubscriptions: { edges: { node: SubscriptionNode }[] } }>(
      LIST,
      {},
      manager,
    );
    expect(list.data!.webhookSubscriptions.edges[0]!.node.url).toBe(url);
  });

  it('limits each party to 10 subscriptions', async () => {
    const agent = newAgent();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await subscribe(agent, `limit-${i}`)).id);
    const eleventh = await sub.request(CREATE, { input: { url: endpoint('limit-10') } }, agent);
    expect(codes(eleventh)).toEqual(['WEBHOOK_LIMIT_REACHED']);
    // Another party is not affected, and a deleted one frees its place.
    expect((await sub.request(CREATE, { input: { url: endpoint('limit-other') } }, newAgent())).errors).toBeUndefined();
    expect((await sub.request(DELETE, { id: ids[0] }, agent)).data).toEqual({ deleteWebhookSubscription: ids[0] });
    expect((await sub.request(CREATE, { input: { url: endpoint('limit-10') } }, agent)).errors).toBeUndefined();
  });

  it('lets only company managers and agents manage them; the ministry and providers are refused and change nothing', async () => {
    const manager = newCompany();
    const owned = await subscribe(manager, 'roles');
    const before = await subscriptionCount();
    for (const caller of [as.supervisor(), as.officer(), as.provider(randomUUID())]) {
      expect(codes(await sub.request(CREATE, { input: { url: endpoint('roles-x') } }, caller))).toEqual(['FORBIDDEN']);
      expect(codes(await sub.request(UPDATE, { id: owned.id, input: { active: false } }, caller))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await sub.request(ROTATE, { id: owned.id }, caller))).toEqual(['FORBIDDEN']);
      expect(codes(await sub.request(DELETE, { id: owned.id }, caller))).toEqual(['FORBIDDEN']);
      expect(codes(await sub.request(LIST, {}, caller))).toEqual(['FORBIDDEN']);
      expect(codes(await sub.request(DELIVERIES, { id: owned.id }, caller))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await sub.request(LIST, {}, null))).toEqual(['UNAUTHENTICATED']);
    expect(await subscriptionCount()).toBe(before);
    const list = await sub.request<{ webhookSubscriptions: { edges: { node: SubscriptionNode }[] } }>(
      LIST,
      {},
      manager,
    );
    expect(list.data!.webhookSubscriptions.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: owned.id, active: true, secretRotatedAt: null }),
    ]);
  });

  it('hides one party’s subscriptions and deliveries from every other party', async () => {
    const owner = newCompany();
    const owned = await subscribe(owner, 'hidden');
    await visaStatusChanged({ companyId: owner.companyId!, agentId: null });
    await sub.runWorkers();
    const [delivery] = await deliveries(owner, owned.id);
    expect(delivery!.status).toBe('DELIVERED');

    // The subscription is the company's, not the account's: a fellow manager sees and manages it.
    const colleague = as.manager(owner.companyId!);
    const seen = await sub.request<{ webhookSubscriptions: { totalCount: number } }>(LIST, {}, colleague);
    expect(seen.data!.webhookSubscriptions.totalCount).toBe(1);

    for (const other of [newCompany(), newAgent(), as.agent(owner.companyId!)]) {
      const list = await sub.request<{ webhookSubscriptions: { totalCount: number } }>(LIST, {}, other);
      expect(list.data!.webhookSubscriptions.totalCount).toBe(0);
      for (const r of [
        await sub.request(UPDATE, { id: owned.id, input: { active: false } }, other),
        await sub.request(ROTATE, { id: owned.id }, other),
        await sub.request(DELETE, { id: owned.id }, other),
        await sub.request(DELIVERIES, { id: owned.id }, other),
        await sub.request(REDELIVER, { id: delivery!.id }, other),
      ]) {
        expect(codes(r)).toEqual(['NOT_FOUND']);
      }
    }
    // Exactly as for an id that does not exist.
    expect(codes(await sub.request(ROTATE, { id: randomUUID() }, owner))).toEqual(['NOT_FOUND']);
    expect(codes(await sub.request(ROTATE, { id: 'not-a-uuid' }, owner))).toEqual(['NOT_FOUND']);
    const after = await deliveries(owner, owned.id);
    expect(after).toEqual([expect.objectContaining({ id: delivery!.id, status: 'DELIVERED', attemptCount: 1 })]);
  });

  it('lets a party’s API client read with READ and change only with WRITE', async () => {
    const companyId = randomUUID();
    const reader: Viewer = { ...as.manager(companyId), scopes: ['READ'] };
    const writer: Viewer = { ...as.manager(companyId), scopes: ['READ', 'WRITE'] };
    expect(codes(await sub.request(CREATE, { input: { url: endpoint('client-r') } }, reader))).toEqual(['FORBIDDEN']);
    const created: Created = await sub.request(CREATE, { input: { url: endpoint('client-w') } }, writer);
    expect(created.data!.createWebhookSubscription.subscription.createdBy).toBe(writer.accountId);
    const list = await sub.request<{ webhookSubscriptions: { totalCount: number } }>(LIST, {}, reader);
    expect(list.data!.webhookSubscriptions.totalCount).toBe(1);
  });
});

describe('webhook deliveries', () => {
  it('signs each request and retries until the endpoint answers 2xx', async () => {
    const manager = newCompany();
    const { id, secret } = await subscribe(manager, 'flaky', { first: [503, 500], then: 200 });
    const { eventId, payload } = await visaStatusChanged({ companyId: manager.companyId!, agentId: randomUUID() });
    await sub.runWorkers();

    const requests = requestsTo('flaky');
    expect(requests).toHaveLength(3);
    const now = Math.floor(Date.now() / 1000);
    for (const request of requests) {
      expect(request.signatureValid).toBe(true);
      expect(Math.abs(now - request.timestamp)).toBeLessThan(300);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-umrah-event-id']).toBe(eventId);
      expect(JSON.parse(request.body)).toEqual({
        id: eventId,
        type: 'VISA_STATUS_CHANGED',
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: payload,
      });
    }
    expect(verify(`${secret}x`, requests[0]!.body, requests[0]!.headers['x-umrah-signature'] as string)[0]).toBe(false);

    const [delivery] = await deliveries(manager, id);
    expect(delivery).toMatchObject({
      eventId,
      eventType: 'VISA_STATUS_CHANGED',
      status: 'DELIVERED',
      attemptCount: 3,
      maxAttempts: 4,
      nextAttemptAt: null,
      lastHttpStatus: 200,
      lastError: null,
      body: requests[2]!.body,
    });
    expect(delivery!.deliveredAt).not.toBeNull();
    expect(delivery!.attempts.map((a) => [a.attemptNumber, a.httpStatus, a.succeeded])).toEqual([
      [1, 503, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    for (const attempt of delivery!.attempts) expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('makes one delivery per subscription when the fan-out gets an event twice', async () => {
    const manager = newCompany();
    const first = await subscribe(manager, 'twice-a');
    const second = await subscribe(manager, 'twice-b');
    const { eventId, payload } = await visaStatusChanged({ companyId: manager.companyId!, agentId: null });
    const fanOut = webhookFanOut(() => 4);
    const event = feedEvent(eventId, payload);
    for (let i = 0; i < 3; i++) await sub.db.fork().transactional((em) => fanOut(em, event));
    await sub.runWorkers(); // the outbox path hands it over once more
    expect(await deliveries(manager, first.id)).toHaveLength(1);
    expect(await deliveries(manager, second.id)).toHaveLength(1);
    expect(requestsTo('twice-a')).toHaveLength(1);
    expect(requestsTo('twice-b')).toHaveLength(1);
  });

  it('sends a company the events of its own pilgrims and an agent only those it registered', async () => {
    const companyA = newCompany();
    const companyB = newCompany();
    const agentA = newAgent();
    const agentB = newAgent();
    const subs = {
      companyA: await subscribe(companyA, 'party-company-a'),
      companyB: await subscribe(companyB, 'party-company-b'),
      agentA: await subscribe(agentA, 'party-agent-a'),
      agentB: await subscribe(agentB, 'party-agent-b'),
    };
    const paused = await subscribe(companyA, 'party-paused');
    await sub.request(UPDATE, { id: paused.id, input: { active: false } }, companyA);

    const e1 = await visaStatusChanged({ companyId: companyA.companyId!, agentId: agentA.agentId });
    const e2 = await visaStatusChanged({ companyId: companyB.companyId!, agentId: null });
    const e3 = await visaStatusChanged({ companyId: companyA.companyId!, agentId: agentB.agentId });
    const other = await visaStatusChanged({ companyId: randomUUID(), agentId: randomUUID() });
    await sub.runWorkers();

    const eventsOf = async (caller: Viewer, subscriptionId: string) =>
      (await deliveries(caller, subscriptionId)).map((d) => d.eventId).sort();
    expect(await eventsOf(companyA, subs.companyA.id)).toEqual([e1.eventId, e3.eventId].sort());
    expect(await eventsOf(companyB, subs.companyB.id)).toEqual([e2.eventId]);
    expect(await eventsOf(agentA, subs.agentA.id)).toEqual([e1.eventId]);
    expect(await eventsOf(agentB, subs.agentB.id)).toEqual([e3.eventId]);
    expect(await eventsOf(companyA, paused.id)).toEqual([]);
    expect(requestsTo('party-paused')).toHaveLength(0);
    expect(received.some((r) => r.headers['x-umrah-event-id'] === other.eventId)).toBe(false);
  });

  it('fails a delivery after the attempt cap and sends it once more when asked', async () => {
    const agent = newAgent();
    const { id } = await subscribe(agent, 'down', { first: [], then: 500 });
    await visaStatusChanged({ companyId: randomUUID(), agentId: agent.agentId });
    await sub.runWorkers();

    const [failed] = await deliveries(agent, id, 'FAILED');
    expect(failed).toMatchObject({ status: 'FAILED', attemptCount: 4, nextAttemptAt: null, lastHttpStatus: 500 });
    expect(failed!.attempts.map((a) => a.httpStatus)).toEqual([500, 500, 500, 500]);
    expect(requestsTo('down')).toHaveLength(4);
    expect(await deliveries(agent, id, 'PENDING')).toEqual([]);

    // The endpoint is fixed; the agent asks for the event again.
    behaviours.set('/down', { first: [], then: 200 });
    const again = await sub.request<{ redeliverWebhook: DeliveryNode }>(REDELIVER, { id: failed!.id }, agent);
    expect(again.data!.redeliverWebhook).toMatchObject({ status: 'PENDING', attemptCount: 4, maxAttempts: 5 });
    await sub.runWorkers();
    const [delivered] = await deliveries(agent, id);
    expect(delivered).toMatchObject({ id: failed!.id, status: 'DELIVERED', attemptCount: 5 });
    expect(requestsTo('down')).toHaveLength(5);
    expect(new Set(requestsTo('down').map((r) => r.headers['x-umrah-event-id'])).size).toBe(1);
  });

  it('refuses to redeliver a delivery that is still pending', async () => {
    const manager = newCompany();
    const { id } = await subscribe(manager, 'pending');
    const { eventId, payload } = await visaStatusChanged({ companyId: manager.companyId!, agentId: null });
    // Fan-out only: the delivery is queued but the sender has not run.
    await sub.db.fork().transactional((em) => webhookFanOut(() => 4)(em, feedEvent(eventId, payload)));
    const [pending] = await deliveries(manager, id);
    expect(pending).toMatchObject({ status: 'PENDING', attemptCount: 0 });
    const r = await sub.request(REDELIVER, { id: pending!.id }, manager);
    expect(codes(r)).toEqual(['WEBHOOK_DELIVERY_IN_PROGRESS']);
    await sub.runWorkers();
    expect((await deliveries(manager, id))[0]).toMatchObject({ status: 'DELIVERED', attemptCount: 1 });
  });

  it('signs with the new secret as soon as it is rotated', async () => {
    const manager = newCompany();
    const { id, secret: old } = await subscribe(manager, 'rotated');
    const rotated = await sub.request<{ rotateWebhookSecret: { secret: string; subscription: SubscriptionNode } }>(
      ROTATE,
      { id },
      manager,
    );
    const fresh = rotated.data!.rotateWebhookSecret.secret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    expect(rotated.data!.rotateWebhookSecret.subscription.secretRotatedAt).not.toBeNull();
    await visaStatusChanged({ companyId: manager.companyId!, agentId: null });
    await sub.runWorkers();
    const [request] = requestsTo('rotated');
    const header = request!.headers['x-umrah-signature'] as string;
    expect(verify(fresh, request!.body, header)[0]).toBe(true);
    expect(verify(old, request!.body, header)[0]).toBe(false);
  });

  it('backs off exponentially, capped, between attempts', async () => {
    const config = { ...readWebhookConfig(process.env), retryBaseMs: 30_000, retryCapMs: 60_000, maxAttempts: 4 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, config, () => 0.5))).toEqual([30_000, 60_000, 60_000, 60_000]);
    expect(retryDelayMs(1, config, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, config, () => 0.999_999)).toBe(36_000);

    const manager = newCompany();
    const { id } = await subscribe(manager, 'backoff', { first: [], then: 503 });
    const { eventId, payload } = await visaStatusChanged({ companyId: manager.companyId!, agentId: null });
    await sub.db.fork().transactional((em) => webhookFanOut(() => 4)(em, feedEvent(eventId, payload)));

    let clock = Date.now() + 1_000;
    const sender = createWebhookSender({ db: sub.db, config, now: () => new Date(clock), random: () => 0.5 });
    const nextAttempt = async () => Date.parse((await deliveries(manager, id))[0]!.nextAttemptAt!);
    expect(await sender.runOnce()).toBe(1);
    expect(await nextAttempt()).toBe(clock + 30_000);
    expect(await sender.runOnce()).toBe(0); // not due yet
    clock += 30_000;
    expect(await sender.runOnce()).toBe(1);
    expect(await nextAttempt()).toBe(clock + 60_000);
    clock += 60_000;
    await sender.runOnce();
    clock += 60_000;
    await sender.runOnce();
    const [delivery] = await deliveries(manager, id);
    expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: 4, nextAttemptAt: null });
    expect(requestsTo('backoff')).toHaveLength(4);
  });

  it.runIf(process.env['TEST_DATABASE_URL'])('never sends one delivery twice when senders race', async () => {
    const agent = newAgent();
    const { id } = await subscribe(agent, 'race');
    const fanOut = webhookFanOut(() => 4);
    for (let i = 0; i < 30; i++) {
      const { eventId, payload } = await visaStatusChanged({ companyId: randomUUID(), agentId: agent.agentId });
      await sub.db.fork().transactional((em) => fanOut(em, feedEvent(eventId, payload)));
    }
    const config = readWebhookConfig(process.env);
    const senders = [1, 2, 3].map(() => createWebhookSender({ db: sub.db, config }));
    const handled = await Promise.all(senders.flatMap((s) => [s.runOnce(), s.runOnce()]));
    expect(handled.reduce((a, b) => a + b, 0)).toBe(30);
    expect(requestsTo('race')).toHaveLength(30);
    expect(new Set(requestsTo('race').map((r) => r.headers['x-umrah-event-id'])).size).toBe(30);
    expect(await deliveries(agent, id, 'DELIVERED')).toHaveLength(30);
  });

  it.runIf(process.env['TEST_DATABASE_URL'])('keeps to the limit when creations race', async () => {
    const manager = newCompany();
    for (let i = 0; i < 7; i++) await subscribe(manager, `race-limit-${i}`);
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) => sub.request(CREATE, { input: { url: endpoint(`race-limit-x${i}`) } }, manager)),
    );
    expect(results.filter((r) => !r.errors).length).toBe(3);
    expect(results.flatMap(codes).sort()).toEqual([
      'WEBHOOK_LIMIT_REACHED',
      'WEBHOOK_LIMIT_REACHED',
      'WEBHOOK_LIMIT_REACHED',
    ]);
  });
});
