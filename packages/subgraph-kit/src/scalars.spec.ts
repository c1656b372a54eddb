import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coercedField, formatError } from './errors';
import { DateScalar } from './scalars';

describe('DateScalar', () => {
  it('takes days of the calendar', () => {
    for (const day of ['2026-11-21', '2028-02-29', '0001-01-01', '9999-12-31']) {
      expect(DateScalar.parseValue(day)).toBe(day);
    }
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-02-28' })).toBe('2026-02-28');
  });

  it('refuses days that do not exist, which the database would refuse too, as BAD_USER_INPUT', () => {
    for (const day of [
      '2026-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '0000-01-01',
      '0000-00-00',
      '2026-1-1',
    ]) {
      expect(() => DateScalar.parseValue(day), day).toThrow(/calendar date/);
    }
  });
});

describe('a refused variable value', () => {
  it('names the input path it was refused at, as `field`', () => {
    expect(
      coercedField(
        'Variable "$input" got invalid value "2026-02-30" at "input.rows[2].dateOfBirth"; Date must be a calendar date written YYYY-MM-DD (Gregorian).',
      ),
    ).toBe('input.rows.2.dateOfBirth');
    expect(coercedField('Variable "$from" got invalid value "x; y"; Date must be a calendar date.')).toBe('from');
    expect(
      coercedField('Variable "$input" got invalid value { a: "; at \\"x\\"; " } at "input.a"; Date must be …'),
    ).toBe('input.a');
    expect(coercedField('Cannot query field "x" on type "Query".')).toBeNull();
  });

  it('keeps its BAD_USER_INPUT code and gains the field when formatted for the caller', () => {
    const message =
      'Variable "$input" got invalid value "2031-02-30" at "input.startsOn"; Date must be a calendar date.';
    expect(formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message))).toEqual({
      message,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.startsOn' },
    });
  });
});
