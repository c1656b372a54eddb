/** What a fuzzed call answered, reduced to what the property checks. */
export interface Answer {
  status: number;
  body: unknown;
}

/** Codes that mean something broke inside, whoever reports them. */
const INTERNAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/** A coded error: the common ones, the gateway's, and domain codes, all UPPER_SNAKE. */
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** Words a message meant for a caller never contains: SQL, a driver's words, a stack frame. */
const LEAK = [
  /\bselect\b[\s\S]*\bfrom\s+["`]?\w+/i,
  /\b(?:insert\s+into|delete\s+from)\s+["`]?\w+/i,
  /\bupdate\s+["`]?\w+["`]?\s+set\b/i,
  /\b(?:relation|column|constraint|table)\s+"[^"]+"/i,
  /duplicate key value|syntax error at or near|violates [\w-]+ constraint|invalid byte sequence|value out of range|out of range for type/i,
  /\bat\s+(?:async\s+)?\S+\s+\([^)]*:\d+:\d+\)|^\s*at\s+\S+:\d+:\d+/m,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError)\b|Cannot read propert|is not a function|undefined is not/,
  /ECONNREFUSED|ECONNRESET|socket hang up/,
];

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * Why an answer breaks the property, or null when it is fine: data, or errors that each carry an
 * allowed code and a message with nothing internal in it. A 413 for a body over the limit is fine
 * when it is coded too.
 */
export function badAnswer(answer: Answer): string | null {
  const body = answer.body as { data?: unknown; errors?: FormattedError[] } | null;
  if (body === null || typeof body !== 'object') return `HTTP ${answer.status} without a JSON body`;
  const errors = body.errors ?? [];
  if (errors.length === 0) {
    return body.data != null ? null : `HTTP ${answer.status}: neither data nor errors`;
  }
  for (const error of errors) {
    const code = error.extensions?.['code'];
    const message = typeof error.message === 'string' ? error.message : '';
    if (typeof code !== 'string') return `uncoded error: ${message.slice(0, 200)}`;
    if (INTERNAL_CODES.has(code)) return `${code}: ${message.slice(0, 200)}`;
    if (!CODE.test(code)) return `code not UPPER_SNAKE: ${code}`;
    if (error.extensions?.['stacktrace'] !== undefined) return `${code} carries a stack trace`;
    const leak = LEAK.find((pattern) => pattern.test(message));
    if (leak) return `${code} message leaks internals (${leak.source}): ${message.slice(0, 200)}`;
  }
  return null;
}

/** The codes of an answer, or `DATA` when it has none. */
export function answerCodes(answer: Answer): string[] {
  const errors = (answer.body as { errors?: FormattedError[] } | null)?.errors ?? [];
  return errors.length === 0 ? ['DATA'] : errors.map((e) => String(e.extensions?.['code']));
}
