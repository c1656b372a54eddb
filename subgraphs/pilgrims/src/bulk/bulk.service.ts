import { createHash } from 'node:crypto';
import { uuidv7, type EntityManager } from '@umrah/db-kit';
import { OutboxEventEntity, type DomainEvent } from '@umrah/events';
import { AppError, type Viewer } from '@umrah/subgraph-kit';
import { PilgrimEntity, type PilgrimRow } from '../pilgrim/pilgrim.entity';
import { toPilgrim } from '../pilgrim/pilgrim.service';
import type { ActingFor } from '../registration/acting-company';
import { duplicatePilgrim } from '../registration/registration.errors';
import {
  checkGroupSeason,
  checkIdempotencyKey,
  pilgrimRegistered,
  pilgrimRowFor,
  registrationTarget,
  validatePilgrimDetails,
  type RegistrationRules,
} from '../registration/registration.service';
import { policyInForce, riyadhDate } from '../season/season.service';
import { idempotencyKeyReused, repeatedInList, rowCountOutOfRange } from './bulk.errors';
import { MAX_PILGRIMS_PER_CALL, type RegisterPilgrimsInput, type RegisterPilgrimsRowInput } from './bulk.inputs';
import { BulkRegistrationResult, BulkRegistrationRow, BulkRegistrationRowError } from './bulk.type';

/** A row's refusal as stored and answered. */
interface RowError {
  code: string;
  message: string;
  field: string | null;
}

/** What a call answered, as kept for its idempotency key: per input row, the pilgrim's id or the error. */
interface StoredOutcome {
  index: number;
  pilgrimId: string | null;
  error: RowError | null;
}

/** The row fields, in a fixed order: what the request fingerprint covers. */
const ROW_FIELDS = [
  'givenNameAr',
  'fatherNameAr',
  'grandfatherNameAr',
  'familyNameAr',
  'givenNameEn',
  'fatherNameEn',
  'grandfatherNameEn',
  'familyNameEn',
  'passportNumber',
  'nationality',
  'dateOfBirth',
  'sex',
  'passportIssuedOn',
  'passportExpiresOn',
  'plannedDepartureOn',
  'mrz',
] as const satisfies readonly (keyof RegisterPilgrimsRowInput)[];

/** Per-row columns of the multi-row insert, with their SQL types (the batch-wide ones are bound once). */
const ROW_COLUMNS = [
  ['id', 'id', 'uuid'],
  ['given_name_ar', 'givenNameAr', 'text'],
  ['father_name_ar', 'fatherNameAr', 'text'],
  ['grandfather_name_ar', 'grandfatherNameAr', 'text'],
  ['family_name_ar', 'familyNameAr', 'text'],
  ['given_name_en', 'givenNameEn', 'text'],
  ['father_name_en', 'fatherNameEn', 'text'],
  ['grandfather_name_en', 'grandfatherNameEn', 'text'],
  ['family_name_en', 'familyNameEn', 'text'],
  ['passport_number', 'passportNumber', 'text'],
  ['nationality', 'nationality', 'text'],
  ['date_of_birth', 'dateOfBirth', 'date'],
  ['sex', 'sex', 'text'],
  ['passport_issued_on', 'passportIssuedOn', 'date'],
  ['passport_expires_on', 'passportExpiresOn', 'date'],
  ['planned_departure_on', 'plannedDepartureOn', 'date'],
  ['mrz', 'mrz', 'text'],
] as const satisfies readonly (readonly [string, keyof PilgrimRow, string])[];

// One statement for the whole list: rows travel as one jsonb parameter (no limit on bind
// parameters, one plan), and a passport registered meanwhile by anyone else is skipped, not an error.
const INSERT_PILGRIMS = `
  insert into pilgrim (company_id, agent_id, season, group_id, registered_by, ${ROW_COLUMNS.map(([c]) => c).join(', ')})
  select ?::uuid, ?::uuid, ?, ?::uuid, ?::uuid, ${ROW_COLUMNS.map(([c]) => `r.${c}`).join(', ')}
  from jsonb_to_recordset(?::jsonb) as r(${ROW_COLUMNS.map(([c, , type]) => `${c} ${type}`).join(', ')})
  on conflict on constraint pilgrim_passport_season_key do nothing
  returning id`;

