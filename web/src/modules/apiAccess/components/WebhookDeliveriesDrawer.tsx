import { useMutation } from '@apollo/client/react';
import { App, Button, Drawer, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RedeliverWebhookDocument, type WebhookDeliveryStatus } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { useWebhookDeliveries, type WebhookDeliveryRow, type WebhookSubscriptionRow } from '../hooks/useWebhooks';
import { DELIVERY_TONE, canRedeliver, visaChangeOf } from '../lib/webhooks';
import { webhookErrorText } from './WebhookActionError';

const STATUSES: readonly WebhookDeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];

type AttemptRow = WebhookDeliveryRow['attempts'][number];

/** One delivery's attempts and the exact body sent: the expanded part of a log row. */
function DeliveryDetail({ delivery }: { delivery: WebhookDeliveryRow }) {
  const { t } = useTranslation();
  const columns: ColumnsType<AttemptRow> = [
    { key: 'n', title: t('webhooks.deliveries.attempt'), render: (_, a) => a.attemptNumber },
    {
      key: 'at',
      title: t('webhooks.deliveries.time'),
      render: (_, a) => <DualDate value={a.attemptedAt} withTime inline />,
    },
    {
      key: 'result',
      title: t('webhooks.deliveries.result'),
      render: (_, a) =>
        a.httpStatus !== null ? (
          <StatusTag tone={a.succeeded ? 'success' : 'error'}>
            <span dir="ltr">HTTP {a.httpStatus}</span>
          </StatusTag>
        ) : (
          <span dir="ltr" lang="en">
            {a.error ?? '—'}
          </span>
        ),
    },
    {
      key: 'duration',
      title: t('webhooks.deliveries.duration'),
      render: (_, a) => t('webhooks.deliveries.ms', { value: a.durationMs }),
    },
  ];
  return (
    <div className="webhook-delivery-detail">
      {delivery.attempts.length > 0 ? (
        <Table<AttemptRow>
          size="small"
          rowKey="attemptNumber"
          columns={columns}
          dataSource={delivery.attempts}
          pagination={false}
          aria-label={t('webhooks.deliveries.attempts')}
        />
      ) : (
        <p>{t('webhooks.deliveries.noAttempts')}</p>
      )}
      <Typography.Text type="secondary">{t('webhooks.deliveries.body')}</Typography.Text>
      <pre dir="ltr" lang="en" className="api-howto__code">
        {delivery.body}
      </pre>
    </div>
  );
}

