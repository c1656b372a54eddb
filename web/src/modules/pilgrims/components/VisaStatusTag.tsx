import { useTranslation } from 'react-i18next';
import type { VisaStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

export const VISA_STATUSES: readonly VisaStatus[] = [
  'SUBMITTED',
  'APPROVED',
  'PAID',
  'SENT_TO_MOFA',
  'ISSUED',
  'ARRIVED',
  'DEPARTED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'OVERSTAYED',
];

const TONE: Record<VisaStatus, Tone> = {
  SUBMITTED: 'info',
  APPROVED: 'info',
  PAID: 'info',
  SENT_TO_MOFA: 'info',
  ISSUED: 'success',
  ARRIVED: 'success',
  DEPARTED: 'neutral',
  REJECTED: 'error',
  CANCELLED: 'neutral',
  EXPIRED: 'warning',
  OVERSTAYED: 'error',
};

export function VisaStatusTag({ status }: { status: VisaStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONE[status]}>{t(`visaStatus.${status}`)}</StatusTag>;
}
