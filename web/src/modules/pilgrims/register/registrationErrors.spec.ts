import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inputFieldOf, readRegistrationFailure } from './registrationErrors';

const FIELDS = ['passportNumber', 'nationality', 'dateOfBirth', 'mrzLine1', 'companyId'] as const;
const fieldOf = inputFieldOf(FIELDS, { mrz: 'mrzLine1' });

const refused = (...errors: GraphQLFormattedError[]) => new CombinedGraphQLErrors({ errors });

describe('readRegistrationFailure', () => {
  it('puts a refusal on the field named by extensions.field, with the server’s sentence', () => {
    const failure = readRegistrationFailure(
      refused({
        message: 'A pilgrim with this passport and nationality is already registered for the 1447 season.',
        extensions: { code: 'DUPLICATE_PILGRIM', field: 'input.passportNumber' },
      }),
      fieldOf,
    );
    expect(failure).toEqual({
      fields: {
        passportNumber: {
          code: 'DUPLICATE_PILGRIM',
          message: 'A pilgrim with this passport and nationality is already registered for the 1447 season.',
        },
      },
      general: [],
      other: null,
    });
  });

  it('puts each MRZ mismatch in extensions.details on its own field', () => {
    const failure = readRegistrationFailure(
      refused({
        message: 'The typed details do not match the passport’s machine-readable lines: passportNumber, dateOfBirth.',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.passportNumber',
          details: {
            'input.passportNumber': 'The passport number in the MRZ is AB1234567.',
            'input.dateOfBirth': 'The date of birth in the MRZ is 900101 (YYMMDD).',
          },
        },
      }),
      fieldOf,
    );
    expect(failure.fields).toEqual({
      passportNumber: { code: 'BAD_USER_INPUT', message: 'The passport number in the MRZ is AB1234567.' },
      dateOfBirth: { code: 'BAD_USER_INPUT', message: 'The date of birth in the MRZ is 900101 (YYMMDD).' },
    });
    expect(failure.general).toEqual([]);
  });

  it('shows failing MRZ check digits (details not about input fields) on the MRZ', () => {
    const failure = readRegistrationFailure(
      refused({
        message: 'The passport’s machine-readable lines do not check out (birthDate); retype them from the passport.',
        extensions: { code: 'MRZ_INVALID', field: 'input.mrz', details: { birthDate: 'invalid check digit' } },
      }),
      fieldOf,
    );
    expect(Object.keys(failure.fields)).toEqual(['mrzLine1']);
    expect(failure.fields.mrzLine1?.code).toBe('MRZ_INVALID');
  });

  it('keeps refusals about fields the form does not have, or none, as general', () => {
    const failure = readRegistrationFailure(
      refused(
        {
          message: 'There is no such group you may register pilgrims into.',
          extensions: { code: 'GROUP_NOT_FOUND', field: 'input.groupId' },
        },
        { message: 'Not allowed.', extensions: { code: 'FORBIDDEN' } },
      ),
      fieldOf,
    );
    expect(failure.fields).toEqual({});
    expect(failure.general.map((m) => m.code)).toEqual(['GROUP_NOT_FOUND', 'FORBIDDEN']);
  });

  it('passes on a failure that is not an API answer (network) as such', () => {
    const network = new TypeError('Failed to fetch');
    expect(readRegistrationFailure(network, fieldOf)).toEqual({ fields: {}, general: [], other: network });
  });
});
