import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompanyVisaStatsFragment, VisaStatus } from '@/generated/graphql';
import { countryName } from '@/lib/countries';
import { directionOf } from '@/lib/locale';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { VISA_STATUSES, VisaStatusTag } from './VisaStatusTag';

type VisaStats = NonNullable<CompanyVisaStatsFragment['visaStats']>;

interface CardProps {
  company: CompanyVisaStatsFragment;
  /** The pilgrims subgraph failed for this request (its fields are null). */
  failed: boolean;
}

function Unavailable({ failed, emptyText }: { failed: boolean; emptyText: string }) {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={failed ? t('overview.unavailable') : emptyText} />;
}

export function PilgrimsTotalCard({ company, failed }: CardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <SectionCard title={t('overview.pilgrimsTotal')}>
      {company.visaStats ? (
        <p className="big-number">{formatNumber(company.visaStats.total, language)}</p>
      ) : (
        <Unavailable failed={failed} emptyText={t('overview.noNationalities')} />
      )}
    </SectionCard>
  );
}

/** Statuses in workflow order, only those with applications. */
function statusRows(stats: VisaStats): { status: VisaStatus; count: number }[] {
  const counts = new Map(stats.byStatus.map((row) => [row.status, row.count]));
  return VISA_STATUSES.filter((status) => (counts.get(status) ?? 0) > 0).map((status) => ({
    status,
    count: counts.get(status) ?? 0,
  }));
}

/**
 * A bar chart for the eye and, as its text alternative, the same numbers as a table. The chart is
 * hidden from assistive technology so the numbers are read once.
 */
export function VisaStatusCard({ company, failed }: CardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const rows = company.visaStats ? statusRows(company.visaStats) : [];
  const chartData = rows.map((row) => ({ ...row, label: t(`visaStatus.${row.status}`) }));

  return (
    <SectionCard title={t('overview.visasByStatus')}>
      {rows.length === 0 ? (
        <Unavailable failed={failed} emptyText={t('overview.noVisas')} />
      ) : (
        <>
          <div className="visa-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 34 + 40)}>
              <BarChart
                data={chartData}
                layout="vertical"
                margin={{ top: 4, right: 16, bottom: 4, left: 16 }}
                accessibilityLayer={false}
              >
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} reversed={rtl} tick={{ fill: '#333' }} />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={150}
                  orientation={rtl ? 'right' : 'left'}
                  tick={{ fill: '#1f1f1f', fontSize: 13 }}
                />
                <Tooltip formatter={(value) => formatNumber(Number(value), language)} />
                <Bar dataKey="count" fill="#0b6e4f" radius={3} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table
            className="visa-status-table"
            rowKey="status"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                key: 'status',
                title: t('overview.statusColumn'),
                render: (_, row) => <VisaStatusTag status={row.status} />,
              },
              {
                key: 'count',
                title: t('overview.countColumn'),
                align: 'end',
                render: (_, row) => formatNumber(row.count, language),
              },
            ]}
          />
        </>
      )}
    </SectionCard>
  );
}

export function NationalitiesCard({ company, failed, top = 5 }: CardProps & { top?: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows = [...(company.visaStats?.byNationality ?? [])].sort((a, b) => b.count - a.count).slice(0, top);
  return (
    <SectionCard title={t('overview.topNationalities')}>
      {rows.length === 0 ? (
        <Unavailable failed={failed} emptyText={t('overview.noNationalities')} />
      ) : (
        <Table
          rowKey="nationality"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'nationality',
              title: t('overview.nationalityColumn'),
              render: (_, row) => countryName(row.nationality, language),
            },
            {
              key: 'count',
              title: t('overview.pilgrimsColumn'),
              align: 'end',
              render: (_, row) => formatNumber(row.count, language),
            },
          ]}
        />
      )}
    </SectionCard>
  );
}
