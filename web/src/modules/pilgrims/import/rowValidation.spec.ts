import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, type ImportField } from './importFields';
import { fieldOfServerPath, parseDate, parseSex, rowProblems, rowsFromRecords, toRowInput } from './rowValidation';

const TODAY = '2026-03-01';

const good = (overrides: Partial<Record<ImportField, string>> = {}): Record<ImportField, string> => ({
  givenNameAr: 'محمد',
  fatherNameAr: 'أحمد',
  grandfatherNameAr: 'علي',
  familyNameAr: 'خان',
  givenNameEn: 'Muhammad',
  fatherNameEn: 'Ahmad',
  grandfatherNameEn: 'Ali',
  familyNameEn: 'Khan',
  passportNumber: 'ab1234567',
  nationality: 'pk',
  dateOfBirth: '02/04/1980',
  sex: 'M',
  passportIssuedOn: '2020-01-01',
  passportExpiresOn: '2030-01-01',
  plannedDepartureOn: '',
  mrzLine1: '',
  mrzLine2: '',
  ...overrides,
});

describe('parseDate and parseSex', () => {
  it('reads ISO and day-first dates and refuses impossible ones', () => {
    expect(parseDate('1980-04-02')).toBe('1980-04-02');
    expect(parseDate('2/4/1980')).toBe('1980-04-02');
    expect(parseDate('02.04.1980')).toBe('1980-04-02');
    expect(parseDate('31/02/1980')).toBeNull();
    expect(parseDate('04/02/80')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });

  it('reads sex in English and Arabic', () => {
    expect(['m', 'Male', 'ذكر'].map(parseSex)).toEqual(['MALE', 'MALE', 'MALE']);
    expect(['F', 'female', 'أنثى'].map(parseSex)).toEqual(['FEMALE', 'FEMALE', 'FEMALE']);
    expect(parseSex('X')).toBeNull();
  });
});

describe('rowProblems', () => {
  it('finds nothing wrong with a good row, and makes the API input from it', () => {
    expect(rowProblems(good(), TODAY)).toEqual({});
    expect(toRowInput(good())).toMatchObject({
      passportNumber: 'AB1234567',
      nationality: 'PK',
      dateOfBirth: '1980-04-02',
      sex: 'MALE',
    });
    expect(toRowInput(good())).not.toHaveProperty('mrz');
  });

  it('names each problem by field', () => {
    expect(
      rowProblems(
        good({
          givenNameAr: ' ',
          familyNameEn: 'x'.repeat(81),
          passportNumber: 'AB-1',
          nationality: 'PAK',
          dateOfBirth: '2027-01-01',
          sex: 'unknown',
          passportIssuedOn: '2020-02-30',
          plannedDepartureOn: '2026-01-01',
          mrzLine1: 'P<PAKKHAN',
        }),
        TODAY,
      ),
    ).toEqual({
      givenNameAr: 'required',
      familyNameEn: 'tooLong',
      passportNumber: 'passportFormat',
      nationality: 'nationalityCode',
      dateOfBirth: 'dateInFuture',
      sex: 'sexValue',
      passportIssuedOn: 'date',
      plannedDepartureOn: 'departureInPast',
      mrzLine1: 'mrzShape',
      mrzLine2: 'mrzIncomplete',
    });
    expect(rowProblems(good({ passportExpiresOn: '2019-01-01' }), TODAY)).toEqual({
      passportExpiresOn: 'expiryBeforeIssue',
    });
  });

  it('sends both MRZ lines in capitals when they have the passport’s shape', () => {
    const line1 = 'p<pakkhan<<muhammad<ahmad'.padEnd(44, '<');
    const line2 = 'AB1234567'.padEnd(44, '0');
    expect(rowProblems(good({ mrzLine1: line1, mrzLine2: line2 }), TODAY)).toEqual({});
    expect(toRowInput(good({ mrzLine1: line1, mrzLine2: line2 })).mrz).toEqual([line1.toUpperCase(), line2]);
  });

  it('refuses to make API input from a row with problems', () => {
    expect(() => toRowInput(good({ dateOfBirth: 'soon' }))).toThrow(/dateOfBirth/);
  });
});

describe('rows and server fields', () => {
  it('picks the mapped cells, leaving unmapped fields empty', () => {
    const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as Record<ImportField, number | null>;
    mapping.passportNumber = 1;
    const [row] = rowsFromRecords([{ line: 2, cells: ['x', 'AB12345'] }], mapping);
    expect(row).toMatchObject({ id: 0, line: 2, skipped: false });
    expect(row!.values.passportNumber).toBe('AB12345');
    expect(row!.values.givenNameAr).toBe('');
  });

  it('reads the file column from a server path', () => {
    expect(fieldOfServerPath('rows.3.passportExpiresOn')).toBe('passportExpiresOn');
    expect(fieldOfServerPath('rows.0.mrz')).toBe('mrzLine1');
    expect(fieldOfServerPath('rows.0')).toBeNull();
    expect(fieldOfServerPath(null)).toBeNull();
  });
});
