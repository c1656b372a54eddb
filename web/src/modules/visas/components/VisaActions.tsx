import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@/app/ViewerContext';
import type { VisaDetailFragment } from '@/generated/graphql';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useVisaActions } from '../hooks/useVisaActions';
import { isStopping, visaActionsFor, type VisaAction } from '../lib/visaActions';
import { PortDialog } from './PortDialog';
import { VisaActionError } from './VisaActionError';

type Dialog = 'reject' | 'cancel' | 'recordArrival' | 'recordDeparture';

const riyadhDay = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(new Date(iso));

/** The steps the signed-in role may take on this application now; nothing for a supervisor. */
export function VisaActions({ visa }: { visa: VisaDetailFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const steps = useVisaActions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState<VisaAction | null>(null);
  const [error, setError] = useState<{ action: VisaAction; error: unknown } | null>(null);
  const actions = visaActionsFor(role, visa);
  if (actions.length === 0) return null;
  const name = localized(language, visa.pilgrim.fullNameAr, visa.pilgrim.fullNameEn);

  const run = async (action: 'approve' | 'retry') => {
    setBusy(action);
    setError(null);
    try {
      if (action === 'approve') {
        await steps.approve(visa.id);
        void message.success(t('visas.approved'));
      } else {
        await steps.retry(visa.id);
        void message.success(t('visas.actions.retry.done'));
      }
    } catch (e) {
      setError({ action, error: e });
    } finally {
      setBusy(null);
    }
  };

  const button = (action: VisaAction) => {
    if (action === 'approve') {
      return (
        <Popconfirm
          key={action}
          title={t('visas.actions.approve.question', { name })}
          description={<p className="visa-popconfirm">{t('visas.actions.approve.description')}</p>}
          okText={t('visas.actions.approve.button')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('approve')}
        >
          <Button type="primary" loading={busy === 'approve'}>
            {t('visas.actions.approve.button')}
          </Button>
        </Popconfirm>
      );
    }
    if (action === 'retry') {
      return (
        <Button key={action} type="primary" loading={busy === 'retry'} onClick={() => void run('retry')}>
          {t('visas.actions.retry.button')}
        </Button>
      );
    }
    return (
      <Button key={action} danger={isStopping(action)} onClick={() => setDialog(action)}>
        {t(`visas.actions.${action}.button`)}
      </Button>
    );
  };

  return (
    <div className="page-actions visa-actions">
      <Space wrap>{actions.map(button)}</Space>
      {error && (
        <div className="visa-actions__error">
          <VisaActionError
            error={error.error}
            title={error.action === 'approve' ? t('visas.refusedTitle', { name }) : undefined}
          />
        </div>
      )}
      {(dialog === 'reject' || dialog === 'cancel') && (
        <ReasonDialog
          open
          danger
          title={t(`visas.actions.${dialog}.title`)}
          description={<p>{t(`visas.actions.${dialog}.description`)}</p>}
          confirmQuestion={t(`visas.actions.${dialog}.question`, { name })}
          onConfirm={({ reason }) =>
            dialog === 'reject' ? steps.reject(visa.id, reason) : steps.cancel(visa.id, reason)
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'recordArrival' && (
        <PortDialog
          kind="recordArrival"
          min={visa.issuedAt ? riyadhDay(visa.issuedAt) : null}
          enterBy={visa.enterBy}
          onConfirm={async ({ day, port, portKind }) => {
            await steps.recordArrival(visa.id, { arrivedOn: day, port, portKind: portKind ?? 'AIR' });
            void message.success(t('visas.actions.recordArrival.done'));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'recordDeparture' && (
        <PortDialog
          kind="recordDeparture"
          min={visa.arrivedOn}
          onConfirm={async ({ day, port }) => {
            await steps.recordDeparture(visa.id, { departedOn: day, port });
            void message.success(t('visas.actions.recordDeparture.done'));
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
