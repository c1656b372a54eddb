import type { Database } from '@umrah/db-kit';
import type { BackgroundWorker } from '@umrah/subgraph-kit';
import { riyadhDate } from '../dates';
import { expireLot, lockAccountById, sql } from '../ledger/posting';

export const LOYALTY_EXPIRY = 'loyalty-expiry';
const ACCOUNTS_PER_PASS = 100;

interface DueLot {
  id: string;
  expires_on: string | Date;
  remaining: number;
  expirations: number;
}

const day = (value: string | Date): string => (typeof value === 'string' ? value.slice(0, 10) : riyadhDate(value));

/**
 * Writes an EXPIRE entry for every lot whose expiry day has come (`today` in the Kingdom) and
 * that still holds points, oldest first, one account per transaction under the account's lock.
 * A second runner, or a rerun, finds those lots empty and writes nothing. Returns the entries written.
 */
export async function expireDuePoints(db: Database, today: string = riyadhDate()): Promise<number> {
  const accounts = await sql<{ account_id: string }>(
    db.fork(),
    `select distinct account_id from loyalty_points_lot where expires_on <= ? and remaining > 0 limit ?`,
    [today, ACCOUNTS_PER_PASS],
  );
  let written = 0;
  for (const { account_id: accountId } of accounts) {
    written += await db.fork().transactional(async (tx) => {
      const account = await lockAccountById(tx, accountId);
      if (!account) return 0;
      const lots = await sql<DueLot>(
        tx,
        `select id, expires_on::text as expires_on, remaining, expirations from loyalty_points_lot
          where account_id = ? and expires_on <= ? and remaining > 0 order by expires_on, id`,
        [accountId, today],
      );
      for (const lot of lots) {
        await expireLot(tx, account, {
          id: lot.id,
          expiresOn: day(lot.expires_on),
          remaining: Number(lot.remaining),
          expirations: Number(lot.expirations),
        });
      }
      return lots.length;
    });
  }
  return written;
}

/** The scheduled job: looks for expired points every hour (cheap: a partial index of open lots). */
export function expiryWorker(db: Database, intervalMs = 3_600_000): BackgroundWorker {
  return { name: LOYALTY_EXPIRY, intervalMs, runOnce: () => expireDuePoints(db) };
}
