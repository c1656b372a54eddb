import countries from 'i18n-iso-countries';
import { parse } from 'mrz';
import { badInput } from '@umrah/subgraph-kit';
import { mrzInvalid } from './registration.errors';

/** A passport's machine-readable zone (ICAO 9303 TD3): two lines of 44 characters. */
export const TD3_LINE = /^[A-Z0-9<]{44}$/;

/** What the typed registration says, to be compared with the MRZ. */
export interface TypedPassport {
  passportNumber: string;
  nationality: string;
  dateOfBirth: string;
  sex: string;
  passportExpiresOn: string;
  familyNameEn: string;
  givenNameEn: string;
  fatherNameEn: string;
  grandfatherNameEn: string;
}

/** What a valid MRZ says. */
export interface ReadMrz {
  passportNumber: string;
  nationality: string | null;
  birthDate: string;
  sex: string | null;
  expirationDate: string;
  lastName: string;
  firstName: string;
}

/** Latin name as the MRZ writes it: capitals, words separated by single spaces. */
const mrzName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();

/** `YYYY-MM-DD` as the MRZ writes dates, `YYMMDD`. */
const yymmdd = (date: string): string => date.slice(2).replace(/-/g, '');

/**
 * Parses the two TD3 lines and verifies every check digit (with the maintained `mrz` package).
 * Refuses malformed lines as BAD_USER_INPUT, and failing check digits or fields as MRZ_INVALID with
 * one detail per failing part.
 */
export function readMrz(lines: readonly string[]): ReadMrz {
  const cleaned = lines.map((line) => line.trim().toUpperCase());
  if (cleaned.length !== 2 || !cleaned.every((line) => TD3_LINE.test(line))) {
    throw badInput(
      'input.mrz',
      'The machine-readable zone must be the passport’s two lines of 44 characters (capital letters, digits and <).',
    );
  }
  let result: ReturnType<typeof parse>;
  try {
    result = parse(cleaned);
  } catch {
    throw badInput('input.mrz', 'These lines are not a passport’s machine-readable zone.');
  }
  if (result.format !== 'TD3' || !cleaned[0]!.startsWith('P')) {
    throw badInput('input.mrz', 'These lines are not a passport’s machine-readable zone.');
  }
  const failing: Record<string, string> = {};
  for (const detail of result.details) {
    if (!detail.valid) failing[detail.field ?? detail.label] = detail.error ?? 'invalid';
  }
  if (Object.keys(failing).length > 0) throw mrzInvalid(failing);
  const fields = result.fields;
  return {
    passportNumber: result.documentNumber ?? fields.documentNumber ?? '',
    nationality: fields.nationality ? (countries.alpha3ToAlpha2(fields.nationality) ?? null) : null,
    birthDate: fields.birthDate ?? '',
    sex: fields.sex === 'male' ? 'MALE' : fields.sex === 'female' ? 'FEMALE' : null,
    expirationDate: fields.expirationDate ?? '',
    lastName: mrzName(fields.lastName ?? ''),
    firstName: mrzName(fields.firstName ?? ''),
  };
}

/**
 * The typed fields that contradict the MRZ, as input paths with a sentence each, in input order.
 * Names may be truncated in the MRZ, so a typed name need only begin the same way.
 */
export function mrzMismatches(mrz: ReadMrz, typed: TypedPassport): Record<string, string> {
  const out: Record<string, string> = {};
  if (mrz.passportNumber !== typed.passportNumber) {
    out['input.passportNumber'] = `The passport number in the MRZ is ${mrz.passportNumber}.`;
  }
  if (mrz.nationality !== typed.nationality) {
    out['input.nationality'] = `The nationality in the MRZ is ${mrz.nationality ?? 'not a known country'}.`;
  }
  if (mrz.birthDate !== yymmdd(typed.dateOfBirth)) {
    out['input.dateOfBirth'] = `The date of birth in the MRZ is ${mrz.birthDate} (YYMMDD).`;
  }
  if (mrz.sex !== null && mrz.sex !== typed.sex) {
    out['input.sex'] = `The sex in the MRZ is ${mrz.sex}.`;
  }
  if (mrz.expirationDate !== yymmdd(typed.passportExpiresOn)) {
    out['input.passportExpiresOn'] = `The expiry date in the MRZ is ${mrz.expirationDate} (YYMMDD).`;
  }
  const family = mrzName(typed.familyNameEn);
  if (mrz.lastName === '' || !family.startsWith(mrz.lastName)) {
    out['input.familyNameEn'] = `The surname in the MRZ is ${mrz.lastName || 'missing'}.`;
  }
  const given = mrzName(typed.givenNameEn);
  const givenChain = mrzName(`${typed.givenNameEn} ${typed.fatherNameEn} ${typed.grandfatherNameEn}`);
  if (mrz.firstName === '' || !(givenChain.startsWith(mrz.firstName) || mrz.firstName.startsWith(given))) {
    out['input.givenNameEn'] = `The given names in the MRZ are ${mrz.firstName || 'missing'}.`;
  }
  return out;
}
