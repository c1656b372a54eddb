import { UniqueConstraintViolationException, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import {
  Role,
  badInput,
  checkPageSize,
  decodeCursor,
  findPage,
  forbidden,
  selects,
  toPage,
  type Page,
  type PageArgs,
  type Viewer,
} from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { IdempotencyKeyEntity } from '../registration/idempotency.entity';
import type { WebhookConfig } from './webhook.config';
import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookSubscriptionEntity,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookSubscriptionRow,
} from './webhook.entity';
import {
  deliveryInProgress,
  deliveryNotFound,
  subscriptionLimitReached,
  subscriptionNotFound,
  urlRefused,
} from './webhook.errors';
import type { CreateWebhookSubscriptionInput, UpdateWebhookSubscriptionInput } from './webhook.inputs';
import { deliveryBody } from './webhook.payload';
import { newSigningSecret, sealSecret } from './webhook.signature';
import {
  WebhookEventType,
  type CreateWebhookSubscriptionPayload,
  type RotateWebhookSecretPayload,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookSubscription,
} from './webhook.type';
import { checkWebhookUrl } from './webhook.url';

/** Subscriptions one company or agent may hold; enough for a few systems, few enough to send to. */
export const MAX_SUBSCRIPTIONS_PER_PARTY = 10;
/** Attempts listed per delivery: the most recent ones. */
export const ATTEMPTS_SHOWN = 50;
const MAX_DESCRIPTION = 200;
const MAX_IDEMPOTENCY_KEY = 200;
const CREATE_OPERATION = 'createWebhookSubscription';

/** The party whose subscriptions a caller manages: its company (managers) or its agency (agents). */
type Party = { companyId: string; agentId: null } | { companyId: null; agentId: string };

function partyOf(viewer: Viewer): Party {
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) return { companyId: viewer.companyId, agentId: null };
  if (viewer.role === Role.AGENT && viewer.agentId) return { companyId: null, agentId: viewer.agentId };
  throw forbidden();
}

const partyKey = (party: Party): string => party.companyId ?? party.agentId!;

export function toSubscription(row: WebhookSubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    description: row.description ?? null,
    eventTypes: row.eventTypes as WebhookEventType[],
    active: row.active,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    secretRotatedAt: row.secretRotatedAt ?? null,
    companyId: row.companyId ?? null,
    agentId: row.agentId ?? null,
  };
}

export function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType as WebhookEventType,
    occurredAt: row.occurredAt,
    body: deliveryBody(row),
    status: row.status as WebhookDeliveryStatus,
    attemptCount: row.attemptCount,
    maxAttempts: row.attemptLimit,
    nextAttemptAt: row.nextAttemptAt ?? null,
    lastAttemptAt: row.lastAttemptAt ?? null,
    lastHttpStatus: row.lastHttpStatus ?? null,
    lastError: row.lastError ?? null,
    deliveredAt: row.deliveredAt ?? null,
    createdAt: row.createdAt,
  };
}

const toAttempt = (row: WebhookAttemptRow): WebhookAttempt => ({
  deliveryId: row.deliveryId,
  attemptNumber: row.attemptNumber,
  attemptedAt: row.attemptedAt,
  durationMs: row.durationMs,
  httpStatus: row.httpStatus ?? null,
  error: row.error ?? null,
  succeeded: row.succeeded,
});

async function ownedSubscription(
  em: EntityManager,
  party: Party,
  id: string,
  field = 'id',
): Promise<WebhookSubscriptionRow> {
  if (!isUuid(id)) throw subscriptionNotFound(field);
  const row = await em.findOne(WebhookSubscriptionEntity, { id, ...party });
  if (!row) throw subscriptionNotFound(field);
  return row;
}

function cleanUrl(url: string, config: WebhookConfig): string {
  const checked = checkWebhookUrl(url, config.allowInsecureUrls);
  if ('refusal' in checked) throw urlRefused(checked.refusal);
  return checked.url;
}

function cleanDescription(description: string | null | undefined, field: string): string | null {
  const text = description?.trim() ?? '';
  if (text.length > MAX_DESCRIPTION) {
    throw badInput(field, `The description must be at most ${MAX_DESCRIPTION} characters.`);
  }
  return text || null;
}

