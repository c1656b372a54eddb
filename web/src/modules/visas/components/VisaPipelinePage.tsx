import { useQuery } from '@apollo/client/react';
import { Alert, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import {
  VisaPipelineStatisticsDocument,
  VisaSeasonsDocument,
  type VisaApplicationFilter,
  type VisaStatus,
} from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { countryName, countryOptions } from '@/lib/countries';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatHijri } from '@/lib/dates';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { VISA_STATUSES } from '@/modules/pilgrims/components/VisaStatusTag';
import { useVisaApplications, visaOrderOf, type VisaRow, type VisaSort } from '../hooks/useVisaApplications';
import { mayReadStatistics } from '../lib/visaActions';
import { StatusGuide } from './StatusGuide';
import { VisaActionError } from './VisaActionError';
import { VisaStatusOverview } from './VisaStatusOverview';
import { VisaTable } from './VisaTable';
import './visas.css';

interface FilterValues {
  season?: string;
  statuses?: VisaStatus[];
  nationality?: string;
  companyId?: string;
}

/**
 * The visa pipeline: counts per status and the applications of a season, filtered. The ministry
 * sees every company's, a manager the company's (and approves or rejects submitted ones here), an
 * agent its own (and may withdraw them).
 */
export function VisaPipelinePage() {
  const { t } = useTranslation();
  const seasons = useQuery(VisaSeasonsDocument);
  useDocumentTitle(t('visas.title'));
  if (seasons.loading && !seasons.data) return <PageLoading />;
  if (!seasons.data) {
    return (
      <>
        <PageHeader title={t('visas.title')} />
        <QueryError error={seasons.error} onRetry={() => void seasons.refetch()} />
      </>
    );
  }
  const years = seasons.data.seasons.map((s) => s.hijriYear);
  const current = seasons.data.currentSeason?.hijriYear ?? years[0] ?? null;
  return <Pipeline years={years} initialSeason={current} />;
}

