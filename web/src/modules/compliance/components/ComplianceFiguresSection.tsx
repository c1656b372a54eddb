import { useQuery } from '@apollo/client/react';
import { Alert, Empty, Form, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ComplianceStatisticsDocument,
  ComplianceTrendDocument,
  type ComplianceStatisticsQuery,
  type ComplianceStatisticsQueryVariables,
  type PartyKind,
} from '@/generated/graphql';
import { formatNumber, formatSar } from '@/lib/money';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useLanguage } from '@/lib/useLanguage';
import { useComplianceParties } from '../hooks/useCompliance';
import { monthRange, PERIODS, formatMonth, type Period } from '../lib/trendData';
import { CountChartCard } from './ComplianceCharts';
import { ComplianceTrendCard } from './ComplianceTrendCard';

type Statistics = NonNullable<ComplianceStatisticsQuery['complianceStatistics']>;
type Scope = Pick<ComplianceStatisticsQueryVariables, 'companyId' | 'providerId' | 'party'>;

/** Whose figures, as one select value: all companies, all providers, one company or one provider. */
function scopeOf(whom: string): Scope {
  const [kind, id] = whom.split(':');
  if (kind === 'company') return { companyId: id };
  if (kind === 'provider') return { providerId: id };
  return { party: (id as PartyKind | undefined) ?? 'COMPANY' };
}

interface FilterValues {
  whom: string;
  period: Period;
}

/**
 * The figures of a period from the API's monthly aggregates (charts by status, category, type and
 * fines) and the month-by-month trend. The ministry chooses whose figures; a manager sees their own
 * company's, which the API enforces. Nothing here changes data.
 */
export function ComplianceFiguresSection({ ministry }: { ministry: boolean }) {
  const { t } = useTranslation();
  const initial: FilterValues = { whom: 'all:COMPANY', period: 12 };
  const [values, setValues] = useState<FilterValues>(initial);
  const range = monthRange(todayInRiyadh(), values.period);
  const variables = { ...range, ...(ministry ? scopeOf(values.whom) : {}) };
  const overall = ministry && values.whom.startsWith('all:');
  return (
    <>
      <Form<FilterValues>
        name="complianceFigureFilters"
        layout="vertical"
        className="filter-bar compliance-filters"
        role="search"
        aria-label={t('compliance.figures.filters')}
        initialValues={initial}
        onValuesChange={(_, all) => setValues({ ...initial, ...all })}
      >
        {ministry && <WhomField />}
        <Form.Item label={t('compliance.figures.period')} name="period">
          <Select
            className="filter-bar__select"
            options={PERIODS.map((months) => ({
              value: months,
              label: t('compliance.figures.periodOption', { months }),
            }))}
          />
        </Form.Item>
      </Form>
      <Figures variables={variables} overall={overall} />
    </>
  );
}

function WhomField() {
  const { t } = useTranslation();
  const parties = useComplianceParties();
  return (
    <Form.Item label={t('compliance.figures.whom')} name="whom">
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={parties.loading}
        className="filter-bar__select filter-bar__select--wide"
        options={[
          {
            label: t('compliance.figures.everyone'),
            options: [
              { value: 'all:COMPANY', label: t('compliance.figures.allCompanies') },
              { value: 'all:PROVIDER', label: t('compliance.figures.allProviders') },
            ],
          },
          {
            label: t('compliance.companies'),
            options: parties.companies.map((c) => ({ value: `company:${c.value}`, label: c.label })),
          },
          {
            label: t('compliance.providers'),
            options: parties.providers.map((p) => ({ value: `provider:${p.value}`, label: p.label })),
          },
        ]}
      />
    </Form.Item>
  );
}

