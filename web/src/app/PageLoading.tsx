import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status">
      {/* Every state of a page keeps a top-level heading, loading included. */}
      <h1 className="sr-only">{t('app.loading')}</h1>
      <Spin />
      <span>{t('app.loading')}</span>
    </div>
  );
}
