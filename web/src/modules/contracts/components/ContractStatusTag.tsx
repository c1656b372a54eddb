import { useTranslation } from 'react-i18next';
import type { AgencyContractStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

const TONE: Record<AgencyContractStatus, Tone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  APPROVED: 'success',
  ACTIVE: 'success',
  EXPIRED: 'neutral',
  TERMINATED: 'error',
};

export function ContractStatusTag({ status }: { status: AgencyContractStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONE[status]}>{t(`contractStatus.${status}`)}</StatusTag>;
}
