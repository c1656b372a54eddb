import { UniqueConstraintViolationException, uuidv7, type EntityManager } from '@umrah/db-kit';
import { recordEvent, type DomainEvent } from '@umrah/events';
import { AppError, CommonErrorCode, badInput, type Viewer } from '@umrah/subgraph-kit';
import type { PilgrimGroupRow } from '../group/group.entity';
import { groupForRegistration } from '../group/group.service';
import { PilgrimEntity, type PilgrimRow } from '../pilgrim/pilgrim.entity';
import { NATIONALITY } from '../pilgrim/pilgrim.inputs';
import { toPilgrim } from '../pilgrim/pilgrim.service';
import type { Pilgrim, Sex } from '../pilgrim/pilgrim.type';
import type { SeasonPolicyVersionRow } from '../season/season.entity';
import { policyInForce, riyadhDate } from '../season/season.service';
import { actingCompany, type ActingFor } from './acting-company';
import { IdempotencyKeyEntity } from './idempotency.entity';
import { mrzMismatches, readMrz } from './mrz';
import { duplicatePilgrim, passportExpiresTooSoon } from './registration.errors';
import type { PilgrimDetailsInput, RegisterPilgrimInput } from './registration.inputs';

// Format rules; the database checks the same (0001-initial). Passport validity is a season setting.
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

/** The season rules a registration is checked against, and the day in the Kingdom. */
export interface RegistrationRules {
  today: string;
  policy: Pick<SeasonPolicyVersionRow, 'lastDepartureOn' | 'passportValidityMonths'>;
}

/** A pilgrim's details after every check: trimmed, in capitals where the passport writes them. */
export interface ValidPilgrim {
  givenNameAr: string;
  fatherNameAr: string;
  grandfatherNameAr: string;
  familyNameAr: string;
  givenNameEn: string;
  fatherNameEn: string;
  grandfatherNameEn: string;
  familyNameEn: string;
  passportNumber: string;
  nationality: string;
  dateOfBirth: string;
  sex: Sex;
  passportIssuedOn: string;
  passportExpiresOn: string;
  plannedDepartureOn: string | null;
  /** The two MRZ lines joined by a newline, as stored; null when none was given. */
  mrz: string | null;
}

/**
 * Every rule about one pilgrim's own details, for single and bulk registration alike: name parts,
 * passport number and nationality formats, dates, passport validity after departure (from the
 * season policy), and the MRZ's check digits and agreement with the typed fields. Touches no
 * database. Throws the first failure as an AppError whose `field` is a path under `input.`.
 */
