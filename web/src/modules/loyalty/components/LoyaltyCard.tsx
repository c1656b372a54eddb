import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyLoyaltyFragment } from '@/generated/graphql';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { LoyaltyTierTag } from './LoyaltyTierTag';

/** Al-Barakat: the company's points balance and tier. */
export function LoyaltyCard({ company, failed }: { company: CompanyLoyaltyFragment; failed: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { loyalty } = company;
  return (
    <SectionCard title={t('overview.loyalty')} extra={<Link to="/loyalty">{t('loyalty.open')}</Link>}>
      {loyalty ? (
        <>
          <p className="big-number">
            {t('overview.points', { count: loyalty.balance, formatted: formatNumber(loyalty.balance, language) })}
          </p>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'balance', label: t('overview.balance'), children: formatNumber(loyalty.balance, language) },
              { key: 'tier', label: t('overview.tier'), children: <LoyaltyTierTag tier={loyalty.tier} /> },
            ]}
          />
        </>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={failed ? t('overview.unavailable') : t('overview.noLoyalty')}
        />
      )}
    </SectionCard>
  );
}
