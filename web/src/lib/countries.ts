import { intlLocale, type Language } from './locale';

const cache = new Map<Language, Intl.DisplayNames>();

/** An ISO 3166-1 alpha-2 code as the country's name in the UI language; the code if unknown. */
export function countryName(code: string, language: Language): string {
  let names = cache.get(language);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(language)], { type: 'region', fallback: 'code' });
    cache.set(language, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}
