import { randomUUID } from 'node:crypto';
import type { Database } from '@umrah/db-kit';
import { applyEvent, type FeedEvent } from '@umrah/events';
import { pilgrimsEventHandler } from '../src/earning/earning.handler';

let seq = 0;

/** A `PilgrimRegistered` event as the pilgrims subgraph publishes it. */
export function registration(
  companyId: string,
  occurredAt: Date | string,
  pilgrimId: string = randomUUID(),
): FeedEvent {
  seq += 1;
  return {
    seq,
    txId: '1',
    id: randomUUID(),
    type: 'PilgrimRegistered',
    aggregateType: 'Pilgrim',
    aggregateId: pilgrimId,
    payload: { companyId, agentId: null, nationality: 'ID', season: '1448' },
    occurredAt: new Date(occurredAt).toISOString(),
  };
}

/** A `VisaStatusChanged` event; `ISSUED` earns the season's bonus. */
export function visaChanged(
  companyId: string,
  occurredAt: Date | string,
  toStatus = 'ISSUED',
  visaApplicationId: string = randomUUID(),
): FeedEvent {
  seq += 1;
  return {
    seq,
    txId: '1',
    id: randomUUID(),
    type: 'VisaStatusChanged',
    aggregateType: 'VisaApplication',
    aggregateId: visaApplicationId,
    payload: { visaApplicationId, pilgrimId: randomUUID(), companyId, fromStatus: 'SENT_TO_MOFA', toStatus },
    occurredAt: new Date(occurredAt).toISOString(),
  };
}

/** Applies an event through the inbox, as the consumer does; `source` names the consumer. */
export const deliver = (db: Database, event: FeedEvent, source = 'pilgrims'): Promise<boolean> =>
  applyEvent(db, source, event, pilgrimsEventHandler);

const rows = <T>(db: Database, sql: string, params: unknown[] = []): Promise<T[]> =>
  db.fork().getConnection().execute<T[]>(sql, params);

export async function balanceOf(db: Database, companyId: string): Promise<number | null> {
  const [row] = await rows<{ balance: number }>(db, `select balance from loyalty_account where company_id = ?`, [
    companyId,
  ]);
  return row ? Number(row.balance) : null;
}

/**
 * Every way the books could disagree, as sentences (empty when they agree): a balance that is not
 * its ledger's sum, a running balance that does not follow, lots that do not hold the balance, a
 * line whose lot movements do not add up to its points, a day's pilgrim count that is not its lines'.
 */
export async function ledgerDisagreements(db: Database): Promise<string[]> {
  const problems: string[] = [];
  for (const r of await rows<{ id: string; balance: number; total: number | null; last_line: number; lines: number }>(
    db,
    `select a.id, a.balance, a.last_line, (select sum(points) from loyalty_ledger_entry e where e.account_id = a.id) as total,
            (select count(*) from loyalty_ledger_entry e where e.account_id = a.id) as lines
       from loyalty_account a`,
  )) {
    if (Number(r.balance) !== Number(r.total ?? 0))
      problems.push(`account ${r.id}: balance ${r.balance} ≠ ledger ${r.total}`);
    if (Number(r.last_line) !== Number(r.lines))
      problems.push(`account ${r.id}: last line ${r.last_line} of ${r.lines}`);
  }
  for (const r of await rows<{ id: string }>(
    db,
    `select e.id from loyalty_ledger_entry e
       left join loyalty_ledger_entry p on p.account_id = e.account_id and p.line = e.line - 1
      where e.balance_after <> coalesce(p.balance_after, 0) + e.points`,
  )) {
    problems.push(`entry ${r.id}: running balance does not follow`);
  }
  for (const r of await rows<{ id: string; balance: number; lots: number | null }>(
    db,
    `select a.id, a.balance, (select sum(remaining) from loyalty_points_lot l where l.account_id = a.id) as lots from loyalty_account a`,
  )) {
    if (Number(r.balance) !== Number(r.lots ?? 0))
      problems.push(`account ${r.id}: lots hold ${r.lots} of ${r.balance}`);
  }
  for (const r of await rows<{ id: string }>(
    db,
    `select e.id from loyalty_ledger_entry e
      where e.points <> coalesce((select sum(u.points) from loyalty_lot_use u where u.entry_id = e.id), 0)`,
  )) {
    problems.push(`entry ${r.id}: lot movements do not add up to its points`);
  }
  for (const r of await rows<{ account_id: string; day: string }>(
    db,
    `select coalesce(d.account_id, l.account_id) as account_id, coalesce(d.day, l.day)::text as day
       from loyalty_pilgrim_day d
       full join (select account_id, (occurred_at at time zone 'UTC')::date as day, sum(pilgrims) as pilgrims
                    from loyalty_ledger_entry where pilgrims > 0 group by 1, 2) l
         on l.account_id = d.account_id and l.day = d.day
      where d.pilgrims is distinct from l.pilgrims`,
  )) {
    problems.push(`account ${r.account_id}: pilgrims of ${r.day} counted apart from the ledger`);
  }
  return problems;
}
