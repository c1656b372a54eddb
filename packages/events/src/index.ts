export { OUTBOX_SQL, OutboxEventEntity, recordEvent } from './outbox';
export type { DomainEvent } from './outbox';
export { eventFeedHandler, readFeed } from './feed';
export type { FeedEvent } from './feed';
