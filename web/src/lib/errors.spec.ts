import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { errorKind, graphQLErrorCodes, hasErrorCode } from './errors';

const graphQLError = (...codes: string[]) =>
  new CombinedGraphQLErrors({ data: null, errors: codes.map((code) => ({ message: code, extensions: { code } })) });

describe('errorKind', () => {
  it('reads the GraphQL error code', () => {
    expect(errorKind(graphQLError('FORBIDDEN'))).toBe('FORBIDDEN');
    expect(errorKind(graphQLError('UNAUTHENTICATED'))).toBe('UNAUTHENTICATED');
  });

  it('picks the first code it can explain', () => {
    expect(errorKind(graphQLError('SOMETHING_NEW', 'BAD_USER_INPUT'))).toBe('BAD_USER_INPUT');
    expect(errorKind(graphQLError('SOMETHING_NEW'))).toBe('unknown');
  });

  it('treats an HTTP 401 as a finished session and other failures as the network', () => {
    expect(errorKind(new ServerError('no', { response: new Response('', { status: 401 }), bodyText: '' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      errorKind(new ServerError('bad gateway', { response: new Response('', { status: 502 }), bodyText: '' })),
    ).toBe('network');
    expect(errorKind(new TypeError('Failed to fetch'))).toBe('network');
  });
});

describe('hasErrorCode', () => {
  it('finds INVALID_CREDENTIALS from a failed sign-in', () => {
    expect(hasErrorCode(graphQLError('INVALID_CREDENTIALS'), 'INVALID_CREDENTIALS')).toBe(true);
    expect(graphQLErrorCodes(new Error('x'))).toEqual([]);
  });
});
