import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './locale';

export function currentLanguage(i18n: I18n): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export function useLanguage(): { language: Language; setLanguage: (next: Language) => void } {
  const { i18n } = useTranslation();
  return {
    language: currentLanguage(i18n),
    setLanguage: (next) => void i18n.changeLanguage(next),
  };
}

/** Picks the Arabic or English variant of a bilingual record (nameAr/nameEn). */
export function localized(language: Language, ar: string, en: string): string {
  return language === 'ar' ? ar || en : en || ar;
}
