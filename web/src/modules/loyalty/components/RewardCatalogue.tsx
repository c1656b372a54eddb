import { App, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionFooter } from '@/lib/ConnectionFooter';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatNumber } from '@/lib/money';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useLoyaltyActions, useRewards, type RewardRow } from '../hooks/useLoyalty';
import { redeemBlocker } from '../lib/redemptionActions';
import { RedeemDialog } from './RedeemDialog';

/** The rewards a manager can ask for today, each with what it costs and whether it can be had. */
export function RewardCatalogue({ balance }: { balance: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const n = (value: number) => formatNumber(value, language);
  const list = useRewards({});
  const actions = useLoyaltyActions();
  const [chosen, setChosen] = useState<RewardRow | null>(null);
  // One key per opened dialog: a retried or double-clicked confirmation holds the points once.
  const requestKey = useMemo(() => (chosen ? crypto.randomUUID() : ''), [chosen]);

  const exportCsv = () =>
    downloadCsv(
      `${t('loyalty.catalogueCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [t('loyalty.reward'), t('loyalty.category'), t('loyalty.costColumn'), t('loyalty.stock')],
        list.rows.map((r) => [
          localized(language, r.nameAr, r.nameEn),
          t(`rewardCategory.${r.category}`),
          r.costPoints,
          r.stock,
        ]),
      ),
    );

  let body;
  if (list.error && !list.hasData) body = <QueryError error={list.error} onRetry={list.refetch} />;
  else if (list.loading && !list.hasData) body = <Skeleton active />;
  else if (list.rows.length === 0) body = <Empty description={t('loyalty.noRewards')} />;
  else {
    body = (
      <Row gutter={[16, 16]} role="list" aria-label={t('loyalty.catalogue')}>
        {list.rows.map((reward) => {
          const name = localized(language, reward.nameAr, reward.nameEn);
          const blocker = redeemBlocker(reward, balance);
          return (
            <Col key={reward.id} xs={24} md={12} xl={8} role="listitem">
              <Card className="reward-card" size="small">
                <h3 className="reward-card__name">{name}</h3>
                <p className="reward-card__category">
                  <StatusTag tone="neutral">{t(`rewardCategory.${reward.category}`)}</StatusTag>
                </p>
                <p className="reward-card__description">
                  {localized(language, reward.descriptionAr, reward.descriptionEn)}
                </p>
                <p className="reward-card__cost">
                  {t('loyalty.points', { count: reward.costPoints, formatted: n(reward.costPoints) })}
                </p>
                <p className="muted">{t('loyalty.inStock', { count: reward.stock, formatted: n(reward.stock) })}</p>
                <Button
                  type="primary"
                  disabled={blocker !== null}
                  onClick={() => setChosen(reward)}
                  aria-label={t('loyalty.redeemReward', { name })}
                >
                  {t('loyalty.redeem')}
                </Button>
                {blocker && <p className="reward-card__blocker">{t(`loyalty.blocked.${blocker}`)}</p>}
              </Card>
            </Col>
          );
        })}
      </Row>
    );
  }

  return (
    <SectionCard title={t('loyalty.catalogue')}>
      {list.error && list.hasData ? <QueryError error={list.error} onRetry={list.refetch} /> : null}
      {body}
      {list.hasData && (
        <ConnectionFooter
          loaded={list.rows.length}
          total={list.totalCount}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          onExport={exportCsv}
        />
      )}
      {chosen && (
        <RedeemDialog
          reward={chosen}
          balance={balance}
          onClose={() => setChosen(null)}
          onConfirm={async (quantity) => {
            await actions.request(chosen.id, quantity, requestKey);
            void message.success(t('loyalty.requested'));
          }}
        />
      )}
    </SectionCard>
  );
}
