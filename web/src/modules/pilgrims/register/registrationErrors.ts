import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** Codes of the pilgrims API's registration refusals that the web explains in the user's language. */
export const REGISTRATION_ERROR_CODES = [
  'AGENT_NOT_CONTRACTED',
  'COMPANY_MAY_NOT_OPERATE',
  'PASSPORT_EXPIRES_TOO_SOON',
  'MRZ_INVALID',
  'DUPLICATE_PILGRIM',
  'GROUP_NOT_FOUND',
  'GROUP_NUMBER_TAKEN',
] as const;

export type RegistrationErrorCode = (typeof REGISTRATION_ERROR_CODES)[number];

export const isRegistrationErrorCode = (code: unknown): code is RegistrationErrorCode =>
  (REGISTRATION_ERROR_CODES as readonly unknown[]).includes(code);

/** One refusal as the server gave it: its code and its (English) sentence. */
export interface ServerMessage {
  code: string;
  message: string;
}

export interface RegistrationFailure<Field extends string> {
  /** Refusals about one field of the form, by the form's field name. */
  fields: Partial<Record<Field, ServerMessage>>;
  /** Refusals about no field on the form (or the call as a whole). */
  general: ServerMessage[];
  /** Not a refusal from the API (network, server fault): shown as such, the form kept as typed. */
  other: unknown;
}

type FieldOf<Field extends string> = (path: string) => Field | null;

/**
 * Sorts a failed call's errors onto the form: `extensions.field` (an input path such as
 * `input.passportNumber`) names the field; a mismatch with the MRZ names every disagreeing field
 * in `extensions.details` (path → sentence). `fieldOf` maps an API path to a form field, or null
 * when the form has no such field.
 */
export function readRegistrationFailure<Field extends string>(
  error: unknown,
  fieldOf: FieldOf<Field>,
): RegistrationFailure<Field> {
  const failure: RegistrationFailure<Field> = { fields: {}, general: [], other: null };
  if (!CombinedGraphQLErrors.is(error)) return { ...failure, other: error };
  for (const e of error.errors) {
    const code = typeof e.extensions?.['code'] === 'string' ? e.extensions['code'] : 'unknown';
    const path = e.extensions?.['field'];
    const details = e.extensions?.['details'];
    const perField = detailsByField(details, fieldOf);
    if (perField.length > 0) {
      for (const [field, message] of perField) failure.fields[field] ??= { code, message };
      continue;
    }
    const field = typeof path === 'string' ? fieldOf(path) : null;
    if (field && !failure.fields[field]) failure.fields[field] = { code, message: e.message };
    else failure.general.push({ code, message: e.message });
  }
  return failure;
}

/** `details` entries whose keys are input paths of form fields (MRZ mismatches); others are ignored. */
function detailsByField<Field extends string>(details: unknown, fieldOf: FieldOf<Field>): [Field, string][] {
  if (!details || typeof details !== 'object') return [];
  const out: [Field, string][] = [];
  for (const [path, message] of Object.entries(details as Record<string, unknown>)) {
    if (!path.startsWith('input.') || typeof message !== 'string') continue;
    const field = fieldOf(path);
    if (field) out.push([field, message]);
  }
  return out;
}

/** An API input path (`input.givenNameAr`) as the name of a form field, when it is one of `fields`. */
export function inputFieldOf<Field extends string>(
  fields: readonly Field[],
  aliases: Partial<Record<string, Field>> = {},
): FieldOf<Field> {
  return (path) => {
    const name = path.startsWith('input.') ? path.slice('input.'.length) : path;
    const alias = aliases[name];
    if (alias) return alias;
    return (fields as readonly string[]).includes(name) ? (name as Field) : null;
  };
}
