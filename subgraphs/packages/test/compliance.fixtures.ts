import { randomUUID } from 'node:crypto';
import type { Database } from '@umrah/db-kit';
import { applyEvent, type FeedEvent } from '@umrah/events';
import type { TestSubgraph } from '@umrah/test-kit';
import { pilgrimsEventHandler } from '../src/compliance/compliance.handler';

/** Runs one SQL statement on a test database. */
export const sql = async <T>(db: Database, query: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.getConnection().execute<T[]>(query, params);

export const count = async (db: Database, from: string, params: unknown[] = []): Promise<number> =>
  Number((await sql<{ n: string }>(db, `select count(*) as n from ${from}`, params))[0]!.n);

/** Everything a compliance mutation could change, to prove a refused one changed nothing. */
export async function complianceSnapshot(db: Database): Promise<Record<string, unknown>> {
  const tables = [
    'complaint',
    'complaint_status_change',
    'inspection',
    'violation',
    'violation_status_change',
    'compliance_policy_version',
    // A refused call is audited, and its audit entry relayed: that is not a change it made.
    `outbox_event where type <> 'AuditRecorded'`,
  ];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(db, t)] as const)));
  const statuses = await sql(db, `select id, status, sla_breached_at from complaint order by id`);
  const violations = await sql(db, `select id, status from violation order by id`);
  const tallies = await sql(db, `select * from compliance_tally order by party_kind, party_id`);
  return { counts, statuses, violations, tallies };
}

export interface TallyRow {
  visas_issued: number;
  overstays: number;
  violations_total: number;
  open_violations: number;
  open_violation_points: number;
  escalated_violations: number;
  escalated_violation_points: number;
  cured_violations: number;
  fines_halalas: string | number;
  complaints_total: number;
  complaints_open: number;
  complaints_upheld: number;
  sla_breaches: number;
  score: number;
}

/** A party's tally row, or null when nothing was counted yet. */
export async function tallyOf(db: Database, kind: 'COMPANY' | 'PROVIDER', id: string): Promise<TallyRow | null> {
  const rows = await sql<TallyRow>(db, `select * from compliance_tally where party_kind = ? and party_id = ?`, [
    kind,
    id,
  ]);
  return rows[0] ?? null;
}

export interface OverstayPayload {
  visaApplicationId: string;
  pilgrimId: string;
  companyId: string;
  agentId: string | null;
  season: string;
  stayUntil: string;
  detectedOn: string;
  fineHalalas: number;
}

export const overstayPayload = (companyId: string, overrides: Partial<OverstayPayload> = {}): OverstayPayload => ({
  visaApplicationId: randomUUID(),
  pilgrimId: randomUUID(),
  companyId,
  agentId: null,
  season: '1448',
  stayUntil: '2026-11-20',
  detectedOn: '2026-11-21',
  fineHalalas: 2_500_000,
  ...overrides,
});

let seq = 0;

/** A pilgrims-feed event as the HTTP feed would deliver it. */
export function feedEvent(type: string, aggregateId: string, payload: Record<string, unknown>): FeedEvent {
  seq += 1;
  return {
    seq,
    txId: String(1000 + seq),
    id: randomUUID(),
    type,
    aggregateType: 'VisaApplication',
    aggregateId,
    payload,
    occurredAt: new Date().toISOString(),
  };
}

/** Delivers one event to the packages subgraph's pilgrims consumer, through the inbox. */
export const deliver = (sg: TestSubgraph | Database, event: FeedEvent): Promise<boolean> =>
  applyEvent('db' in sg ? sg.db : sg, 'pilgrims', event, pilgrimsEventHandler);
