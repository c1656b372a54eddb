import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> — <app name>", so tabs, history and screen readers name the page. */
export function useDocumentTitle(pageTitle: string | null): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${appName}` : appName;
  }, [pageTitle, appName]);
}
