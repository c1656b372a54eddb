import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import type { InspectionFilter, InspectionsQuery } from '@/generated/graphql';
import { useCityName } from '@/lib/cities';
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
import { useComplianceParties, useInspections } from '../hooks/useCompliance';
import { canRecordInspections } from '../lib/complianceActions';
import { PartyName, ViolationStatusTag } from './ComplianceTags';
import { RecordInspectionDialog } from './RecordInspectionDialog';
import './compliance.css';

type Inspection = InspectionsQuery['inspections']['edges'][number]['node'];

interface Filters {
  companyId?: string;
  providerId?: string;
}

/** Field committees' visits (اللجان الميدانية) and the violations each raised. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const { role } = useViewer();
  const ministry = role === 'MINISTRY_OFFICER' || role === 'MINISTRY_SUPERVISOR';
  const [filters, setFilters] = useState<Filters>({});
  const [recording, setRecording] = useState(false);
  const filter = useMemo<InspectionFilter>(
    () => ({ companyId: filters.companyId ?? null, providerId: filters.providerId ?? null }),
    [filters],
  );
  const list = useInspections(filter);
  const parties = useComplianceParties();
  useDocumentTitle(t('compliance.inspectionsTitle'));
  const name = (p: { nameAr: string; nameEn: string } | null | undefined) =>
    p ? localized(language, p.nameAr, p.nameEn) : '';
  const exportCsv = () =>
    downloadCsv(
      `${t('compliance.inspectionsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('compliance.visitedOn'),
          t('compliance.company'),
          t('compliance.provider'),
          t('compliance.city'),
          t('compliance.site'),
          t('compliance.findings'),
          t('compliance.violationsCount'),
        ],
        list.rows.map((i) => [
          i.visitedOn,
          name(i.company),
          name(i.provider),
          i.city,
          i.site,
          i.findings,
          i.violations.length,
        ]),
      ),
    );
  return (
    <>
      <PageHeader
        title={t('compliance.inspectionsTitle')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          list.hasData
            ? t('compliance.inspectionsTotal', {
                count: list.totalCount,
                formatted: formatNumber(list.totalCount, language),
              })
            : undefined
        }
      />
      {canRecordInspections(role) && (
        <div className="compliance-toolbar">
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('compliance.recordInspection')}
          </Button>
        </div>
      )}
      {ministry && (
        <FilterBar<Filters> name="inspectionFilters" label={t('compliance.inspectionFilters')} onChange={setFilters}>
          <FilterSelect label={t('compliance.company')} name="companyId" searchable options={parties.companies} />
          <FilterSelect label={t('compliance.provider')} name="providerId" searchable options={parties.providers} />
        </FilterBar>
      )}
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<Inspection>
          label={t('compliance.inspectionsTitle')}
          rowKey="id"
          loading={list.loading}
          dataSource={list.rows}
          locale={{ emptyText: t('compliance.inspectionsEmpty') }}
          expandable={{
            columnTitle: <span className="sr-only">{t('compliance.moreDetails')}</span>,
            expandedRowRender: (i) => (
              <div>
                <p className="compliance-text" dir="auto">
                  {i.findings}
                </p>
                {i.violations.length > 0 && (
                  <ul className="compliance-list">
                    {i.violations.map((v) => (
                      <li key={v.id}>
                        {t(`violationType.${v.type}`)} · {formatSar(v.fineHalalas, language)} ·{' '}
                        <ViolationStatusTag status={v.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ),
          }}
          columns={[
            {
              key: 'visitedOn',
              title: t('compliance.visitedOn'),
              render: (_, i) => <DualDate value={i.visitedOn} inline />,
            },
            { key: 'site', title: t('compliance.site'), render: (_, i) => `${i.site} — ${cityName(i.city)}` },
            {
              key: 'parties',
              title: t('compliance.inspected'),
              render: (_, i) => (
                <span className="compliance-parties">
                  {i.company && <PartyName company={i.company} />}
                  {i.provider && <PartyName provider={i.provider} />}
                </span>
              ),
            },
            {
              key: 'findings',
              title: t('compliance.findings'),
              render: (_, i) => (
                <span className="compliance-ellipsis" dir="auto">
                  {i.findings}
                </span>
              ),
            },
            {
              key: 'violations',
              title: t('compliance.violationsCount'),
              align: 'end',
              render: (_, i) => formatNumber(i.violations.length, language),
            },
          ]}
        />
      </ConnectionSection>
      {recording && <RecordInspectionDialog onClose={() => setRecording(false)} />}
    </>
  );
}
