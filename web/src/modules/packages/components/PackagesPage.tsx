import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import type { PackageStatus } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useServicePackages } from '../hooks/usePackages';
import { PackageTable } from './PackageTable';
import './maqam.css';

const STATUSES: PackageStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'];

/** Service packages: a manager's own (with the builder), every company's for the ministry. */
export function PackagesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const navigate = useNavigate();
  const [status, setStatus] = useState<PackageStatus | undefined>(undefined);
  useDocumentTitle(t('nav.packages'));
  const list = useServicePackages(status ? { status } : {});
  const isManager = role === 'COMPANY_MANAGER';
  const exportCsv = () =>
    downloadCsv(
      `${t('maqam.packagesCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('packages.name'),
          t('maqam.company'),
          t('packages.status'),
          t('maqam.priceSar'),
          t('maqam.saleStartsOn'),
          t('maqam.saleEndsOn'),
        ],
        list.rows.map((r) => [
          localized(language, r.nameAr, r.nameEn),
          localized(language, r.company.nameAr ?? '', r.company.nameEn ?? ''),
          t(`packageStatus.${r.status}`),
          (r.priceHalalas / 100).toFixed(2),
          r.saleStartsOn,
          r.saleEndsOn,
        ]),
      ),
    );
  return (
    <>
      <PageHeader
        title={t('nav.packages')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          list.hasData
            ? t('packages.total', { count: list.totalCount, formatted: formatNumber(list.totalCount, language) })
            : undefined
        }
      />
      <div className="maqam-toolbar">
        <FilterBar name="packageFilters" label={t('maqam.filters')}>
          <FilterSelect
            label={t('packages.status')}
            name="status"
            onChange={(value: PackageStatus | undefined) => setStatus(value)}
            options={STATUSES.map((s) => ({ value: s, label: t(`packageStatus.${s}`) }))}
          />
        </FilterBar>
        {isManager && (
          <Button type="primary" onClick={() => void navigate('/packages/new')}>
            {t('maqam.newPackage')}
          </Button>
        )}
      </div>
      <ConnectionSection list={list} onExport={exportCsv}>
        <PackageTable
          rows={list.rows}
          loading={list.loading}
          label={t('nav.packages')}
          showCompany={!isManager}
          emptyText={status ? t('maqam.noPackagesFiltered') : t('maqam.noPackages')}
        />
      </ConnectionSection>
    </>
  );
}
