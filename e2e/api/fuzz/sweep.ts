/**
 * Text no database column should receive raw (NUL, a lone surrogate), text whose UTF-16 length is
 * twice its length in characters (what PostgreSQL's char_length counts), and a long line of markup.
 */
export const POISONS: readonly string[] = ['a\u0000b', 'x\uD800y', '🕋', '🕋🕋', '<b>'.repeat(4_000)];

/** Days JavaScript's Date accepts and PostgreSQL refuses, for strings that are dates. */
export const DATE_POISONS: readonly string[] = ['2026-02-30', '0000-01-01'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The paths of every string in a value (`input.rows.0.givenNameEn`). */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  }
  return [];
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | null)?.[key], value);
}

function withValueAt(value: unknown, path: readonly (string | number)[], replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? withValueAt(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: withValueAt(record[head!], rest, replacement) };
}

/** Valid-looking variables with one string at a time replaced by each poison. */
export function poisoned(
  variables: Record<string, unknown>,
): { path: string; poison: string; variables: Record<string, unknown> }[] {
  return stringPaths(variables).flatMap((path) =>
    [...POISONS, ...(DATE.test(String(valueAt(variables, path))) ? DATE_POISONS : [])].map((poison) => ({
      path: path.join('.'),
      poison: JSON.stringify(poison.slice(0, 12)),
      variables: withValueAt(variables, path, poison) as Record<string, unknown>,
    })),
  );
}
