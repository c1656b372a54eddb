import { useMutation } from '@apollo/client/react';
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@/app/ViewerContext';
import { DisableAccountDocument, EnableAccountDocument } from '@/generated/graphql';
import { ConnectionFooter } from '@/lib/ConnectionFooter';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { useLanguage } from '@/lib/useLanguage';
import { useStaff, type StaffRow } from '../hooks/useStaff';
import { AddStaffModal } from './AddStaffModal';

/** A manager's colleagues: who can sign in for the company, add one, disable or enable one. */
export function StaffPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const viewer = useViewer();
  const [adding, setAdding] = useState(false);
  const [toggling, setToggling] = useState<StaffRow | null>(null);
  const { rows, totalCount, hasNextPage, loading, loadingMore, hasData, error, refetch, loadMore } = useStaff();
  const options = { refetchQueries: ['Staff'], awaitRefetchQueries: true };
  const [disable] = useMutation(DisableAccountDocument, options);
  const [enable] = useMutation(EnableAccountDocument, options);
  useDocumentTitle(t('staff.title'));

  const columns: ColumnsType<StaffRow> = [
    { key: 'name', title: t('staff.name'), render: (_, row) => <span dir="auto">{row.displayName}</span> },
    { key: 'email', title: t('auth.email'), render: (_, row) => <bdi>{row.email}</bdi> },
    { key: 'role', title: t('staff.role'), render: (_, row) => t(`roles.${row.role}`) },
    {
      key: 'status',
      title: t('staff.status'),
      render: (_, row) => (
        <div className="two-line">
          <StatusTag tone={row.status === 'ACTIVE' ? 'success' : 'neutral'}>
            {t(`accountStatus.${row.status}`)}
          </StatusTag>
          {row.status === 'DISABLED' && row.disabledReason && (
            <span className="two-line__secondary" dir="auto">
              {t('staff.disabledReason', { reason: row.disabledReason })}
            </span>
          )}
        </div>
      ),
    },
    { key: 'created', title: t('staff.createdAt'), render: (_, row) => <DualDate value={row.createdAt} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      // Nobody disables their own account: that would lock the company out of this page.
      render: (_, row) =>
        row.id === viewer.id ? (
          <span className="muted">{t('staff.you')}</span>
        ) : (
          <Button size="small" danger={row.status === 'ACTIVE'} onClick={() => setToggling(row)}>
            {row.status === 'ACTIVE' ? t('staff.disable') : t('staff.enable')}
          </Button>
        ),
    },
  ];

  const exportCsv = () => {
    const header = [t('staff.name'), t('auth.email'), t('staff.role'), t('staff.status'), t('staff.createdAt')];
    const data = rows.map((row) => [
      row.displayName,
      row.email,
      t(`roles.${row.role}`),
      t(`accountStatus.${row.status}`),
      row.createdAt,
    ]);
    downloadCsv(`${t('staff.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  const enabling = toggling?.status !== 'ACTIVE';
  return (
    <>
      <PageHeader
        title={t('staff.title')}
        subtitle={
          hasData ? t('staff.total', { count: totalCount, formatted: formatNumber(totalCount, language) }) : undefined
        }
      />
      <div className="page-actions">
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('staff.add')}
        </Button>
      </div>
      {error && !hasData ? (
        <QueryError error={error} onRetry={refetch} />
      ) : (
        <>
          {error && <QueryError error={error} onRetry={refetch} />}
          <DataTable<StaffRow>
            label={t('staff.title')}
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={loading}
            locale={{ emptyText: loading ? ' ' : t('staff.empty') }}
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
      {adding && <AddStaffModal onClose={() => setAdding(false)} />}
      {toggling && (
        <ReasonDialog
          open
          title={enabling ? t('staff.enableTitle') : t('staff.disableTitle')}
          description={<p>{enabling ? t('staff.enableDescription') : t('staff.disableDescription')}</p>}
          confirmQuestion={t(enabling ? 'staff.enableQuestion' : 'staff.disableQuestion', {
            name: toggling.displayName,
          })}
          danger={!enabling}
          onConfirm={async ({ reason }) => {
            const input = { id: toggling.id, reason };
            if (enabling) await enable({ variables: { input } });
            else await disable({ variables: { input } });
          }}
          onClose={() => setToggling(null)}
        />
      )}
    </>
  );
}
