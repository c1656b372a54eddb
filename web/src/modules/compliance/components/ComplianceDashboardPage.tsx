import { useQuery } from '@apollo/client/react';
import { Alert, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import {
  CompanyComplianceDocument,
  type ComplianceFiguresFragment,
  type PartyKind,
  type RankingOrder,
} from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { intlLocale } from '@/lib/locale';
import { formatNumber, formatSar } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useRanking } from '../hooks/useCompliance';
import { scoreDistribution } from '../lib/chartData';
import { ComplianceCard, ScoreTag } from './ComplianceCard';
import { CountChartCard } from './ComplianceCharts';
import { ComplianceFiguresSection } from './ComplianceFiguresSection';
import './compliance.css';

/**
 * The compliance dashboard: the ministry's ranking, charts and trend; a manager's own company
 * card, charts and trend. Read-only for everyone.
 */
export function ComplianceDashboardPage() {
  const { t } = useTranslation();
  const { role, company } = useViewer();
  useDocumentTitle(t('compliance.dashboardTitle'));
  return (
    <>
      <PageHeader
        title={t('compliance.dashboardTitle')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={t('compliance.dashboardSubtitle')}
      />
      {role === 'COMPANY_MANAGER' && company ? <OwnCompliance companyId={company.id} /> : <MinistryDashboard />}
      <ComplianceFiguresSection ministry={role !== 'COMPANY_MANAGER'} />
      <FormulaCard />
    </>
  );
}

function OwnCompliance({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { data, loading, error, refetch } = useQuery(CompanyComplianceDocument, { variables: { id: companyId } });
  if (loading && !data)
    return (
      <Spin size="large" tip={t('compliance.loading')}>
        <div className="compliance-loading" />
      </Spin>
    );
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const record = data?.company?.compliance;
  if (!data?.company || !record) return <Alert type="info" showIcon title={t('compliance.noRecord')} />;
  return (
    <ComplianceCard
      title={t('compliance.yourCompany', { name: localized(language, data.company.nameAr, data.company.nameEn) })}
      record={record}
    />
  );
}

function MinistryDashboard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [party, setParty] = useState<PartyKind>('COMPANY');
  const [order, setOrder] = useState<RankingOrder>('WORST_FIRST');
  const ranking = useRanking(party, order);
  const n = (v: number) => formatNumber(v, language);
  const percent = new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 });
  const nameOf = (r: ComplianceFiguresFragment) => {
    const p = r.company ?? r.provider;
    return p ? localized(language, p.nameAr, p.nameEn) : '—';
  };
  const exportCsv = () =>
    downloadCsv(
      `${t('compliance.rankingCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('compliance.rank'),
          t('compliance.party'),
          t('compliance.score'),
          t('compliance.openViolations'),
          t('compliance.escalatedViolations'),
          t('compliance.fines'),
          t('compliance.complaintsOpen'),
          t('compliance.complaintsUpheld'),
          t('compliance.slaBreaches'),
          t('compliance.overstayRate'),
        ],
        ranking.rows.map((r, i) => [
          i + 1,
          nameOf(r),
          r.score,
          r.openViolations,
          r.escalatedViolations,
          r.finesHalalas / 100,
          r.complaintsOpen,
          r.complaintsUpheld,
          r.slaBreaches,
          r.overstayRate,
        ]),
      ),
    );
  const rankRows = ranking.rows.map((r, i) => ({
    ...r,
    rank: i + 1,
    key: r.company?.id ?? r.provider?.id ?? String(i),
  }));
  const partial = (shown: number, total: number) =>
    total > shown ? t('compliance.firstOf', { shown: n(shown), total: n(total) }) : undefined;
  return (
    <>
      <SectionCard
        title={t('compliance.ranking')}
        extra={
          <Segmented<PartyKind>
            aria-label={t('compliance.rankWhom')}
            value={party}
            onChange={setParty}
            options={[
              { value: 'COMPANY', label: t('compliance.companies') },
              { value: 'PROVIDER', label: t('compliance.providers') },
            ]}
          />
        }
      >
        <div className="compliance-toolbar">
          <Segmented<RankingOrder>
            aria-label={t('compliance.order')}
            value={order}
            onChange={setOrder}
            options={[
              { value: 'WORST_FIRST', label: t('compliance.worstFirst') },
              { value: 'BEST_FIRST', label: t('compliance.bestFirst') },
            ]}
          />
        </div>
        <ConnectionSection list={ranking} onExport={exportCsv}>
          <DataTable<(typeof rankRows)[number]>
            label={t('compliance.ranking')}
            rowKey="key"
            loading={ranking.loading}
            dataSource={rankRows}
            locale={{ emptyText: t('compliance.rankingEmpty') }}
            columns={[
              { key: 'rank', title: t('compliance.rank'), render: (_, r) => n(r.rank) },
              { key: 'party', title: t('compliance.party'), render: (_, r) => nameOf(r) },
              { key: 'score', title: t('compliance.score'), render: (_, r) => <ScoreTag score={r.score} /> },
              {
                key: 'open',
                title: t('compliance.openViolations'),
                align: 'end',
                render: (_, r) => n(r.openViolations),
              },
              {
                key: 'escalated',
                title: t('compliance.escalatedViolations'),
                align: 'end',
                render: (_, r) => n(r.escalatedViolations),
              },
              {
                key: 'fines',
                title: t('compliance.fines'),
                align: 'end',
                render: (_, r) => formatSar(r.finesHalalas, language),
              },
              {
                key: 'complaints',
                title: t('compliance.complaintsOpen'),
                align: 'end',
                render: (_, r) => n(r.complaintsOpen),
              },
              {
                key: 'upheld',
                title: t('compliance.complaintsUpheld'),
                align: 'end',
                render: (_, r) => n(r.complaintsUpheld),
              },
              { key: 'sla', title: t('compliance.slaBreaches'), align: 'end', render: (_, r) => n(r.slaBreaches) },
              ...(party === 'COMPANY'
                ? [
                    {
                      key: 'overstay',
                      title: t('compliance.overstayRate'),
                      align: 'end' as const,
                      render: (_: unknown, r: ComplianceFiguresFragment) => percent.format(r.overstayRate),
                    },
                  ]
                : []),
            ]}
          />
        </ConnectionSection>
      </SectionCard>
      <div className="compliance-charts">
        <CountChartCard
          title={t('compliance.scoreDistribution')}
          horizontal
          color="#0b6e4f"
          note={partial(ranking.rows.length, ranking.totalCount)}
          rows={scoreDistribution(ranking.rows.map((r) => r.score)).map((b) => ({
            key: b.band,
            label: t(`compliance.band.${b.band}`),
            count: b.count,
          }))}
        />
      </div>
    </>
  );
}

/** How the score is computed, in words, as the API documents it. */
function FormulaCard() {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('compliance.formulaTitle')}>
      <p>{t('compliance.formulaIntro')}</p>
      <ul className="compliance-list">
        {(['open', 'escalated', 'cured', 'upheld', 'sla', 'overstay', 'points'] as const).map((k) => (
          <li key={k}>{t(`compliance.formula.${k}`)}</li>
        ))}
      </ul>
    </SectionCard>
  );
}
