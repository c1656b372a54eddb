import { AppError } from '@umrah/subgraph-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mrzMismatches, readMrz, TD3_LINE } from './mrz';
import { RegistrationErrorCode } from './registration.errors';

/** ICAO 9303 check digit: weights 7, 3, 1; `<` is 0, letters 10 to 35. */
function checkDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * [7, 3, 1][i % 3]!;
  }
  return String(sum % 10);
}

/** A passport's data, as a TD3 MRZ writes it. */
interface Passport {
  number: string;
  alpha3: string;
  alpha2: string;
  birth: string;
  sex: 'M' | 'F';
  expiry: string;
  surname: string;
  given: string[];
}

const NATIONS = [
  ['PAK', 'PK'],
  ['IDN', 'ID'],
  ['TUR', 'TR'],
  ['ZAF', 'ZA'],
  ['KEN', 'KE'],
  ['EGY', 'EG'],
  ['MYS', 'MY'],
  ['USA', 'US'],
] as const;

const word = fc.stringMatching(/^[A-Z]{2,8}$/);
const yymmdd = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(2, 10).replace(/-/g, ''));

const passport: fc.Arbitrary<Passport> = fc
  .record({
    number: fc.stringMatching(/^[A-Z0-9]{9}$/),
    nation: fc.constantFrom(...NATIONS),
    birth: yymmdd,
    sex: fc.constantFrom('M' as const, 'F' as const),
    expiry: yymmdd,
    surname: word,
    given: fc.array(word, { minLength: 1, maxLength: 2 }),
  })
  .map(({ nation, ...p }) => ({ ...p, alpha3: nation[0], alpha2: nation[1] }));

/** The two TD3 lines of a passport, every check digit right. */
function td3(p: Passport): [string, string] {
  const names = `${p.surname}<<${p.given.join('<')}`.padEnd(39, '<').slice(0, 39);
  const line1 = `P<${p.alpha3}${names}`;
  const personal = '<'.repeat(14);
  const number = `${p.number}${checkDigit(p.number)}`;
  const birth = `${p.birth}${checkDigit(p.birth)}`;
  const expiry = `${p.expiry}${checkDigit(p.expiry)}`;
  const optional = `${personal}${checkDigit(personal)}`;
  const composite = checkDigit(`${number}${birth}${expiry}${optional}`);
  return [line1, `${number}${p.alpha3}${birth}${p.sex}${expiry}${optional}${composite}`];
}

/** Runs `f` and tells what it threw: nothing, a coded AppError, or something else (a failure). */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : `uncoded ${String(error)}`;
  }
}

const CODED = new Set(['ok', 'BAD_USER_INPUT', RegistrationErrorCode.MRZ_INVALID]);

describe('readMrz on arbitrary input', () => {
  it('answers or throws BAD_USER_INPUT / MRZ_INVALID, whatever the lines', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.stringMatching(/^[A-Z0-9<]{44}$/),
      fc.stringMatching(/^P<[A-Z<]{42}$/),
      fc.constantFrom('', ' ', '\u0000'.repeat(44), 'p<'.padEnd(44, '<'), '<'.repeat(44), '9'.repeat(44)),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), (lines) => {
        expect(CODED).toContain(outcome(() => readMrz(lines)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a valid passport MRZ with any one character changed, unless the change keeps it valid', () => {
    fc.assert(
      fc.property(passport, fc.nat(87), fc.constantFrom(...'ABCXYZ0123456789<'), (p, at, c) => {
        const lines = td3(p);
        const joined = lines.join('');
        const changed = `${joined.slice(0, at)}${c}${joined.slice(at + 1)}`;
        expect(CODED).toContain(outcome(() => readMrz([changed.slice(0, 44), changed.slice(44)])));
      }),
      { numRuns: 300 },
    );
  });

  it('catches any one digit of the passport number, birth or expiry date mistyped (MRZ_INVALID)', () => {
    // Check-digit weights 7, 3, 1 are prime to 10, so every single-digit substitution changes the digit.
    const digitPositions = [...Array(9).keys()]
      .map((i) => 44 + i)
      .concat([57, 58, 59, 60, 61, 62, 65, 66, 67, 68, 69, 70]);
    fc.assert(
      fc.property(passport, fc.constantFrom(...digitPositions), fc.integer({ min: 1, max: 9 }), (p, at, shift) => {
        const joined = td3(p).join('');
        const original = joined[at]!;
        fc.pre(/\d/.test(original));
        const replaced = String((Number(original) + shift) % 10);
        const changed = `${joined.slice(0, at)}${replaced}${joined.slice(at + 1)}`;
        expect(outcome(() => readMrz([changed.slice(0, 44), changed.slice(44)]))).toBe(
          RegistrationErrorCode.MRZ_INVALID,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('readMrz on generated valid passports', () => {
  it('reads back every field, and agrees with the same details typed', () => {
    fc.assert(
      fc.property(passport, fc.boolean(), (p, lowerCase) => {
        const lines = td3(p);
        expect(lines.every((l) => TD3_LINE.test(l))).toBe(true);
        const read = readMrz(lowerCase ? lines.map((l) => ` ${l.toLowerCase()} `) : lines);
        expect(read).toEqual({
          passportNumber: p.number,
          nationality: p.alpha2,
          birthDate: p.birth,
          sex: p.sex === 'M' ? 'MALE' : 'FEMALE',
          expirationDate: p.expiry,
          lastName: p.surname,
          firstName: p.given.join(' '),
        });
        // The MRZ keeps two digits of the year; any century reads the same.
        const iso = (yy: string): string => `20${yy.slice(0, 2)}-${yy.slice(2, 4)}-${yy.slice(4, 6)}`;
        const typed = {
          passportNumber: p.number,
          nationality: p.alpha2,
          dateOfBirth: iso(p.birth),
          sex: read.sex!,
          passportExpiresOn: iso(p.expiry),
          familyNameEn: p.surname.charAt(0) + p.surname.slice(1).toLowerCase(),
          givenNameEn: p.given[0]!.toLowerCase(),
          fatherNameEn: p.given[1] ?? 'Ahmad',
          grandfatherNameEn: 'Ali',
        };
        expect(mrzMismatches(read, typed)).toEqual({});
      }),
      { numRuns: 300 },
    );
  });
});
