import { describe, expect, it } from 'vitest';
import { bearerHeaders, isExplorerCredentials } from './scopes';

describe('explorer headers', () => {
  it('writes the Authorization header as GraphiQL expects it', () => {
    expect(JSON.parse(bearerHeaders('abc.def'))).toEqual({ Authorization: 'Bearer abc.def' });
  });
});

describe('credentials handed to the explorer', () => {
  it('accepts a client id and secret only', () => {
    expect(isExplorerCredentials({ clientId: 'c', clientSecret: 's' })).toBe(true);
    expect(isExplorerCredentials({ clientId: 'c' })).toBe(false);
    expect(isExplorerCredentials(null)).toBe(false);
    expect(isExplorerCredentials('c:s')).toBe(false);
  });
});
