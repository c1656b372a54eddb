import { Alert, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/app/PageLoading';
import { LoyaltyCard } from '@/modules/loyalty/components/LoyaltyCard';
import { PackagesCard } from '@/modules/packages/components/PackagesCard';
import { NationalitiesCard, PilgrimsTotalCard, VisaStatusCard } from '@/modules/pilgrims/components/VisaStatsCards';
import { useCityName } from '@/lib/cities';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useCompanyOverview } from '../hooks/useCompanyOverview';
import { LicenseCard } from './LicenseCard';

/** The company manager's home: licence, pilgrims and visas, packages and loyalty in one view. */
export function CompanyOverviewPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const { company, hasData, loading, error, refetch } = useCompanyOverview();
  const name = company ? localized(language, company.nameAr, company.nameEn) : null;
  useDocumentTitle(name ?? t('nav.overview'));

  if (loading && !hasData) return <PageLoading />;
  if (!company) {
    return (
      <>
        <PageHeader title={t('nav.overview')} />
        {error ? <QueryError error={error} onRetry={refetch} /> : <Empty description={t('overview.noCompany')} />}
      </>
    );
  }

  // With errorPolicy "all", a failed subgraph leaves its fields null and reports an error.
  const failed = Boolean(error);
  return (
    <>
      <PageHeader
        title={name}
        subtitle={t('overview.subtitle', { crNumber: company.crNumber, city: cityName(company.city) })}
      />
      {failed && <Alert className="page-alert" type="warning" showIcon title={t('errors.partial')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <LicenseCard company={company} />
        </Col>
        <Col xs={24} md={12} lg={8}>
          <PilgrimsTotalCard company={company} failed={failed} />
        </Col>
        <Col xs={24} md={12} lg={8}>
          <LoyaltyCard company={company} failed={failed} />
        </Col>
        <Col xs={24} lg={14}>
          <VisaStatusCard company={company} failed={failed} />
        </Col>
        <Col xs={24} lg={10}>
          <NationalitiesCard company={company} failed={failed} />
        </Col>
        <Col span={24}>
          <PackagesCard company={company} failed={failed} />
        </Col>
      </Row>
    </>
  );
}
