import { useMutation } from '@apollo/client/react';
import { Button, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import {
  CancelViolationDocument,
  CureViolationDocument,
  EscalateViolationDocument,
  type ViolationFilter,
  type ViolationRowFragment,
  type ViolationStatus,
  type ViolationType,
} from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber, formatSar } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useComplianceParties, useViolations } from '../hooks/useCompliance';
import { violationActions, type ViolationAction } from '../lib/complianceActions';
import { PartyName, ViolationStatusTag } from './ComplianceTags';
import { NoteDialog } from './NoteDialog';
import './compliance.css';

const STATUSES: ViolationStatus[] = ['OPEN', 'CURED', 'ESCALATED', 'CANCELLED'];
export const VIOLATION_TYPES: ViolationType[] = [
  'OVERSTAY',
  'HOUSING_NOT_AS_SOLD',
  'NO_TRANSPORT',
  'UNLICENSED_HOUSING',
  'CATERING_NOT_AS_SOLD',
  'SERVICE_NOT_DELIVERED',
  'UNLICENSED_OPERATION',
  'COMPLAINT_UPHELD',
  'OTHER',
];

interface Filters {
  statuses?: ViolationStatus[];
  type?: ViolationType;
  companyId?: string;
  providerId?: string;
  overdue?: boolean;
}

/** Violations and their fines: officers cure, escalate (after the cure period) or cancel them. */
export function ViolationsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const ministry = role === 'MINISTRY_OFFICER' || role === 'MINISTRY_SUPERVISOR';
  const [filters, setFilters] = useState<Filters>({});
  const filter = useMemo<ViolationFilter>(
    () => ({
      statuses: filters.statuses?.length ? filters.statuses : null,
      type: filters.type ?? null,
      companyId: filters.companyId ?? null,
      providerId: filters.providerId ?? null,
      cureOverdue: filters.overdue ?? null,
    }),
    [filters],
  );
  const list = useViolations(filter);
  const parties = useComplianceParties();
  const [acting, setActing] = useState<{ action: ViolationAction; violation: ViolationRowFragment } | null>(null);
  const [cure] = useMutation(CureViolationDocument);
  const [escalate] = useMutation(EscalateViolationDocument);
  const [cancel] = useMutation(CancelViolationDocument);
  useDocumentTitle(t('compliance.violationsTitle'));
  const sar = (h: number) => formatSar(h, language);
  const exportCsv = () =>
    downloadCsv(
      `${t('compliance.violationsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('compliance.recordedAt'),
          t('compliance.against'),
          t('compliance.type'),
          t('compliance.status'),
          t('compliance.fine'),
          t('compliance.cureDueOn'),
          t('compliance.points'),
        ],
        list.rows.map((v) => {
          const p = v.company ?? v.provider;
          return [
            v.recordedAt,
            p ? localized(language, p.nameAr, p.nameEn) : '',
            t(`violationType.${v.type}`),
            t(`violationStatus.${v.status}`),
            v.fineHalalas / 100,
            v.cureDueOn,
            v.points,
          ];
        }),
      ),
    );
  const run = (action: ViolationAction, id: string, note: string) =>
    action === 'cure'
      ? cure({ variables: { id, note } })
      : action === 'escalate'
        ? escalate({ variables: { id, note } })
        : cancel({ variables: { id, reason: note } });
  return (
    <>
      <PageHeader
        title={t('compliance.violationsTitle')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          list.hasData
            ? t('compliance.violationsTotal', {
                count: list.totalCount,
                formatted: formatNumber(list.totalCount, language),
              })
            : undefined
        }
      />
      <FilterBar<Filters> name="violationFilters" label={t('compliance.violationFilters')} onChange={setFilters}>
        <FilterSelect
          label={t('compliance.status')}
          name="statuses"
          mode="multiple"
          wide
          options={STATUSES.map((s) => ({ value: s, label: t(`violationStatus.${s}`) }))}
        />
        <FilterSelect
          label={t('compliance.type')}
          name="type"
          options={VIOLATION_TYPES.map((v) => ({ value: v, label: t(`violationType.${v}`) }))}
        />
        {ministry && (
          <>
            <FilterSelect label={t('compliance.company')} name="companyId" searchable options={parties.companies} />
            <FilterSelect label={t('compliance.provider')} name="providerId" searchable options={parties.providers} />
          </>
        )}
        <FilterSelect
          label={t('compliance.curePeriod')}
          name="overdue"
          options={[
            { value: true, label: t('compliance.cureOverdue') },
            { value: false, label: t('compliance.cureNotOverdue') },
          ]}
        />
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<ViolationRowFragment>
          label={t('compliance.violationsTitle')}
          rowKey="id"
          loading={list.loading}
          dataSource={list.rows}
          locale={{ emptyText: t('compliance.violationsEmpty') }}
          expandable={{
            columnTitle: <span className="sr-only">{t('compliance.moreDetails')}</span>,
            expandedRowRender: (v) => (
              <div className="compliance-text" dir="auto">
                <p>
                  {t('compliance.recordedAt')}: <DualDate value={v.recordedAt} inline withTime /> ·{' '}
                  {t('compliance.points')}: {v.points}
                </p>
                <p>{v.details}</p>
                {v.closeNote && <p>{t('compliance.closeNote', { note: v.closeNote })}</p>}
              </div>
            ),
          }}
          columns={[
            { key: 'type', title: t('compliance.type'), render: (_, v) => t(`violationType.${v.type}`) },
            {
              key: 'against',
              title: t('compliance.against'),
              render: (_, v) => <PartyName company={v.company} provider={v.provider} />,
            },
            {
              key: 'status',
              title: t('compliance.status'),
              render: (_, v) => <ViolationStatusTag status={v.status} />,
            },
            { key: 'fine', title: t('compliance.fine'), align: 'end', render: (_, v) => sar(v.fineHalalas) },
            {
              key: 'cure',
              title: t('compliance.cureDueOn'),
              render: (_, v) => (
                <Space orientation="vertical" size={2}>
                  <DualDate value={v.cureDueOn} inline />
                  {v.cureOverdue && <StatusTag tone="error">{t('compliance.cureOverdue')}</StatusTag>}
                </Space>
              ),
            },
            { key: 'source', title: t('compliance.source'), render: (_, v) => t(`violationSource.${v.source}`) },
            ...(role === 'MINISTRY_OFFICER'
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, v: ViolationRowFragment) => {
                      const actions = violationActions(role, v);
                      const label = t(`violationType.${v.type}`);
                      return actions.length === 0 ? (
                        '—'
                      ) : (
                        <Space wrap>
                          {actions.map((action) => (
                            <Button
                              key={action}
                              size="small"
                              danger={action === 'cancel'}
                              aria-label={t(`compliance.violationAction.${action}For`, { type: label })}
                              onClick={() => setActing({ action, violation: v })}
                            >
                              {t(`compliance.violationAction.${action}`)}
                            </Button>
                          ))}
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </ConnectionSection>
      {acting && (
        <NoteDialog
          title={t(`compliance.violationAction.${acting.action}`)}
          description={t(`compliance.violationAction.${acting.action}Help`, {
            type: t(`violationType.${acting.violation.type}`),
            fine: sar(acting.violation.fineHalalas),
          })}
          noteLabel={acting.action === 'cancel' ? t('compliance.reason') : t('compliance.note')}
          danger={acting.action !== 'cure'}
          onConfirm={(note) => run(acting.action, acting.violation.id, note)}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}
