import Papa from 'papaparse';

/** More rows than this in one file is refused: split the list (the page holds every row in memory). */
export const MAX_FILE_ROWS = 5000;

export interface CsvRecord {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
}

export type CsvProblem =
  { kind: 'empty' } | { kind: 'noRows' } | { kind: 'tooManyRows'; count: number } | { kind: 'quotes'; line: number };

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator the header row uses most, outside quotes. The header decides: data rows' quoted
 * cells (names with commas, line breaks) mislead a guess made over the whole file.
 */
export function guessDelimiter(source: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of source) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * Reads a pilgrims file: UTF-8 with or without a byte-order mark, separated by commas, semicolons
 * or tabs (detected), fields optionally in double quotes (which may hold separators and line
 * breaks). The first non-empty row is the header; empty rows are ignored but keep row numbers.
 */
export function parseCsv(text: string): { table: CsvTable } | { problem: CsvProblem } {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { problem: { kind: 'empty' } };
  const parsed = Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(source),
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) return { problem: { kind: 'quotes', line: (quoteError.row ?? 0) + 1 } };

  const numbered = parsed.data
    .map((cells, i) => ({ line: i + 1, cells: cells.map((cell) => cell.trim()) }))
    .filter((record) => record.cells.some((cell) => cell !== ''));
  const [header, ...records] = numbered;
  if (!header) return { problem: { kind: 'empty' } };
  if (records.length === 0) return { problem: { kind: 'noRows' } };
  if (records.length > MAX_FILE_ROWS) return { problem: { kind: 'tooManyRows', count: records.length } };
  return { table: { headers: header.cells, records } };
}
