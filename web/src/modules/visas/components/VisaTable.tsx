import { WarningOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import { countryName } from '@/lib/countries';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { localized, useLanguage } from '@/lib/useLanguage';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { sortableColumn, tableSortOf } from '@/modules/pilgrims/hooks/tableSort';
import { VISA_SORT_COLUMNS, type VisaRow, type VisaSort } from '../hooks/useVisaApplications';
import { isRetrying, isStopped } from '../lib/visaActions';
import { listActionsFor, VisaRowActions } from './VisaRowActions';

const MINISTRY = new Set(['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER']);

interface VisaTableProps<Row extends VisaRow> {
  label: string;
  rows: readonly Row[];
  loading: boolean;
  emptyText: string;
  /** Offer the role's list actions (approve, reject, withdraw). */
  withActions?: boolean;
  onRefused?: (row: VisaRow, error: unknown) => void;
  onApproved?: (row: VisaRow) => void;
  /** Columns after the common ones (e.g. the overstay dates). */
  extraColumns?: ColumnsType<Row>;
  /** Common columns a list leaves out to make room for its own. */
  hide?: readonly ('status' | 'submitted')[];
  /** The server-side sort the list is in; with `onSortChange`, the sortable headers offer it. */
  sort?: VisaSort | null;
  onSortChange?: (sort: VisaSort | null) => void;
}

/** Visa applications: pilgrim (linking to the application), status, dates, parties and the role's actions. */
export function VisaTable<Row extends VisaRow>({
  label,
  rows,
  loading,
  emptyText,
  withActions = false,
  onRefused = () => undefined,
  onApproved = () => undefined,
  extraColumns = [],
  hide = [],
  sort = null,
  onSortChange,
}: VisaTableProps<Row>) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const ministry = MINISTRY.has(role);
  // A manager sees one company and an agent only its own applications: those columns would repeat.
  const showCompany = role !== 'COMPANY_MANAGER';
  const showAgent = role !== 'AGENT';
  const actionColumn = withActions && rows.some((row) => listActionsFor(role, row).length > 0);

  const columns: ColumnsType<Row> = [
    {
      key: 'pilgrim',
      title: t('visas.pilgrim'),
      render: (_, row) => {
        const primary = localized(language, row.pilgrim.fullNameAr, row.pilgrim.fullNameEn);
        const secondary = language === 'ar' ? row.pilgrim.fullNameEn : row.pilgrim.fullNameAr;
        return (
          <div className="two-line visa-names">
            <Link to={`/visas/${row.id}`}>{primary}</Link>
            {secondary && secondary !== primary && (
              <span
                className="two-line__secondary"
                lang={language === 'ar' ? 'en' : 'ar'}
                dir={language === 'ar' ? 'ltr' : 'rtl'}
              >
                {secondary}
              </span>
            )}
            <span className="two-line__secondary">
              <span className="sr-only">{t('visas.passport')}: </span>
              <bdi className="visa-code">{row.pilgrim.passportNumber}</bdi>
            </span>
          </div>
        );
      },
    },
    {
      key: 'nationality',
      title: t('visas.nationality'),
      ...sortableColumn('nationality', sort, Boolean(onSortChange)),
      render: (_, row) => countryName(row.nationality, language),
    },
    ...(hide.includes('status')
      ? []
      : [
          {
            key: 'status',
            title: t('visas.statuses'),
            render: (_: unknown, row: Row) => (
              <span className="visa-status-cell">
                <VisaStatusTag status={row.status} />
                {(isRetrying(row) || isStopped(row)) && (
                  <WarningOutlined
                    className="visa-status-cell__warning"
                    role="img"
                    aria-label={isStopped(row) ? t('visas.stopped') : t('visas.waitingRetry')}
                    title={isStopped(row) ? t('visas.stopped') : t('visas.waitingRetry')}
                  />
                )}
              </span>
            ),
          },
        ]),
    ...(hide.includes('submitted')
      ? []
      : [
          {
            key: 'submitted',
            title: t('visas.submittedAt'),
            ...sortableColumn('submitted', sort, Boolean(onSortChange)),
            render: (_: unknown, row: Row) => <DualDate value={row.submittedAt} />,
          },
        ]),
    {
      key: 'mofa',
      title: t('visas.mofaReference'),
      render: (_, row) => (row.mofaReference ? <bdi>{row.mofaReference}</bdi> : '—'),
    },
    ...(showCompany
      ? [
          {
            key: 'company',
            title: t('visas.company'),
            render: (_: unknown, row: Row) => {
              const name = localized(language, row.company.nameAr, row.company.nameEn);
              return ministry ? <Link to={`/companies/${row.company.id}`}>{name}</Link> : name;
            },
          },
        ]
      : []),
    ...(showAgent
      ? [
          {
            key: 'agent',
            title: t('visas.agent'),
            render: (_: unknown, row: Row) =>
              row.agent ? (
                ministry ? (
                  <Link to={`/agents/${row.agent.id}`}>{row.agent.name}</Link>
                ) : (
                  row.agent.name
                )
              ) : (
                <span className="muted">{t('visas.noAgent')}</span>
              ),
          },
        ]
      : []),
    ...extraColumns,
    ...(actionColumn
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: Row) => (
              <VisaRowActions row={row} onRefused={onRefused} onApproved={onApproved} />
            ),
          },
        ]
      : []),
  ];

  return (
    <DataTable<Row>
      label={label}
      rowKey="id"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      onChange={(_pagination, _filters, sorter) =>
        onSortChange?.(tableSortOf(sorter as SorterResult<Row> | SorterResult<Row>[], VISA_SORT_COLUMNS))
      }
      showSorterTooltip={false}
      locale={{ emptyText: loading ? ' ' : emptyText }}
    />
  );
}
