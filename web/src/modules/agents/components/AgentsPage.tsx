import { Alert, Form } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import type { ExternalAgentFilter, AgentStatus } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { countryName, countryOptions } from '@/lib/countries';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar, FilterSearch, FilterSelect } from '@/lib/FilterBar';
import { formatCount, formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { useLanguage } from '@/lib/useLanguage';
import { useExternalAgents, type AgentRow } from '../hooks/useExternalAgents';
import { AGENT_STATUSES, AgentStatusTag } from './AgentStatusTag';

interface FilterValues {
  search?: string;
  countryCode?: string;
  status?: AgentStatus;
}

/** The ministry's registry of external agents abroad; each row opens the agent's page. */
export function AgentsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const readOnly = isReadOnly(role);
  const [form] = Form.useForm<FilterValues>();
  const [values, setValues] = useState<FilterValues>({});
  const search = useDebouncedValue(values.search?.trim() ?? '');
  useDocumentTitle(t('agents.title'));

  const filter = useMemo<ExternalAgentFilter>(
    () => ({
      ...(search ? { search } : {}),
      ...(values.countryCode ? { countryCode: values.countryCode } : {}),
      ...(values.status ? { status: values.status } : {}),
    }),
    [search, values.countryCode, values.status],
  );
  const list = useExternalAgents(filter);
  const { rows, loading, hasData, totalCount } = list;
  const countries = useMemo(() => countryOptions(language), [language]);

  const columns: ColumnsType<AgentRow> = [
    { key: 'name', title: t('agents.name'), render: (_, row) => <Link to={`/agents/${row.id}`}>{row.name}</Link> },
    { key: 'country', title: t('agents.country'), render: (_, row) => countryName(row.countryCode, language) },
    { key: 'license', title: t('agents.homeLicense'), render: (_, row) => <bdi>{row.homeLicenseNumber}</bdi> },
    { key: 'status', title: t('agents.status'), render: (_, row) => <AgentStatusTag status={row.status} /> },
    {
      key: 'suspendedUntil',
      title: t('agents.suspendedUntil'),
      render: (_, row) => (row.suspendedUntil ? <DualDate value={row.suspendedUntil} /> : '—'),
    },
    {
      key: 'rating',
      title: t('agents.rating'),
      align: 'end',
      render: (_, row) => (row.rating === null ? '—' : formatNumber(row.rating, language)),
    },
    {
      key: 'violations',
      title: t('agents.violations'),
      align: 'end',
      render: (_, row) => formatCount(row.violationsCount, language),
    },
    {
      key: 'complaints',
      title: t('agents.complaints'),
      align: 'end',
      render: (_, row) => formatCount(row.complaintsCount, language),
    },
  ];

  const exportCsv = () => {
    const header = [
      t('agents.name'),
      t('agents.country'),
      `${t('agents.country')} (ISO)`,
      t('agents.homeLicense'),
      t('agents.status'),
      t('agents.suspendedUntil'),
      t('agents.rating'),
      t('agents.violations'),
      t('agents.complaints'),
    ];
    const data = rows.map((row) => [
      row.name,
      countryName(row.countryCode, language),
      row.countryCode,
      row.homeLicenseNumber,
      t(`agentStatus.${row.status}`),
      row.suspendedUntil,
      row.rating,
      row.violationsCount,
      row.complaintsCount,
    ]);
    downloadCsv(`${t('agents.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  const clearFilters = () => {
    form.resetFields();
    setValues({});
  };

  return (
    <>
      <PageHeader
        title={t('agents.title')}
        tags={readOnly ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          hasData ? t('agents.total', { count: totalCount, formatted: formatNumber(totalCount, language) }) : undefined
        }
      />
      {readOnly && <Alert className="page-alert" type="info" showIcon title={t('agents.readOnlyNotice')} />}
      <FilterBar
        form={form}
        name="agentFilters"
        label={t('agents.filters')}
        onChange={setValues}
        onClear={clearFilters}
      >
        <FilterSearch label={t('agents.search')} name="search" />
        <FilterSelect label={t('agents.country')} name="countryCode" searchable options={countries} />
        <FilterSelect
          label={t('agents.status')}
          name="status"
          options={AGENT_STATUSES.map((status) => ({ value: status, label: t(`agentStatus.${status}`) }))}
        />
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<AgentRow>
          label={t('agents.title')}
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={loading}
          locale={{ emptyText: loading ? ' ' : t('agents.empty') }}
        />
      </ConnectionSection>
    </>
  );
}