/** SHA-256 of what the call asks for, so one key cannot stand for two different lists. */
function requestHash(acting: ActingFor, groupId: string | null, rows: readonly RegisterPilgrimsRowInput[]): string {
  const canonical = JSON.stringify([
    acting.companyId,
    groupId,
    rows.map((row) => ROW_FIELDS.map((field) => row[field] ?? null)),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A row's error, with its field moved from `input.` to the row's path (`rows.3.passportNumber`). */
function rowError(error: AppError, index: number): RowError {
  const field = error.extensions['field'];
  return {
    code: error.code,
    message: error.message,
    field: typeof field === 'string' ? field.replace(/^input\./, `rows.${index}.`) : `rows.${index}`,
  };
}

function toResult(
  outcomes: readonly StoredOutcome[],
  pilgrims: ReadonlyMap<string, PilgrimRow>,
): BulkRegistrationResult {
  const rows = outcomes.map((outcome) => {
    const row = outcome.pilgrimId ? pilgrims.get(outcome.pilgrimId) : undefined;
    return Object.assign(new BulkRegistrationRow(), {
      index: outcome.index,
      pilgrim: row ? toPilgrim(row) : null,
      error: outcome.error ? Object.assign(new BulkRegistrationRowError(), outcome.error) : null,
    });
  });
  const registeredCount = outcomes.filter((o) => o.pilgrimId != null).length;
  return Object.assign(new BulkRegistrationResult(), {
    registeredCount,
    failedCount: outcomes.length - registeredCount,
    rows,
  });
}

/**
 * The answer the first call with this key gave, rebuilt with today's pilgrim rows (one statement
 * each for the record and the pilgrims); null when the key is new. The same key with another list
 * is refused.
 */
async function storedResult(
  em: EntityManager,
  viewer: Viewer,
  { key, hash }: { key: string; hash: string },
): Promise<BulkRegistrationResult | null> {
  const found = await em.execute<{ request_hash: string; result: StoredOutcome[] | string | null }[]>(
    'select request_hash, result from bulk_registration where actor = ? and key = ?',
    [viewer.accountId, key],
  );
  const record = found[0];
  if (!record) return null;
  if (record.request_hash !== hash) throw idempotencyKeyReused();
  const outcomes = (typeof record.result === 'string' ? JSON.parse(record.result) : record.result) as StoredOutcome[];
  const ids = outcomes.flatMap((o) => (o.pilgrimId ? [o.pilgrimId] : []));
  const rows = ids.length > 0 ? await em.find(PilgrimEntity, { id: { $in: ids } }) : [];
  return toResult(outcomes, new Map(rows.map((row) => [row.id, row])));
}

/**
 * Registers a list of pilgrims for one company (and optionally one group) in the current season:
 * every row that passes the same rules as `registerPilgrim` is saved with its `PilgrimRegistered`
 * event; every other row is reported with its error. Access, the company's standing and the group
 * are checked once for the list, and a refusal there refuses the whole call.
 *
 * Rows are validated in code, then one transaction inserts the good ones with one multi-row
 * statement and their events with another: the number of SQL statements does not grow with the
 * number of rows. With an idempotency key, a retry (or a concurrent duplicate, which
 * waits on the key's primary key) gets the first call's answer and registers nothing.
 */
export async function registerPilgrims(
  em: EntityManager,
  viewer: Viewer,
  input: RegisterPilgrimsInput,
  idempotencyKey?: string | null,
): Promise<BulkRegistrationResult> {
  const key = checkIdempotencyKey(idempotencyKey);
  if (input.rows.length < 1 || input.rows.length > MAX_PILGRIMS_PER_CALL) throw rowCountOutOfRange();
  // Access first: a stored answer is no reason to skip who-may checks.
  const { group, acting } = await registrationTarget(em, viewer, input.groupId, input.companyId);
  const groupId = group?.id ?? null;
  const idempotency = key ? { key, hash: requestHash(acting, groupId, input.rows) } : null;
  if (idempotency) {
    const earlier = await storedResult(em, viewer, idempotency);
    if (earlier) return earlier;
  }
  const { season, policy } = await policyInForce(em);
  checkGroupSeason(group, season.hijriYear);
  const rules: RegistrationRules = { today: riyadhDate(), policy };

  const outcomes: StoredOutcome[] = [];
  const candidates: { index: number; row: PilgrimRow }[] = [];
  const claimedPassports = new Set<string>();
  input.rows.forEach((details, index) => {
    try {
      const valid = validatePilgrimDetails(details, rules);
      // Only a row that would register claims its passport: a bad first copy leaves room for a good one.
      const passport = `${valid.nationality}:${valid.passportNumber}`;
      if (claimedPassports.has(passport)) throw repeatedInList(index);
      claimedPassports.add(passport);
      const row = pilgrimRowFor(valid, acting, season.hijriYear, groupId, viewer.accountId);
      candidates.push({ index, row });
      outcomes.push({ index, pilgrimId: row.id, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ index, pilgrimId: null, error: rowError(error, index) });
    }
  });

  const saved = await em.transactional(async (tx) => {
    if (idempotency) {
      const claimed = await tx.execute<{ actor: string }[]>(
        `insert into bulk_registration (actor, key, request_hash, company_id) values (?, ?, ?, ?)
         on conflict (actor, key) do nothing returning actor`,
        [viewer.accountId, idempotency.key, idempotency.hash, acting.companyId],
      );
      // A concurrent call with the same key committed first (this insert waited for it).
      if (claimed.length === 0) return false;
    }
    const inserted = new Set<string>();
    if (candidates.length > 0) {
      const rows = candidates.map(({ row }) =>
        Object.fromEntries(ROW_COLUMNS.map(([column, property]) => [column, row[property] ?? null])),
      );
      const returned = await tx.execute<{ id: string }[]>(INSERT_PILGRIMS, [
        acting.companyId,
        acting.agentId,
        season.hijriYear,
        groupId,
        viewer.accountId,
        JSON.stringify(rows),
      ]);
      for (const { id } of returned) inserted.add(id);
    }
    const events: DomainEvent[] = [];
    for (const { index, row } of candidates) {
      if (inserted.has(row.id)) {
        events.push(pilgrimRegistered(row));
      } else {
        // Registered before this call, or by another call since it was validated.
        outcomes[index] = { index, pilgrimId: null, error: rowError(duplicatePilgrim(season.hijriYear), index) };
      }
    }
    if (events.length > 0) {
      // One statement for all events, through the outbox's own entity; recordEvent would queue
      // one entity per event for the unit of work, which costs more than the pilgrims' insert.
      // The same row recordEvent writes: a fresh id, the event, the time; seq and the rest default.
      const occurredAt = new Date();
      await tx.insertMany(
        OutboxEventEntity,
        events.map((event) => ({ id: uuidv7(), ...event, occurredAt })),
      );
    }
    if (idempotency) {
      const registered = outcomes.filter((o) => o.pilgrimId != null).length;
      await tx.execute(
        `update bulk_registration set result = ?::jsonb, registered_count = ?, failed_count = ?
         where actor = ? and key = ?`,
        [JSON.stringify(outcomes), registered, outcomes.length - registered, viewer.accountId, idempotency.key],
      );
    }
    return true;
  });
  if (!saved && idempotency) {
    const earlier = await storedResult(em.fork(), viewer, idempotency);
    if (!earlier) throw new Error('bulk registration: a key claimed by another call has no stored result');
    return earlier;
  }
  return toResult(outcomes, new Map(candidates.map(({ row }) => [row.id, row])));
}
