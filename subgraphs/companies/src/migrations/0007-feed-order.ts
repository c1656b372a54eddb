import { Migration } from '@umrah/db-kit';
import { OUTBOX_ORDER_SQL } from '@umrah/events';

/**
 * The outbox records each event's writing transaction, so the feed is read in transaction order
 * and never skips an event committed late behind one already read. Existing events keep their order.
 */
export class CompaniesFeedOrder extends Migration {
  override name = '0007-feed-order';

  up(): void {
    for (const sql of OUTBOX_ORDER_SQL) this.addSql(sql);
  }
}
