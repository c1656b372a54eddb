import { UniqueConstraintViolationException, uuidv7, type EntityManager } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import { AppError, CommonErrorCode, badInput, type Viewer } from '@umrah/subgraph-kit';
import { groupForRegistration } from '../group/group.service';
import { PilgrimEntity, type PilgrimRow } from '../pilgrim/pilgrim.entity';
import { NATIONALITY } from '../pilgrim/pilgrim.inputs';
import { toPilgrim } from '../pilgrim/pilgrim.service';
import type { Pilgrim } from '../pilgrim/pilgrim.type';
import { policyInForce, riyadhDate } from '../season/season.service';
import { actingCompany } from './acting-company';
import { IdempotencyKeyEntity } from './idempotency.entity';
import { mrzMismatches, readMrz } from './mrz';
import { duplicatePilgrim, passportExpiresTooSoon } from './registration.errors';
import type { RegisterPilgrimInput } from './registration.inputs';

/**
 * How long a passport must outlive the pilgrim's departure. A Kingdom-wide entry rule, not a season
 * setting (the season policy has no such field yet); kept here, in one place.
 */
const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;
const MAX_NAME = 80;
const MAX_IDEMPOTENCY_KEY = 200;
const OPERATION = 'registerPilgrim';

const NAME_FIELDS = [
  'givenNameAr',
  'fatherNameAr',
  'grandfatherNameAr',
  'familyNameAr',
  'givenNameEn',
  'fatherNameEn',
  'grandfatherNameEn',
  'familyNameEn',
] as const;

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

interface CleanInput extends RegisterPilgrimInput {
  passportNumber: string;
  nationality: string;
}

function cleanInput(input: RegisterPilgrimInput, today: string): CleanInput {
  const clean = { ...input } as CleanInput;
  for (const field of NAME_FIELDS) {
    const value = input[field].trim();
    if (value.length === 0 || value.length > MAX_NAME) {
      throw badInput(`input.${field}`, `Each part of the name must be 1 to ${MAX_NAME} characters.`);
    }
    clean[field] = value;
  }
  clean.passportNumber = input.passportNumber.trim().toUpperCase();
  if (!PASSPORT_NUMBER.test(clean.passportNumber)) {
    throw badInput('input.passportNumber', 'A passport number is 5 to 20 letters and digits.');
  }
  clean.nationality = input.nationality.trim().toUpperCase();
  if (!NATIONALITY.test(clean.nationality)) {
    throw badInput('input.nationality', 'Nationality must be a country code of two letters, such as ID or PK.');
  }
  if (input.dateOfBirth < '1900-01-01' || input.dateOfBirth > today) {
    throw badInput('input.dateOfBirth', 'The date of birth must be a past day after 1900.');
  }
  if (input.passportIssuedOn > today) {
    throw badInput('input.passportIssuedOn', 'The passport’s issue date cannot be in the future.');
  }
  if (input.passportExpiresOn <= input.passportIssuedOn) {
    throw badInput('input.passportExpiresOn', 'The passport’s expiry date must come after its issue date.');
  }
  if (input.plannedDepartureOn != null && input.plannedDepartureOn < today) {
    throw badInput('input.plannedDepartureOn', 'The planned departure cannot be in the past.');
  }
  return clean;
}

async function earlierResult(em: EntityManager, viewer: Viewer, key: string): Promise<Pilgrim | null> {
  const earlier = await em.findOne(IdempotencyKeyEntity, { actor: viewer.accountId, operation: OPERATION, key });
  if (!earlier) return null;
  const row = await em.findOne(PilgrimEntity, { id: earlier.resultId });
  return row ? toPilgrim(row) : null;
}

/**
 * Registers one pilgrim in the current season for the caller's company (manager) or a contracted
 * company (agent), after every registration rule, and emits `PilgrimRegistered` in the same
 * transaction. With an idempotency key, a retried call returns the pilgrim of the first.
 */
