import { WebhookEventType } from './webhook.type';

/** Outbox event types that webhooks carry, by the name a subscriber uses for them. */
export const WEBHOOK_EVENT_OF: Readonly<Record<string, WebhookEventType>> = {
  VisaStatusChanged: WebhookEventType.VISA_STATUS_CHANGED,
};

// The published contract of `data`: only these fields leave the system, whatever the outbox
// event gains later for internal consumers.
const VISA_STATUS_CHANGED_FIELDS = [
  'visaApplicationId',
  'pilgrimId',
  'companyId',
  'agentId',
  'fromStatus',
  'toStatus',
  'changedAt',
  'reason',
  'mofaReference',
  'visaNumber',
] as const;

export function webhookData(type: WebhookEventType, payload: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case WebhookEventType.VISA_STATUS_CHANGED:
      return Object.fromEntries(VISA_STATUS_CHANGED_FIELDS.map((field) => [field, payload[field] ?? null]));
  }
}

export interface DeliveryContent {
  eventId: string;
  eventType: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** The exact JSON a receiver gets: `{ id, type, occurredAt, data }`. */
export function deliveryBody(content: DeliveryContent): string {
  return JSON.stringify({
    id: content.eventId,
    type: content.eventType,
    occurredAt: content.occurredAt.toISOString(),
    data: webhookData(content.eventType as WebhookEventType, content.payload),
  });
}
