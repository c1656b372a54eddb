import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, directionOf, isLanguage, type Language } from '../../lib/locale';
import ar from './locales/ar.json';
import en from './locales/en.json';

export const resources = { ar: { translation: ar }, en: { translation: en } } as const;

export const LANGUAGE_STORAGE_KEY = 'umrah.language';

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  document.title = resources[language].translation.app.name;
}

/** Synchronous: the resources are bundled, so the first render is already in the right language. */
export function initI18n(): typeof i18next {
  const language = storedLanguage();
  i18next.on('languageChanged', (next) => {
    if (!isLanguage(next)) return;
    applyToDocument(next);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // storage blocked: the choice lasts for this page only
    }
  });
  void i18next.use(initReactI18next).init({
    initAsync: false,
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['ar', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyToDocument(language);
  return i18next;
}
