import { useTranslation } from 'react-i18next';
import type { LicenseStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

const TONE: Record<LicenseStatus, Tone> = {
  ACTIVE: 'success',
  SUSPENDED: 'warning',
  REVOKED: 'error',
  EXPIRED: 'error',
};

export function LicenseStatusTag({ status }: { status: LicenseStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONE[status]}>{t(`licenseStatus.${status}`)}</StatusTag>;
}
