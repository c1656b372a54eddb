export { OUTBOX_SQL, OutboxEventEntity, recordEvent } from './outbox';
export type { DomainEvent } from './outbox';
export { eventFeedHandler, readFeed } from './feed';
export type { FeedEvent } from './feed';
export { INBOX_SQL, applyEvent, feedPosition, startConsumer } from './consumer';
export type { Consumer, ConsumerOptions, EventHandler } from './consumer';
