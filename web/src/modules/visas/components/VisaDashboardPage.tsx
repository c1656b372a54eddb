import { useQuery } from '@apollo/client/react';
import { Alert, Col, Empty, Form, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import {
  VisaDashboardDocument,
  VisaPipelineStatisticsDocument,
  VisaSeasonsDocument,
  type VisaStatus,
} from '@/generated/graphql';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { VISA_STATUSES } from '@/modules/pilgrims/components/VisaStatusTag';
import { dailySeries, dayRange } from '../lib/chartData';
import { CompanyFiguresCard } from './CompanyFiguresCard';
import { DailyChartCard, NationalityChartCard, StatusChartCard } from './DashboardCharts';
import { OverstayList } from './OverstayList';
import './visas.css';

const RANGES = [30, 60, 90] as const;
const DEFAULT_DAY_STATUSES: VisaStatus[] = ['SUBMITTED', 'ISSUED', 'ARRIVED'];

interface FilterValues {
  season?: string;
  companyId?: string;
  days: (typeof RANGES)[number];
  dayStatuses: VisaStatus[];
}

/**
 * The visa figures of a season for the ministry (all companies or one) and for a manager (their
 * own company, which the API enforces): big numbers, charts with their tables, per-company
 * figures and the overstay list. Nothing here changes data.
 */
export function VisaDashboardPage() {
  const { t } = useTranslation();
  const seasons = useQuery(VisaSeasonsDocument);
  useDocumentTitle(t('visaDashboard.title'));
  if (seasons.loading && !seasons.data) return <PageLoading />;
  if (!seasons.data) {
    return (
      <>
        <PageHeader title={t('visaDashboard.title')} />
        <QueryError error={seasons.error} onRetry={() => void seasons.refetch()} />
      </>
    );
  }
  const years = seasons.data.seasons.map((s) => s.hijriYear);
  return <Dashboard years={years} initialSeason={seasons.data.currentSeason?.hijriYear ?? years[0] ?? null} />;
}

function Dashboard({ years, initialSeason }: { years: readonly string[]; initialSeason: string | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const ministry = role === 'MINISTRY_SUPERVISOR' || role === 'MINISTRY_OFFICER';
  const initial: FilterValues = {
    ...(initialSeason ? { season: initialSeason } : {}),
    days: 90,
    dayStatuses: DEFAULT_DAY_STATUSES,
  };
  const [form] = Form.useForm<FilterValues>();
  const [values, setValues] = useState<FilterValues>(initial);
  const today = todayInRiyadh();
  const { from, to } = useMemo(() => dayRange(today, values.days), [today, values.days]);
  const dayStatuses = values.dayStatuses.length > 0 ? values.dayStatuses : DEFAULT_DAY_STATUSES;
  const season = values.season ?? null;
  const companyId = values.companyId ?? null;

  const { data, previousData, loading, error, refetch } = useQuery(VisaDashboardDocument, {
    variables: { season, companyId, from, to, dayStatuses },
  });
  const companies = useQuery(VisaPipelineStatisticsDocument, {
    variables: { season, companyId: null, ministry: true },
    skip: !ministry,
  });
  const companyOptions = (companies.data?.companies?.byCompany ?? []).map(({ company }) => ({
    value: company.id,
    label: localized(language, company.nameAr, company.nameEn),
  }));

  const stats = (data ?? previousData)?.visaStatistics ?? null;
  const points = useMemo(() => dailySeries(stats?.byDay ?? [], from, to, dayStatuses), [stats, from, to, dayStatuses]);
  const issued = stats?.byCompany.reduce((sum, row) => sum + row.issued, 0) ?? 0;
  const scope = stats?.company
    ? localized(language, stats.company.nameAr, stats.company.nameEn)
    : t('visaDashboard.allCompanies');

  const filters = (
    <FilterBar
      form={form}
      name="visaDashboardFilters"
      label={t('visaDashboard.filters')}
      initialValues={initial}
      onChange={(all) => setValues({ ...initial, ...all })}
    >
      <FilterSelect
        label={t('visaDashboard.season')}
        name="season"
        allowClear={false}
        options={years.map((year) => ({ value: year, label: t('visas.seasonOption', { year }) }))}
      />
      {ministry && (
        <FilterSelect
          label={t('visaDashboard.company')}
          name="companyId"
          searchable
          wide
          placeholder={t('visaDashboard.allCompanies')}
          options={companyOptions}
        />
      )}
      <FilterSelect
        label={t('visaDashboard.range')}
        name="days"
        allowClear={false}
        options={RANGES.map((days) => ({ value: days, label: t('visaDashboard.rangeOption', { days }) }))}
      />
      <FilterSelect
        label={t('visaDashboard.dayStatuses')}
        name="dayStatuses"
        mode="multiple"
        allowClear={false}
        className="visa-dashboard__statuses"
        options={VISA_STATUSES.map((status) => ({ value: status, label: t(`visaStatus.${status}`) }))}
      />
    </FilterBar>
  );

  const header = (
    <PageHeader
      title={t('visaDashboard.title')}
      subtitle={stats ? t('visaDashboard.subtitle', { season: stats.season, scope }) : undefined}
    />
  );

  if (loading && !stats) {
    return (
      <>
        {header}
        {filters}
        <PageLoading />
      </>
    );
  }
  if (!stats) {
    return (
      <>
        {header}
        {filters}
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Empty description={t('visaDashboard.noData')} />
        )}
      </>
    );
  }

  const big = [
    { key: 'total', label: t('visaDashboard.total'), value: stats.total },
    { key: 'issued', label: t('visaDashboard.issued'), value: issued },
    { key: 'inKingdomNow', label: t('visaDashboard.inKingdomNow'), value: stats.inKingdomNow },
    { key: 'overstays', label: t('visaDashboard.overstays'), value: stats.overstays, alarm: stats.overstays > 0 },
  ];

  return (
    <>
      {header}
      {filters}
      {error && <Alert className="page-alert" type="warning" showIcon title={t('errors.partial')} />}
      <Row gutter={[16, 16]}>
        {big.map((item) => (
          <Col key={item.key} xs={12} lg={6}>
            <SectionCard title={item.label} className="visa-big">
              <p className={item.alarm ? 'big-number visa-big__alarm' : 'big-number'}>
                {formatNumber(item.value, language)}
              </p>
            </SectionCard>
          </Col>
        ))}
        <Col span={24}>
          <DailyChartCard points={points} statuses={dayStatuses} from={from} to={to} />
        </Col>
        <Col span={24}>
          <NationalityChartCard byNationality={stats.byNationality} />
        </Col>
        <Col xs={24} xl={12}>
          <StatusChartCard byStatus={stats.byStatus} />
        </Col>
        <Col xs={24} xl={12}>
          <CompanyFiguresCard rows={stats.byCompany} />
        </Col>
        <Col span={24}>
          <OverstayList season={season} companyId={companyId} />
        </Col>
      </Row>
    </>
  );
}
