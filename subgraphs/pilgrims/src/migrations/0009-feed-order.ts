import { Migration } from '@umrah/db-kit';
import { INBOX_ORDER_SQL, OUTBOX_ORDER_SQL } from '@umrah/events';

/**
 * Gap-free feeds on both sides: this subgraph's outbox records each event's writing transaction,
 * and its positions in the feeds it reads become `(transaction, seq)` cursors. Those positions
 * restart from the beginning once: the inbox skips what was applied, and applies what the old
 * seq-only position may have skipped.
 */
export class PilgrimsFeedOrder extends Migration {
  override name = '0009-feed-order';

  up(): void {
    for (const sql of [...INBOX_ORDER_SQL, ...OUTBOX_ORDER_SQL]) this.addSql(sql);
  }
}
