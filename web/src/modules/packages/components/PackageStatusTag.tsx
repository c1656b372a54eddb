import { useTranslation } from 'react-i18next';
import type { PackageStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

const TONE: Record<PackageStatus, Tone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  APPROVED: 'success',
  REJECTED: 'error',
};

export function PackageStatusTag({ status }: { status: PackageStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONE[status]}>{t(`packageStatus.${status}`)}</StatusTag>;
}
