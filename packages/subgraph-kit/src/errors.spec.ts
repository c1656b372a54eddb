import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { AppError, badInput, formatError } from './errors';

describe('formatError', () => {
  it('keeps an AppError’s code, message and field', () => {
    const error = badInput('input.email', 'Email is not valid.');
    expect(
      formatError({ message: error.message, path: ['login'] }, new GraphQLError('x', { originalError: error })),
    ).toEqual({
      message: 'Email is not valid.',
      path: ['login'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
    });
  });

  it('never lets driver text or a stack reach the client', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const driver = new Error(
      'duplicate key value violates unique constraint "pilgrim_passport_season_key" insert into pilgrim',
    );
    const result = formatError(
      { message: driver.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] } },
      new GraphQLError(driver.message, { originalError: driver }),
    );
    expect(result).toEqual({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toMatch(/pilgrim|insert|stack/);
    spy.mockRestore();
  });

  it('is an AppError with a readable code', () => {
    expect(new AppError('QUOTA_EXCEEDED', 'No visas left.').code).toBe('QUOTA_EXCEEDED');
  });
  it('answers graphql-js’s limit on refused variable values as bad input, not an internal error', () => {
    const message = 'Too many errors processing variables, error limit reached. Execution aborted.';
    expect(formatError({ message }, new GraphQLError(message))).toEqual({
      message,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
