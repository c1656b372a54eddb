import { uuidv7, type EntityManager } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import type { Viewer } from '@umrah/subgraph-kit';
import { providerNotFound } from '../complaint/complaint.errors';
import { PartyKind, type Party, type TallyChanges } from '../compliance/compliance.tally';
import { ServiceProviderEntity } from '../provider/provider.entity';
import { ViolationStatusChangeEntity, type ViolationRow } from './violation.entity';
import { countsOf } from './violation.penalty';
import { violationPoints } from './violation.rules';
import type { ViolationSource, ViolationType } from './violation.type';
import { ViolationStatus } from './violation.type';

// Recording. One path for the overstay events, inspections and officers: the row, its first
// history step, its event and its tally change, all in the caller's transaction.

export interface NewViolation {
  party: Party;
  type: ViolationType;
  details: string;
  fineHalalas: number;
  source: ViolationSource;
  recordedBy: Viewer | null;
  recordedAt: Date;
  cureDueOn: string;
  sourceVisaApplicationId?: string | null;
  pilgrimId?: string | null;
  season?: string | null;
  inspectionId?: string | null;
  complaintId?: string | null;
}

export function publishViolation(
  tx: EntityManager,
  type: 'ViolationRecorded' | 'ViolationStatusChanged',
  row: ViolationRow,
  extra: Record<string, unknown> = {},
): void {
  recordEvent(tx, {
    type,
    aggregateType: 'Violation',
    aggregateId: row.id,
    payload: {
      violationId: row.id,
      companyId: row.companyId ?? null,
      providerId: row.providerId ?? null,
      type: row.type,
      status: row.status,
      fineHalalas: Number(row.fineHalalas),
      cureDueOn: row.cureDueOn,
      source: row.source,
      visaApplicationId: row.sourceVisaApplicationId ?? null,
      pilgrimId: row.pilgrimId ?? null,
      inspectionId: row.inspectionId ?? null,
      complaintId: row.complaintId ?? null,
      ...extra,
    },
  });
}

/**
 * Writes a violation unless the database already holds its twin (the same overstaying visa, or a
 * live COMPLAINT_UPHELD violation of the same complaint): then returns null and writes nothing.
 * On success queues its history step and `ViolationRecorded`, and adds its counts to `tallies`.
 */
export async function insertViolation(
  tx: EntityManager,
  v: NewViolation,
  tallies: TallyChanges,
): Promise<ViolationRow | null> {
  const row = {
    id: uuidv7(),
    companyId: v.party.kind === PartyKind.COMPANY ? v.party.id : null,
    providerId: v.party.kind === PartyKind.PROVIDER ? v.party.id : null,
    type: v.type,
    details: v.details,
    fineHalalas: v.fineHalalas,
    points: violationPoints(v.type, v.fineHalalas),
    source: v.source,
    sourceVisaApplicationId: v.sourceVisaApplicationId ?? null,
    pilgrimId: v.pilgrimId ?? null,
    season: v.season ?? null,
    inspectionId: v.inspectionId ?? null,
    complaintId: v.complaintId ?? null,
    status: ViolationStatus.OPEN,
    recordedAt: v.recordedAt,
    recordedBy: v.recordedBy?.accountId ?? null,
    cureDueOn: v.cureDueOn,
    closedAt: null,
    closedBy: null,
    closeNote: null,
  } as ViolationRow;
  // `on conflict do nothing`: a duplicate leaves the transaction usable (the event's inbox row still commits).
  const inserted = await tx.getConnection().execute<{ id: string }[]>(
    `insert into violation (id, company_id, provider_id, type, details, fine_halalas, points, source,
       source_visa_application_id, pilgrim_id, season, inspection_id, complaint_id, status, recorded_at, recorded_by, cure_due_on)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict do nothing returning id`,
    [
      row.id,
      row.companyId,
      row.providerId,
      row.type,
      row.details,
      row.fineHalalas,
      row.points,
      row.source,
      row.sourceVisaApplicationId,
      row.pilgrimId,
      row.season,
      row.inspectionId,
      row.complaintId,
      row.status,
      row.recordedAt,
      row.recordedBy,
      row.cureDueOn,
    ],
    'all',
    tx.getTransactionContext(),
  );
  if (inserted.length === 0) return null;
  tx.create(ViolationStatusChangeEntity, {
    id: uuidv7(),
    violationId: row.id,
    fromStatus: null,
    toStatus: ViolationStatus.OPEN,
    note: null,
    changedBy: v.recordedBy?.accountId ?? null,
    changedByRole: v.recordedBy?.role ?? null,
    changedAt: v.recordedAt,
  });
  publishViolation(tx, 'ViolationRecorded', row, { recordedAt: row.recordedAt.toISOString(), points: row.points });
  tallies.add(v.party, countsOf(row, ViolationStatus.OPEN));
  return row;
}

/** A provider named in a violation or inspection must be registered here. */
export async function checkProvider(tx: EntityManager, providerId: string, field: string): Promise<void> {
  if (!(await tx.findOne(ServiceProviderEntity, { id: providerId }, { fields: ['id'] }))) throw providerNotFound(field);
}
