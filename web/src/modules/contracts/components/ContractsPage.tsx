import { useQuery } from '@apollo/client/react';
import { Alert, Button, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import { ContractPartiesDocument, type AgencyContractFilter, type AgencyContractStatus } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatHijri } from '@/lib/dates';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useAgencyContracts } from '../hooks/useAgencyContracts';
import { canCreateContract } from '../lib/contractActions';
import { ContractsTable } from './ContractsTable';
import { NewContractModal } from './NewContractModal';

export const CONTRACT_STATUSES: readonly AgencyContractStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'ACTIVE',
  'EXPIRED',
  'TERMINATED',
];

interface FilterValues {
  status?: AgencyContractStatus;
  companyId?: string;
  agentId?: string;
}

/** Agency contracts between companies and external agents, filtered; each role sees its slice. */
export function ContractsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const readOnly = isReadOnly(role);
  const ministry = role === 'MINISTRY_SUPERVISOR' || role === 'MINISTRY_OFFICER';
  const [form] = Form.useForm<FilterValues>();
  const [values, setValues] = useState<FilterValues>({});
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('contracts.title'));

  const { data: parties } = useQuery(ContractPartiesDocument, { variables: { ministry } });
  const filter = useMemo<AgencyContractFilter>(
    () => ({
      ...(values.status ? { status: values.status } : {}),
      ...(values.companyId ? { companyId: values.companyId } : {}),
      ...(values.agentId ? { agentId: values.agentId } : {}),
    }),
    [values.status, values.companyId, values.agentId],
  );
  const list = useAgencyContracts(filter);
  const { rows, loading, hasData, totalCount } = list;

  const companyOptions = (parties?.companies?.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: localized(language, node.nameAr, node.nameEn),
  }));
  const agentOptions = (parties?.externalAgents.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));

  const exportCsv = () => {
    const header = [
      t('contracts.company'),
      t('contracts.agent'),
      t('contracts.validFrom'),
      `${t('contracts.validFrom')} (${t('common.hijri')})`,
      t('contracts.validTo'),
      `${t('contracts.validTo')} (${t('common.hijri')})`,
      t('contracts.status'),
    ];
    const data = rows.map((row) => [
      localized(language, row.company.nameAr, row.company.nameEn),
      row.agent.name,
      row.validFrom,
      formatHijri(row.validFrom, language),
      row.validTo,
      formatHijri(row.validTo, language),
      t(`contractStatus.${row.status}`),
    ]);
    downloadCsv(`${t('contracts.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  const clearFilters = () => {
    form.resetFields();
    setValues({});
  };

  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        tags={readOnly ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          hasData
            ? t('contracts.total', { count: totalCount, formatted: formatNumber(totalCount, language) })
            : undefined
        }
      />
      {canCreateContract(role) && (
        <div className="page-actions">
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('contracts.new')}
          </Button>
        </div>
      )}
      {readOnly && <Alert className="page-alert" type="info" showIcon title={t('contracts.readOnlyNotice')} />}
      <FilterBar
        form={form}
        name="contractFilters"
        label={t('contracts.filters')}
        onChange={setValues}
        onClear={clearFilters}
      >
        <FilterSelect
          label={t('contracts.status')}
          name="status"
          options={CONTRACT_STATUSES.map((status) => ({ value: status, label: t(`contractStatus.${status}`) }))}
        />
        {ministry && (
          <FilterSelect label={t('contracts.company')} name="companyId" searchable wide options={companyOptions} />
        )}
        {role !== 'AGENT' && (
          <FilterSelect label={t('contracts.agent')} name="agentId" searchable wide options={agentOptions} />
        )}
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <ContractsTable
          label={t('contracts.title')}
          rows={rows}
          loading={loading}
          emptyText={t('contracts.empty')}
          hide={role === 'COMPANY_MANAGER' ? 'company' : role === 'AGENT' ? 'agent' : undefined}
        />
      </ConnectionSection>
      {creating && <NewContractModal parties={parties} onClose={() => setCreating(false)} />}
    </>
  );
}
