import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DeleteWebhookSubscriptionDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookSubscriptionDocument,
} from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useWebhookSubscriptions, type WebhookSubscriptionRow } from '../hooks/useWebhooks';
import { VERIFY_SNIPPET } from '../lib/webhooks';
import { CreateWebhookModal } from './CreateWebhookModal';
import { webhookErrorText } from './WebhookActionError';
import { WebhookDeliveriesDrawer } from './WebhookDeliveriesDrawer';
import { WebhookSecretModal } from './WebhookSecretModal';

const EXAMPLE_BODY = `POST /your/endpoint
Content-Type: application/json
X-Umrah-Event-Id: 0193f6a0-…
X-Umrah-Signature: t=1767225600,v1=5f0c…

{"id":"0193f6a0-…","type":"VISA_STATUS_CHANGED","occurredAt":"2026-01-01T00:00:00.000Z",
 "data":{"visaApplicationId":"…","pilgrimId":"…","companyId":"…","agentId":"…",
         "fromStatus":"SENT_TO_MOFA","toStatus":"ISSUED","changedAt":"…","reason":null,
         "mofaReference":"123456789","visaNumber":"…"}}`;

/**
 * Webhooks of a company or an agent: endpoints that receive its visa status changes, each signed
 * with a secret shown once; pause, rotate, delete, and a log of every delivery with redelivery.
 */
export function WebhooksSection({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useWebhookSubscriptions();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string; reason: 'created' | 'rotated' } | null>(null);
  const [logOf, setLogOf] = useState<WebhookSubscriptionRow | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [update] = useMutation(UpdateWebhookSubscriptionDocument);
  const [rotate] = useMutation(RotateWebhookSecretDocument);
  const [remove] = useMutation(DeleteWebhookSubscriptionDocument, {
    refetchQueries: ['WebhookSubscriptions'],
    awaitRefetchQueries: true,
  });

  const act = async (row: WebhookSubscriptionRow, action: () => Promise<string | null>) => {
    setBusy(row.id);
    try {
      const done = await action();
      if (done) void message.success(done);
    } catch (e) {
      void message.error(webhookErrorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const toggle = (row: WebhookSubscriptionRow) =>
    act(row, async () => {
      await update({ variables: { id: row.id, input: { active: !row.active } } });
      return t(row.active ? 'webhooks.paused' : 'webhooks.resumed');
    });

  const doRotate = (row: WebhookSubscriptionRow) =>
    act(row, async () => {
      const result = await rotate({ variables: { id: row.id } });
      const payload = result.data?.rotateWebhookSecret;
      if (payload) setSecret({ url: payload.subscription.url, secret: payload.secret, reason: 'rotated' });
      return null;
    });

  const doDelete = (row: WebhookSubscriptionRow) =>
    act(row, async () => {
      await remove({ variables: { id: row.id } });
      return t('webhooks.deleted');
    });

  const columns: ColumnsType<WebhookSubscriptionRow> = [
    {
      key: 'url',
      title: t('webhooks.url'),
      render: (_, row) => (
        <div className="two-line">
          <Typography.Text code dir="ltr" className="secret-once__secret">
            {row.url}
          </Typography.Text>
          {row.description && (
            <span className="two-line__secondary" dir="auto">
              {row.description}
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'events',
      title: t('webhooks.events'),
      render: (_, row) => (
        <Space wrap size={4}>
          {row.eventTypes.map((type) => (
            <StatusTag key={type} tone="neutral">
              {t(`webhookEventType.${type}`)}
            </StatusTag>
          ))}
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('webhooks.state'),
      render: (_, row) =>
        row.active ? (
          <StatusTag tone="success">{t('webhooks.active')}</StatusTag>
        ) : (
          <StatusTag tone="warning">{t('webhooks.pausedState')}</StatusTag>
        ),
    },
    { key: 'created', title: t('apiAccess.createdAt'), render: (_, row) => <DualDate value={row.createdAt} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Space wrap size="small">
          <Button size="small" onClick={() => setLogOf(row)}>
            {t('webhooks.deliveries.open')}
          </Button>
          {canChange && (
            <>
              <Button size="small" loading={busy === row.id} onClick={() => void toggle(row)}>
                {t(row.active ? 'webhooks.pause' : 'webhooks.resume')}
              </Button>
              <Popconfirm
                title={t('webhooks.rotateQuestion')}
                description={t('webhooks.rotateDescription')}
                okText={t('apiAccess.rotate')}
                cancelText={t('common.cancel')}
                onConfirm={() => doRotate(row)}
              >
                <Button size="small">{t('apiAccess.rotate')}</Button>
              </Popconfirm>
              <Popconfirm
                title={t('webhooks.deleteQuestion')}
                description={t('webhooks.deleteDescription')}
                okText={t('webhooks.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => doDelete(row)}
              >
                <Button size="small" danger>
                  {t('webhooks.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  const exportCsv = () => {
    const header = [
      t('webhooks.url'),
      t('webhooks.description'),
      t('webhooks.events'),
      t('webhooks.state'),
      t('apiAccess.createdAt'),
    ];
    const data = list.rows.map((row) => [
      row.url,
      row.description,
      row.eventTypes.join(' '),
      t(row.active ? 'webhooks.active' : 'webhooks.pausedState'),
      row.createdAt,
    ]);
    downloadCsv(`${t('webhooks.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  return (
    <>
      <SectionCard
        title={t('webhooks.title')}
        className="webhooks-section"
        extra={
          canChange ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('webhooks.new')}
            </Button>
          ) : undefined
        }
      >
        <p className="webhooks-section__intro">{t('webhooks.intro')}</p>
        <ConnectionSection list={list} onExport={exportCsv}>
          <DataTable<WebhookSubscriptionRow>
            label={t('webhooks.title')}
            rowKey="id"
            columns={columns}
            dataSource={list.rows}
            loading={list.loading}
            locale={{ emptyText: list.loading ? ' ' : t('webhooks.empty') }}
          />
        </ConnectionSection>
      </SectionCard>
      <SectionCard title={t('webhooks.verifyTitle')} className="api-howto">
        <ol className="api-howto__steps">
          <li>
            {t('webhooks.verify1')}
            <pre dir="ltr" lang="en" className="api-howto__code">
              {EXAMPLE_BODY}
            </pre>
          </li>
          <li>{t('webhooks.verify2')}</li>
          <li>
            {t('webhooks.verify3')}
            <pre dir="ltr" lang="en" className="api-howto__code">
              {VERIFY_SNIPPET}
            </pre>
          </li>
          <li>{t('webhooks.verify4')}</li>
          <li>{t('webhooks.verify5')}</li>
        </ol>
      </SectionCard>
      {creating && (
        <CreateWebhookModal
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret({ ...created, reason: 'created' });
          }}
        />
      )}
      {secret && (
        <WebhookSecretModal
          url={secret.url}
          secret={secret.secret}
          reason={secret.reason}
          onClose={() => setSecret(null)}
        />
      )}
      {logOf && <WebhookDeliveriesDrawer subscription={logOf} canChange={canChange} onClose={() => setLogOf(null)} />}
    </>
  );
}
