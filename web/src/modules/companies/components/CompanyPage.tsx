import { useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import { CompanyDetailDocument } from '@/generated/graphql';
import { useCityName } from '@/lib/cities';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { StatusTag } from '@/lib/StatusTag';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { CompanyFormModal } from './CompanyFormModal';
import { CompanyProfileView } from './CompanyProfileView';
import { LicenseActions } from './LicenseActions';
import { LicenseStatusTag } from './LicenseStatusTag';

/** The ministry's page for one company; officers take licence decisions here, supervisors read. */
export function CompanyPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const { id = '' } = useParams();
  const { role } = useViewer();
  const readOnly = isReadOnly(role);
  const officer = role === 'MINISTRY_OFFICER';
  const [editing, setEditing] = useState(false);
  const { data, loading, error, refetch } = useQuery(CompanyDetailDocument, { variables: { id } });
  const company = data?.company ?? null;
  const name = company ? localized(language, company.nameAr, company.nameEn) : null;
  useDocumentTitle(name ?? t('company.title'));

  const back = (
    <p className="back-link">
      <Link to="/companies">{t('company.back')}</Link>
    </p>
  );

  if (loading && !data) return <PageLoading />;
  if (!company) {
    return (
      <>
        {back}
        <PageHeader title={t('company.title')} />
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Empty description={t('company.notFound')} />
        )}
      </>
    );
  }

  return (
    <>
      {back}
      <PageHeader
        title={name}
        tags={
          <Space>
            <LicenseStatusTag status={company.license.status} />
            {readOnly && <StatusTag tone="info">{t('common.readOnly')}</StatusTag>}
          </Space>
        }
        subtitle={t('overview.subtitle', { crNumber: company.crNumber, city: cityName(company.city) })}
      />
      {officer && (
        <div className="page-actions">
          <Button onClick={() => setEditing(true)}>{t('company.edit')}</Button>
        </div>
      )}
      {readOnly && <Alert className="page-alert" type="info" showIcon title={t('company.readOnlyNotice')} />}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <CompanyProfileView
        company={company}
        licenseActions={
          officer ? (
            <LicenseActions companyId={company.id} companyName={name ?? ''} status={company.license.status} />
          ) : undefined
        }
      />
      {editing && (
        <CompanyFormModal company={company} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
    </>
  );
}
