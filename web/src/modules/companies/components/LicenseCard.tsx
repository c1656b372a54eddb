import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyLicenseFragment } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { SectionCard } from '@/lib/SectionCard';
import { LicenseStatusTag } from './LicenseStatusTag';

/** The licence in force; `actions` holds an officer's decision buttons under it. */
export function LicenseCard({ company, actions }: { company: CompanyLicenseFragment; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { license } = company;
  return (
    <SectionCard title={t('overview.license')} extra={<LicenseStatusTag status={license.status} />}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'number', label: t('overview.licenseNumber'), children: <bdi>{license.number}</bdi> },
          { key: 'status', label: t('overview.status'), children: <LicenseStatusTag status={license.status} /> },
          { key: 'issued', label: t('overview.issuedOn'), children: <DualDate value={license.issuedOn} /> },
          { key: 'expires', label: t('overview.expiresOn'), children: <DualDate value={license.expiresOn} /> },
          ...(license.suspendedUntil
            ? [
                {
                  key: 'suspended',
                  label: t('overview.suspendedUntil'),
                  children: <DualDate value={license.suspendedUntil} />,
                },
              ]
            : []),
        ]}
      />
      {actions && <div className="license-card__actions">{actions}</div>}
    </SectionCard>
  );
}
