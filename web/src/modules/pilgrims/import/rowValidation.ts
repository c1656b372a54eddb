import type { RegisterPilgrimsRowInput, Sex } from '@/generated/graphql';
import { REGION_CODES } from '@/lib/countries';
import { IMPORT_FIELDS, OPTIONAL_FIELDS, type ColumnMapping, type ImportField } from './importFields';

/** One pilgrim of the file, as the preview holds it: the mapped cells, editable. */
export interface ImportRow {
  /** Stable key: position in the file's data rows, from 0. */
  id: number;
  /** Row number in the file as a spreadsheet shows it (the header is row 1). */
  line: number;
  values: Record<ImportField, string>;
  skipped: boolean;
}

/** What the browser finds wrong with a cell before anything is sent (the server checks again). */
export type CellProblem =
  | 'required'
  | 'tooLong'
  | 'passportFormat'
  | 'nationalityCode'
  | 'date'
  | 'dateInFuture'
  | 'dateTooEarly'
  | 'expiryBeforeIssue'
  | 'departureInPast'
  | 'sexValue'
  | 'mrzShape'
  | 'mrzIncomplete';

export type RowProblems = Partial<Record<ImportField, CellProblem>>;

// The server's format rules (registration.service.ts), repeated here only to catch typing early.
const MAX_NAME = 80;
const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;
const MRZ_LINE = /^[A-Z0-9<]{44}$/;
const COUNTRIES = new Set(REGION_CODES);

const NAME_FIELDS: readonly ImportField[] = [
  'givenNameAr',
  'fatherNameAr',
  'grandfatherNameAr',
  'familyNameAr',
  'givenNameEn',
  'fatherNameEn',
  'grandfatherNameEn',
  'familyNameEn',
];

/** Rows of the file with the mapped columns picked out. */
export function rowsFromRecords(
  records: readonly { line: number; cells: string[] }[],
  mapping: ColumnMapping,
): ImportRow[] {
  return records.map((record, id) => ({
    id,
    line: record.line,
    skipped: false,
    values: Object.fromEntries(
      IMPORT_FIELDS.map((field) => {
        const column = mapping[field];
        return [field, column == null ? '' : (record.cells[column] ?? '')];
      }),
    ) as Record<ImportField, string>,
  }));
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A date as the API takes it (`YYYY-MM-DD`), from `YYYY-MM-DD` or `YYYY/MM/DD`, or day first as
 * passports and most agents' spreadsheets write it: `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`.
 * Null when the text is no real date.
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  let parts: [number, number, number] | null = null;
  const isoLike = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (isoLike) parts = [Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3])];
  else if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  if (!parts || !isRealDate(...parts)) return null;
  return `${parts[0]}-${pad(parts[1])}-${pad(parts[2])}`;
}

/** Sex from the usual spellings in English and Arabic; null when none fits. */
export function parseSex(text: string): Sex | null {
  const value = text.trim().toUpperCase();
  if (['M', 'MALE', 'ذكر', 'ذ'].includes(value)) return 'MALE';
  if (['F', 'FEMALE', 'أنثى', 'انثى', 'أنثي', 'انثي', 'أ'].includes(value)) return 'FEMALE';
  return null;
}

const passport = (text: string): string => text.trim().toUpperCase();
const mrzLine = (text: string): string => text.trim().toUpperCase();

