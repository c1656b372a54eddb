import { describe, expect, it } from 'vitest';
import { checkDigit, checkMrz, mrzMismatches, mrzName, type TypedPassport } from './mrzCheck';

// ICAO 9303 part 4 specimen passport (Utopia, Anna Maria Eriksson).
const LINE1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const LINE2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

const typed: TypedPassport = {
  passportNumber: 'L898902C3',
  dateOfBirth: '1974-08-12',
  sex: 'FEMALE',
  passportExpiresOn: '2012-04-15',
  familyNameEn: 'Eriksson',
  givenNameEn: 'Anna',
  fatherNameEn: 'Maria',
  grandfatherNameEn: 'Karl',
};

describe('check digits', () => {
  it('follows the 7-3-1 weighting with letters from 10 and fillers as 0', () => {
    expect(checkDigit('L898902C3')).toBe(6);
    expect(checkDigit('740812')).toBe(2);
    expect(checkDigit('120415')).toBe(9);
    expect(checkDigit('<<<<<<')).toBe(0);
  });
});

describe('checkMrz', () => {
  it('is empty when neither line is typed', () => {
    expect(checkMrz('', '  ', typed)).toEqual({ kind: 'empty' });
  });

  it('reads the specimen and finds the typed fields in agreement', () => {
    const check = checkMrz(LINE1, LINE2, typed);
    expect(check).toMatchObject({
      kind: 'read',
      read: {
        passportNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '740812',
        sex: 'FEMALE',
        expirationDate: '120415',
        lastName: 'ERIKSSON',
        firstName: 'ANNA MARIA',
      },
      mismatches: {},
    });
  });

  it('accepts lower case and surrounding spaces, as the server does', () => {
    expect(checkMrz(` ${LINE1.toLowerCase()} `, LINE2.toLowerCase(), typed).kind).toBe('read');
  });

  it('calls lines of the wrong length or alphabet, or not a passport, malformed', () => {
    expect(checkMrz(LINE1.slice(1), LINE2, typed).kind).toBe('malformed');
    expect(checkMrz(LINE1, LINE2.replace('L', '-'), typed).kind).toBe('malformed');
    expect(checkMrz(`I${LINE1.slice(1)}`, LINE2, typed).kind).toBe('malformed');
    expect(checkMrz(LINE1, '', typed).kind).toBe('malformed');
  });

  it('names each part whose check digit fails', () => {
    // One digit of the birth date mistyped: its own digit and the composite fail.
    const mistyped = `${LINE2.slice(0, 13)}7408132${LINE2.slice(20)}`;
    expect(checkMrz(LINE1, mistyped, typed)).toEqual({ kind: 'checkDigits', failing: ['dateOfBirth', 'composite'] });
  });

  it('names each typed field the lines contradict, with what the lines say', () => {
    const check = checkMrz(LINE1, LINE2, {
      ...typed,
      passportNumber: 'l898902c4',
      dateOfBirth: '1974-08-13',
      sex: 'MALE',
      passportExpiresOn: '2013-04-15',
      familyNameEn: 'Erikson',
      givenNameEn: 'Hanna',
    });
    expect(check.kind === 'read' && check.mismatches).toEqual({
      passportNumber: 'L898902C3',
      dateOfBirth: '740812',
      sex: 'FEMALE',
      passportExpiresOn: '120415',
      familyNameEn: 'ERIKSSON',
      givenNameEn: 'ANNA MARIA',
    });
  });
});

describe('mrzMismatches', () => {
  const read = {
    passportNumber: 'AB1234567',
    nationality: 'PAK',
    birthDate: '900101',
    sex: null,
    expirationDate: '300101',
    lastName: 'KHAN',
    firstName: 'MUHAMMAD ALI',
  } as const;

  it('compares only the fields typed so far', () => {
    expect(mrzMismatches(read, {})).toEqual({});
  });

  it('lets the MRZ cut a long name short, and given names run into the father’s name', () => {
    expect(mrzMismatches({ ...read, lastName: 'ABDULRAHMAN' }, { familyNameEn: 'Abdul-Rahman Al Saud' })).toEqual({
      familyNameEn: 'ABDULRAHMAN',
    });
    expect(mrzMismatches({ ...read, lastName: 'ABDUL RAHMAN' }, { familyNameEn: 'Abdul-Rahman Al Saud' })).toEqual({});
    expect(mrzMismatches(read, { givenNameEn: 'Muhammad', fatherNameEn: 'Ali', grandfatherNameEn: 'Hasan' })).toEqual(
      {},
    );
  });

  it('does not compare the sex when the MRZ leaves it unspecified', () => {
    expect(mrzMismatches(read, { sex: 'MALE' })).toEqual({});
  });
});

describe('mrzName', () => {
  it('writes names as the MRZ does: capitals without accents, other characters as spaces', () => {
    expect(mrzName("  Zoë  O'Brien-Smith ")).toBe('ZOE O BRIEN SMITH');
  });
});
