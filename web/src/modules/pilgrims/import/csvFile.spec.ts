import { describe, expect, it } from 'vitest';
import { guessDelimiter, MAX_FILE_ROWS, parseCsv } from './csvFile';

const table = (text: string) => {
  const parsed = parseCsv(text);
  if ('problem' in parsed) throw new Error(`unexpected problem ${parsed.problem.kind}`);
  return parsed.table;
};

describe('parseCsv', () => {
  it('reads commas, strips the byte-order mark and trims cells', () => {
    const t = table('\uFEFFPassport number, Nationality code\r\nAB12345 , PK\r\n');
    expect(t.headers).toEqual(['Passport number', 'Nationality code']);
    expect(t.records).toEqual([{ line: 2, cells: ['AB12345', 'PK'] }]);
  });

  it('detects semicolons and keeps quoted separators, quotes and line breaks in one cell', () => {
    const t = table('name;note\n"Khan; Ali";"said ""yes""\nthen left"\n');
    expect(t.records[0]!.cells).toEqual(['Khan; Ali', 'said "yes"\nthen left']);
  });

  it('keeps Arabic text and skips empty rows without renumbering the others', () => {
    const t = table('الاسم الأول (عربي),رقم الجواز\n\nمحمد,AB12345\n,\nأحمد,CD67890\n');
    expect(t.headers[0]).toBe('الاسم الأول (عربي)');
    expect(t.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, 'محمد'],
      [5, 'أحمد'],
    ]);
  });

  it('names what is wrong with a file it cannot use', () => {
    expect(parseCsv('')).toEqual({ problem: { kind: 'empty' } });
    expect(parseCsv('\uFEFF \r\n')).toEqual({ problem: { kind: 'empty' } });
    expect(parseCsv('a,b\n')).toEqual({ problem: { kind: 'noRows' } });
    expect(parseCsv('a,b\n"x,1\n')).toMatchObject({ problem: { kind: 'quotes' } });
    const big = `a\n${'x\n'.repeat(MAX_FILE_ROWS + 1)}`;
    expect(parseCsv(big)).toEqual({ problem: { kind: 'tooManyRows', count: MAX_FILE_ROWS + 1 } });
  });

  it('takes the separator from the header row, outside quotes', () => {
    expect(guessDelimiter('a;b;c\n"x,y",z')).toBe(';');
    expect(guessDelimiter('"a;b",c,d\n')).toBe(',');
    expect(guessDelimiter('a\tb\n')).toBe('\t');
    expect(guessDelimiter('only\n1\n')).toBe(',');
  });
});
