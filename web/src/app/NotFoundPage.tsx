import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="page-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.body')}
      extra={<Link to="/">{t('notFound.home')}</Link>}
    />
  );
}
