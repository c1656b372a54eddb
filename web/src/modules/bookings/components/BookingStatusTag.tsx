import { useTranslation } from 'react-i18next';
import type { BookingStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

const TONE: Record<BookingStatus, Tone> = {
  HELD: 'warning',
  CONFIRMED: 'success',
  CANCELLED: 'neutral',
  EXPIRED: 'error',
};

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONE[status]}>{t(`maqam.bookingStatus.${status}`)}</StatusTag>;
}
