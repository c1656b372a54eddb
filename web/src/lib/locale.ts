export type Language = 'ar' | 'en';

export const LANGUAGES: readonly Language[] = ['ar', 'en'];
export const DEFAULT_LANGUAGE: Language = 'ar';

export function isLanguage(value: unknown): value is Language {
  return value === 'ar' || value === 'en';
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The BCP 47 tag every Intl formatter uses. Arabic is Saudi Arabic with Latin digits, as on the
 * government portals the users know (passport, CR and MOFA numbers are Latin anyway, and mixing
 * digit systems in one table reads badly). English uses day-month-year order.
 */
export function intlLocale(language: Language): string {
  return language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB';
}
