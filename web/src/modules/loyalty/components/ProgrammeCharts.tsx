import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoyaltyProgrammeQuery } from '@/generated/graphql';
import { directionOf, intlLocale } from '@/lib/locale';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';

type Month = LoyaltyProgrammeQuery['loyaltyProgrammeStatistics']['byMonth'][number];
const TICK = { fill: '#1f1f1f', fontSize: 12 };
// Colours with at least 3:1 contrast against white and apart from each other.
const SERIES = [
  { key: 'earned', color: '#0b6e4f' },
  { key: 'redeemed', color: '#1d4ed8' },
  { key: 'expired', color: '#b45309' },
] as const;

function monthLabel(month: string, language: 'ar' | 'en'): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    calendar: 'gregory',
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T00:00:00Z`));
}

/**
 * Points earned, redeemed and expired per month: a bar chart for the eye, the same figures (and
 * refunds and adjustments) in the table beside it, which is what assistive technology reads.
 */
export function MonthlyPointsCard({ months }: { months: readonly Month[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const n = (value: number) => formatNumber(value, language);
  const data = months.map((m) => ({ ...m, label: monthLabel(m.month, language) }));
  return (
    <SectionCard title={t('loyalty.byMonth')}>
      <div className="loyalty-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" reversed={rtl} tick={TICK} />
            <YAxis orientation={rtl ? 'right' : 'left'} tick={TICK} tickFormatter={(v: number) => n(v)} />
            <Tooltip formatter={(value) => n(Number(value))} />
            <Legend />
            {SERIES.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={t(`loyalty.series.${s.key}`)}
                fill={s.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={[...months].reverse()}
        scroll={{ x: true }}
        columns={[
          { key: 'month', title: t('loyalty.month'), render: (_, m) => monthLabel(m.month, language) },
          ...(['earned', 'redeemed', 'refunded', 'expired', 'adjusted'] as const).map((key) => ({
            key,
            title: t(`loyalty.series.${key}`),
            align: 'end' as const,
            render: (_: unknown, m: Month) => n(m[key]),
          })),
        ]}
      />
    </SectionCard>
  );
}
