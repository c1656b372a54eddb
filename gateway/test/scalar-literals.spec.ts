import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scalarLiteralRule } from '../src/scalar-literals';

const schema = buildSchema(`
  scalar Date
  scalar DateTime
  input Period { from: Date!, to: Date, at: DateTime }
  type Query { days(day: Date, days: [Date!], period: Period, note: String): Int }
`);

const problems = (document: string) =>
  validate(schema, parse(document), [scalarLiteralRule]).map((e) => [e.extensions['code'], e.message]);

describe('Date and DateTime written in the document', () => {
  it('passes real days and times, and leaves variables and other scalars to others', () => {
    expect(
      problems(
        `{ days(day: "2027-02-28", days: ["2024-02-29"], period: { from: "2027-01-01", at: "2027-01-01T10:00:00Z" }, note: "2027-02-30") }`,
      ),
    ).toEqual([]);
    expect(problems(`query($d: Date) { days(day: $d) }`)).toEqual([]);
  });

  it('refuses a day not in the calendar, wherever it is written, as BAD_USER_INPUT', () => {
    expect(problems(`{ days(day: "2027-02-30") }`)).toEqual([
      ['BAD_USER_INPUT', 'Date must be a calendar date written YYYY-MM-DD (Gregorian).'],
    ]);
    expect(problems(`{ days(days: ["2027-01-01", "0000-00-00"]) }`)).toHaveLength(1);
    expect(problems(`{ days(period: { from: "2027-13-01" }) }`)).toHaveLength(1);
    expect(problems(`{ days(day: 20270101) }`)).toHaveLength(1);
    expect(problems(`{ days(period: { from: "2027-01-01", at: "yesterday" }) }`)).toHaveLength(1);
  });
});
