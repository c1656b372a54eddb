import { useTranslation } from 'react-i18next';
import type { LoyaltyTier } from '@/generated/graphql';
import { StatusTag, type Tone } from '@/lib/StatusTag';

const TONE: Record<LoyaltyTier, Tone> = { BRONZE: 'warning', SILVER: 'neutral', GOLD: 'warning', PLATINUM: 'info' };

export function LoyaltyTierTag({ tier }: { tier: LoyaltyTier }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONE[tier]}>{t(`loyaltyTier.${tier}`)}</StatusTag>;
}
