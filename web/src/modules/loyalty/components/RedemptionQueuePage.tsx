import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import type { LoyaltyRedemptionStatus } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useRedemptions } from '../hooks/useLoyalty';
import { RedemptionTable } from './RedemptionTable';
import './loyalty.css';

const STATUSES: LoyaltyRedemptionStatus[] = ['REQUESTED', 'APPROVED', 'FULFILLED', 'REJECTED', 'CANCELLED'];
const WAITING: LoyaltyRedemptionStatus[] = ['REQUESTED', 'APPROVED'];

/**
 * The programme staff's queue of reward requests, oldest first: officers approve, fulfil or reject
 * them; supervisors watch. By default the requests still waiting for a step.
 */
export function RedemptionQueuePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const [statuses, setStatuses] = useState<LoyaltyRedemptionStatus[]>(WAITING);
  useDocumentTitle(t('loyalty.queueTitle'));
  const list = useRedemptions(statuses.length > 0 ? { statuses } : {});
  const exportCsv = () =>
    downloadCsv(
      `${t('loyalty.requestsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('loyalty.company'),
          t('loyalty.reward'),
          t('loyalty.quantity'),
          t('loyalty.pointsColumn'),
          t('loyalty.status'),
          t('loyalty.requestedAt'),
          t('loyalty.note'),
        ],
        list.rows.map((r) => [
          localized(language, r.company.nameAr ?? '', r.company.nameEn ?? ''),
          localized(language, r.reward.nameAr, r.reward.nameEn),
          r.quantity,
          r.points,
          t(`redemptionStatus.${r.status}`),
          r.requestedAt,
          r.fulfilmentNote ?? r.decisionNote ?? '',
        ]),
      ),
    );
  return (
    <>
      <PageHeader
        title={t('loyalty.queueTitle')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          list.hasData
            ? t('loyalty.requestsTotal', { count: list.totalCount, formatted: formatNumber(list.totalCount, language) })
            : undefined
        }
      />
      <FilterBar<{ statuses?: LoyaltyRedemptionStatus[] }>
        name="queueFilters"
        label={t('loyalty.queueFilters')}
        initialValues={{ statuses: WAITING }}
        onChange={(all) => setStatuses(all.statuses ?? [])}
      >
        <FilterSelect
          label={t('loyalty.status')}
          name="statuses"
          mode="multiple"
          wide
          options={STATUSES.map((s) => ({ value: s, label: t(`redemptionStatus.${s}`) }))}
        />
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <RedemptionTable
          rows={list.rows}
          loading={list.loading}
          label={t('loyalty.queueTitle')}
          showCompany
          emptyText={t('loyalty.queueEmpty')}
        />
      </ConnectionSection>
    </>
  );
}
