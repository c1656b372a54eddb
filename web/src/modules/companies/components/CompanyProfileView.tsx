import { Alert, Col, Descriptions, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyProfileFragment } from '@/generated/graphql';
import { useCityName } from '@/lib/cities';
import { SectionCard } from '@/lib/SectionCard';
import { ContractsTable } from '@/modules/contracts/components/ContractsTable';
import { AgentsOfCompany } from './AgentsOfCompany';
import { AuditTrailCard } from './AuditTrailCard';
import { LicenseCard } from './LicenseCard';
import { LicenseHistory } from './LicenseHistory';

interface CompanyProfileViewProps {
  company: CompanyProfileFragment;
  /** An officer's licence decisions; absent for everyone who may only read. */
  licenseActions?: ReactNode;
}

/** One company's registry entry, licence and history, contracts, agents and audit trail. */
export function CompanyProfileView({ company, licenseActions }: CompanyProfileViewProps) {
  const { t } = useTranslation();
  const cityName = useCityName();
  const contracts = company.agencyContracts?.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      {!company.mayOperate && (
        <Alert className="page-alert" type="warning" showIcon title={t('company.mayNotOperate')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <SectionCard title={t('company.details')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'nameAr', label: t('companyForm.nameAr'), children: <span lang="ar">{company.nameAr}</span> },
                { key: 'nameEn', label: t('companyForm.nameEn'), children: <span lang="en">{company.nameEn}</span> },
                { key: 'cr', label: t('companies.crNumber'), children: <bdi>{company.crNumber}</bdi> },
                { key: 'city', label: t('companies.city'), children: cityName(company.city) },
                {
                  key: 'email',
                  label: t('companyForm.contactEmail'),
                  children: company.contactEmail ? (
                    <a href={`mailto:${company.contactEmail}`} dir="ltr">
                      {company.contactEmail}
                    </a>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'phone',
                  label: t('companyForm.contactPhone'),
                  children: company.contactPhone ? <bdi>{company.contactPhone}</bdi> : '—',
                },
                { key: 'center', label: t('companyForm.serviceCenter'), children: company.serviceCenter ?? '—' },
              ]}
            />
          </SectionCard>
        </Col>
        <Col xs={24} lg={12}>
          <LicenseCard company={company} actions={licenseActions} />
        </Col>
        <Col span={24}>
          <LicenseHistory entries={company.license.history} />
        </Col>
        <Col span={24}>
          <SectionCard title={t('company.contracts', { count: company.agencyContracts?.totalCount ?? 0 })}>
            <ContractsTable
              label={t('company.contractsLabel')}
              rows={contracts}
              emptyText={t('company.noContracts')}
              hide="company"
            />
          </SectionCard>
        </Col>
        <Col span={24}>
          <AgentsOfCompany contracts={contracts} />
        </Col>
        <Col span={24}>
          <AuditTrailCard companyId={company.id} />
        </Col>
      </Row>
    </>
  );
}
