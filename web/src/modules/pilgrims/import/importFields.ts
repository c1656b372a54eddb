import ar from '@/app/i18n/locales/ar.json';
import en from '@/app/i18n/locales/en.json';

/** The columns a pilgrims file may have, in template order; each becomes one field of a registration row. */
export const IMPORT_FIELDS = [
  'givenNameAr',
  'fatherNameAr',
  'grandfatherNameAr',
  'familyNameAr',
  'givenNameEn',
  'fatherNameEn',
  'grandfatherNameEn',
  'familyNameEn',
  'passportNumber',
  'nationality',
  'dateOfBirth',
  'sex',
  'passportIssuedOn',
  'passportExpiresOn',
  'plannedDepartureOn',
  'mrzLine1',
  'mrzLine2',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields a row cannot be registered without; the others may stay unmapped. */
export const OPTIONAL_FIELDS: ReadonlySet<ImportField> = new Set(['plannedDepartureOn', 'mrzLine1', 'mrzLine2']);

export const REQUIRED_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter((f) => !OPTIONAL_FIELDS.has(f));

/** Which CSV column (by position) feeds each field; null when none does. */
export type ColumnMapping = Record<ImportField, number | null>;

// Header names seen in agents' spreadsheets, besides the template's own headers in both languages.
const EXTRA_ALIASES: Record<ImportField, readonly string[]> = {
  givenNameAr: ['given name ar', 'first name ar', 'first name arabic', 'given name arabic', 'الاسم الأول', 'الاسم'],
  fatherNameAr: ['father name ar', 'father name arabic', 'اسم الأب'],
  grandfatherNameAr: ['grandfather name ar', 'grandfather name arabic', 'اسم الجد'],
  familyNameAr: [
    'family name ar',
    'family name arabic',
    'surname arabic',
    'last name arabic',
    'اسم العائلة',
    'العائلة',
  ],
  givenNameEn: ['given name', 'given names', 'first name', 'given name en', 'first name en', 'first name english'],
  fatherNameEn: ['father name', 'father name en', 'father name english', "father's name"],
  grandfatherNameEn: ['grandfather name', 'grandfather name en', 'grandfather name english', "grandfather's name"],
  familyNameEn: ['family name', 'surname', 'last name', 'family name en', 'last name english', 'surname english'],
  passportNumber: [
    'passport',
    'passport number',
    'passport no',
    'passport no.',
    'passport #',
    'رقم الجواز',
    'رقم جواز السفر',
  ],
  nationality: ['nationality', 'nationality code', 'country', 'country code', 'الجنسية', 'رمز الجنسية'],
  dateOfBirth: ['date of birth', 'birth date', 'birthdate', 'dob', 'تاريخ الميلاد'],
  sex: ['sex', 'gender', 'الجنس', 'النوع'],
  passportIssuedOn: [
    'issue date',
    'date of issue',
    'passport issue date',
    'issued on',
    'تاريخ الإصدار',
    'تاريخ إصدار الجواز',
  ],
  passportExpiresOn: [
    'expiry date',
    'expiry',
    'date of expiry',
    'expiration date',
    'passport expiry date',
    'expires on',
    'تاريخ الانتهاء',
    'تاريخ انتهاء الجواز',
  ],
  plannedDepartureOn: ['departure date', 'planned departure', 'departure', 'تاريخ المغادرة'],
  mrzLine1: ['mrz line 1', 'mrz 1', 'mrz1', 'mrz first line'],
  mrzLine2: ['mrz line 2', 'mrz 2', 'mrz2', 'mrz second line'],
};

/**
 * A header as compared: no case, accents, Arabic diacritics or tatweel, one form of alef, ta marbuta
 * and ya, and nothing but letters and digits ("Date of birth" = "date_of_birth" = "DATE OF BIRTH").
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase()
    .replace(/[^a-z0-9\u0621-\u064a]+/g, '');
}

const ALIASES: ReadonlyMap<ImportField, ReadonlySet<string>> = new Map(
  IMPORT_FIELDS.map((field) => [
    field,
    new Set(
      [ar.pilgrimImport.fields[field], en.pilgrimImport.fields[field], field, ...EXTRA_ALIASES[field]].map(
        normalizeHeader,
      ),
    ),
  ]),
);

/** Maps each field to the first column whose header names it, in English or Arabic; each column is used once. */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping = {} as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    const aliases = ALIASES.get(field)!;
    const column = normalized.findIndex((header, i) => !used.has(i) && header !== '' && aliases.has(header));
    mapping[field] = column >= 0 ? column : null;
    if (column >= 0) used.add(column);
  }
  return mapping;
}

/** Required fields no column feeds yet. */
export function unmappedRequired(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_FIELDS.filter((field) => mapping[field] == null);
}
