import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { formatGatewayError, looksInternal } from '../src/errors';
import { runInRequestScope } from '../src/request-scope';

/** A subgraph's error as @apollo/gateway hands it on: its JSON as `originalError`, `serviceName` added. */
function fromSubgraph(message: string, extensions: Record<string, unknown>): [GraphQLFormattedError, GraphQLError] {
  const formatted = { message, path: ['company', 'loyalty'], extensions: { ...extensions, serviceName: 'loyalty' } };
  const json = { message, extensions, locations: [{ line: 1, column: 40 }] };
  return [
    { ...formatted, locations: [{ line: 1, column: 40 }] },
    new GraphQLError(message, { originalError: json as unknown as Error, extensions: formatted.extensions }),
  ];
}

const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

describe('formatGatewayError', () => {
  it('passes a subgraph’s coded error through with only code, field and details', () => {
    const [formatted, error] = fromSubgraph('Page size must be between 1 and 100.', {
      code: 'BAD_USER_INPUT',
      field: 'first',
      stacktrace: ['at x (/app/src/x.ts:1:1)'],
      exception: { sql: 'select 1' },
    });
    expect(formatGatewayError(formatted, error)).toEqual({
      message: 'Page size must be between 1 and 100.',
      path: ['company', 'loyalty'],
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('passes domain codes and flat details', () => {
    const [formatted, error] = fromSubgraph('The balance is too low for this reward.', {
      code: 'INSUFFICIENT_POINTS',
      details: { balance: 10, needed: 500 },
    });
    const result = runInRequestScope({ requestId: 'req-1' }, () => formatGatewayError(formatted, error));
    expect(result.extensions).toEqual({ code: 'INSUFFICIENT_POINTS', details: { balance: 10, needed: 500 } });
  });

  it('masks a subgraph’s uncoded error, keeping only the path and the request id', () => {
    const log = quiet();
    const [formatted, error] = fromSubgraph('relation "loyalty_account" does not exist', {
      code: 'DOWNSTREAM_SERVICE_ERROR',
    });
    const result = runInRequestScope({ requestId: 'req-2' }, () => formatGatewayError(formatted, error));
    expect(result).toEqual({
      message: 'Internal server error.',
      path: ['company', 'loyalty'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' },
    });
    expect(String(log.mock.calls[0]?.[1])).toContain('req-2');
    log.mockRestore();
  });

  it('masks a coded subgraph error whose message carries SQL or a stack frame', () => {
    const log = quiet();
    for (const message of [
      'select "p0".* from "pilgrim" as "p0" where "p0"."id" = $1 - connection terminated',
      'insert into loyalty_ledger (id) values ($1) failed',
      'duplicate key value violates unique constraint "pilgrim_passport_unique"',
      'Cannot read properties of undefined\n    at Resolver.balance (/app/src/loyalty.ts:12:5)',
    ]) {
      const [formatted, error] = fromSubgraph(message, { code: 'CONFLICT' });
      expect(formatGatewayError(formatted, error).extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    }
    log.mockRestore();
  });

  it('masks a subgraph’s validation error about the query the gateway planned', () => {
    const log = quiet();
    const [formatted, error] = fromSubgraph('Cannot query field "_entities" on type "Query".', {
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(formatGatewayError(formatted, error).message).toBe('Internal server error.');
    log.mockRestore();
  });

  it('masks an error thrown inside the gateway, SQL text and all', () => {
    const log = quiet();
    const thrown = new Error('connect ECONNREFUSED 127.0.0.1:4002 select * from pilgrim');
    const formatted = { message: thrown.message, extensions: { code: 'SOME_CODE' } };
    const result = formatGatewayError(formatted, new GraphQLError(thrown.message, { originalError: thrown }));
    expect(result).toEqual({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    log.mockRestore();
  });

  it('masks an error without a code', () => {
    const log = quiet();
    expect(formatGatewayError({ message: 'boom' }, new Error('boom')).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
    log.mockRestore();
  });

  it('keeps a gateway limit’s own code under Apollo’s GRAPHQL_VALIDATION_FAILED', () => {
    const rule = new GraphQLError('Query depth limit of 10 exceeded, found 12.', {
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    const wrapped = new GraphQLError(rule.message, {
      originalError: rule,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = { message: rule.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatGatewayError(formatted, wrapped).extensions).toEqual({ code: 'QUERY_TOO_DEEP' });
  });

  it('drops every "Did you mean" hint when asked to (production)', () => {
    const messages = [
      'Cannot query field "nam" on type "Company". Did you mean "name" or "nameEn"?',
      'Value "ACTIV" does not exist in "LicenseStatus" enum. Did you mean the enum value "ACTIVE"?',
    ];
    for (const message of messages) {
      const formatted = { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
      const error = new GraphQLError(message, { extensions: formatted.extensions });
      expect(formatGatewayError(formatted, error, { hideSuggestions: true }).message).not.toMatch(
        /Did you mean|"name"|"ACTIVE"/,
      );
      expect(formatGatewayError(formatted, error).message).toBe(message);
    }
  });
});

describe('looksInternal', () => {
  it('does not take a manager’s sentence for SQL', () => {
    for (const message of [
      'Select a season from the list before submitting.',
      'The licence was suspended on 2026-03-01; renew it to register pilgrims.',
      'Update the package before approval: set a price.',
      'Page size must be between 1 and 100.',
    ]) {
      expect(looksInternal(message), message).toBe(false);
    }
  });
});