/** The deliveries log of one subscription, newest first, with redelivery of finished ones. */
export function WebhookDeliveriesDrawer({
  subscription,
  canChange,
  onClose,
}: {
  subscription: WebhookSubscriptionRow;
  canChange: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const list = useWebhookDeliveries(subscription.id, status);
  const [redeliver] = useMutation(RedeliverWebhookDocument);
  const [sending, setSending] = useState<string | null>(null);

  const doRedeliver = async (row: WebhookDeliveryRow) => {
    setSending(row.id);
    try {
      await redeliver({ variables: { deliveryId: row.id } });
      void message.success(t('webhooks.deliveries.redeliverQueued'));
      list.refetch();
    } catch (e) {
      void message.error(webhookErrorText(t, e));
    } finally {
      setSending(null);
    }
  };

  const eventText = (row: WebhookDeliveryRow): string => {
    const change = visaChangeOf(row.body);
    const type = t(`webhookEventType.${row.eventType}`);
    return change.toStatus ? `${type}: ${t(`visaStatus.${change.toStatus}`)}` : type;
  };

  const columns: ColumnsType<WebhookDeliveryRow> = [
    {
      key: 'time',
      title: t('webhooks.deliveries.time'),
      render: (_, row) => <DualDate value={row.occurredAt} withTime inline />,
    },
    {
      key: 'event',
      title: t('webhooks.deliveries.event'),
      render: (_, row) => {
        const { toStatus } = visaChangeOf(row.body);
        return (
          <div className="two-line">
            <span>{t(`webhookEventType.${row.eventType}`)}</span>
            {toStatus && <VisaStatusTag status={toStatus} />}
          </div>
        );
      },
    },
    {
      key: 'status',
      title: t('webhooks.deliveries.status'),
      render: (_, row) => (
        <StatusTag tone={DELIVERY_TONE[row.status]}>{t(`webhookDeliveryStatus.${row.status}`)}</StatusTag>
      ),
    },
    {
      key: 'attempts',
      title: t('webhooks.deliveries.attempts'),
      render: (_, row) => t('webhooks.deliveries.attemptsOf', { done: row.attemptCount, max: row.maxAttempts }),
    },
    {
      key: 'http',
      title: t('webhooks.deliveries.lastHttp'),
      render: (_, row) =>
        row.lastHttpStatus !== null ? (
          <span dir="ltr">{row.lastHttpStatus}</span>
        ) : row.lastError ? (
          <Tooltip title={<span dir="ltr">{row.lastError}</span>}>
            <span tabIndex={0}>{t('webhooks.deliveries.noAnswer')}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      key: 'next',
      title: t('webhooks.deliveries.nextAttempt'),
      render: (_, row) => (row.nextAttemptAt ? <DualDate value={row.nextAttemptAt} withTime inline /> : '—'),
    },
    ...(canChange
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: WebhookDeliveryRow) =>
              canRedeliver(row.status) ? (
                <Button size="small" loading={sending === row.id} onClick={() => void doRedeliver(row)}>
                  {t('webhooks.deliveries.redeliver')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  const exportCsv = () => {
    const header = [
      t('webhooks.deliveries.time'),
      t('webhooks.deliveries.event'),
      t('webhooks.deliveries.status'),
      t('webhooks.deliveries.attempts'),
      t('webhooks.deliveries.lastHttp'),
      t('webhooks.deliveries.nextAttempt'),
      t('webhooks.deliveries.eventId'),
    ];
    const data = list.rows.map((row) => [
      row.occurredAt,
      eventText(row),
      t(`webhookDeliveryStatus.${row.status}`),
      row.attemptCount,
      row.lastHttpStatus ?? row.lastError,
      row.nextAttemptAt,
      row.eventId,
    ]);
    downloadCsv(`${t('webhooks.deliveries.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  return (
    <Drawer open size="large" title={t('webhooks.deliveries.title')} onClose={onClose} destroyOnHidden>
      <Space orientation="vertical" size="middle" className="webhook-deliveries">
        <Typography.Text code dir="ltr" className="secret-once__secret">
          {subscription.url}
        </Typography.Text>
        <div className="webhook-deliveries__filter">
          <span id="webhook-deliveries-filter">{t('webhooks.deliveries.filter')}</span>
          <Select<WebhookDeliveryStatus | 'ALL'>
            value={status ?? 'ALL'}
            onChange={(value) => setStatus(value === 'ALL' ? null : value)}
            options={[
              { value: 'ALL', label: t('common.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`webhookDeliveryStatus.${s}`) })),
            ]}
            aria-labelledby="webhook-deliveries-filter"
            className="webhook-deliveries__select"
          />
          <Button onClick={list.refetch}>{t('webhooks.deliveries.refresh')}</Button>
        </div>
        <ConnectionSection list={list} onExport={exportCsv}>
          <DataTable<WebhookDeliveryRow>
            label={t('webhooks.deliveries.title')}
            rowKey="id"
            columns={columns}
            dataSource={list.rows}
            loading={list.loading}
            expandable={{ expandedRowRender: (row) => <DeliveryDetail delivery={row} /> }}
            locale={{
              emptyText: list.loading
                ? ' '
                : t(status ? 'webhooks.deliveries.emptyFiltered' : 'webhooks.deliveries.empty'),
            }}
          />
        </ConnectionSection>
      </Space>
    </Drawer>
  );
}
