import type en from './locales/en.json';

// Typed keys: t('companies.title') is checked; ar.json is held to the same keys by i18n.spec.ts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