function cleanEventTypes(types: readonly WebhookEventType[], field: string): WebhookEventType[] {
  const known = Object.values(WebhookEventType).filter((type) => types.includes(type));
  if (known.length === 0) throw badInput(field, 'Choose at least one kind of event.');
  return known;
}

/** The caller's party's subscriptions, oldest first. */
export async function listSubscriptions(
  em: EntityManager,
  viewer: Viewer,
  page: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<WebhookSubscription>> {
  const result = await findPage(em, WebhookSubscriptionEntity, { ...partyOf(viewer) }, page, info);
  return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: toSubscription(e.node) })) };
}

async function replay(
  em: EntityManager,
  viewer: Viewer,
  party: Party,
  key: string,
): Promise<CreateWebhookSubscriptionPayload | null> {
  const earlier = await em.findOne(IdempotencyKeyEntity, {
    actor: viewer.accountId,
    operation: CREATE_OPERATION,
    key,
  });
  if (!earlier) return null;
  // The secret was shown with the first answer and is not repeated.
  return {
    subscription: toSubscription(await ownedSubscription(em, party, earlier.resultId, 'idempotencyKey')),
    secret: null,
  };
}

/**
 * Creates a subscription for the caller's party with a new signing secret, returned this once.
 * At most `MAX_SUBSCRIPTIONS_PER_PARTY` per party: creations for one party are serialised by a
 * transaction-scoped advisory lock, so two at once cannot both take the last place.
 */
