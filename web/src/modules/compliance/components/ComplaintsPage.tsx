import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import type { ComplaintCategory, ComplaintFilter, ComplaintRowFragment, ComplaintStatus } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useCityName } from '@/lib/cities';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useComplaints, useComplianceParties, useNow } from '../hooks/useCompliance';
import { canFileComplaint } from '../lib/complianceActions';
import { ComplaintStatusTag, PartyName, SlaIndicator } from './ComplianceTags';
import { CATEGORIES, FileComplaintDialog } from './FileComplaintDialog';
import './compliance.css';

const STATUSES: ComplaintStatus[] = ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED'];

interface Filters {
  statuses?: ComplaintStatus[];
  category?: ComplaintCategory;
  companyId?: string;
  providerId?: string;
  sla?: 'breached' | 'onTime';
}

function toFilter(f: Filters): ComplaintFilter {
  return {
    statuses: f.statuses?.length ? f.statuses : null,
    category: f.category ?? null,
    companyId: f.companyId ?? null,
    providerId: f.providerId ?? null,
    slaBreached: f.sla ? f.sla === 'breached' : null,
  };
}

/** The complaints desk: every complaint the viewer may see, with its SLA clock, filters and filing. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const { role } = useViewer();
  const navigate = useNavigate();
  const ministry = role === 'MINISTRY_OFFICER' || role === 'MINISTRY_SUPERVISOR';
  const [filters, setFilters] = useState<Filters>({});
  const [filing, setFiling] = useState(false);
  const filter = useMemo(() => toFilter(filters), [filters]);
  const list = useComplaints(filter);
  const parties = useComplianceParties();
  const now = useNow();
  useDocumentTitle(t('compliance.complaintsTitle'));
  const partyName = (c: ComplaintRowFragment) => {
    const p = c.company ?? c.provider;
    return p ? localized(language, p.nameAr, p.nameEn) : '';
  };
  const exportCsv = () =>
    downloadCsv(
      `${t('compliance.complaintsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('compliance.filedAt'),
          t('compliance.against'),
          t('compliance.category'),
          t('compliance.status'),
          t('compliance.slaDueAt'),
          t('compliance.slaBreached'),
          t('compliance.city'),
        ],
        list.rows.map((c) => [
          c.filedAt,
          partyName(c),
          t(`complaintCategory.${c.category}`),
          t(`complaintStatus.${c.status}`),
          c.slaDueAt,
          c.slaBreached ? t('common.yes') : t('common.no'),
          c.city,
        ]),
      ),
    );
  return (
    <>
      <PageHeader
        title={t('compliance.complaintsTitle')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          list.hasData
            ? t('compliance.complaintsTotal', {
                count: list.totalCount,
                formatted: formatNumber(list.totalCount, language),
              })
            : undefined
        }
      />
      {canFileComplaint(role) && (
        <div className="compliance-toolbar">
          <Button type="primary" onClick={() => setFiling(true)}>
            {t('compliance.fileComplaint')}
          </Button>
        </div>
      )}
      <FilterBar<Filters> name="complaintFilters" label={t('compliance.complaintFilters')} onChange={setFilters}>
        <FilterSelect
          label={t('compliance.status')}
          name="statuses"
          mode="multiple"
          wide
          options={STATUSES.map((s) => ({ value: s, label: t(`complaintStatus.${s}`) }))}
        />
        <FilterSelect
          label={t('compliance.category')}
          name="category"
          options={CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategory.${c}`) }))}
        />
        {ministry && (
          <FilterSelect label={t('compliance.company')} name="companyId" searchable options={parties.companies} />
        )}
        {role !== 'PROVIDER' && (
          <FilterSelect label={t('compliance.provider')} name="providerId" searchable options={parties.providers} />
        )}
        <FilterSelect
          label={t('compliance.sla.title')}
          name="sla"
          options={[
            { value: 'breached', label: t('compliance.sla.filterBreached') },
            { value: 'onTime', label: t('compliance.sla.filterOnTime') },
          ]}
        />
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<ComplaintRowFragment>
          label={t('compliance.complaintsTitle')}
          rowKey="id"
          loading={list.loading}
          dataSource={list.rows}
          locale={{ emptyText: t('compliance.complaintsEmpty') }}
          columns={[
            {
              key: 'category',
              title: t('compliance.complaint'),
              render: (_, c) => (
                <Link to={`/complaints/${c.id}`}>
                  {t(`complaintCategory.${c.category}`)} — {cityName(c.city)}
                </Link>
              ),
            },
            {
              key: 'against',
              title: t('compliance.against'),
              render: (_, c) => <PartyName company={c.company} provider={c.provider} />,
            },
            {
              key: 'status',
              title: t('compliance.status'),
              render: (_, c) => <ComplaintStatusTag status={c.status} />,
            },
            { key: 'sla', title: t('compliance.sla.title'), render: (_, c) => <SlaIndicator clock={c} now={now} /> },
            {
              key: 'filedAt',
              title: t('compliance.filedAt'),
              render: (_, c) => <DualDate value={c.filedAt} inline withTime />,
            },
            { key: 'channel', title: t('compliance.channel'), render: (_, c) => t(`complaintChannel.${c.channel}`) },
          ]}
        />
      </ConnectionSection>
      {filing && (
        <FileComplaintDialog
          onClose={() => setFiling(false)}
          onFiled={(id) => {
            setFiling(false);
            void navigate(`/complaints/${id}`);
          }}
        />
      )}
    </>
  );
}
