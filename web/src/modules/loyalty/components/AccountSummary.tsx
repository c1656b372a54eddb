import { Col, Descriptions, Empty, Progress, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoyaltyAccountSummaryFragment, LoyaltyRulesFragment } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { tierPercent } from '../lib/redemptionActions';
import { LoyaltyTierTag } from './LoyaltyTierTag';

/** Balance, what expires when, the way to the next tier and the rules: the top of the manager's page. */
export function AccountSummary({
  account,
  rules,
}: {
  account: LoyaltyAccountSummaryFragment;
  rules: LoyaltyRulesFragment | null;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const progress = account.tierProgress;
  return (
    <Row gutter={[16, 16]} className="loyalty-summary">
      <Col xs={24} md={12} xl={6}>
        <SectionCard title={t('loyalty.balance')}>
          <p className="big-number" data-testid="loyalty-balance">
            {t('loyalty.points', { count: account.balance, formatted: n(account.balance) })}
          </p>
          {account.expiringSoon > 0 ? (
            <p className="loyalty-summary__warning">
              {t('loyalty.expiringSoon', {
                count: account.expiringSoon,
                formatted: n(account.expiringSoon),
                days: n(rules?.expiryNoticeDays ?? 0),
              })}{' '}
              {account.expirySchedule[0] && (
                <>
                  {t('loyalty.firstOn')} <DualDate value={account.expirySchedule[0].expiresOn} inline />
                </>
              )}
            </p>
          ) : (
            <p className="muted">{t('loyalty.nothingExpiring', { days: n(rules?.expiryNoticeDays ?? 0) })}</p>
          )}
        </SectionCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <SectionCard title={t('loyalty.tier')}>
          <p className="loyalty-summary__tier">
            <LoyaltyTierTag tier={progress.tier} />{' '}
            <span>{t('loyalty.multiplier', { percent: n(progress.multiplierPercent) })}</span>
          </p>
          <p>
            {t('loyalty.pilgrimsLastYear', {
              count: progress.pilgrimsLast12Months,
              formatted: n(progress.pilgrimsLast12Months),
            })}
          </p>
          <Progress
            percent={tierPercent(progress)}
            showInfo={false}
            aria-label={t('loyalty.tierProgress')}
            strokeColor="#0b6e4f"
          />
          {progress.nextTier && progress.pilgrimsToNextTier !== null ? (
            <p className="muted">
              {t('loyalty.toNextTier', {
                pilgrims: n(progress.pilgrimsToNextTier),
                tier: t(`loyaltyTier.${progress.nextTier}`),
                points: n(progress.pointsToNextTier ?? 0),
              })}
            </p>
          ) : (
            <p className="muted">{t('loyalty.highestTier')}</p>
          )}
        </SectionCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <SectionCard title={t('loyalty.expirySchedule')}>
          {account.expirySchedule.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loyalty.noExpiry')} />
          ) : (
            <Table
              size="small"
              rowKey="expiresOn"
              pagination={false}
              dataSource={account.expirySchedule}
              columns={[
                {
                  key: 'date',
                  title: t('loyalty.expiresOn'),
                  render: (_, row) => <DualDate value={row.expiresOn} inline month="short" />,
                },
                { key: 'points', title: t('loyalty.pointsColumn'), align: 'end', render: (_, row) => n(row.points) },
              ]}
            />
          )}
        </SectionCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <SectionCard title={t('loyalty.rules')}>
          {rules ? <RulesDescription rules={rules} /> : <p className="muted">{t('loyalty.noRules')}</p>}
        </SectionCard>
      </Col>
    </Row>
  );
}

export function RulesDescription({ rules }: { rules: LoyaltyRulesFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <>
      <p className="muted">{t('loyalty.rulesVersion', { season: rules.season, version: n(rules.version) })}</p>
      <Descriptions
        column={1}
        size="small"
        layout="vertical"
        colon={false}
        items={[
          { key: 'pilgrim', label: t('loyalty.perPilgrim'), children: n(rules.pointsPerPilgrim) },
          {
            key: 'visa',
            label: t('loyalty.perVisa'),
            children: rules.visaIssuedBonus > 0 ? n(rules.visaIssuedBonus) : t('loyalty.noVisaBonus'),
          },
          {
            key: 'tiers',
            label: t('loyalty.tiers'),
            children: t('loyalty.tiersText', {
              silver: n(rules.silverFrom),
              gold: n(rules.goldFrom),
              platinum: n(rules.platinumFrom),
              silverPct: n(rules.silverMultiplierPercent),
              goldPct: n(rules.goldMultiplierPercent),
              platinumPct: n(rules.platinumMultiplierPercent),
            }),
          },
          {
            key: 'expiry',
            label: t('loyalty.expiry'),
            children: t('loyalty.expiryText', { months: n(rules.expiryMonths) }),
          },
        ]}
      />
    </>
  );
}
