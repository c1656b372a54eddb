import { describe, expect, it } from 'vitest';
import ar from '@/app/i18n/locales/ar.json';
import en from '@/app/i18n/locales/en.json';
import { detectMapping, IMPORT_FIELDS, normalizeHeader, REQUIRED_FIELDS, unmappedRequired } from './importFields';

describe('detectMapping', () => {
  it('finds every field from the template headers, in English and in Arabic', () => {
    for (const labels of [en.pilgrimImport.fields, ar.pilgrimImport.fields]) {
      const headers = IMPORT_FIELDS.map((field) => labels[field]);
      const mapping = detectMapping(headers);
      expect(IMPORT_FIELDS.map((field) => mapping[field])).toEqual(IMPORT_FIELDS.map((_, i) => i));
    }
  });

  it('matches common spellings in any order, ignoring case, spacing, hamza forms and diacritics', () => {
    const headers = ['DOB', 'Passport No.', 'gender', 'Surname', 'First Name', 'اسم الاب', 'الجِنسية', 'remarks'];
    const mapping = detectMapping(headers);
    expect(mapping).toMatchObject({
      dateOfBirth: 0,
      passportNumber: 1,
      sex: 2,
      familyNameEn: 3,
      givenNameEn: 4,
      fatherNameAr: 5,
      nationality: 6,
      mrzLine1: null,
    });
    expect(unmappedRequired(mapping)).toContain('passportIssuedOn');
  });

  it('gives a column to one field only', () => {
    const mapping = detectMapping(['Surname', 'Surname']);
    expect(mapping.familyNameEn).toBe(0);
    expect(Object.values(mapping).filter((column) => column === 1)).toEqual([]);
  });

  it('leaves every required field missing for unknown headers', () => {
    expect(unmappedRequired(detectMapping(['a', 'b']))).toEqual(REQUIRED_FIELDS);
  });

  it('normalizes Arabic letter forms and Latin punctuation alike', () => {
    expect(normalizeHeader('تاريخ إصدار الجواز')).toBe(normalizeHeader('تاريخ اصدار الجواز'));
    expect(normalizeHeader('Date_of-Birth ')).toBe('dateofbirth');
  });
});