export function validatePilgrimDetails(input: PilgrimDetailsInput, rules: RegistrationRules): ValidPilgrim {
  const { today, policy } = rules;
  const names = {} as Record<(typeof NAME_FIELDS)[number], string>;
  for (const field of NAME_FIELDS) {
    const value = input[field].trim();
    if (value.length === 0 || value.length > MAX_NAME) {
      throw badInput(`input.${field}`, `Each part of the name must be 1 to ${MAX_NAME} characters.`);
    }
    names[field] = value;
  }
  const passportNumber = input.passportNumber.trim().toUpperCase();
  if (!PASSPORT_NUMBER.test(passportNumber)) {
    throw badInput('input.passportNumber', 'A passport number is 5 to 20 letters and digits.');
  }
  const nationality = input.nationality.trim().toUpperCase();
  if (!NATIONALITY.test(nationality)) {
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
  const departure = input.plannedDepartureOn ?? policy.lastDepartureOn;
  const mustLastUntil = addMonths(departure, policy.passportValidityMonths);
  if (input.passportExpiresOn < mustLastUntil) {
    throw passportExpiresTooSoon(mustLastUntil, policy.passportValidityMonths);
  }
  const valid: ValidPilgrim = {
    ...names,
    passportNumber,
    nationality,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    passportIssuedOn: input.passportIssuedOn,
    passportExpiresOn: input.passportExpiresOn,
    plannedDepartureOn: input.plannedDepartureOn ?? null,
    mrz: null,
  };
  if (input.mrz != null) {
    const read = readMrz(input.mrz);
    const mismatches = mrzMismatches(read, valid);
    const fields = Object.keys(mismatches);
    if (fields.length > 0) {
      throw new AppError(
        CommonErrorCode.BAD_USER_INPUT,
        `The typed details do not match the passport’s machine-readable lines: ${fields.map((f) => f.replace('input.', '')).join(', ')}.`,
        { field: fields[0]!, details: mismatches },
      );
    }
    valid.mrz = input.mrz.map((line) => line.trim().toUpperCase()).join('\n');
  }
  return valid;
}

/** The idempotency key as given, trimmed; null when none. Refuses an empty or over-long key. */
export function checkIdempotencyKey(idempotencyKey: string | null | undefined): string | null {
  const key = idempotencyKey?.trim() || null;
  if (idempotencyKey != null && (key == null || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw badInput('idempotencyKey', `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY} characters.`);
  }
  return key;
}

/** The pilgrim row a valid registration stores. */
export function pilgrimRowFor(
  valid: ValidPilgrim,
  acting: ActingFor,
  season: string,
  groupId: string | null,
  registeredBy: string,
): PilgrimRow {
  return {
    id: uuidv7(),
    companyId: acting.companyId,
    agentId: acting.agentId,
    season,
    ...valid,
    groupId,
    registeredBy,
    createdAt: new Date(),
  } as PilgrimRow;
}

/** `PilgrimRegistered`, as single and bulk registration both emit it (loyalty counts points from it). */
export function pilgrimRegistered(row: PilgrimRow): DomainEvent {
  return {
    type: 'PilgrimRegistered',
    aggregateType: 'Pilgrim',
    aggregateId: row.id,
    payload: {
      companyId: row.companyId,
      agentId: row.agentId ?? null,
      nationality: row.nationality,
      season: row.season,
    },
  };
}

/**
 * The group a registration names (checked to be on the caller's side and to belong to the named
 * company), then the company the caller acts for. Shared by single and bulk registration.
 */
export async function registrationTarget(
  em: EntityManager,
  viewer: Viewer,
  groupId: string | null | undefined,
  companyId: string | null | undefined,
): Promise<{ group: PilgrimGroupRow | null; acting: ActingFor }> {
  const group = groupId != null ? await groupForRegistration(em, viewer, groupId) : null;
  if (group && companyId != null && companyId !== group.companyId) {
    throw badInput('input.groupId', 'The group belongs to another company than the one named.');
  }
  const acting = await actingCompany(em, viewer, companyId ?? group?.companyId);
  return { group, acting };
}

/** Refuses a group of another season than the current one. */
export function checkGroupSeason(group: PilgrimGroupRow | null, season: string): void {
  if (group && group.season !== season) {
    throw badInput('input.groupId', `The group travels in the ${group.season} season, not the current one.`);
  }
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
 * transaction. With an idempotency key, a retried call returns the pilgrim of the first — but
 * only after the caller's access has been checked again.
 */
export async function registerPilgrim(
  em: EntityManager,
  viewer: Viewer,
  input: RegisterPilgrimInput,
  idempotencyKey?: string | null,
): Promise<Pilgrim> {
  const key = checkIdempotencyKey(idempotencyKey);
  // Access first: a stored answer is no reason to skip who-may checks.
  const { group, acting } = await registrationTarget(em, viewer, input.groupId, input.companyId);
  if (key) {
    const earlier = await earlierResult(em, viewer, key);
    if (earlier) return earlier;
  }
  const { season, policy } = await policyInForce(em);
  checkGroupSeason(group, season.hijriYear);
  const valid = validatePilgrimDetails(input, { today: riyadhDate(), policy });

  const row = pilgrimRowFor(valid, acting, season.hijriYear, group?.id ?? null, viewer.accountId);
  try {
    // Pilgrim, event and idempotency key in one transaction: all three or none.
    await em.transactional(async (tx) => {
      tx.create(PilgrimEntity, row);
      recordEvent(tx, pilgrimRegistered(row));
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
