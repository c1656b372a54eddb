import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ConnectionFooter } from '@/lib/ConnectionFooter';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useAuditTrail, type AuditRow } from '../hooks/useAuditTrail';

/** The company's audit trail: every change anyone made, with who, when, what and why. */
export function AuditTrailCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { rows, totalCount, hasNextPage, loading, loadingMore, hasData, error, refetch, loadMore } =
    useAuditTrail(companyId);

  const columns: ColumnsType<AuditRow> = [
    { key: 'at', title: t('audit.at'), render: (_, row) => <DualDate value={row.at} withTime /> },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, row) => (
        <div className="two-line">
          <span dir="auto">{row.actorName ?? t('audit.system')}</span>
          {row.actorRole && <span className="two-line__secondary">{t(`roles.${row.actorRole}`)}</span>}
        </div>
      ),
    },
    { key: 'operation', title: t('audit.operation'), render: (_, row) => <code dir="ltr">{row.operation}</code> },
    {
      key: 'reason',
      title: t('audit.reason'),
      render: (_, row) => (row.reason ? <span dir="auto">{row.reason}</span> : '—'),
    },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      render: (_, row) =>
        row.outcome === 'OK' ? (
          <StatusTag tone="success">{t('audit.succeeded')}</StatusTag>
        ) : (
          <div className="two-line two-line--narrow">
            <StatusTag tone="error">{t('audit.refused')}</StatusTag>
            <code className="two-line__secondary" dir="ltr">
              {row.outcome}
            </code>
          </div>
        ),
    },
  ];

  const exportCsv = () => {
    const header = [
      t('audit.at'),
      t('audit.actor'),
      t('audit.role'),
      t('audit.operation'),
      t('audit.reason'),
      t('audit.outcome'),
    ];
    const data = rows.map((row) => [
      row.at,
      row.actorName,
      row.actorRole ? t(`roles.${row.actorRole}`) : '',
      row.operation,
      row.reason,
      row.outcome,
    ]);
    downloadCsv(`${t('audit.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  return (
    <SectionCard title={t('audit.title')}>
      {error && !hasData ? (
        <QueryError error={error} onRetry={refetch} />
      ) : (
        <>
          {error && <QueryError error={error} onRetry={refetch} />}
          <DataTable<AuditRow>
            label={t('audit.title')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={loading}
            locale={{ emptyText: loading ? ' ' : t('audit.empty') }}
          />
          <ConnectionFooter
            loaded={rows.length}
            total={totalCount}
            hasNextPage={hasNextPage}
            loadingMore={loadingMore}
            onLoadMore={loadMore}
            onExport={exportCsv}
          />
        </>
      )}
    </SectionCard>
  );
}
