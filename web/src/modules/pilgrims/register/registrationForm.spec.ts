import { describe, expect, it } from 'vitest';
import {
  addMonths,
  earliestExpiry,
  normalizePassportNumber,
  toRegisterInput,
  type RegistrationValues,
} from './registrationForm';

const values: RegistrationValues = {
  givenNameAr: ' محمد ',
  fatherNameAr: 'علي',
  grandfatherNameAr: 'حسن',
  familyNameAr: 'خان',
  givenNameEn: ' Muhammad ',
  fatherNameEn: 'Ali',
  grandfatherNameEn: 'Hasan',
  familyNameEn: 'Khan',
  passportNumber: 'ab 1234567',
  nationality: 'PK',
  sex: 'MALE',
  dateOfBirth: '1980-05-01',
  passportIssuedOn: '2022-01-10',
  passportExpiresOn: '2032-01-09',
};

describe('toRegisterInput', () => {
  it('trims names, keeps the passport number in capitals and leaves out empty optional fields', () => {
    const input = toRegisterInput({ ...values, plannedDepartureOn: '', mrzLine1: ' ', mrzLine2: '' }, null);
    expect(input).toEqual({
      givenNameAr: 'محمد',
      fatherNameAr: 'علي',
      grandfatherNameAr: 'حسن',
      familyNameAr: 'خان',
      givenNameEn: 'Muhammad',
      fatherNameEn: 'Ali',
      grandfatherNameEn: 'Hasan',
      familyNameEn: 'Khan',
      passportNumber: 'AB1234567',
      nationality: 'PK',
      sex: 'MALE',
      dateOfBirth: '1980-05-01',
      passportIssuedOn: '2022-01-10',
      passportExpiresOn: '2032-01-09',
    });
  });

  it('sends the MRZ as two lines in capitals, and the planned departure when given', () => {
    const input = toRegisterInput(
      { ...values, plannedDepartureOn: '2026-09-01', mrzLine1: 'p<pak', mrzLine2: 'ab1' },
      null,
    );
    expect(input.mrz).toEqual(['P<PAK', 'AB1']);
    expect(input.plannedDepartureOn).toBe('2026-09-01');
  });

  it('names the group when registering into one, else the company an agent chose', () => {
    const withBoth = { ...values, companyId: 'company-1' };
    expect(toRegisterInput(withBoth, 'group-1')).toMatchObject({ groupId: 'group-1' });
    expect(toRegisterInput(withBoth, 'group-1')).not.toHaveProperty('companyId');
    expect(toRegisterInput(withBoth, null)).toMatchObject({ companyId: 'company-1' });
    expect(toRegisterInput(values, null)).not.toHaveProperty('companyId');
  });
});

describe('passport validity', () => {
  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
  });

  it('counts from the planned departure, or the season’s last departure day without one', () => {
    const policy = { lastDepartureOn: '2026-12-31', passportValidityMonths: 6 };
    expect(earliestExpiry('2026-09-01', policy)).toBe('2027-03-01');
    expect(earliestExpiry(undefined, policy)).toBe('2027-06-30');
    expect(earliestExpiry('', policy)).toBe('2027-06-30');
  });

  it('normalizes a passport number as the API keeps it', () => {
    expect(normalizePassportNumber(' ab 12 34567 ')).toBe('AB1234567');
    expect(normalizePassportNumber(undefined)).toBe('');
  });
});
