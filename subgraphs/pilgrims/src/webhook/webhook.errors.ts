import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

/** Why a webhook operation is refused; each comes with a sentence a manager understands. */
export enum WebhookErrorCode {
  WEBHOOK_URL_REFUSED = 'WEBHOOK_URL_REFUSED',
  WEBHOOK_LIMIT_REACHED = 'WEBHOOK_LIMIT_REACHED',
  WEBHOOK_DELIVERY_IN_PROGRESS = 'WEBHOOK_DELIVERY_IN_PROGRESS',
}

/** Why a URL cannot receive webhooks; sent as `extensions.details.reason`. */
export enum UrlRefusal {
  MALFORMED = 'MALFORMED',
  NOT_HTTPS = 'NOT_HTTPS',
  CREDENTIALS = 'CREDENTIALS',
  FRAGMENT = 'FRAGMENT',
  PRIVATE_ADDRESS = 'PRIVATE_ADDRESS',
  TOO_LONG = 'TOO_LONG',
}

const URL_REFUSALS: Record<UrlRefusal, string> = {
  MALFORMED: 'The URL is not a valid web address.',
  NOT_HTTPS: 'The URL must start with https://.',
  CREDENTIALS: 'The URL must not contain a user name or password; check the signature header instead.',
  FRAGMENT: 'The URL must not contain a # fragment.',
  PRIVATE_ADDRESS: 'The URL must point to a public internet address, not a private or local one.',
  TOO_LONG: 'The URL must be at most 2,000 characters.',
};

export const urlRefused = (reason: UrlRefusal): AppError =>
  new AppError(WebhookErrorCode.WEBHOOK_URL_REFUSED, URL_REFUSALS[reason], {
    field: 'input.url',
    details: { reason },
  });

export const subscriptionLimitReached = (limit: number): AppError =>
  new AppError(
    WebhookErrorCode.WEBHOOK_LIMIT_REACHED,
    `You already have ${limit} webhook subscriptions, the most allowed; delete one you no longer use first.`,
    { details: { limit } },
  );

export const deliveryInProgress = (): AppError =>
  new AppError(
    WebhookErrorCode.WEBHOOK_DELIVERY_IN_PROGRESS,
    'This delivery is still being sent or retried; it can be sent again once it has been delivered or has failed.',
    { field: 'deliveryId' },
  );

// One answer for a missing id and for another party's: the caller learns nothing about the latter.
export const subscriptionNotFound = (field = 'id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'You have no webhook subscription with this id.', { field });

export const deliveryNotFound = (): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'You have no webhook delivery with this id.', { field: 'deliveryId' });