export async function createSubscription(
  em: EntityManager,
  viewer: Viewer,
  input: CreateWebhookSubscriptionInput,
  idempotencyKey: string | null | undefined,
  config: WebhookConfig,
): Promise<CreateWebhookSubscriptionPayload> {
  const party = partyOf(viewer);
  const key = idempotencyKey?.trim() || null;
  if (idempotencyKey != null && (key == null || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw badInput('idempotencyKey', `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY} characters.`);
  }
  if (key) {
    const earlier = await replay(em, viewer, party, key);
    if (earlier) return earlier;
  }
  const url = cleanUrl(input.url, config);
  const description = cleanDescription(input.description, 'input.description');
  const eventTypes = cleanEventTypes(input.eventTypes, 'input.eventTypes');
  const secret = newSigningSecret();
  const id = uuidv7();
  let created: WebhookSubscriptionRow | null = null;
  try {
    await em.transactional(async (tx) => {
      await tx
        .getConnection()
        .execute(
          `select pg_advisory_xact_lock(hashtextextended(?, 0))`,
          [`webhook_subscription:${partyKey(party)}`],
          'all',
          tx.getTransactionContext(),
        );
      const held = await tx.count(WebhookSubscriptionEntity, { ...party });
      if (held >= MAX_SUBSCRIPTIONS_PER_PARTY) throw subscriptionLimitReached(MAX_SUBSCRIPTIONS_PER_PARTY);
      created = tx.create(WebhookSubscriptionEntity, {
        id,
        ...party,
        url,
        description,
        eventTypes,
        active: true,
        secretCiphertext: sealSecret(secret, config.secretsKey, id),
        secretRotatedAt: null,
        createdBy: viewer.accountId,
      });
      if (key) {
        tx.create(IdempotencyKeyEntity, {
          actor: viewer.accountId,
          operation: CREATE_OPERATION,
          key,
          resultId: id,
        });
      }
    });
  } catch (error) {
    // The same key in a concurrent call: that call's subscription is the answer.
    if (key && error instanceof UniqueConstraintViolationException) {
      const earlier = await replay(em.fork(), viewer, party, key);
      if (earlier) return earlier;
    }
    throw error;
  }
  return { subscription: toSubscription(created!), secret };
}

export async function updateSubscription(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: UpdateWebhookSubscriptionInput,
  config: WebhookConfig,
): Promise<WebhookSubscription> {
  const row = await ownedSubscription(em, partyOf(viewer), id);
  if (input.url != null) row.url = cleanUrl(input.url, config);
  if (input.description !== undefined) row.description = cleanDescription(input.description, 'input.description');
  if (input.eventTypes != null) row.eventTypes = cleanEventTypes(input.eventTypes, 'input.eventTypes');
  if (input.active != null) row.active = input.active;
  await em.flush();
  return toSubscription(row);
}

/** Replaces the signing secret at once; queued and retried deliveries are signed with the new one. */
export async function rotateSecret(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  config: WebhookConfig,
): Promise<RotateWebhookSecretPayload> {
  const row = await ownedSubscription(em, partyOf(viewer), id);
  const secret = newSigningSecret();
  row.secretCiphertext = sealSecret(secret, config.secretsKey, row.id);
  row.secretRotatedAt = new Date();
  await em.flush();
  return { subscription: toSubscription(row), secret };
}

/** Deletes a subscription with its deliveries and their log; returns the id deleted. */
export async function deleteSubscription(em: EntityManager, viewer: Viewer, id: string): Promise<string> {
  const party = partyOf(viewer);
  if (!isUuid(id)) throw subscriptionNotFound();
  const deleted = await em.nativeDelete(WebhookSubscriptionEntity, { id, ...party });
  if (deleted === 0) throw subscriptionNotFound();
  return id;
}

/**
 * A subscription's deliveries, newest first (a log is read from the top), optionally of one
 * status. Keyset on the time-ordered id, descending.
 */
export async function listDeliveries(
  em: EntityManager,
  viewer: Viewer,
  subscriptionId: string,
  status: WebhookDeliveryStatus | null | undefined,
  page: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<WebhookDelivery>> {
  await ownedSubscription(em, partyOf(viewer), subscriptionId, 'subscriptionId');
  const first = checkPageSize(page.first);
  const before = page.after ? decodeCursor(page.after) : null;
  const where = { subscriptionId, ...(status ? { status } : {}) };
  const [rows, totalCount] = await Promise.all([
    em.find(WebhookDeliveryEntity, before ? { ...where, id: { $lt: before } } : where, {
      orderBy: { id: 'desc' },
      limit: first + 1,
    }),
    selects(info, 'totalCount') ? em.count(WebhookDeliveryEntity, where) : Promise.resolve(undefined),
  ]);
  return toPage(rows.map(toDelivery), first, totalCount);
}

/** The latest attempts of many deliveries in one statement, oldest first within each. */
export async function attemptsOfDeliveries(
  em: EntityManager,
  deliveryIds: readonly string[],
): Promise<WebhookAttempt[][]> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select * from (
       select a.*, row_number() over (partition by a.delivery_id order by a.attempt_number desc) as recent
       from webhook_attempt a where a.delivery_id in (${deliveryIds.map(() => '?').join(', ')})
     ) x where x.recent <= ? order by x.delivery_id, x.attempt_number`,
    [...deliveryIds, ATTEMPTS_SHOWN],
  );
  const byDelivery = new Map<string, WebhookAttempt[]>(deliveryIds.map((id) => [id, []]));
  for (const row of rows) {
    delete row['recent'];
    const attempt = toAttempt(em.map(WebhookAttemptEntity, row as never) as WebhookAttemptRow);
    byDelivery.get(attempt.deliveryId)?.push(attempt);
  }
  return deliveryIds.map((id) => byDelivery.get(id) ?? []);
}

/**
 * Sends a delivered or failed delivery once more, as soon as the sender next runs: one further
 * attempt, logged like the others, without automatic retries after it. A delivery still
 * pending is refused (it is being sent or retried already).
 */
export async function redeliver(em: EntityManager, viewer: Viewer, deliveryId: string): Promise<WebhookDelivery> {
  const party = partyOf(viewer);
  if (!isUuid(deliveryId)) throw deliveryNotFound();
  const delivery = await em.findOne(WebhookDeliveryEntity, { id: deliveryId });
  const owner = delivery && (await em.findOne(WebhookSubscriptionEntity, { id: delivery.subscriptionId, ...party }));
  if (!delivery || !owner) throw deliveryNotFound();
  const now = new Date();
  const changed = await em.getConnection().execute<{ id: string }[]>(
    `update webhook_delivery
          set status = 'PENDING', next_attempt_at = ?, attempt_limit = attempt_count + 1, delivered_at = null
        where id = ? and status in ('DELIVERED', 'FAILED')
        returning id`,
    [now, deliveryId],
  );
  if (changed.length === 0) throw deliveryInProgress();
  const row = await em.fork().findOneOrFail(WebhookDeliveryEntity, { id: deliveryId });
  return toDelivery(row);
}
