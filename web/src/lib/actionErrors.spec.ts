import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { actionFailure } from './actionErrors';

const refused = (code: string, message = 'Refused.') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });

describe('actionFailure', () => {
  it('names a licence transition the API refused by its code', () => {
    expect(actionFailure(refused('INVALID_LICENSE_TRANSITION', 'A revoked licence cannot be suspended.'))).toEqual({
      kind: 'code',
      code: 'INVALID_LICENSE_TRANSITION',
      message: 'A revoked licence cannot be suspended.',
    });
  });

  it("keeps the API's sentence for bad input and unknown codes", () => {
    expect(actionFailure(refused('BAD_USER_INPUT', 'Give a reason of at least 3 characters.'))).toEqual({
      kind: 'general',
      errorKind: 'BAD_USER_INPUT',
      message: 'Give a reason of at least 3 characters.',
    });
    expect(actionFailure(refused('SOMETHING_NEW', 'New rule.'))).toMatchObject({
      errorKind: 'unknown',
      message: 'New rule.',
    });
  });

  it('explains a refused role and a network failure without the raw message', () => {
    expect(actionFailure(refused('FORBIDDEN'))).toEqual({ kind: 'general', errorKind: 'FORBIDDEN', message: null });
    expect(actionFailure(new TypeError('Failed to fetch'))).toEqual({
      kind: 'general',
      errorKind: 'network',
      message: null,
    });
  });
});