export async function registerPilgrim(
  em: EntityManager,
  viewer: Viewer,
  input: RegisterPilgrimInput,
  idempotencyKey?: string | null,
): Promise<Pilgrim> {
  const key = idempotencyKey?.trim() || null;
  if (idempotencyKey != null && (key == null || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw badInput('idempotencyKey', `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY} characters.`);
  }
  if (key) {
    const earlier = await earlierResult(em, viewer, key);
    if (earlier) return earlier;
  }
  const today = riyadhDate();
  const clean = cleanInput(input, today);

  const group = clean.groupId != null ? await groupForRegistration(em, viewer, clean.groupId) : null;
  if (group && clean.companyId != null && clean.companyId !== group.companyId) {
    throw badInput('input.groupId', 'The group belongs to another company than the one named.');
  }
  const acting = await actingCompany(em, viewer, clean.companyId ?? group?.companyId);

  const { season, policy } = await policyInForce(em);
  if (group && group.season !== season.hijriYear) {
    throw badInput('input.groupId', `The group travels in the ${group.season} season, not the current one.`);
  }
  const departure = clean.plannedDepartureOn ?? policy.lastDepartureOn;
  const mustLastUntil = addMonths(departure, policy.passportValidityMonths);
  if (clean.passportExpiresOn < mustLastUntil)
    throw passportExpiresTooSoon(mustLastUntil, policy.passportValidityMonths);

  let mrz: string | null = null;
  if (clean.mrz != null) {
    const read = readMrz(clean.mrz);
    const mismatches = mrzMismatches(read, clean);
    const fields = Object.keys(mismatches);
    if (fields.length > 0) {
      throw new AppError(
        CommonErrorCode.BAD_USER_INPUT,
        `The typed details do not match the passport’s machine-readable lines: ${fields.map((f) => f.replace('input.', '')).join(', ')}.`,
        { field: fields[0]!, details: mismatches },
      );
    }
    mrz = clean.mrz.map((line) => line.trim().toUpperCase()).join('\n');
  }

  const row: PilgrimRow = {
    id: uuidv7(),
    companyId: acting.companyId,
    agentId: acting.agentId,
    season: season.hijriYear,
    givenNameAr: clean.givenNameAr,
    fatherNameAr: clean.fatherNameAr,
    grandfatherNameAr: clean.grandfatherNameAr,
    familyNameAr: clean.familyNameAr,
    givenNameEn: clean.givenNameEn,
    fatherNameEn: clean.fatherNameEn,
    grandfatherNameEn: clean.grandfatherNameEn,
    familyNameEn: clean.familyNameEn,
    passportNumber: clean.passportNumber,
    nationality: clean.nationality,
    dateOfBirth: clean.dateOfBirth,
    sex: clean.sex,
    groupId: group?.id ?? null,
    passportIssuedOn: clean.passportIssuedOn,
    passportExpiresOn: clean.passportExpiresOn,
    plannedDepartureOn: clean.plannedDepartureOn ?? null,
    mrz,
    registeredBy: viewer.accountId,
    createdAt: new Date(),
  } as PilgrimRow;
  try {
    // Pilgrim, event and idempotency key in one transaction: all three or none.
    await em.transactional(async (tx) => {
      tx.create(PilgrimEntity, row);
      recordEvent(tx, {
        type: 'PilgrimRegistered',
        aggregateType: 'Pilgrim',
        aggregateId: row.id,
        payload: {
          companyId: acting.companyId,
          agentId: acting.agentId,
          nationality: row.nationality,
          season: row.season,
        },
      });
      if (key) {
        tx.create(IdempotencyKeyEntity, {
          actor: viewer.accountId,
          operation: OPERATION,
          key,
          resultId: row.id,
          createdAt: new Date(),
        });
      }
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    // A concurrent retry with the same key won the race: answer what it registered.
    if (key) {
      const earlier = await earlierResult(em.fork(), viewer, key);
      if (earlier) return earlier;
    }
    throw duplicatePilgrim(season.hijriYear);
  }
  return toPilgrim(row);
}
