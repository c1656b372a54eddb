import { DatePicker, Form, Input, Switch } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditSource } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { useLanguage } from '@/lib/useLanguage';
import { useAuditCompanies, useAuditLog, type AuditLogRow } from '../hooks/useAuditLog';
import {
  AUDIT_SOURCES,
  OPERATION_NAME,
  knownOutcome,
  outcomeTone,
  toAuditLogFilter,
  type AuditFilterValues,
} from '../lib/auditFilter';
import './audit.css';

/** The form's own values: antd date pickers hold dayjs days. */
interface FormValues {
  source?: AuditSource | null;
  operation?: string | null;
  refusedOnly?: boolean;
  companyId?: string | null;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const DAY_FORMAT = 'YYYY-MM-DD';

/** An id that may wrap after its hyphens only, so a narrow column does not split it anywhere. */
function breakableId(id: string): ReactNode {
  return id.split('-').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && '-'}
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

function toFilterValues(values: FormValues): AuditFilterValues {
  return {
    source: values.source ?? null,
    operation: values.operation ?? null,
    refusedOnly: values.refusedOnly ?? false,
    companyId: values.companyId ?? null,
    from: values.from ? values.from.format(DAY_FORMAT) : null,
    to: values.to ? values.to.format(DAY_FORMAT) : null,
  };
}

/**
 * The ministry's audit log of the whole graph: every mutation call in every part, who made it,
 * on what, why and how it ended. Read-only for supervisors and officers alike.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const [values, setValues] = useState<AuditFilterValues>({});
  // The operation box asks once typing pauses; the other filters apply at once.
  const operation = useDebouncedValue(values.operation ?? null);
  const filter = useMemo(() => toAuditLogFilter({ ...values, operation }), [values, operation]);
  const list = useAuditLog(filter);
  const companies = useAuditCompanies();
  const from = Form.useWatch('from', form);
  useDocumentTitle(t('auditLog.title'));

  const sourceLabel = (source: AuditSource) => t(`auditSource.${source}`);
  const outcomeLabel = (outcome: string) => {
    const known = knownOutcome(outcome);
    return known ? t(`auditOutcome.${known}`) : t('auditOutcome.other');
  };

  const columns: ColumnsType<AuditLogRow> = [
    {
      key: 'at',
      title: t('audit.at'),
      render: (_, row) => (
        <span className="audit-log__time">
          <DualDate value={row.at} withTime month="short" />
        </span>
      ),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, row) => (
        <div className="two-line audit-log__actor">
          {row.actorName ? (
            <span dir="auto">{row.actorName}</span>
          ) : row.actorAccountId ? (
            // An account no longer on record: its id is all the log knows.
            <code className="audit-log__id" dir="ltr">
              {row.actorAccountId}
            </code>
          ) : (
            <span>{t('auditLog.anonymous')}</span>
          )}
          {row.actorRole && <span className="two-line__secondary">{t(`roles.${row.actorRole}`)}</span>}
        </div>
      ),
    },
    {
      key: 'operation',
      title: t('auditLog.operationTarget'),
      render: (_, row) => (
        <div className="two-line two-line--narrow audit-log__operation-cell">
          <code dir="ltr">{row.operation}</code>
          {row.targetId && (
            <span className="two-line__secondary">
              <span className="sr-only">{t('auditLog.target')}: </span>
              <code className="audit-log__id" dir="ltr">
                {breakableId(row.targetId)}
              </code>
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'source',
      title: t('auditLog.source'),
      render: (_, row) => <StatusTag tone="info">{sourceLabel(row.source)}</StatusTag>,
    },
    {
      key: 'company',
      title: t('auditLog.company'),
      render: (_, row) =>
        row.companyId ? (
          <Link to={`/companies/${row.companyId}`} dir="auto">
            {companies.nameOf(row.companyId) ?? t('auditLog.companyPage')}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      key: 'reason',
      title: t('audit.reason'),
      render: (_, row) =>
        row.reason ? (
          <span className="audit-log__reason" dir="auto">
            {row.reason}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      render: (_, row) =>
        row.outcome === 'OK' ? (
          <StatusTag tone="success">{outcomeLabel(row.outcome)}</StatusTag>
        ) : (
          <div className="two-line two-line--narrow">
            <StatusTag tone={outcomeTone(row.outcome)}>{outcomeLabel(row.outcome)}</StatusTag>
            <code className="two-line__secondary" dir="ltr">
              {row.outcome}
            </code>
          </div>
        ),
    },
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('auditLog.csvName')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('audit.at'),
          t('audit.actor'),
          t('audit.role'),
          t('audit.operation'),
          t('auditLog.source'),
          t('auditLog.target'),
          t('auditLog.company'),
          t('audit.reason'),
          t('audit.outcome'),
        ],
        list.rows.map((row) => [
          row.at,
          row.actorName,
          row.actorRole ? t(`roles.${row.actorRole}`) : '',
          row.operation,
          sourceLabel(row.source),
          row.targetId,
          row.companyId ? (companies.nameOf(row.companyId) ?? row.companyId) : '',
          row.reason,
          row.outcome,
        ]),
      ),
    );

  const clearFilters = () => {
    form.resetFields();
    setValues({});
  };

  return (
    <>
      <PageHeader
        title={t('auditLog.title')}
        tags={<StatusTag tone="info">{t('common.readOnly')}</StatusTag>}
        subtitle={
          list.hasData
            ? t('auditLog.total', { count: list.totalCount, formatted: formatNumber(list.totalCount, language) })
            : undefined
        }
      />
      <FilterBar
        form={form}
        name="auditLogFilters"
        label={t('auditLog.filters')}
        onChange={(all) => setValues(toFilterValues(all))}
        onClear={clearFilters}
      >
        <FilterSelect
          label={t('auditLog.source')}
          name="source"
          options={AUDIT_SOURCES.map((source) => ({ value: source, label: sourceLabel(source) }))}
        />
        <Form.Item
          label={t('auditLog.operation')}
          name="operation"
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const text = value?.trim() ?? '';
                if (text && !OPERATION_NAME.test(text)) throw new Error(t('auditLog.operationInvalid'));
              },
            },
          ]}
        >
          <Input
            allowClear
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            placeholder={t('auditLog.operationPlaceholder')}
            className="audit-log__operation"
          />
        </Form.Item>
        <Form.Item label={t('auditLog.refusedOnly')} name="refusedOnly" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label={t('auditLog.from')} name="from">
          <DatePicker format={DAY_FORMAT} placeholder={DAY_FORMAT} className="audit-log__date" />
        </Form.Item>
        <Form.Item label={t('auditLog.to')} name="to">
          <DatePicker
            className="audit-log__date"
            format={DAY_FORMAT}
            placeholder={DAY_FORMAT}
            disabledDate={(day) => Boolean(from && day.isBefore(from, 'day'))}
          />
        </Form.Item>
        {companies.options.length > 0 && (
          <FilterSelect label={t('auditLog.company')} name="companyId" searchable wide options={companies.options} />
        )}
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<AuditLogRow>
          label={t('auditLog.title')}
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.rows}
          columns={columns}
          locale={{ emptyText: list.loading ? ' ' : t('auditLog.empty') }}
        />
      </ConnectionSection>
    </>
  );
}