/** Every problem the browser can see in a row, by field; empty when the row may be sent. */
export function rowProblems(values: Record<ImportField, string>, today: string): RowProblems {
  const problems: RowProblems = {};
  for (const field of IMPORT_FIELDS) {
    if (!OPTIONAL_FIELDS.has(field) && values[field].trim() === '') problems[field] = 'required';
  }
  for (const field of NAME_FIELDS) {
    if (!problems[field] && values[field].trim().length > MAX_NAME) problems[field] = 'tooLong';
  }
  if (!problems.passportNumber && !PASSPORT_NUMBER.test(passport(values.passportNumber))) {
    problems.passportNumber = 'passportFormat';
  }
  if (!problems.nationality && !COUNTRIES.has(values.nationality.trim().toUpperCase())) {
    problems.nationality = 'nationalityCode';
  }
  if (!problems.sex && parseSex(values.sex) == null) problems.sex = 'sexValue';

  const birth = problems.dateOfBirth ? null : parseDate(values.dateOfBirth);
  if (!problems.dateOfBirth) {
    if (!birth) problems.dateOfBirth = 'date';
    else if (birth > today) problems.dateOfBirth = 'dateInFuture';
    else if (birth < '1900-01-01') problems.dateOfBirth = 'dateTooEarly';
  }
  const issued = problems.passportIssuedOn ? null : parseDate(values.passportIssuedOn);
  if (!problems.passportIssuedOn) {
    if (!issued) problems.passportIssuedOn = 'date';
    else if (issued > today) problems.passportIssuedOn = 'dateInFuture';
  }
  const expires = problems.passportExpiresOn ? null : parseDate(values.passportExpiresOn);
  if (!problems.passportExpiresOn) {
    if (!expires) problems.passportExpiresOn = 'date';
    else if (issued && expires <= issued) problems.passportExpiresOn = 'expiryBeforeIssue';
  }
  if (values.plannedDepartureOn.trim() !== '') {
    const departure = parseDate(values.plannedDepartureOn);
    if (!departure) problems.plannedDepartureOn = 'date';
    else if (departure < today) problems.plannedDepartureOn = 'departureInPast';
  }
  const line1 = mrzLine(values.mrzLine1);
  const line2 = mrzLine(values.mrzLine2);
  if (line1 !== '' || line2 !== '') {
    if (line1 === '') problems.mrzLine1 = 'mrzIncomplete';
    else if (!MRZ_LINE.test(line1) || !line1.startsWith('P')) problems.mrzLine1 = 'mrzShape';
    if (line2 === '') problems.mrzLine2 = 'mrzIncomplete';
    else if (!MRZ_LINE.test(line2)) problems.mrzLine2 = 'mrzShape';
  }
  return problems;
}

export const hasProblems = (problems: RowProblems): boolean => Object.keys(problems).length > 0;

function must<T>(value: T | null, field: ImportField): T {
  if (value == null) throw new Error(`toRowInput: ${field} has a problem; check rowProblems first`);
  return value;
}

/** The registration row the API takes, from a row without problems (throws on one with problems). */
export function toRowInput(values: Record<ImportField, string>): RegisterPilgrimsRowInput {
  const line1 = mrzLine(values.mrzLine1);
  const departure = values.plannedDepartureOn.trim();
  return {
    givenNameAr: values.givenNameAr.trim(),
    fatherNameAr: values.fatherNameAr.trim(),
    grandfatherNameAr: values.grandfatherNameAr.trim(),
    familyNameAr: values.familyNameAr.trim(),
    givenNameEn: values.givenNameEn.trim(),
    fatherNameEn: values.fatherNameEn.trim(),
    grandfatherNameEn: values.grandfatherNameEn.trim(),
    familyNameEn: values.familyNameEn.trim(),
    passportNumber: passport(values.passportNumber),
    nationality: values.nationality.trim().toUpperCase(),
    dateOfBirth: must(parseDate(values.dateOfBirth), 'dateOfBirth'),
    sex: must(parseSex(values.sex), 'sex'),
    passportIssuedOn: must(parseDate(values.passportIssuedOn), 'passportIssuedOn'),
    passportExpiresOn: must(parseDate(values.passportExpiresOn), 'passportExpiresOn'),
    ...(departure ? { plannedDepartureOn: must(parseDate(departure), 'plannedDepartureOn') } : {}),
    ...(line1 ? { mrz: [line1, mrzLine(values.mrzLine2)] } : {}),
  };
}

/** The input field a server error names (`rows.3.passportNumber`), as the file's column. */
export function fieldOfServerPath(path: string | null): ImportField | null {
  const name = path?.split('.')[2];
  if (name === 'mrz') return 'mrzLine1';
  return (IMPORT_FIELDS as readonly string[]).includes(name ?? '') ? (name as ImportField) : null;
}
