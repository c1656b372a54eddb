import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import type { ContractRowFragment } from '@/generated/graphql';
import { countryName } from '@/lib/countries';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { localized, useLanguage } from '@/lib/useLanguage';
import { contractActionsFor } from '../lib/contractActions';
import { ContractActions } from './ContractActions';
import { ContractStatusTag } from './ContractStatusTag';

interface ContractsTableProps {
  label: string;
  rows: readonly ContractRowFragment[];
  loading?: boolean;
  emptyText: string;
  /** Leave out a column that would repeat one name (the page is about that company or agent). */
  hide?: 'company' | 'agent';
}

const MINISTRY = new Set(['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER']);

/** Agency contracts with the parties, validity and status, and the role's actions per row. */
export function ContractsTable({ label, rows, loading = false, emptyText, hide }: ContractsTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  // Only the ministry has company and agent pages to link to.
  const links = MINISTRY.has(role);
  const withActions = rows.some((row) => contractActionsFor(role, row.status).length > 0);

  const columns: ColumnsType<ContractRowFragment> = [
    ...(hide === 'company'
      ? []
      : [
          {
            key: 'company',
            title: t('contracts.company'),
            render: (_: unknown, row: ContractRowFragment) => {
              const name = localized(language, row.company.nameAr, row.company.nameEn);
              return links ? <Link to={`/companies/${row.company.id}`}>{name}</Link> : name;
            },
          },
        ]),
    ...(hide === 'agent'
      ? []
      : [
          {
            key: 'agent',
            title: t('contracts.agent'),
            render: (_: unknown, row: ContractRowFragment) => (
              <div className="two-line">
                {links ? <Link to={`/agents/${row.agent.id}`}>{row.agent.name}</Link> : <span>{row.agent.name}</span>}
                <span className="two-line__secondary">{countryName(row.agent.countryCode, language)}</span>
              </div>
            ),
          },
        ]),
    { key: 'from', title: t('contracts.validFrom'), render: (_, row) => <DualDate value={row.validFrom} /> },
    { key: 'to', title: t('contracts.validTo'), render: (_, row) => <DualDate value={row.validTo} /> },
    { key: 'status', title: t('contracts.status'), render: (_, row) => <ContractStatusTag status={row.status} /> },
    ...(withActions
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: ContractRowFragment) => <ContractActions contract={row} />,
          },
        ]
      : []),
  ];

  return (
    <DataTable<ContractRowFragment>
      label={label}
      rowKey="id"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      locale={{ emptyText: loading ? ' ' : emptyText }}
    />
  );
}
