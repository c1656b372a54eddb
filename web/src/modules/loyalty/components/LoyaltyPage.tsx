import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/app/PageLoading';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useMyLoyalty, useRedemptions } from '../hooks/useLoyalty';
import { AccountSummary, RulesDescription } from './AccountSummary';
import { LedgerSection } from './LedgerSection';
import { RedemptionTable } from './RedemptionTable';
import { RewardCatalogue } from './RewardCatalogue';
import './loyalty.css';

/**
 * The manager's Al-Barakat page: balance, tier and expiries, the catalogue to redeem from, the
 * company's reward requests and its points ledger with the statement.
 */
export function LoyaltyPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { company, account, rules, hasData, loading, error, refetch } = useMyLoyalty();
  useDocumentTitle(t('loyalty.title'));
  const header = (
    <PageHeader
      title={t('loyalty.title')}
      subtitle={company ? localized(language, company.nameAr, company.nameEn) : undefined}
    />
  );
  if (loading && !hasData) return <PageLoading />;
  if (!hasData) {
    return (
      <>
        {header}
        <QueryError error={error} onRetry={refetch} />
      </>
    );
  }
  if (!account) {
    return (
      <>
        {header}
        {error && <QueryError error={error} onRetry={refetch} />}
        <Empty description={t('loyalty.noAccount')} />
        {rules && (
          <SectionCard title={t('loyalty.rules')}>
            <RulesDescription rules={rules} />
          </SectionCard>
        )}
      </>
    );
  }
  return (
    <>
      {header}
      <div className="loyalty-page">
        <AccountSummary account={account} rules={rules} />
        <RewardCatalogue balance={account.balance} />
        <MyRedemptions />
        <LedgerSection />
      </div>
    </>
  );
}

function MyRedemptions() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const list = useRedemptions({});
  const exportCsv = () =>
    downloadCsv(
      `${t('loyalty.requestsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('loyalty.reward'),
          t('loyalty.quantity'),
          t('loyalty.pointsColumn'),
          t('loyalty.status'),
          t('loyalty.requestedAt'),
        ],
        list.rows.map((r) => [
          localized(language, r.reward.nameAr, r.reward.nameEn),
          r.quantity,
          r.points,
          t(`redemptionStatus.${r.status}`),
          r.requestedAt,
        ]),
      ),
    );
  return (
    <SectionCard title={t('loyalty.myRequests')}>
      <ConnectionSection list={list} onExport={exportCsv}>
        <RedemptionTable
          rows={list.rows}
          loading={list.loading}
          label={t('loyalty.myRequests')}
          showCompany={false}
          emptyText={t('loyalty.noRequests')}
        />
      </ConnectionSection>
    </SectionCard>
  );
}
