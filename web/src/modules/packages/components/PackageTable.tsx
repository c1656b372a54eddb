import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DualDate } from '@/lib/DualDate';
import { DataTable } from '@/lib/DataTable';
import { formatSar } from '@/lib/money';
import { localized, useLanguage } from '@/lib/useLanguage';
import type { PackageRow } from '../hooks/usePackages';
import { PackageStatusTag } from './PackageStatusTag';

interface PackageTableProps {
  rows: PackageRow[];
  loading: boolean;
  label: string;
  emptyText: string;
  showCompany: boolean;
  /** The approval queue shows when each package was sent. */
  showSubmitted?: boolean;
}

export function PackageTable({ rows, loading, label, emptyText, showCompany, showSubmitted }: PackageTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: ColumnsType<PackageRow> = [
    {
      key: 'name',
      title: t('packages.name'),
      render: (_, row) => <Link to={`/packages/${row.id}`}>{localized(language, row.nameAr, row.nameEn)}</Link>,
    },
    ...(showCompany
      ? [
          {
            key: 'company',
            title: t('maqam.company'),
            render: (_: unknown, row: PackageRow) =>
              localized(language, row.company.nameAr ?? '', row.company.nameEn ?? ''),
          },
        ]
      : []),
    { key: 'status', title: t('packages.status'), render: (_, row) => <PackageStatusTag status={row.status} /> },
    {
      key: 'price',
      title: t('packages.price'),
      align: 'end',
      render: (_, row) => formatSar(row.priceHalalas, language),
    },
    { key: 'makkah', title: t('packages.makkahNights'), align: 'end', dataIndex: 'makkahNights' },
    { key: 'madinah', title: t('packages.madinahNights'), align: 'end', dataIndex: 'madinahNights' },
    {
      key: 'sale',
      title: t('maqam.saleWindow'),
      render: (_, row) => (
        <>
          <DualDate value={row.saleStartsOn} inline month="short" />
          {' – '}
          <DualDate value={row.saleEndsOn} inline month="short" />
        </>
      ),
    },
    ...(showSubmitted
      ? [
          {
            key: 'submitted',
            title: t('maqam.submittedAt'),
            render: (_: unknown, row: PackageRow) => <DualDate value={row.submittedAt} inline withTime month="short" />,
          },
        ]
      : []),
  ];
  return (
    <DataTable<PackageRow>
      label={label}
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText }}
    />
  );
}
