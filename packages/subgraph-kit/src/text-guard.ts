import type { MiddlewareFn } from 'type-graphql';
import type { SubgraphContext } from './context';
import { badInput } from './errors';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units). */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL cannot store: a NUL character (in text), or an unpaired surrogate (in jsonb). */
const unstorable = (text: string): boolean => text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);

/** The first argument path holding unstorable text, or null (`input.rows.2.name`). */
export function malformedTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = malformedTextPath(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses a NUL character (U+0000) or an unpaired surrogate in any text argument, as BAD_USER_INPUT
 * naming the field. PostgreSQL stores neither (in text, in jsonb), so without this check they would
 * fail deep in a service as an internal error; every other character is stored as given.
 */
export const refuseMalformedText: MiddlewareFn<SubgraphContext> = ({ args }, next) => {
  const path = malformedTextPath(args);
  if (path !== null) {
    throw badInput(path, 'Text may not contain a NUL character (U+0000) or a broken Unicode surrogate.');
  }
  return next();
};
