import { useQuery } from '@apollo/client/react';
import { Button, Empty, Form, Input, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/app/PageLoading';
import {
  InventoryReservationsDocument,
  ProviderInventoryDocument,
  ProviderItemsDocument,
  type InventoryReservationsQuery,
} from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar } from '@/lib/FilterBar';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useConnection } from '@/lib/useConnection';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { BookingStatusTag } from '@/modules/bookings/components/BookingStatusTag';
import { useProviderProfile } from '../hooks/useProviderProfile';
import { monthBounds } from '../lib/monthGrid';
import { InventoryCalendar } from './InventoryCalendar';
import { AllotmentDialog, CreateItemDialog } from './InventoryDialogs';
import '@/modules/packages/components/maqam.css';

type Reservation = InventoryReservationsQuery['inventoryReservations']['edges'][number]['node'];

/** A provider's inventory: its items, a month of places and prices per item, and the bookings holding places. */
export function ProviderInventoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.providerInventory'));
  const profile = useProviderProfile();
  if (profile.loading && !profile.hasData) return <PageLoading />;
  if (!profile.provider) {
    return (
      <>
        <PageHeader title={t('nav.providerInventory')} />
        {profile.error ? (
          <QueryError error={profile.error} onRetry={profile.refetch} />
        ) : (
          <Empty description={t('provider.noProvider')} />
        )}
      </>
    );
  }
  return <Inventory providerId={profile.provider.id} kind={profile.provider.kind} />;
}

function Inventory({ providerId, kind }: { providerId: string; kind: Parameters<typeof CreateItemDialog>[0]['kind'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [month, setMonth] = useState(() => todayInRiyadh().slice(0, 7));
  const [itemId, setItemId] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<'item' | 'allotments' | null>(null);
  const items = useQuery(ProviderItemsDocument, { variables: { providerId } });
  const period = monthBounds(month);
  const calendar = useQuery(ProviderInventoryDocument, {
    variables: { ...period, filter: { providerId } },
  });
  const itemRows = items.data?.inventoryItems.edges.map((e) => e.node) ?? [];
  const opened = calendar.data?.availability.edges.map((e) => e.node) ?? [];
  const shownId = itemId ?? opened[0]?.item.id;
  const shown = opened.find((a) => a.item.id === shownId);
  const refresh = () => {
    void items.refetch();
    void calendar.refetch();
  };

  return (
    <>
      <PageHeader title={t('nav.providerInventory')} subtitle={t('maqam.inventoryHelp')} />
      <Space wrap className="maqam-actions">
        <Button type="primary" onClick={() => setDialog('item')} disabled={kind === 'TRAVEL_AGENT'}>
          {t('maqam.newItem')}
        </Button>
        <Button onClick={() => setDialog('allotments')} disabled={itemRows.length === 0}>
          {t('maqam.setAllotments')}
        </Button>
      </Space>
      <SectionCard title={t('maqam.calendar')}>
        <FilterBar name="calendarFilters" label={t('maqam.filters')}>
          <Form.Item label={t('maqam.month')} htmlFor="inventory-month">
            <Input
              id="inventory-month"
              type="month"
              dir="ltr"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('maqam.item')} htmlFor="inventory-item">
            <Select
              id="inventory-item"
              className="filter-bar__select filter-bar__select--wide"
              value={shownId}
              onChange={setItemId}
              options={opened.map((a) => ({
                value: a.item.id,
                label: `${a.item.code} — ${localized(language, a.item.nameAr, a.item.nameEn)}`,
              }))}
            />
          </Form.Item>
        </FilterBar>
        {calendar.error ? (
          <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : calendar.loading && !calendar.data ? (
          <PageLoading />
        ) : shown ? (
          <InventoryCalendar availability={shown} month={month} />
        ) : (
          <Empty description={t('maqam.nothingOpened')} />
        )}
      </SectionCard>
      <ReservationsSection from={period.from} to={period.to} itemId={shownId} />
      {dialog === 'item' && <CreateItemDialog kind={kind} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'allotments' && (
        <AllotmentDialog items={itemRows} initialItemId={shownId} onClose={() => setDialog(null)} onDone={refresh} />
      )}
    </>
  );
}

/** The bookings holding places of the item shown, in the month shown. */
function ReservationsSection({ from, to, itemId }: { from: string; to: string; itemId: string | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const list = useConnection(
    InventoryReservationsDocument,
    { filter: { from, to, itemId }, first: 50 },
    (data) => data.inventoryReservations,
  );
  const company = (r: Reservation) => localized(language, r.company.nameAr ?? '', r.company.nameEn ?? '');
  const columns: ColumnsType<Reservation> = [
    { key: 'brn', title: t('maqam.brn'), render: (_, r) => <bdi className="maqam-code">{r.bookingReference}</bdi> },
    { key: 'company', title: t('maqam.company'), render: (_, r) => company(r) },
    {
      key: 'item',
      title: t('maqam.item'),
      render: (_, r) => `${r.item.code} — ${localized(language, r.item.nameAr, r.item.nameEn)}`,
    },
    {
      key: 'first',
      title: t('maqam.firstDay'),
      render: (_, r) => <DualDate value={r.firstDay} inline month="short" />,
    },
    { key: 'last', title: t('maqam.lastDay'), render: (_, r) => <DualDate value={r.lastDay} inline month="short" /> },
    { key: 'quantity', title: t('maqam.places'), align: 'end', dataIndex: 'quantity' },
    { key: 'status', title: t('packages.status'), render: (_, r) => <BookingStatusTag status={r.bookingStatus} /> },
  ];
  const exportCsv = () =>
    downloadCsv(
      `${t('maqam.reservationsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('maqam.brn'),
          t('maqam.company'),
          t('maqam.item'),
          t('maqam.firstDay'),
          t('maqam.lastDay'),
          t('maqam.places'),
          t('packages.status'),
        ],
        list.rows.map((r) => [
          r.bookingReference,
          company(r),
          r.item.code,
          r.firstDay,
          r.lastDay,
          r.quantity,
          t(`maqam.bookingStatus.${r.bookingStatus}`),
        ]),
      ),
    );
  return (
    <SectionCard title={t('maqam.reservations')}>
      <p className="maqam-help">{t('maqam.reservationsHelp')}</p>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<Reservation>
          label={t('maqam.reservations')}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          locale={{ emptyText: t('maqam.noReservations') }}
        />
      </ConnectionSection>
    </SectionCard>
  );
}
