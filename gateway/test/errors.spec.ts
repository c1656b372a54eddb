import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatGatewayError } from '../src/errors';

describe('formatGatewayError', () => {
  it('passes a subgraph’s coded error through with only code, field and details', () => {
    const formatted = {
      message: 'Page size must be between 1 and 100.',
      path: ['pilgrims'],
      extensions: { code: 'BAD_USER_INPUT', field: 'first', serviceName: 'pilgrims', stacktrace: ['at x'] },
    };
    const error = new GraphQLError(formatted.message, { originalError: { ...formatted } as unknown as Error });
    expect(formatGatewayError(formatted, error)).toEqual({
      message: formatted.message,
      path: ['pilgrims'],
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('masks an error thrown inside the gateway, SQL text and all', () => {
    const thrown = new Error('connect ECONNREFUSED 127.0.0.1:4002 select * from pilgrim');
    const formatted = { message: thrown.message, extensions: { code: 'SOME_CODE' } };
    const result = formatGatewayError(formatted, new GraphQLError(thrown.message, { originalError: thrown }));
    expect(result).toEqual({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('masks an error without a code', () => {
    expect(formatGatewayError({ message: 'boom' }, new Error('boom')).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});
