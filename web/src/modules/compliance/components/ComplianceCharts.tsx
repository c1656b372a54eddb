import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { directionOf } from '@/lib/locale';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';

const TICK = { fill: '#1f1f1f', fontSize: 12 };

export interface ChartRow {
  key: string;
  label: string;
  count: number;
}

/**
 * One bar chart of counts for the eye, and the same figures in a table, which is what assistive
 * technology reads (the chart is hidden from it).
 */
export function CountChartCard({
  title,
  rows,
  color,
  note,
  horizontal = false,
  format,
  tickFormat,
  valueTitle,
  emptyText,
}: {
  title: string;
  rows: ChartRow[];
  color: string;
  note?: string;
  /** Bars across, for categories whose names are long. */
  horizontal?: boolean;
  /** How a value reads (counts by default; e.g. an amount in SAR). */
  format?: (value: number) => string;
  /** How an axis tick reads (short; `format` by default). */
  tickFormat?: (value: number) => string;
  /** The value column's heading (Count by default). */
  valueTitle?: string;
  /** Shown instead of the chart and table when every value is zero. */
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const n = format ?? ((value: number) => formatNumber(value, language));
  const tick = tickFormat ?? n;
  const valueName = valueTitle ?? t('compliance.count');
  if (emptyText && rows.every((r) => r.count === 0)) {
    return (
      <SectionCard title={title}>
        {note && <p className="compliance-note">{note}</p>}
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      </SectionCard>
    );
  }
  return (
    <SectionCard title={title}>
      {note && <p className="compliance-note">{note}</p>}
      <div className="compliance-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={horizontal ? Math.max(180, rows.length * 30) : 220}>
          {horizontal ? (
            // Long category names read better beside horizontal bars than under vertical ones.
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 8, right: 16, bottom: 4, left: 16 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis
                type="number"
                reversed={rtl}
                tick={TICK}
                allowDecimals={false}
                tickFormatter={(v: number) => tick(v)}
              />
              <YAxis
                type="category"
                dataKey="label"
                orientation={rtl ? 'right' : 'left'}
                width={150}
                tick={TICK}
                interval={0}
              />
              <Tooltip formatter={(value) => n(Number(value))} />
              <Bar dataKey="count" name={valueName} fill={color} isAnimationActive={false} />
            </BarChart>
          ) : (
            <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 16 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="label" reversed={rtl} tick={TICK} interval={0} />
              <YAxis
                orientation={rtl ? 'right' : 'left'}
                tick={TICK}
                allowDecimals={false}
                tickFormatter={(v: number) => tick(v)}
              />
              <Tooltip formatter={(value) => n(Number(value))} />
              <Bar dataKey="count" name={valueName} fill={color} isAnimationActive={false} />
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <Table<ChartRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'label', title: title, dataIndex: 'label' },
          { key: 'count', title: valueName, align: 'end', render: (_, r) => n(r.count) },
        ]}
      />
    </SectionCard>
  );
}
