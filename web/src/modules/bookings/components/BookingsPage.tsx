import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import {
  BookingPackageOptionsDocument,
  BookingsDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  type BookingRowFragment,
  type BookingStatus,
} from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useConnection } from '@/lib/useConnection';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { BookDialog } from './BookDialog';
import { BookingStatusTag } from './BookingStatusTag';
import { ConfirmDialog } from './ConfirmDialog';
import { HoldDeadline, holdLapsed } from './HoldDeadline';
import '@/modules/packages/components/maqam.css';

const STATUSES: BookingStatus[] = ['HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED'];
type Row = BookingRowFragment;

/** Bookings of approved packages: a manager books, confirms and cancels; the ministry reads. */
export function BookingsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const isManager = role === 'COMPANY_MANAGER';
  const [status, setStatus] = useState<BookingStatus | undefined>(undefined);
  const [packageId, setPackageId] = useState<string | undefined>(undefined);
  const packageOptions = useQuery(BookingPackageOptionsDocument);
  const [booking, setBooking] = useState(false);
  const [confirming, setConfirming] = useState<Row | null>(null);
  const [cancelling, setCancelling] = useState<Row | null>(null);
  useDocumentTitle(t('nav.bookings'));
  const list = useConnection(BookingsDocument, { filter: { status, packageId }, first: 50 }, (data) => data.bookings);
  const [confirm] = useMutation(ConfirmBookingDocument);
  const [cancel] = useMutation(CancelBookingDocument);
  const pilgrimName = (row: Row) =>
    row.pilgrim ? localized(language, row.pilgrim.fullNameAr, row.pilgrim.fullNameEn) : '—';

  const columns: ColumnsType<Row> = [
    { key: 'brn', title: t('maqam.brn'), render: (_, row) => <bdi className="maqam-code">{row.bookingReference}</bdi> },
    { key: 'pilgrim', title: t('maqam.pilgrim'), render: (_, row) => pilgrimName(row) },
    {
      key: 'package',
      title: t('maqam.package'),
      render: (_, row) => (
        <Link to={`/packages/${row.package.id}`}>{localized(language, row.package.nameAr, row.package.nameEn)}</Link>
      ),
    },
    ...(isManager
      ? []
      : [
          {
            key: 'company',
            title: t('maqam.company'),
            render: (_: unknown, row: Row) => localized(language, row.company.nameAr ?? '', row.company.nameEn ?? ''),
          },
        ]),
    {
      key: 'starts',
      title: t('maqam.startsOn'),
      render: (_, row) => <DualDate value={row.startsOn} inline month="short" />,
    },
    { key: 'ends', title: t('maqam.endsOn'), render: (_, row) => <DualDate value={row.endsOn} inline month="short" /> },
    { key: 'status', title: t('packages.status'), render: (_, row) => <BookingStatusTag status={row.status} /> },
    {
      key: 'heldUntil',
      title: <span title={t('maqam.holdHelp')}>{t('maqam.heldUntil')}</span>,
      render: (_, row) => <HoldDeadline status={row.status} heldUntil={row.heldUntil} />,
    },
    {
      key: 'payment',
      title: t('maqam.paymentReference'),
      render: (_, row) => (row.paymentReference ? <bdi>{row.paymentReference}</bdi> : '—'),
    },
    ...(isManager
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: Row) =>
              row.status === 'CANCELLED' || row.status === 'EXPIRED' ? null : (
                <Space>
                  {row.status === 'HELD' && !holdLapsed(row.status, row.heldUntil) && (
                    <Button size="small" type="primary" onClick={() => setConfirming(row)}>
                      {t('maqam.confirmBooking')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    danger
                    aria-label={t('maqam.cancelBookingOf', { brn: row.bookingReference })}
                    onClick={() => setCancelling(row)}
                  >
                    {t('maqam.cancelBooking')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('maqam.bookingsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('maqam.brn'),
          t('maqam.pilgrim'),
          t('maqam.package'),
          t('maqam.company'),
          t('maqam.startsOn'),
          t('maqam.endsOn'),
          t('packages.status'),
          t('maqam.heldUntil'),
          t('maqam.paymentReference'),
        ],
        list.rows.map((r) => [
          r.bookingReference,
          pilgrimName(r),
          localized(language, r.package.nameAr, r.package.nameEn),
          localized(language, r.company.nameAr ?? '', r.company.nameEn ?? ''),
          r.startsOn,
          r.endsOn,
          t(`maqam.bookingStatus.${r.status}`),
          r.status === 'HELD' ? (r.heldUntil ?? '') : '',
          r.paymentReference ?? '',
        ]),
      ),
    );

  return (
    <>
      <PageHeader
        title={t('nav.bookings')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          list.hasData
            ? t('maqam.bookingsTotal', { count: list.totalCount, formatted: formatNumber(list.totalCount, language) })
            : undefined
        }
      />
      <div className="maqam-toolbar">
        <FilterBar name="bookingFilters" label={t('maqam.filters')}>
          <FilterSelect
            label={t('packages.status')}
            name="status"
            onChange={(value: BookingStatus | undefined) => setStatus(value)}
            options={STATUSES.map((s) => ({ value: s, label: t(`maqam.bookingStatus.${s}`) }))}
          />
          <FilterSelect
            label={t('maqam.package')}
            name="packageId"
            searchable
            wide
            loading={packageOptions.loading}
            onChange={(value: string | undefined) => setPackageId(value)}
            options={packageOptions.data?.servicePackages.edges.map(({ node }) => ({
              value: node.id,
              label: localized(language, node.nameAr, node.nameEn),
            }))}
          />
        </FilterBar>
        {isManager && (
          <Button type="primary" onClick={() => setBooking(true)}>
            {t('maqam.bookPilgrim')}
          </Button>
        )}
      </div>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<Row>
          label={t('nav.bookings')}
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          locale={{ emptyText: status || packageId ? t('maqam.noBookingsFiltered') : t('maqam.noBookings') }}
          expandable={{
            // An expand column needs a header for screen readers (axe empty-table-header).
            columnTitle: <span className="sr-only">{t('maqam.reservations')}</span>,
            rowExpandable: (row) => row.reservations.length > 0,
            expandedRowRender: (row) => <Reservations row={row} />,
          }}
        />
      </ConnectionSection>
      <BookDialog open={booking} onClose={() => setBooking(false)} onBooked={list.refetch} />
      <ConfirmDialog
        bookingReference={confirming?.bookingReference ?? null}
        onConfirm={(paymentReference) => confirm({ variables: { id: confirming!.id, paymentReference } })}
        onClose={() => setConfirming(null)}
      />
      <ReasonDialog
        open={cancelling !== null}
        title={t('maqam.cancelBooking')}
        danger
        description={t('maqam.cancelHelp')}
        confirmQuestion={t('maqam.cancelQuestion', { brn: cancelling?.bookingReference ?? '' })}
        onConfirm={({ reason }) => cancel({ variables: { id: cancelling!.id, reason } })}
        onClose={() => setCancelling(null)}
      />
    </>
  );
}

function Reservations({ row }: { row: Row }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <ul className="maqam-reservations" aria-label={t('maqam.reservationsOf', { brn: row.bookingReference })}>
      {row.reservations.map((r) => (
        <li key={r.id}>
          {t(`providerKind.${r.item.kind}`)}: {localized(language, r.item.nameAr, r.item.nameEn)} —{' '}
          {localized(language, r.item.provider.nameAr, r.item.provider.nameEn)} ·{' '}
          <DualDate value={r.firstDay} inline month="short" /> – <DualDate value={r.lastDay} inline month="short" /> ·{' '}
          {t('maqam.placesN', { n: r.quantity })}
        </li>
      ))}
    </ul>
  );
}
