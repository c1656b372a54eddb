import { AppError } from '@umrah/subgraph-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sex } from '../pilgrim/pilgrim.type';
import { validatePilgrimDetails, type RegistrationRules } from '../registration/registration.service';
import { RegistrationErrorCode } from '../registration/registration.errors';
import type { RegisterPilgrimsRowInput } from './bulk.inputs';

// Each row of a bulk registration (typed, or read from a CSV file by the web) goes through
// validatePilgrimDetails: whatever a row holds, it is accepted or refused with a coded error.

const RULES: RegistrationRules = {
  today: '2026-11-21',
  policy: { lastDepartureOn: '2027-04-29', passportValidityMonths: 6 },
};

const HOSTILE = [
  '',
  '   ',
  "'; drop table pilgrim; --",
  '<img src=x onerror=alert(1)>',
  '\u202Eevil',
  '\u0000',
  'محمد',
  'Иван',
  '😀',
  'A'.repeat(81),
  'ب'.repeat(80),
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.stringMatching(/^[A-Za-z]{1,12}$/),
);

/** What the Date scalar lets through: YYYY-MM-DD with a day JavaScript accepts, 2026-02-30 included. */
const day = fc.oneof(
  fc.constantFrom('1899-12-31', '1900-01-01', '2026-02-29', '2026-02-30', '2026-11-21', '2027-10-29', '9999-12-31'),
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

const row: fc.Arbitrary<RegisterPilgrimsRowInput> = fc.record({
  givenNameAr: text,
  fatherNameAr: text,
  grandfatherNameAr: text,
  familyNameAr: text,
  givenNameEn: text,
  fatherNameEn: text,
  grandfatherNameEn: text,
  familyNameEn: text,
  passportNumber: fc.oneof(text, fc.stringMatching(/^[A-Za-z0-9]{5,20}$/)),
  nationality: fc.oneof(text, fc.constantFrom('PK', 'id', ' TR ', 'XX', 'P')),
  dateOfBirth: day,
  sex: fc.constantFrom(Sex.MALE, Sex.FEMALE),
  passportIssuedOn: day,
  passportExpiresOn: day,
  plannedDepartureOn: fc.option(day),
  mrz: fc.option(fc.array(fc.oneof(text, fc.stringMatching(/^[A-Z0-9<]{44}$/)), { maxLength: 3 })),
}) as fc.Arbitrary<RegisterPilgrimsRowInput>;

const CODES = new Set([
  'BAD_USER_INPUT',
  RegistrationErrorCode.MRZ_INVALID,
  RegistrationErrorCode.PASSPORT_EXPIRES_TOO_SOON,
]);

describe('bulk row validation on arbitrary rows', () => {
  it('accepts a row or refuses it with a coded error naming a field under input.', () => {
    fc.assert(
      fc.property(row, (input) => {
        try {
          const valid = validatePilgrimDetails(input, RULES);
          // What is accepted is what the database's own checks accept.
          expect(valid.passportNumber).toMatch(/^[A-Z0-9]{5,20}$/);
          expect(valid.nationality).toMatch(/^[A-Z]{2}$/);
          expect(valid.dateOfBirth <= RULES.today).toBe(true);
          expect(valid.passportExpiresOn > valid.passportIssuedOn).toBe(true);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          expect(CODES).toContain(error.code);
          expect(String(error.extensions['field'])).toMatch(/^input\.\w+$/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts a row of valid-looking details, whatever script and markup its name parts hold', () => {
    const name = fc.oneof(
      fc.constantFrom(...HOSTILE.slice(2, 9).filter((t) => t !== '\u0000')),
      fc.stringMatching(/^[A-Za-z]{1,12}$/),
    );
    fc.assert(
      fc.property(name, name, fc.stringMatching(/^[A-Z]{2}[0-9]{7}$/), (given, family, passportNumber) => {
        const valid = validatePilgrimDetails(
          {
            givenNameAr: given,
            fatherNameAr: 'أحمد',
            grandfatherNameAr: 'علي',
            familyNameAr: family,
            givenNameEn: given,
            fatherNameEn: 'Ahmad',
            grandfatherNameEn: 'Ali',
            familyNameEn: family,
            passportNumber,
            nationality: 'pk',
            dateOfBirth: '1980-05-01',
            sex: Sex.MALE,
            passportIssuedOn: '2024-01-01',
            passportExpiresOn: '2034-01-01',
          } as RegisterPilgrimsRowInput,
          RULES,
        );
        expect(valid).toMatchObject({ givenNameEn: given.trim(), familyNameAr: family.trim(), nationality: 'PK' });
      }),
      { numRuns: 200 },
    );
  });
});
