// A first look at a passport's machine-readable zone (ICAO 9303 TD3) in the browser, so the form
// can point at disagreeing fields before sending. The server reads the MRZ again and decides.

/** One TD3 line: 44 capital letters, digits and fillers. */
export const TD3_LINE = /^[A-Z0-9<]{44}$/;
export const TD3_LENGTH = 44;

/** The typed fields the MRZ repeats. */
export type MrzField = 'passportNumber' | 'dateOfBirth' | 'sex' | 'passportExpiresOn' | 'familyNameEn' | 'givenNameEn';

export interface TypedPassport {
  passportNumber?: string;
  dateOfBirth?: string;
  sex?: string;
  passportExpiresOn?: string;
  familyNameEn?: string;
  givenNameEn?: string;
  fatherNameEn?: string;
  grandfatherNameEn?: string;
}

/** What the two lines say, before any check. */
export interface ReadMrz {
  passportNumber: string;
  /** ICAO code of the issuing state of the nationality, three letters (e.g. `PAK`, `D` for Germany). */
  nationality: string;
  /** YYMMDD */
  birthDate: string;
  sex: 'MALE' | 'FEMALE' | null;
  /** YYMMDD */
  expirationDate: string;
  lastName: string;
  firstName: string;
}

export type MrzCheckPart = 'passportNumber' | 'dateOfBirth' | 'passportExpiresOn' | 'personalNumber' | 'composite';

export type MrzCheck =
  | { kind: 'empty' }
  /** A line is not 44 capitals, digits and `<`, or the first does not start with `P`. */
  | { kind: 'malformed' }
  /** Check digits that fail: the lines were mistyped. */
  | { kind: 'checkDigits'; failing: MrzCheckPart[] }
  /** The lines check out; the typed fields that disagree, with what the MRZ says. */
  | { kind: 'read'; read: ReadMrz; mismatches: Partial<Record<MrzField, string>> };

const WEIGHTS = [7, 3, 1];

/** The ICAO 9303 check digit of a field: weights 7-3-1 over digits, A=10…Z=35, `<`=0. */
export function checkDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

/** Latin name as the MRZ writes it: capitals, words separated by single spaces (as the server compares). */
export function mrzName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** The lines as the server reads them: trimmed, in capitals. */
export function normalizeMrzLine(line: string | undefined): string {
  return (line ?? '').trim().toUpperCase();
}

const digitOk = (field: string, digit: string): boolean => digit === String(checkDigit(field));
const yymmdd = (date: string): string => date.slice(2).replace(/-/g, '');
const fillers = (text: string): string => text.replace(/</g, ' ').trim();

/** Reads two TD3 lines and compares them with the typed fields, by the server's rules. */
export function checkMrz(line1: string | undefined, line2: string | undefined, typed: TypedPassport): MrzCheck {
  const a = normalizeMrzLine(line1);
  const b = normalizeMrzLine(line2);
  if (a === '' && b === '') return { kind: 'empty' };
  if (!TD3_LINE.test(a) || !TD3_LINE.test(b) || !a.startsWith('P')) return { kind: 'malformed' };

  const failing: MrzCheckPart[] = [];
  if (!digitOk(b.slice(0, 9), b[9]!)) failing.push('passportNumber');
  if (!digitOk(b.slice(13, 19), b[19]!)) failing.push('dateOfBirth');
  if (!digitOk(b.slice(21, 27), b[27]!)) failing.push('passportExpiresOn');
  // An empty personal number may carry `<` instead of its check digit.
  const personal = b.slice(28, 42);
  if (!(/^<+$/.test(personal) && b[42] === '<') && !digitOk(personal, b[42]!)) failing.push('personalNumber');
  const composite = b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 43);
  if (!digitOk(composite, b[43]!)) failing.push('composite');
  if (failing.length > 0) return { kind: 'checkDigits', failing };

  const [surname = '', given = ''] = a.slice(5).split('<<');
  const sexLetter = b[20];
  const read: ReadMrz = {
    passportNumber: fillers(b.slice(0, 9)).replace(/ /g, ''),
    nationality: fillers(b.slice(10, 13)),
    birthDate: b.slice(13, 19),
    sex: sexLetter === 'M' ? 'MALE' : sexLetter === 'F' ? 'FEMALE' : null,
    expirationDate: b.slice(21, 27),
    lastName: mrzName(fillers(surname)),
    firstName: mrzName(fillers(given)),
  };
  return { kind: 'read', read, mismatches: mrzMismatches(read, typed) };
}

/**
 * Typed fields that contradict the MRZ, with the MRZ's value, as the server compares them: names
 * may be cut short in the MRZ, so a typed name need only begin the same way. Fields not typed yet
 * are not compared.
 */
export function mrzMismatches(read: ReadMrz, typed: TypedPassport): Partial<Record<MrzField, string>> {
  const out: Partial<Record<MrzField, string>> = {};
  const passport = typed.passportNumber?.trim().toUpperCase();
  if (passport && passport !== read.passportNumber) out.passportNumber = read.passportNumber;
  if (typed.dateOfBirth && yymmdd(typed.dateOfBirth) !== read.birthDate) out.dateOfBirth = read.birthDate;
  if (typed.sex && read.sex && typed.sex !== read.sex) out.sex = read.sex;
  if (typed.passportExpiresOn && yymmdd(typed.passportExpiresOn) !== read.expirationDate) {
    out.passportExpiresOn = read.expirationDate;
  }
  if (typed.familyNameEn?.trim() && (read.lastName === '' || !mrzName(typed.familyNameEn).startsWith(read.lastName))) {
    out.familyNameEn = read.lastName;
  }
  if (typed.givenNameEn?.trim()) {
    const given = mrzName(typed.givenNameEn);
    const chain = mrzName(`${typed.givenNameEn} ${typed.fatherNameEn ?? ''} ${typed.grandfatherNameEn ?? ''}`);
    if (read.firstName === '' || !(chain.startsWith(read.firstName) || read.firstName.startsWith(given))) {
      out.givenNameEn = read.firstName;
    }
  }
  return out;
}

/** `YYMMDD` from the MRZ as `YYYY-MM-DD`-like text for display (the century is not in the MRZ). */
export function formatYymmdd(value: string): string {
  return /^\d{6}$/.test(value) ? `${value.slice(0, 2)}-${value.slice(2, 4)}-${value.slice(4, 6)}` : value;
}
