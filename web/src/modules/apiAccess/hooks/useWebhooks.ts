import {
  WebhookDeliveriesDocument,
  WebhookSubscriptionsDocument,
  type WebhookDeliveriesQuery,
  type WebhookDeliveryStatus,
  type WebhookSubscriptionsQuery,
} from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export const WEBHOOKS_PAGE_SIZE = 10;
export const DELIVERIES_PAGE_SIZE = 25;

export type WebhookSubscriptionRow = WebhookSubscriptionsQuery['webhookSubscriptions']['edges'][number]['node'];
export type WebhookDeliveryRow = WebhookDeliveriesQuery['webhookDeliveries']['edges'][number]['node'];

/** The signed-in company's or agent's webhook subscriptions. */
export function useWebhookSubscriptions() {
  return useConnection(
    WebhookSubscriptionsDocument,
    { first: WEBHOOKS_PAGE_SIZE },
    (data) => data.webhookSubscriptions,
  );
}

/** One subscription's deliveries, newest first, optionally of one status. */
export function useWebhookDeliveries(subscriptionId: string, status: WebhookDeliveryStatus | null) {
  return useConnection(
    WebhookDeliveriesDocument,
    { subscriptionId, status, first: DELIVERIES_PAGE_SIZE },
    (data) => data.webhookDeliveries,
  );
}
