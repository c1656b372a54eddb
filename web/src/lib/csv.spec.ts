import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          ['line\nbreak', 3],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it('keeps Arabic text and empty cells', () => {
    expect(toCsv(['الاسم', 'رقم'], [['شركة البركة', null]])).toBe('الاسم,رقم\r\nشركة البركة,\r\n');
  });

  it('defuses spreadsheet formulas but not negative numbers', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], [-5]])).toBe('v\r\n"\'=HYPERLINK(""x"")"\r\n-5\r\n');
  });
});
