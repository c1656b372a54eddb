import { Connection, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum WebhookEventType {
  VISA_STATUS_CHANGED = 'VISA_STATUS_CHANGED',
}

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'Kinds of events a webhook subscription can receive; more will be added.',
  valuesConfig: {
    VISA_STATUS_CHANGED: {
      description:
        'A visa application of one of your pilgrims changed status. `data` holds `visaApplicationId`, `pilgrimId`, `companyId`, `agentId` (or null), `fromStatus` (null for the first), `toStatus` (a `VisaStatus`), `changedAt` (ISO-8601), `reason`, `mofaReference` and `visaNumber` (each null when not known).',
    },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where the sending of one event to one subscription stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet answered with a 2xx status; it is sent, or retried, at `nextAttemptAt`.' },
    DELIVERED: { description: 'Your endpoint answered with a 2xx status.' },
    FAILED: { description: 'Every attempt failed; nothing more is sent unless you ask for a redelivery.' },
  },
});

const SIGNATURE_DOC =
  'Each request is a POST with a JSON body `{ id, type, occurredAt, data }` and the headers `X-Umrah-Event-Id` (the same for every attempt and every redelivery of one event: use it to ignore duplicates) and `X-Umrah-Signature: t=<unix seconds>,v1=<hex>`, where `v1` is the HMAC-SHA256, keyed with the whole signing secret (including `whsec_`), of `<t>.<raw request body>`. Verify it over the raw bytes before parsing, compare in constant time, and refuse a `t` more than 5 minutes from your clock. Answer with any 2xx status within 10 seconds; anything else (redirects included: they are not followed) is retried with exponential backoff and jitter — 30 s, 1 min, 2 min, … at most 6 h apart — and the delivery fails after 12 attempts (the deployment’s defaults).';

@ObjectType('WebhookSubscription', {
  description: `An HTTPS endpoint of a company or an external agent that receives events about its own pilgrims: a company’s subscription receives the events of every pilgrim the company hosts, an agent’s those of the pilgrims it registered. Only the owning party (its managers or agent account, and its API clients) sees it. ${SIGNATURE_DOC}`,
})
export class WebhookSubscription {
  @Field(() => ID, { description: 'Stable identifier of the subscription.' })
  id!: string;

  @Field(() => String, { description: 'Where events are POSTed: an https URL.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Your own note on what the endpoint is for.' })
  description!: string | null;

  @Field(() => [WebhookEventType], { description: 'The kinds of events sent to this endpoint.' })
  eventTypes!: WebhookEventType[];

  @Field(() => Boolean, {
    description:
      'False while paused: no deliveries are made for events that happen meanwhile, and deliveries already queued wait until it is resumed.',
  })
  active!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the subscription was created.' })
  createdAt!: Date;

  @Field(() => ID, { description: 'Account or API client that created the subscription.' })
  createdBy!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the signing secret was last replaced; null if it never was.',
  })
  secretRotatedAt!: Date | null;

  /** Not fields: the owning party, for the company and agent references. */
  companyId!: string | null;
  agentId!: string | null;
}

export const WebhookSubscriptionConnection = Connection(
  WebhookSubscription,
  'WebhookSubscription',
  'webhook subscription',
);

@ObjectType('CreateWebhookSubscriptionPayload', { description: 'A new subscription and its signing secret.' })
export class CreateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { description: 'The subscription.' })
  subscription!: WebhookSubscription;

  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret (`whsec_…`). It is shown this once and never again: store it in your secret store. Null when this answer repeats an earlier call with the same idempotency key; if that first answer was lost, rotate the secret.',
  })
  secret!: string | null;
}

@ObjectType('RotateWebhookSecretPayload', { description: 'A subscription and the secret that now signs its requests.' })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookSubscription, { description: 'The subscription.' })
  subscription!: WebhookSubscription;

  @Field(() => String, {
    description:
      'The new signing secret (`whsec_…`), shown this once. It signs every request from now on, retries of earlier events included; the old one stops at once.',
  })
  secret!: string;
}

@ObjectType('WebhookAttempt', { description: 'One HTTP request of a delivery, as logged.' })
export class WebhookAttempt {
  @Field(() => Int, { description: 'Which attempt this was, from 1.' })
  attemptNumber!: number;

  @Field(() => DateTimeScalar, { description: 'When the request was sent.' })
  attemptedAt!: Date;

  @Field(() => Int, { description: 'How long the endpoint took to answer (or until the request failed), in ms.' })
  durationMs!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status your endpoint answered with; null when none came.' })
  httpStatus!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the request failed without an HTTP answer (timeout, refused connection, DNS); else null.',
  })
  error!: string | null;

  @Field(() => Boolean, { description: 'True when the endpoint answered with a 2xx status.' })
  succeeded!: boolean;

  /** Not a field: the delivery it belongs to. */
  deliveryId!: string;
}

@ObjectType('WebhookDelivery', {
  description:
    'One event sent to one subscription: made once per event whatever happens, retried until a 2xx answer or until the attempts run out.',
})
export class WebhookDelivery {
  @Field(() => ID, { description: 'Stable identifier of the delivery.' })
  id!: string;

  @Field(() => ID, { description: 'The subscription it is sent to.' })
  subscriptionId!: string;

  @Field(() => ID, { description: 'The event’s id: the `id` of the body and the `X-Umrah-Event-Id` header.' })
  eventId!: string;

  @Field(() => WebhookEventType, { description: 'Kind of event.' })
  eventType!: WebhookEventType;

  @Field(() => DateTimeScalar, { description: 'When the event happened.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'The exact JSON body POSTed to your endpoint.' })
  body!: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the sending stands.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attemptCount!: number;

  @Field(() => Int, {
    description: 'Attempts allowed before the delivery fails (one more after each redelivery).',
  })
  maxAttempts!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due; null unless PENDING.' })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the latest attempt was made; null before any.' })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the latest attempt; null when it had none.' })
  lastHttpStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the latest attempt failed without an HTTP answer.' })
  lastError!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a 2xx answer came; null unless DELIVERED.' })
  deliveredAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the delivery was queued.' })
  createdAt!: Date;
}

export const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery', 'webhook delivery');
