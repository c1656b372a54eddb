import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@/app/ViewerContext';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useVisaActions } from '../hooks/useVisaActions';
import type { VisaRow } from '../hooks/useVisaApplications';
import { visaActionsFor, type VisaAction } from '../lib/visaActions';

// From the list: the manager decides on submitted applications, the agent withdraws its own.
// Everything else (restart, arrival, departure) is on the application's page.
const LIST_ACTIONS: readonly VisaAction[] = ['approve', 'reject', 'cancel'];

export function listActionsFor(role: Parameters<typeof visaActionsFor>[0], row: VisaRow): VisaAction[] {
  return visaActionsFor(role, row).filter(
    (action) => LIST_ACTIONS.includes(action) && !(role === 'COMPANY_MANAGER' && action === 'cancel'),
  );
}

interface VisaRowActionsProps {
  row: VisaRow;
  /** An approval the API refused: the page shows why above the table. */
  onRefused: (row: VisaRow, error: unknown) => void;
  onApproved: (row: VisaRow) => void;
}

/** The buttons a row of the pipeline offers the signed-in role. */
export function VisaRowActions({ row, onRefused, onApproved }: VisaRowActionsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const { approve, reject, cancel } = useVisaActions();
  const [dialog, setDialog] = useState<'reject' | 'cancel' | null>(null);
  const [approving, setApproving] = useState(false);
  const actions = listActionsFor(role, row);
  if (actions.length === 0) return null;
  const name = localized(language, row.pilgrim.fullNameAr, row.pilgrim.fullNameEn);

  const doApprove = async () => {
    setApproving(true);
    try {
      await approve(row.id);
      void message.success(t('visas.approved'));
      onApproved(row);
    } catch (e) {
      onRefused(row, e);
    } finally {
      setApproving(false);
    }
  };

  return (
    <>
      <Space wrap size="small">
        {actions.map((action) =>
          action === 'approve' ? (
            <Popconfirm
              key={action}
              title={t('visas.actions.approve.question', { name })}
              description={<p className="visa-popconfirm">{t('visas.actions.approve.description')}</p>}
              okText={t('visas.actions.approve.button')}
              cancelText={t('common.cancel')}
              onConfirm={() => doApprove()}
            >
              <Button size="small" type="primary" loading={approving}>
                {t('visas.actions.approve.button')}
                <span className="sr-only"> — {name}</span>
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={action}
              size="small"
              danger
              onClick={() => setDialog(action === 'reject' ? 'reject' : 'cancel')}
            >
              {action === 'reject' ? t('visas.actions.reject.button') : t('visas.actions.cancel.short')}
              <span className="sr-only"> — {name}</span>
            </Button>
          ),
        )}
      </Space>
      {dialog && (
        <ReasonDialog
          open
          danger
          title={t(`visas.actions.${dialog}.title`)}
          description={<p>{t(`visas.actions.${dialog}.description`)}</p>}
          confirmQuestion={t(`visas.actions.${dialog}.question`, { name })}
          onConfirm={({ reason }) => (dialog === 'reject' ? reject(row.id, reason) : cancel(row.id, reason))}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
