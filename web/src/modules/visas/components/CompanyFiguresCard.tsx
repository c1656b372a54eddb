import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import type { VisaDashboardQuery } from '@/generated/graphql';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { localized, useLanguage } from '@/lib/useLanguage';

type CompanyRow = NonNullable<VisaDashboardQuery['visaStatistics']>['byCompany'][number];

const MINISTRY = new Set(['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER']);

/** Per company: applications, visas issued, pilgrims in the Kingdom now and overstays. */
export function CompanyFiguresCard({ rows }: { rows: readonly CompanyRow[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const links = MINISTRY.has(role);
  const number = (value: number) => formatNumber(value, language);
  return (
    <SectionCard title={t('visaDashboard.byCompany')}>
      <div className="table-scroll" role="region" aria-label={t('visaDashboard.byCompany')} tabIndex={0}>
        <Table
          rowKey={(row) => row.company.id}
          size="small"
          pagination={false}
          dataSource={[...rows]}
          locale={{ emptyText: t('visaDashboard.noData') }}
          columns={[
            {
              key: 'company',
              title: t('visaDashboard.companyColumn'),
              render: (_, row) => {
                const name = localized(language, row.company.nameAr, row.company.nameEn);
                return links ? <Link to={`/companies/${row.company.id}`}>{name}</Link> : name;
              },
            },
            { key: 'total', title: t('visaDashboard.total'), align: 'end', render: (_, row) => number(row.total) },
            { key: 'issued', title: t('visaDashboard.issued'), align: 'end', render: (_, row) => number(row.issued) },
            {
              key: 'inKingdom',
              title: t('visaDashboard.inKingdomNow'),
              align: 'end',
              render: (_, row) => number(row.inKingdomNow),
            },
            {
              key: 'overstays',
              title: t('visaDashboard.overstays'),
              align: 'end',
              render: (_, row) =>
                row.overstays > 0 ? <strong>{number(row.overstays)}</strong> : number(row.overstays),
            },
          ]}
        />
      </div>
    </SectionCard>
  );
}
