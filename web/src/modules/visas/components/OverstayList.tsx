import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OverstayedVisasDocument, type OverstayedVisasQuery } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { countryName } from '@/lib/countries';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatHijri } from '@/lib/dates';
import { DualDate } from '@/lib/DualDate';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useConnection } from '@/lib/useConnection';
import { localized, useLanguage } from '@/lib/useLanguage';
import { VISAS_PAGE_SIZE, visaOrderOf, type VisaSort } from '../hooks/useVisaApplications';
import { sortableColumn } from '@/modules/pilgrims/hooks/tableSort';
import { VisaTable } from './VisaTable';

type OverstayRow = OverstayedVisasQuery['visaApplications']['edges'][number]['node'];

/** Pilgrims who stayed beyond the permitted stay in a season (and, for the ministry, a company): read-only. */
export function OverstayList({ season, companyId }: { season: string | null; companyId: string | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [sort, setSort] = useState<VisaSort | null>(null);
  const orderBy = useMemo(() => visaOrderOf(sort), [sort]);
  const list = useConnection(
    OverstayedVisasDocument,
    {
      first: VISAS_PAGE_SIZE,
      filter: { overstayed: true, ...(season ? { season } : {}), ...(companyId ? { companyId } : {}) },
      ...(orderBy ? { orderBy } : {}),
    },
    (data) => data.visaApplications,
  );

  const extraColumns: ColumnsType<OverstayRow> = [
    {
      key: 'stayUntil',
      title: t('visaDashboard.stayUntil'),
      ...sortableColumn('stayUntil', sort, true),
      render: (_, row) => <DualDate value={row.stayUntil} />,
    },
    {
      key: 'overstayedAt',
      title: t('visaDashboard.overstayedAt'),
      render: (_, row) => <DualDate value={row.overstayedAt} />,
    },
    {
      key: 'departedOn',
      title: t('visaDashboard.departedOn'),
      render: (_, row) =>
        row.departedOn ? <DualDate value={row.departedOn} /> : <strong>{t('visaDashboard.stillInKingdom')}</strong>,
    },
  ];

  const exportCsv = () => {
    const header = [
      t('visas.nameAr'),
      t('visas.nameEn'),
      t('visas.passport'),
      t('visas.nationality'),
      t('visas.company'),
      t('visas.agent'),
      t('visaDashboard.stayUntil'),
      `${t('visaDashboard.stayUntil')} (${t('common.hijri')})`,
      t('visaDashboard.overstayedAt'),
      t('visaDashboard.departedOn'),
    ];
    const data = list.rows.map((row) => [
      row.pilgrim.fullNameAr,
      row.pilgrim.fullNameEn,
      row.pilgrim.passportNumber,
      countryName(row.nationality, language),
      localized(language, row.company.nameAr, row.company.nameEn),
      row.agent?.name ?? '',
      row.stayUntil,
      row.stayUntil ? formatHijri(row.stayUntil, language) : '',
      row.overstayedAt,
      row.departedOn ?? '',
    ]);
    downloadCsv(`${t('visaDashboard.csvOverstays')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  return (
    <SectionCard title={t('visaDashboard.overstayList')}>
      <ConnectionSection list={list} onExport={exportCsv}>
        <VisaTable<OverstayRow>
          label={t('visaDashboard.overstayList')}
          rows={list.rows}
          loading={list.loading}
          emptyText={t('visaDashboard.noOverstays')}
          extraColumns={extraColumns}
          hide={['status', 'submitted']}
          sort={sort}
          onSortChange={setSort}
        />
      </ConnectionSection>
    </SectionCard>
  );
}
