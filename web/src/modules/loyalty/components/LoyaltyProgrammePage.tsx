import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Col, Row, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import { LoyaltyProgrammeDocument, type LoyaltyProgrammeQuery } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useLoyaltyAccounts, useLoyaltyActions, type AccountRow } from '../hooks/useLoyalty';
import { AdjustDialog } from './AdjustDialog';
import { RedemptionStatusTag } from './LoyaltyTags';
import { LoyaltyTierTag } from './LoyaltyTierTag';
import { MonthlyPointsCard } from './ProgrammeCharts';
import { RulesFormModal } from './RulesFormModal';
import './loyalty.css';

/**
 * The Al-Barakat programme for the ministry: its figures, the earning rules and their history, and
 * every company's account. Supervisors read it; officers may also correct a company's points.
 */
export function LoyaltyProgrammePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const n = (value: number) => formatNumber(value, language);
  useDocumentTitle(t('loyalty.programmeTitle'));
  const { data, previousData, loading, error, refetch } = useQuery(LoyaltyProgrammeDocument, {
    variables: { months: 12 },
  });
  const source = data ?? previousData;
  const header = (
    <PageHeader
      title={t('loyalty.programmeTitle')}
      tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
      subtitle={t('loyalty.programmeSubtitle')}
    />
  );
  if (loading && !source) return <PageLoading />;
  if (!source) {
    return (
      <>
        {header}
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  const stats = source.loyaltyProgrammeStatistics;
  const waiting = stats.redemptionsByStatus.find((s) => s.status === 'REQUESTED')?.requests ?? 0;
  const big = [
    { key: 'accounts', label: t('loyalty.accounts'), value: n(stats.accounts) },
    { key: 'outstanding', label: t('loyalty.outstanding'), value: n(stats.pointsOutstanding) },
    { key: 'expiring', label: t('loyalty.expiringAll'), value: n(stats.expiringSoon), until: stats.expiringSoonUntil },
    { key: 'waiting', label: t('loyalty.waitingRequests'), value: n(waiting) },
  ];
  return (
    <>
      {header}
      {error && <Alert className="page-alert" type="warning" showIcon title={t('errors.partial')} />}
      <Row gutter={[16, 16]} className="loyalty-figures">
        {big.map((item) => (
          <Col key={item.key} xs={12} lg={6}>
            <SectionCard title={item.label}>
              <p className="big-number">{item.value}</p>
              {item.until && (
                <p className="muted">
                  {t('loyalty.until')} <DualDate value={item.until} inline month="short" />
                </p>
              )}
            </SectionCard>
          </Col>
        ))}
        <Col span={24}>
          <MonthlyPointsCard months={stats.byMonth} />
        </Col>
        <Col xs={24} lg={8}>
          <SectionCard title={t('loyalty.byTier')}>
            <Table
              size="small"
              rowKey="tier"
              pagination={false}
              dataSource={stats.byTier}
              columns={[
                { key: 'tier', title: t('loyalty.tier'), render: (_, r) => <LoyaltyTierTag tier={r.tier} /> },
                { key: 'accounts', title: t('loyalty.accounts'), align: 'end', render: (_, r) => n(r.accounts) },
              ]}
            />
          </SectionCard>
        </Col>
        <Col xs={24} lg={8}>
          <SectionCard title={t('loyalty.byStatus')}>
            <Table
              size="small"
              rowKey="status"
              pagination={false}
              dataSource={stats.redemptionsByStatus}
              columns={[
                {
                  key: 'status',
                  title: t('loyalty.status'),
                  render: (_, r) => <RedemptionStatusTag status={r.status} />,
                },
                { key: 'requests', title: t('loyalty.requests'), align: 'end', render: (_, r) => n(r.requests) },
                { key: 'points', title: t('loyalty.pointsColumn'), align: 'end', render: (_, r) => n(r.points) },
              ]}
            />
          </SectionCard>
        </Col>
        <Col xs={24} lg={8}>
          <SectionCard title={t('loyalty.topRewards')}>
            <Table
              size="small"
              rowKey={(r) => r.reward.id}
              pagination={false}
              dataSource={stats.topRewards}
              locale={{ emptyText: t('loyalty.noRequests') }}
              columns={[
                {
                  key: 'reward',
                  title: t('loyalty.reward'),
                  render: (_, r) => localized(language, r.reward.nameAr, r.reward.nameEn),
                },
                { key: 'units', title: t('loyalty.units'), align: 'end', render: (_, r) => n(r.units) },
                { key: 'points', title: t('loyalty.pointsColumn'), align: 'end', render: (_, r) => n(r.points) },
              ]}
            />
          </SectionCard>
        </Col>
        <Col span={24}>
          <RulesHistory rules={source.loyaltyEarningRulesHistory} />
        </Col>
        <Col span={24}>
          <AccountsSection />
        </Col>
      </Row>
    </>
  );
}

type RulesRow = LoyaltyProgrammeQuery['loyaltyEarningRulesHistory'][number];

function RulesHistory({ rules }: { rules: readonly RulesRow[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const actions = useLoyaltyActions();
  const [announcing, setAnnouncing] = useState(false);
  const n = (value: number) => formatNumber(value, language);
  const latest = rules[0];
  return (
    <SectionCard
      title={t('loyalty.rulesHistory')}
      extra={
        role === 'MINISTRY_OFFICER' && latest ? (
          <Button onClick={() => setAnnouncing(true)}>{t('loyalty.newRules')}</Button>
        ) : undefined
      }
    >
      {announcing && latest && (
        <RulesFormModal
          latest={latest}
          onSave={async (input) => {
            await actions.setRules(input);
            void message.success(t('loyalty.rulesSaved'));
          }}
          onClose={() => setAnnouncing(false)}
        />
      )}
      <DataTable<RulesRow>
        label={t('loyalty.rulesHistory')}
        rowKey="id"
        size="small"
        dataSource={[...rules]}
        columns={[
          { key: 'version', title: t('loyalty.version'), align: 'end', render: (_, r) => n(r.version) },
          { key: 'season', title: t('loyalty.season'), render: (_, r) => <bdi>{r.season}</bdi> },
          {
            key: 'from',
            title: t('loyalty.effectiveFrom'),
            render: (_, r) => <DualDate value={r.effectiveFrom} inline month="short" />,
          },
          { key: 'pilgrim', title: t('loyalty.perPilgrim'), align: 'end', render: (_, r) => n(r.pointsPerPilgrim) },
          { key: 'visa', title: t('loyalty.perVisa'), align: 'end', render: (_, r) => n(r.visaIssuedBonus) },
          {
            key: 'tiers',
            title: t('loyalty.tiers'),
            render: (_, r) =>
              t('loyalty.tiersText', {
                silver: n(r.silverFrom),
                gold: n(r.goldFrom),
                platinum: n(r.platinumFrom),
                silverPct: n(r.silverMultiplierPercent),
                goldPct: n(r.goldMultiplierPercent),
                platinumPct: n(r.platinumMultiplierPercent),
              }),
          },
          {
            key: 'expiry',
            title: t('loyalty.expiry'),
            render: (_, r) => t('loyalty.expiryText', { months: n(r.expiryMonths) }),
          },
          { key: 'reason', title: t('loyalty.reason'), render: (_, r) => <span dir="auto">{r.reason}</span> },
        ]}
      />
    </SectionCard>
  );
}

function AccountsSection() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const n = (value: number) => formatNumber(value, language);
  const list = useLoyaltyAccounts();
  const actions = useLoyaltyActions();
  const [adjusting, setAdjusting] = useState<AccountRow | null>(null);
  const name = (row: AccountRow) => localized(language, row.company.nameAr ?? '', row.company.nameEn ?? '');
  const canAdjust = role === 'MINISTRY_OFFICER';
  const columns: ColumnsType<AccountRow> = [
    { key: 'company', title: t('loyalty.company'), render: (_, r) => name(r) },
    { key: 'balance', title: t('loyalty.balance'), align: 'end', render: (_, r) => n(r.balance) },
    { key: 'tier', title: t('loyalty.tier'), render: (_, r) => <LoyaltyTierTag tier={r.tier} /> },
    { key: 'expiring', title: t('loyalty.expiringColumn'), align: 'end', render: (_, r) => n(r.expiringSoon) },
    ...(canAdjust
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: AccountRow) => (
              <Button
                size="small"
                onClick={() => setAdjusting(r)}
                aria-label={t('loyalty.adjustFor', { company: name(r) })}
              >
                {t('loyalty.adjust')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const exportCsv = () =>
    downloadCsv(
      `${t('loyalty.accountsCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [t('loyalty.company'), t('loyalty.balance'), t('loyalty.tier'), t('loyalty.expiringColumn')],
        list.rows.map((r) => [name(r), r.balance, t(`loyaltyTier.${r.tier}`), r.expiringSoon]),
      ),
    );
  return (
    <SectionCard title={t('loyalty.accountsTitle')}>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<AccountRow>
          label={t('loyalty.accountsTitle')}
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          locale={{ emptyText: list.loading ? ' ' : t('loyalty.noAccounts') }}
        />
      </ConnectionSection>
      {adjusting && (
        <AdjustDialog
          companyName={name(adjusting)}
          balance={adjusting.balance}
          onConfirm={async (points, reason) => {
            await actions.adjust(adjusting.company.id, points, reason);
            void message.success(t('loyalty.adjusted'));
          }}
          onClose={() => setAdjusting(null)}
        />
      )}
    </SectionCard>
  );
}
