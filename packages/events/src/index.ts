export { OUTBOX_ORDER_SQL, OUTBOX_SQL, OutboxEventEntity, recordEvent } from './outbox';
export type { DomainEvent } from './outbox';
export {
  FEED_START,
  eventFeedHandler,
  formatCursor,
  httpFeed,
  localFeed,
  parseCursor,
  payloadText,
  readFeed,
} from './feed';
export type { Feed, FeedCursor, FeedEvent, ReadFeedOptions } from './feed';
export {
  INBOX_ORDER_SQL,
  INBOX_SQL,
  applyBatch,
  applyEvent,
  applyEvents,
  feedPosition,
  setBasedHandler,
  startConsumer,
} from './consumer';
export type { Consumer, ConsumerOptions, EventHandler } from './consumer';