function Pipeline({ years, initialSeason }: { years: readonly string[]; initialSeason: string | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const readOnly = isReadOnly(role);
  const ministry = role === 'MINISTRY_SUPERVISOR' || role === 'MINISTRY_OFFICER';
  const withStatistics = mayReadStatistics(role);
  const initial: FilterValues = initialSeason ? { season: initialSeason } : {};
  const [form] = Form.useForm<FilterValues>();
  const [values, setValues] = useState<FilterValues>(initial);
  const [refusal, setRefusal] = useState<{ row: VisaRow; error: unknown } | null>(null);

  const filter = useMemo<VisaApplicationFilter>(
    () => ({
      ...(values.season ? { season: values.season } : {}),
      ...(values.statuses?.length ? { statuses: values.statuses } : {}),
      ...(values.nationality ? { nationality: values.nationality } : {}),
      ...(values.companyId ? { companyId: values.companyId } : {}),
    }),
    [values.season, values.statuses, values.nationality, values.companyId],
  );
  // Sorted on the server: a click on a header asks for the list again from its first page.
  const [sort, setSort] = useState<VisaSort | null>(null);
  const orderBy = useMemo(() => visaOrderOf(sort), [sort]);
  const list = useVisaApplications(filter, orderBy);
  const { rows, loading, hasData, totalCount } = list;
  const stats = useQuery(VisaPipelineStatisticsDocument, {
    variables: { season: values.season ?? null, companyId: values.companyId ?? null, ministry },
    skip: !withStatistics,
  });
  const nationalities = useMemo(() => countryOptions(language), [language]);
  const companyOptions = (stats.data?.companies?.byCompany ?? stats.previousData?.companies?.byCompany ?? []).map(
    ({ company }) => ({ value: company.id, label: localized(language, company.nameAr, company.nameEn) }),
  );
  const season = values.season ?? stats.data?.visaStatistics?.season ?? '';

  const update = (next: FilterValues) => {
    setValues(next);
    setRefusal(null);
  };
  const selectStatus = (status: VisaStatus | null) => {
    const next = { ...values, statuses: status ? [status] : [] };
    form.setFieldsValue({ statuses: next.statuses });
    update(next);
  };
  const clearFilters = () => {
    form.resetFields();
    update(initial);
  };

  const exportCsv = () => {
    const header = [
      t('visas.nameAr'),
      t('visas.nameEn'),
      t('visas.passport'),
      t('visas.nationality'),
      `${t('visas.nationality')} (ISO)`,
      t('visas.statuses'),
      t('visas.submittedAt'),
      `${t('visas.submittedAt')} (${t('common.hijri')})`,
      t('visas.mofaReference'),
      t('visas.visaNumber'),
      t('visas.company'),
      t('visas.agent'),
    ];
    const data = rows.map((row) => [
      row.pilgrim.fullNameAr,
      row.pilgrim.fullNameEn,
      row.pilgrim.passportNumber,
      countryName(row.nationality, language),
      row.nationality,
      t(`visaStatus.${row.status}`),
      row.submittedAt,
      formatHijri(row.submittedAt, language, { withTime: true }),
      row.mofaReference,
      row.visaNumber,
      localized(language, row.company.nameAr, row.company.nameEn),
      row.agent?.name ?? '',
    ]);
    downloadCsv(`${t('visas.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  const refusedName = refusal
    ? localized(language, refusal.row.pilgrim.fullNameAr, refusal.row.pilgrim.fullNameEn)
    : '';

  return (
    <>
      <PageHeader
        title={t('visas.title')}
        tags={readOnly ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          hasData ? t('visas.total', { count: totalCount, formatted: formatNumber(totalCount, language) }) : undefined
        }
      />
      {withStatistics && (
        <div className="page-actions">
          <Link className="link-button" to="/visa-dashboard">
            {t('visas.dashboardLink')}
          </Link>
        </div>
      )}
      {readOnly && <Alert className="page-alert" type="info" showIcon title={t('visas.readOnlyNotice')} />}
      {role === 'AGENT' && <Alert className="page-alert" type="info" showIcon title={t('visas.agentIntro')} />}
      {withStatistics && (
        <VisaStatusOverview
          season={season}
          byStatus={stats.data?.visaStatistics?.byStatus ?? null}
          loading={stats.loading}
          failed={Boolean(stats.error)}
          selected={values.statuses?.length === 1 ? (values.statuses[0] ?? null) : null}
          onSelect={selectStatus}
        />
      )}
      <FilterBar
        form={form}
        name="visaFilters"
        label={t('visas.filters')}
        initialValues={initial}
        onChange={update}
        onClear={clearFilters}
      >
        <FilterSelect
          label={t('visas.season')}
          name="season"
          allowClear={false}
          options={years.map((year) => ({ value: year, label: t('visas.seasonOption', { year }) }))}
        />
        <FilterSelect
          label={t('visas.statuses')}
          name="statuses"
          mode="multiple"
          wide
          options={VISA_STATUSES.map((status) => ({ value: status, label: t(`visaStatus.${status}`) }))}
        />
        <FilterSelect label={t('visas.nationality')} name="nationality" searchable options={nationalities} />
        {ministry && (
          <FilterSelect label={t('visas.company')} name="companyId" searchable wide options={companyOptions} />
        )}
      </FilterBar>
      {refusal && (
        <div className="visa-refusal">
          <VisaActionError error={refusal.error} title={t('visas.refusedTitle', { name: refusedName })} />
        </div>
      )}
      <ConnectionSection list={list} onExport={exportCsv}>
        <VisaTable
          label={t('visas.title')}
          rows={rows}
          loading={loading}
          emptyText={t('visas.empty')}
          withActions={!readOnly}
          onRefused={(row, error) => setRefusal({ row, error })}
          onApproved={() => setRefusal(null)}
          sort={sort}
          onSortChange={setSort}
        />
      </ConnectionSection>
      <StatusGuide defaultOpen={role === 'AGENT'} />
    </>
  );
}
