import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CompanyPackagesFragment } from '@/generated/graphql';
import { DataTable } from '@/lib/DataTable';
import { formatNumber, formatSar } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { localized, useLanguage } from '@/lib/useLanguage';
import { PackageStatusTag } from './PackageStatusTag';

type PackageRow = NonNullable<CompanyPackagesFragment['packages']>['edges'][number]['node'];

export function PackagesCard({ company, failed }: { company: CompanyPackagesFragment; failed: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const connection = company.packages;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  const columns: ColumnsType<PackageRow> = [
    { key: 'name', title: t('packages.name'), render: (_, row) => localized(language, row.nameAr, row.nameEn) },
    { key: 'status', title: t('packages.status'), render: (_, row) => <PackageStatusTag status={row.status} /> },
    {
      key: 'price',
      title: t('packages.price'),
      align: 'end',
      render: (_, row) => formatSar(row.priceHalalas, language),
    },
    { key: 'makkah', title: t('packages.makkahNights'), align: 'end', dataIndex: 'makkahNights' },
    { key: 'madinah', title: t('packages.madinahNights'), align: 'end', dataIndex: 'madinahNights' },
  ];

  return (
    <SectionCard
      title={t('overview.packages')}
      extra={
        connection ? (
          <span>
            {t('packages.total', {
              count: connection.totalCount,
              formatted: formatNumber(connection.totalCount, language),
            })}
          </span>
        ) : undefined
      }
    >
      <DataTable<PackageRow>
        label={t('overview.packages')}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: failed && !connection ? t('overview.unavailable') : t('overview.noPackages') }}
      />
    </SectionCard>
  );
}
