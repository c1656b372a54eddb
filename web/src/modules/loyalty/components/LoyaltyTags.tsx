import { useTranslation } from 'react-i18next';
import type { LoyaltyLedgerEntryKind, LoyaltyRedemptionStatus } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

const STATUS_TONE: Record<LoyaltyRedemptionStatus, Tone> = {
  REQUESTED: 'warning',
  APPROVED: 'info',
  FULFILLED: 'success',
  REJECTED: 'error',
  CANCELLED: 'neutral',
};

export function RedemptionStatusTag({ status }: { status: LoyaltyRedemptionStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={STATUS_TONE[status]}>{t(`redemptionStatus.${status}`)}</StatusTag>;
}

const KIND_TONE: Record<LoyaltyLedgerEntryKind, Tone> = {
  EARN: 'success',
  REDEEM: 'info',
  REFUND: 'neutral',
  EXPIRE: 'warning',
  ADJUST: 'neutral',
};

export function LedgerKindTag({ kind }: { kind: LoyaltyLedgerEntryKind }) {
  const { t } = useTranslation();
  return <StatusTag tone={KIND_TONE[kind]}>{t(`ledgerKind.${kind}`)}</StatusTag>;
}
