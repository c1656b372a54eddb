import { defineEntity, p } from '@umrah/db-kit';

/** A party's endpoint for events; owned by exactly one company or one external agent. */
export const WebhookSubscriptionEntity = defineEntity({
  name: 'WebhookSubscription',
  tableName: 'webhook_subscription',
  properties: {
    id: p.uuid().primary(),
    companyId: p.uuid().nullable(),
    agentId: p.uuid().nullable(),
    url: p.string(),
    description: p.string().nullable(),
    eventTypes: p.array(),
    active: p.boolean(),
    secretCiphertext: p.string().hidden(),
    secretRotatedAt: p.datetime().nullable(),
    createdBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type WebhookSubscriptionRow = InstanceType<typeof WebhookSubscriptionEntity.class>;

/** One event to send to one subscription, and where its sending stands. */
export const WebhookDeliveryEntity = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  properties: {
    id: p.uuid().primary(),
    subscriptionId: p.uuid(),
    eventId: p.uuid(),
    eventType: p.string(),
    occurredAt: p.datetime(),
    payload: p.json<Record<string, unknown>>(),
    status: p.string(),
    attemptCount: p.integer(),
    attemptLimit: p.integer(),
    nextAttemptAt: p.datetime().nullable(),
    lastAttemptAt: p.datetime().nullable(),
    lastHttpStatus: p.integer().nullable(),
    lastError: p.string().nullable(),
    deliveredAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type WebhookDeliveryRow = InstanceType<typeof WebhookDeliveryEntity.class>;

/** One HTTP attempt of a delivery; written once, never changed. */
export const WebhookAttemptEntity = defineEntity({
  name: 'WebhookAttempt',
  tableName: 'webhook_attempt',
  properties: {
    id: p.uuid().primary(),
    deliveryId: p.uuid(),
    attemptNumber: p.integer(),
    attemptedAt: p.datetime(),
    durationMs: p.integer(),
    httpStatus: p.integer().nullable(),
    error: p.string().nullable(),
    succeeded: p.boolean(),
  },
});

export type WebhookAttemptRow = InstanceType<typeof WebhookAttemptEntity.class>;
