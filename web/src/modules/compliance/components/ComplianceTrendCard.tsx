import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComplianceTrendQuery } from '@/generated/graphql';
import { directionOf, intlLocale } from '@/lib/locale';
import { formatNumber, formatSar } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { formatMonth, hasActivity, hijriSpan } from '../lib/trendData';

type TrendPoint = NonNullable<ComplianceTrendQuery['complianceTrend']>['points'][number];

const TICK = { fill: '#1f1f1f', fontSize: 12 };
/** The counts drawn beside the score, with their colours. */
const SERIES = [
  { key: 'violations', color: '#b45309' },
  { key: 'complaints', color: '#1d4ed8' },
  { key: 'slaBreaches', color: '#7c3aed' },
  { key: 'overstays', color: '#b91c1c' },
] as const;
type SeriesKey = (typeof SERIES)[number]['key'] | 'score';

/**
 * The month-by-month score (left axis, 0–100) with what was counted each month (right axis), and
 * every month's figures in a table that opens on request: the chart's text alternative.
 */
export function ComplianceTrendCard({ points, overall }: { points: readonly TrendPoint[]; overall: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const n = (v: number) => formatNumber(v, language);
  const score = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 });
  const label = (key: SeriesKey) => t(`compliance.trend.${key}`);
  const data = points.map((p) => ({ ...p }));
  return (
    <SectionCard title={t('compliance.trend.title')}>
      <p className="compliance-note">
        {t('compliance.trend.caption')} {overall ? t('compliance.trend.overallCaption') : ''}
      </p>
      {!hasActivity(points) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.trend.empty')} />
      ) : (
        <div className="compliance-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="month"
                reversed={rtl}
                tick={TICK}
                tickFormatter={(m: string) => formatMonth(m, language, 'short')}
                minTickGap={16}
              />
              <YAxis
                yAxisId="score"
                domain={[0, 100]}
                orientation={rtl ? 'right' : 'left'}
                tick={TICK}
                width={40}
                tickFormatter={(v: number) => n(v)}
              />
              <YAxis
                yAxisId="count"
                allowDecimals={false}
                orientation={rtl ? 'left' : 'right'}
                tick={TICK}
                width={40}
                tickFormatter={(v: number) => n(v)}
              />
              <Tooltip
                labelFormatter={(m) => formatMonth(String(m), language)}
                formatter={(value, key) => [
                  key === 'score' ? score.format(Number(value)) : n(Number(value)),
                  label(key as SeriesKey),
                ]}
              />
              <Legend itemSorter={null} formatter={(key) => label(key as SeriesKey)} />
              <Line
                yAxisId="score"
                type="linear"
                dataKey="score"
                stroke="#0b6e4f"
                strokeWidth={3}
                isAnimationActive={false}
              />
              {SERIES.map((s) => (
                <Line
                  key={s.key}
                  yAxisId="count"
                  type="linear"
                  dataKey={s.key}
                  stroke={s.color}
                  strokeWidth={1.5}
                  strokeDasharray="4 3"
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="compliance-trend-table">
        <summary>{t('compliance.trend.table')}</summary>
        <div className="table-scroll" role="region" aria-label={t('compliance.trend.table')} tabIndex={0}>
          <Table<TrendPoint>
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={[...points]}
            columns={[
              {
                key: 'month',
                title: t('compliance.trend.month'),
                render: (_, p) => (
                  <span className="compliance-parties">
                    <span>{formatMonth(p.month, language)}</span>
                    <span className="compliance-note">{hijriSpan(p.month, language)}</span>
                  </span>
                ),
              },
              {
                key: 'score',
                title: label('score'),
                align: 'end',
                render: (_, p) => score.format(p.score),
              },
              ...SERIES.map((s) => ({
                key: s.key,
                title: label(s.key),
                align: 'end' as const,
                render: (_: unknown, p: TrendPoint) => n(p[s.key]),
              })),
              {
                key: 'upheld',
                title: t('compliance.trend.complaintsUpheld'),
                align: 'end',
                render: (_, p) => n(p.complaintsUpheld),
              },
              {
                key: 'fines',
                title: t('compliance.fines'),
                align: 'end',
                render: (_, p) => formatSar(p.finesHalalas, language),
              },
            ]}
          />
        </div>
      </details>
    </SectionCard>
  );
}