function Figures({ variables, overall }: { variables: ComplianceStatisticsQueryVariables; overall: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const stats = useQuery(ComplianceStatisticsDocument, { variables });
  const trend = useQuery(ComplianceTrendDocument, { variables });
  const current = (stats.data ?? stats.previousData)?.complianceStatistics;
  const points = (trend.data ?? trend.previousData)?.complianceTrend?.points;
  const loading = (
    <Spin tip={t('compliance.loading')}>
      <div className="compliance-loading" />
    </Spin>
  );
  const period = t('compliance.figures.range', {
    from: formatMonth(variables.fromMonth, language),
    to: formatMonth(variables.toMonth, language),
  });
  return (
    <>
      {stats.loading && !current ? (
        loading
      ) : stats.error && !current ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !current ? (
        <Alert type="info" showIcon title={t('compliance.figures.none')} />
      ) : (
        <StatisticsCharts stats={current} period={period} />
      )}
      {trend.loading && !points ? (
        loading
      ) : trend.error && !points ? (
        <QueryError error={trend.error} onRetry={() => void trend.refetch()} />
      ) : points ? (
        <ComplianceTrendCard points={points} overall={overall} />
      ) : (
        <Empty description={t('compliance.figures.none')} />
      )}
    </>
  );
}

function StatisticsCharts({ stats, period }: { stats: Statistics; period: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (v: number) => formatNumber(v, language);
  const sar = (v: number) => formatSar(Math.round(v), language);
  const empty = t('compliance.figures.empty');
  const summary = [
    { key: 'complaints', label: t('compliance.figures.complaints'), value: n(stats.complaintsTotal) },
    { key: 'sla', label: t('compliance.slaBreaches'), value: n(stats.slaBreaches) },
    { key: 'upheld', label: t('compliance.complaintsUpheld'), value: n(stats.complaintsUpheld) },
    { key: 'violations', label: t('compliance.figures.violations'), value: n(stats.violationsTotal) },
    { key: 'fines', label: t('compliance.figures.fines'), value: sar(stats.finesHalalas) },
    { key: 'overstays', label: t('compliance.overstays'), value: n(stats.overstays) },
    { key: 'inspections', label: t('compliance.figures.inspections'), value: n(stats.inspections) },
  ];
  return (
    <>
      <SectionCard title={t('compliance.figures.summary')}>
        <p className="compliance-note">
          {period}. {t('compliance.figures.note')}
        </p>
        <dl className="compliance-summary">
          {summary.map((item) => (
            <div key={item.key} className="compliance-summary__item">
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      </SectionCard>
      <div className="compliance-charts">
        <CountChartCard
          title={t('compliance.complaintsByStatus')}
          horizontal
          color="#1d4ed8"
          emptyText={empty}
          rows={[
            ...stats.complaintsByStatus.map((c) => ({
              key: c.status,
              label: t(`complaintStatus.${c.status}`),
              count: c.count,
            })),
            { key: 'breached', label: t('compliance.sla.filterBreached'), count: stats.slaBreaches },
          ]}
        />
        <CountChartCard
          title={t('compliance.figures.complaintsByCategory')}
          horizontal
          color="#0e7490"
          emptyText={empty}
          rows={stats.complaintsByCategory.map((c) => ({
            key: c.category,
            label: t(`complaintCategory.${c.category}`),
            count: c.count,
          }))}
        />
        <CountChartCard
          title={t('compliance.violationsByType')}
          horizontal
          color="#b45309"
          emptyText={empty}
          rows={stats.violationsByType.map((v) => ({
            key: v.type,
            label: t(`violationType.${v.type}`),
            count: v.count,
          }))}
        />
        <CountChartCard
          title={t('compliance.figures.finesByStatus')}
          horizontal
          color="#9f1239"
          emptyText={empty}
          valueTitle={t('compliance.fines')}
          format={sar}
          tickFormat={(v) => n(v / 100)}
          rows={stats.violationsByStatus.map((v) => ({
            key: v.status,
            label: t('compliance.figures.statusCount', {
              status: t(`violationStatus.${v.status}`),
              count: v.count,
              formatted: n(v.count),
            }),
            count: v.finesHalalas,
          }))}
        />
      </div>
    </>
  );
}
