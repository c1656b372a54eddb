import { useQuery } from '@apollo/client/react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/app/PageLoading';
import { MyCompanyDocument } from '@/generated/graphql';
import { useCityName } from '@/lib/cities';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { StatusTag } from '@/lib/StatusTag';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { CompanyProfileView } from './CompanyProfileView';
import { LicenseStatusTag } from './LicenseStatusTag';

/** A manager's own company as the ministry records it: read-only, the ministry keeps the registry. */
export function CompanyProfilePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const { data, loading, error, refetch } = useQuery(MyCompanyDocument);
  const company = data?.me?.company ?? null;
  const name = company ? localized(language, company.nameAr, company.nameEn) : null;
  useDocumentTitle(name ?? t('nav.company'));

  if (loading && !data) return <PageLoading />;
  if (!company) {
    return (
      <>
        <PageHeader title={t('nav.company')} />
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Empty description={t('overview.noCompany')} />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={name}
        tags={
          <>
            <LicenseStatusTag status={company.license.status} />
            <StatusTag tone="neutral">{t('company.keptByMinistry')}</StatusTag>
          </>
        }
        subtitle={t('overview.subtitle', { crNumber: company.crNumber, city: cityName(company.city) })}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <CompanyProfileView company={company} />
    </>
  );
}
