import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { VisaStatus } from '@/generated/graphql';
import { countryName } from '@/lib/countries';
import { DualDate } from '@/lib/DualDate';
import { formatGregorian } from '@/lib/dates';
import { directionOf, intlLocale } from '@/lib/locale';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { seriesTotals, STATUS_COLOR, statusRows, topNationalities, type DayPoint } from '../lib/chartData';

const TICK = { fill: '#1f1f1f', fontSize: 12 };

function NoData({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

/**
 * Applications per status: a bar chart for the eye and the same numbers as a table, its text
 * alternative (the chart is hidden from assistive technology so the numbers are read once).
 */
export function StatusChartCard({ byStatus }: { byStatus: readonly { status: VisaStatus; count: number }[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const rows = statusRows(byStatus, { nonZero: true });
  const data = rows.map((row) => ({ ...row, label: t(`visaStatus.${row.status}`) }));
  return (
    <SectionCard title={t('visaDashboard.byStatus')}>
      {rows.length === 0 ? (
        <NoData text={t('visaDashboard.noData')} />
      ) : (
        <>
          <div className="visa-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 32 + 40)}>
              <BarChart
                data={data}
                layout="vertical"
                margin={{ top: 4, right: 16, bottom: 4, left: 16 }}
                accessibilityLayer={false}
              >
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} reversed={rtl} tick={TICK} />
                <YAxis type="category" dataKey="label" width={140} orientation={rtl ? 'right' : 'left'} tick={TICK} />
                <Tooltip formatter={(value) => formatNumber(Number(value), language)} />
                <Bar dataKey="count" radius={3} isAnimationActive={false}>
                  {data.map((row) => (
                    <Cell key={row.status} fill={STATUS_COLOR[row.status]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table
            rowKey="status"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                key: 'status',
                title: t('visaDashboard.statusColumn'),
                render: (_, row) => <VisaStatusTag status={row.status} />,
              },
              {
                key: 'count',
                title: t('visaDashboard.countColumn'),
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

/** Applications per nationality: the largest ten in a bar chart, all of them in the table beside it. */
export function NationalityChartCard({
  byNationality,
}: {
  byNationality: readonly { nationality: string; count: number }[];
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const top = topNationalities(byNationality, 10);
  const all = topNationalities(byNationality, byNationality.length);
  const name = (code: string | null) => (code ? countryName(code, language) : t('visaDashboard.others'));
  const percent = new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 });
  const data = top.map((row) => ({ ...row, label: name(row.nationality) }));
  return (
    <SectionCard title={t('visaDashboard.byNationality')}>
      {all.length === 0 ? (
        <NoData text={t('visaDashboard.noData')} />
      ) : (
        <div className="visa-split">
          <div className="visa-chart visa-split__chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={Math.max(180, data.length * 30 + 40)}>
              <BarChart
                data={data}
                layout="vertical"
                margin={{ top: 4, right: 16, bottom: 4, left: 16 }}
                accessibilityLayer={false}
              >
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} reversed={rtl} tick={TICK} />
                <YAxis type="category" dataKey="label" width={130} orientation={rtl ? 'right' : 'left'} tick={TICK} />
                <Tooltip formatter={(value) => formatNumber(Number(value), language)} />
                <Bar dataKey="count" fill="#0b6e4f" radius={3} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="visa-split__table">
            <Table
              rowKey={(row) => row.nationality ?? 'others'}
              size="small"
              pagination={false}
              dataSource={all}
              scroll={{ y: 360 }}
              columns={[
                {
                  key: 'nationality',
                  title: t('visaDashboard.nationalityColumn'),
                  render: (_, row) => name(row.nationality),
                },
                {
                  key: 'count',
                  title: t('visaDashboard.countColumn'),
                  align: 'end',
                  render: (_, row) => formatNumber(row.count, language),
                },
                {
                  key: 'share',
                  title: t('visaDashboard.share'),
                  align: 'end',
                  render: (_, row) => percent.format(row.share),
                },
              ]}
            />
          </div>
        </div>
      )}
    </SectionCard>
  );
}

interface DailyChartCardProps {
  points: readonly DayPoint[];
  statuses: readonly VisaStatus[];
  from: string;
  to: string;
}

/**
 * Steps reached per day (submitted, issued, arrived…) as lines, with the totals as a table and
 * every day's numbers in a table that opens on request.
 */
export function DailyChartCard({ points, statuses, from, to }: DailyChartCardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const totals = seriesTotals(points, statuses);
  const nothing = statuses.every((status) => (totals[status] ?? 0) === 0);
  const tick = (day: string) => formatGregorian(day, language, { month: 'short' }).replace(/\s*\d{4}$/, '');
  const caption = t('visaDashboard.byDayCaption', {
    from: formatGregorian(from, language),
    to: formatGregorian(to, language),
  });
  return (
    <SectionCard title={t('visaDashboard.byDay')}>
      <p className="muted visa-chart__caption">{caption}</p>
      {nothing ? (
        <NoData text={t('visaDashboard.noDays')} />
      ) : (
        <>
          <div className="visa-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={300}>
              <LineChart
                data={[...points]}
                margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" tickFormatter={tick} reversed={rtl} tick={TICK} minTickGap={24} />
                <YAxis allowDecimals={false} orientation={rtl ? 'right' : 'left'} tick={TICK} width={40} />
                <Tooltip
                  labelFormatter={(day) => formatGregorian(String(day), language)}
                  formatter={(value, key) => [
                    formatNumber(Number(value), language),
                    t(`visaStatus.${key as VisaStatus}`),
                  ]}
                />
                <Legend itemSorter={null} formatter={(key) => t(`visaStatus.${key as VisaStatus}`)} />
                {statuses.map((status) => (
                  <Line
                    key={status}
                    type="linear"
                    dataKey={status}
                    stroke={STATUS_COLOR[status]}
                    strokeWidth={2}
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
      <h3 className="visa-chart__subheading">{t('visaDashboard.byDayTotals')}</h3>
      <Table
        rowKey="status"
        size="small"
        pagination={false}
        dataSource={statuses.map((status) => ({ status, count: totals[status] ?? 0 }))}
        columns={[
          {
            key: 'status',
            title: t('visaDashboard.statusColumn'),
            render: (_, row) => <VisaStatusTag status={row.status} />,
          },
          {
            key: 'count',
            title: t('visaDashboard.countColumn'),
            align: 'end',
            render: (_, row) => formatNumber(row.count, language),
          },
        ]}
      />
      {!nothing && (
        <details className="visa-days">
          <summary>{t('visaDashboard.byDayTable')}</summary>
          <div className="table-scroll" role="region" aria-label={t('visaDashboard.byDayTable')} tabIndex={0}>
            <Table
              rowKey="day"
              size="small"
              pagination={false}
              dataSource={points.filter((p) => statuses.some((s) => (p[s] ?? 0) > 0))}
              columns={[
                { key: 'day', title: t('visaDashboard.day'), render: (_, p) => <DualDate value={p.day} inline /> },
                ...statuses.map((status) => ({
                  key: status,
                  title: t(`visaStatus.${status}`),
                  align: 'end' as const,
                  render: (_: unknown, p: DayPoint) => formatNumber(p[status] ?? 0, language),
                })),
              ]}
            />
          </div>
        </details>
      )}
    </SectionCard>
  );
}
