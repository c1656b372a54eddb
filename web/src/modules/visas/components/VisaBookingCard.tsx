import { useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { VisaBookingDocument, type VisaStatus } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { localized, useLanguage } from '@/lib/useLanguage';

/**
 * The pilgrim's live booking, which approval requires (confirmed, on an approved package, covering
 * the stay). Read by the ministry and the company's managers only; the page leaves it out for others.
 */
export function VisaBookingCard({ pilgrimId, status }: { pilgrimId: string; status: VisaStatus }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { data, loading, error } = useQuery(VisaBookingDocument, { variables: { pilgrimId } });
  const booking = data?.pilgrim?.booking ?? null;
  const awaitingApproval = status === 'SUBMITTED';

  let body;
  if (loading && !data) body = <Skeleton active paragraph={{ rows: 2 }} title={false} />;
  else if (error && !data) body = <p className="muted">{t('visas.detail.bookingUnavailable')}</p>;
  else if (!booking)
    body = awaitingApproval ? (
      <Alert type="warning" showIcon title={t('visas.detail.noBooking')} />
    ) : (
      <p className="muted">{t('common.none')}</p>
    );
  else
    body = (
      <>
        {awaitingApproval && booking.status !== 'CONFIRMED' && (
          <Alert className="visa-booking__alert" type="warning" showIcon title={t('visas.detail.noBooking')} />
        )}
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'reference',
              label: t('visas.detail.bookingReference'),
              children: <bdi className="visa-code">{booking.bookingReference}</bdi>,
            },
            {
              key: 'status',
              label: t('visas.detail.bookingStatus'),
              children: (
                <StatusTag
                  tone={booking.status === 'CONFIRMED' ? 'success' : booking.status === 'HELD' ? 'warning' : 'neutral'}
                >
                  {t(`visas.bookingStatus.${booking.status}`)}
                </StatusTag>
              ),
            },
            {
              key: 'stay',
              label: t('visas.detail.bookingStay'),
              children: (
                <span className="visa-booking__stay">
                  <DualDate value={booking.startsOn} inline />
                  <span aria-hidden="true"> – </span>
                  <span className="sr-only"> {t('visas.detail.historyTo')} </span>
                  <DualDate value={booking.endsOn} inline />
                </span>
              ),
            },
            {
              key: 'package',
              label: t('visas.detail.bookingPackage'),
              children: localized(language, booking.package.nameAr, booking.package.nameEn),
            },
          ]}
        />
      </>
    );

  return <SectionCard title={t('visas.detail.bookingCard')}>{body}</SectionCard>;
}
