import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A bad value of a custom scalar passes the gateway (the supergraph's scalars are opaque to it) and is
 * refused here. Apollo would answer that with HTTP 400, which the gateway can only report as an
 * internal error; with 200 the BAD_USER_INPUT error reaches the caller as it is.
 */
const REFUSED_HERE = { code: 'BAD_USER_INPUT', http: { status: 200 } };

/**
 * A day of the calendar: JavaScript reads 2026-02-30 as 2 March and takes a year 0, but PostgreSQL
 * refuses both, so a day must read back as itself, from year 1.
 */
function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value && value >= '0001-01-01';
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value) || !isCalendarDay(value)) {
    throw new GraphQLError('Date must be a calendar date written YYYY-MM-DD (Gregorian).', {
      extensions: REFUSED_HERE,
    });
  }
  return value;
}

/** A calendar date without time (Gregorian, ISO-8601 `YYYY-MM-DD`); the web shows it in Hijri too. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without a time of day, ISO-8601 `YYYY-MM-DD` in the Gregorian calendar.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO-8601 timestamp such as 2026-03-01T09:30:00Z.', {
      extensions: REFUSED_HERE,
    });
  }
  return date;
}

/** An instant in time, always serialized in UTC ISO-8601. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time as an ISO-8601 string in UTC, e.g. `2026-03-01T09:30:00.000Z`.',
  serialize: (value) => (value instanceof Date ? value : parseDateTime(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});
