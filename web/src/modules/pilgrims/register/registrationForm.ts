import type { RegisterPilgrimInput, Sex } from '@/generated/graphql';
import { normalizeMrzLine } from './mrzCheck';

export const NAME_AR_FIELDS = ['givenNameAr', 'fatherNameAr', 'grandfatherNameAr', 'familyNameAr'] as const;
export const NAME_EN_FIELDS = ['givenNameEn', 'fatherNameEn', 'grandfatherNameEn', 'familyNameEn'] as const;

/** The form's fields, named as the API's input fields except the MRZ, typed as two lines. */
export const REGISTRATION_FIELDS = [
  ...NAME_AR_FIELDS,
  ...NAME_EN_FIELDS,
  'passportNumber',
  'nationality',
  'sex',
  'dateOfBirth',
  'passportIssuedOn',
  'passportExpiresOn',
  'plannedDepartureOn',
  'companyId',
  'mrzLine1',
  'mrzLine2',
] as const;

export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

export interface RegistrationValues {
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
  sex: Sex;
  dateOfBirth: string;
  passportIssuedOn: string;
  passportExpiresOn: string;
  plannedDepartureOn?: string;
  /** Agents registering outside a group name the company. */
  companyId?: string;
  mrzLine1?: string;
  mrzLine2?: string;
}

export const MAX_NAME = 80;
/** As the API: 5 to 20 letters and digits, kept in capitals. */
export const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;

/** The passport number as the API keeps it: capitals, without spaces. */
export function normalizePassportNumber(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, '').toUpperCase();
}

/** The form's values as the API's input: trimmed, optional fields left out when empty. */
export function toRegisterInput(values: RegistrationValues, groupId: string | null): RegisterPilgrimInput {
  const line1 = normalizeMrzLine(values.mrzLine1);
  const line2 = normalizeMrzLine(values.mrzLine2);
  const input: RegisterPilgrimInput = {
    givenNameAr: values.givenNameAr.trim(),
    fatherNameAr: values.fatherNameAr.trim(),
    grandfatherNameAr: values.grandfatherNameAr.trim(),
    familyNameAr: values.familyNameAr.trim(),
    givenNameEn: values.givenNameEn.trim(),
    fatherNameEn: values.fatherNameEn.trim(),
    grandfatherNameEn: values.grandfatherNameEn.trim(),
    familyNameEn: values.familyNameEn.trim(),
    passportNumber: normalizePassportNumber(values.passportNumber),
    nationality: values.nationality,
    sex: values.sex,
    dateOfBirth: values.dateOfBirth,
    passportIssuedOn: values.passportIssuedOn,
    passportExpiresOn: values.passportExpiresOn,
  };
  if (values.plannedDepartureOn) input.plannedDepartureOn = values.plannedDepartureOn;
  if (line1 || line2) input.mrz = [line1, line2];
  // A group names its company; otherwise an agent names one (a manager's is their own).
  if (groupId) input.groupId = groupId;
  else if (values.companyId) input.companyId = values.companyId;
  return input;
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (as the API counts). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The first day the passport may expire on: the season's validity months after the planned
 * departure, or after the season's last departure day when none is given.
 */
export function earliestExpiry(
  plannedDepartureOn: string | undefined,
  policy: { lastDepartureOn: string; passportValidityMonths: number },
): string {
  return addMonths(plannedDepartureOn || policy.lastDepartureOn, policy.passportValidityMonths);
}
