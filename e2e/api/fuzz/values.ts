import fc from 'fast-check';

/**
 * The values a fuzzed argument may take. Each leaf of an input gets either a value that looks
 * valid for its name (so some calls reach the business rules) or a hostile one.
 */

/** Text that has broken parsers, databases and pages elsewhere. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '   \t  ',
  "'; drop table pilgrim; --",
  "' or '1'='1",
  "Robert'); DROP TABLE company;--",
  '1; select pg_sleep(5)',
  '"\\',
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31mred\u001b[0m',
  '\r\n\t\v\f',
  '\u202Eevil\u202C.exe',
  '\u200B\u200C\u200D\uFEFF',
  '\uD800',
  'محمد عبدالله',
  'Иван Петров',
  '😀🕋👨‍👩‍👧',
  '🕋',
  '🕋🕋',
  'e\u0301\u0301\u0301',
  '%s%s%n%x',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
];

/** Dates the Date scalar and the rules behind it must refuse or handle. */
const HOSTILE_DATES = [
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-04-31',
  '1899-12-31',
  '+275760-09-13',
  '2026-1-1',
  '20261121',
  'yesterday',
  '',
];

const HOSTILE_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-11-21T25:61:00Z',
  '1',
  'now',
  '',
];

export const INT_EDGES = [0, 1, -1, 2, 7, 30, 100, 101, 500, 501, 2_147_483_647, -2_147_483_648, 1_000_000];
const FLOAT_EDGES = [0, -0, 0.5, -0.5, 1e-9, 1e308, -1e308, 3.4e38, Number.MAX_SAFE_INTEGER];

/** A string of exactly `n` characters of `unit`. */
const long = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Hostile strings: payloads, any Unicode, and long ones (up to about 1 MB, the gateway's body limit). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(long('A', 81), long('ب', 201), long('x<', 10_000)) },
  // Near the body limit: with anything else in the body, the gateway answers 413.
  { weight: 1, arbitrary: fc.constant(long('A', 1_000_000)) },
);

export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_DATES),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

export const hostileDateTime: fc.Arbitrary<string> = fc.constantFrom(...HOSTILE_DATE_TIMES);

export const hostileInt: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...INT_EDGES), fc.integer());

export const hostileFloat: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...FLOAT_EDGES),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Ids that name nothing, are not uuids, or are uuids written oddly. */
export function hostileId(known: readonly string[]): fc.Arbitrary<string | number> {
  return fc.oneof(
    fc.constantFrom('not-a-uuid', '', ' ', "1' or '1'='1", '00000000-0000-0000-0000-000000000000', '-1', 'null'),
    fc.uuid(),
    fc.constantFrom(-1, 0, 2_147_483_647),
    ...(known.length > 0
      ? [fc.constantFrom(...known).map((id) => id.toUpperCase()), fc.constantFrom(...known).map((id) => ` ${id}\n`)]
      : []),
  );
}

/** A value of the wrong GraphQL type, for type confusion. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(
  null,
  {},
  [],
  [[]],
  'NaN',
  true,
  1.5,
  -1,
  { $ne: null },
  '1e999',
);

// ---- values that look valid for a field's name ----

const ARABIC = ['محمد', 'أحمد', 'عبدالله', 'فاطمة', 'الحربي', 'القحطاني', 'نور الهدى'];
const LATIN = ['Muhammad', 'Ahmad', 'Fatima', 'Siti', 'Al-Harbi', 'Rahman', 'Nur Aini'];
const COUNTRIES = ['PK', 'ID', 'TR', 'ZA', 'KE', 'US', 'EG', 'MY'];

const isoDay = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const plausibleDate: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -40 * 365, max: -1 }).map(isoDay),
  fc.integer({ min: 0, max: 400 }).map(isoDay),
  fc.integer({ min: 3 * 365, max: 10 * 365 }).map(isoDay),
);

/** A valid-looking value for a String (or ID-less) field, guessed from its name. */
export function plausibleString(name: string): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  if (n.includes('email')) return fc.integer({ min: 1, max: 1e6 }).map((i) => `fuzz.${i}@example.org`);
  if (n.includes('password') || n.includes('secret'))
    return fc.constantFrom('Fuzz-Passw0rd-2026!', 'Umrah-Demo-1447', 'short');
  if (n.includes('url')) return fc.constantFrom('https://hooks.example.invalid/umrah', 'http://127.0.0.1:1/x');
  if (n === 'nationality' || n.includes('country')) return fc.constantFrom(...COUNTRIES);
  if (n.includes('passportnumber')) return fc.stringMatching(/^[A-Z]{2}[0-9]{7}$/);
  if (n.includes('currency')) return fc.constant('SAR');
  if (n.includes('city')) return fc.constantFrom('Makkah', 'Madinah', 'Jeddah');
  if (n.includes('crnumber')) return fc.stringMatching(/^[0-9]{10}$/);
  if (n.includes('licen') && n.includes('number')) return fc.stringMatching(/^[A-Z]{3}-[0-9]{4}-[0-9]{5}$/);
  if (n.includes('reference') || n.includes('code') || n.includes('number'))
    return fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{3,15}$/);
  if (n.includes('idempotency')) return fc.uuid();
  if (n.includes('date') || n.endsWith('on')) return plausibleDate;
  if (n.endsWith('ar'))
    return fc.array(fc.constantFrom(...ARABIC), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  if (n.endsWith('en') || n.includes('name'))
    return fc.array(fc.constantFrom(...LATIN), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  return fc.constantFrom('Checked on site by the field committee.', 'Room not as booked', 'طلب عادي', 'Fuzz note');
}

export const plausibleDateArb = plausibleDate;

export const plausibleDateTime: fc.Arbitrary<string> = fc
  .integer({ min: -30, max: 400 })
  .map((d) => new Date(Date.now() + d * 86_400_000).toISOString());

export function plausibleInt(name: string): fc.Arbitrary<number> {
  const n = name.toLowerCase();
  if (n.includes('halala') || n.includes('amount') || n.includes('price') || n.includes('fine'))
    return fc.integer({ min: 0, max: 5_000_000 });
  if (n.includes('version')) return fc.integer({ min: 0, max: 5 });
  if (n === 'first' || n === 'last') return fc.integer({ min: 1, max: 100 });
  return fc.integer({ min: 0, max: 200 });
}

/** Check digit of ICAO 9303 (weights 7, 3, 1). */
export function mrzCheckDigit(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const value = c === '<' ? 0 : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * weights[i % 3]!;
  }
  return String(sum % 10);
}

/** Two TD3 lines with correct check digits for a made-up passport. */
export const validLookingMrz: fc.Arbitrary<string[]> = fc
  .tuple(fc.stringMatching(/^[A-Z]{2}[0-9]{7}$/), fc.constantFrom('PAK', 'IDN', 'TUR'), fc.constantFrom('M', 'F'))
  .map(([passport, nation, sex]) => {
    const line1 = `P<${nation}${'RAHMAN<<SITI<NUR'.padEnd(39, '<')}`;
    const birth = '900101';
    const expiry = '330101';
    const head = `${passport}${mrzCheckDigit(passport)}${nation}${birth}${mrzCheckDigit(birth)}${sex}${expiry}${mrzCheckDigit(expiry)}`;
    const personal = '<'.repeat(14);
    const personalCheck = mrzCheckDigit(personal);
    const composite = `${passport}${mrzCheckDigit(passport)}${birth}${mrzCheckDigit(birth)}${expiry}${mrzCheckDigit(expiry)}${personal}${personalCheck}`;
    return [line1, `${head}${personal}${personalCheck}${mrzCheckDigit(composite)}`];
  });
