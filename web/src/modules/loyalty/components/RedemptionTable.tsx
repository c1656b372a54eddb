import { App, Button, Popconfirm, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@/app/ViewerContext';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatNumber } from '@/lib/money';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useLoyaltyActions, type RedemptionRow } from '../hooks/useLoyalty';
import { redemptionActionsFor, type RedemptionAction } from '../lib/redemptionActions';
import { LoyaltyActionError } from './LoyaltyActionError';
import { RedemptionStatusTag } from './LoyaltyTags';
import { NoteDialog } from './NoteDialog';

interface RedemptionTableProps {
  rows: RedemptionRow[];
  loading: boolean;
  label: string;
  /** The ministry's queue names the company; a manager's own list does not. */
  showCompany: boolean;
  emptyText: string;
}

/** Reward requests with the steps the signed-in role may take on each (none for a supervisor). */
export function RedemptionTable({ rows, loading, label, showCompany, emptyText }: RedemptionTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const actions = useLoyaltyActions();
  const [dialog, setDialog] = useState<{ action: 'fulfil' | 'reject'; row: RedemptionRow } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; error: unknown } | null>(null);
  const n = (value: number) => formatNumber(value, language);
  const rewardName = (row: RedemptionRow) => localized(language, row.reward.nameAr, row.reward.nameEn);
  const companyName = (row: RedemptionRow) => localized(language, row.company.nameAr ?? '', row.company.nameEn ?? '');

  const run = async (row: RedemptionRow, action: 'approve' | 'cancel') => {
    setBusy(row.id);
    setFailure(null);
    try {
      if (action === 'approve') await actions.approve(row.id);
      else await actions.cancel(row.id);
      void message.success(t(`loyalty.done.${action}`));
    } catch (error) {
      setFailure({ id: row.id, error });
    } finally {
      setBusy(null);
    }
  };

  const button = (row: RedemptionRow, action: RedemptionAction) => {
    const name = rewardName(row);
    if (action === 'approve' || action === 'cancel') {
      return (
        <Popconfirm
          key={action}
          title={t(`loyalty.confirm.${action}`, { name })}
          okText={t(`loyalty.actions.${action}`)}
          cancelText={t('common.cancel')}
          onConfirm={() => run(row, action)}
        >
          <Button
            size="small"
            type={action === 'approve' ? 'primary' : 'default'}
            loading={busy === row.id}
            aria-label={t(`loyalty.actionsFor.${action}`, { name })}
          >
            {t(`loyalty.actions.${action}`)}
          </Button>
        </Popconfirm>
      );
    }
    return (
      <Button
        key={action}
        size="small"
        danger={action === 'reject'}
        type={action === 'fulfil' ? 'primary' : 'default'}
        onClick={() => setDialog({ action, row })}
        aria-label={t(`loyalty.actionsFor.${action}`, { name })}
      >
        {t(`loyalty.actions.${action}`)}
      </Button>
    );
  };

  const withActions = rows.some((row) => redemptionActionsFor(role, row.status).length > 0);
  const columns: ColumnsType<RedemptionRow> = [
    ...(showCompany
      ? [{ key: 'company', title: t('loyalty.company'), render: (_: unknown, row: RedemptionRow) => companyName(row) }]
      : []),
    { key: 'reward', title: t('loyalty.reward'), render: (_, row) => rewardName(row) },
    { key: 'quantity', title: t('loyalty.quantity'), align: 'end', render: (_, row) => n(row.quantity) },
    { key: 'points', title: t('loyalty.pointsColumn'), align: 'end', render: (_, row) => n(row.points) },
    { key: 'status', title: t('loyalty.status'), render: (_, row) => <RedemptionStatusTag status={row.status} /> },
    {
      key: 'requested',
      title: t('loyalty.requestedAt'),
      render: (_, row) => <DualDate value={row.requestedAt} inline month="short" />,
    },
    {
      key: 'note',
      title: t('loyalty.note'),
      render: (_, row) => {
        const note = row.fulfilmentNote ?? row.decisionNote;
        return note ? <span dir="auto">{note}</span> : '—';
      },
    },
    ...(withActions
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: RedemptionRow) => (
              <>
                <Space wrap>{redemptionActionsFor(role, row.status).map((a) => button(row, a))}</Space>
                {failure?.id === row.id && <LoyaltyActionError error={failure.error} />}
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <DataTable<RedemptionRow>
        label={label}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        locale={{ emptyText: loading ? ' ' : emptyText }}
      />
      {dialog?.action === 'reject' && (
        <ReasonDialog
          open
          danger
          title={t('loyalty.rejectTitle')}
          description={<p>{t('loyalty.rejectDescription')}</p>}
          confirmQuestion={t('loyalty.confirm.reject', {
            name: rewardName(dialog.row),
            company: companyName(dialog.row),
          })}
          onConfirm={async ({ reason }) => {
            await actions.reject(dialog.row.id, reason);
            void message.success(t('loyalty.done.reject'));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.action === 'fulfil' && (
        <NoteDialog
          title={t('loyalty.fulfilTitle', { name: rewardName(dialog.row) })}
          description={t('loyalty.fulfilDescription', { company: companyName(dialog.row) })}
          noteLabel={t('loyalty.fulfilNote')}
          okText={t('loyalty.actions.fulfil')}
          onConfirm={async (note) => {
            await actions.fulfil(dialog.row.id, note || undefined);
            void message.success(t('loyalty.done.fulfil'));
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
