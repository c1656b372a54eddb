import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import { RevokeApiClientDocument, RotateApiClientSecretDocument } from '@/generated/graphql';
import { actionFailure } from '@/lib/actionErrors';
import { ConnectionFooter } from '@/lib/ConnectionFooter';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { useApiClients, type ApiClientRow } from '../hooks/useApiClients';
import { CreateClientModal, type CreatedClient } from './CreateClientModal';
import { SecretOnceModal } from './SecretOnceModal';
import { WebhooksSection } from './WebhooksSection';

/**
 * Third-party access for a company, agent or provider: API clients that exchange their id and
 * secret for a short-lived token carrying the party's slice, and the explorer to try the API.
 */
export function ApiAccessPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { role } = useViewer();
  // Webhooks carry visa events, which only companies and agents have.
  const hasWebhooks = role === 'COMPANY_MANAGER' || role === 'AGENT';
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<(CreatedClient & { reason: 'created' | 'rotated' }) | null>(null);
  const [revoking, setRevoking] = useState<ApiClientRow | null>(null);
  const { rows, totalCount, hasNextPage, loading, loadingMore, hasData, error, refetch, loadMore } = useApiClients();
  const [rotate] = useMutation(RotateApiClientSecretDocument);
  const [revoke] = useMutation(RevokeApiClientDocument, { refetchQueries: ['ApiClients'], awaitRefetchQueries: true });
  useDocumentTitle(t('apiAccess.title'));

  const doRotate = async (row: ApiClientRow) => {
    try {
      const result = await rotate({ variables: { id: row.id } });
      const payload = result.data?.rotateApiClientSecret;
      if (payload)
        setSecret({
          name: payload.client.name,
          clientId: payload.client.clientId,
          clientSecret: payload.clientSecret,
          reason: 'rotated',
        });
    } catch (e) {
      const failure = actionFailure(e);
      void message.error(
        failure.kind === 'code' ? t(`actionErrors.${failure.code}`) : t(`actionErrors.general.${failure.errorKind}`),
      );
    }
  };

  const columns: ColumnsType<ApiClientRow> = [
    { key: 'name', title: t('apiAccess.name'), render: (_, row) => <span dir="auto">{row.name}</span> },
    {
      key: 'clientId',
      title: t('apiAccess.clientId'),
      render: (_, row) => (
        <Typography.Text code dir="ltr">
          {row.clientId}
        </Typography.Text>
      ),
    },
    {
      key: 'scopes',
      title: t('apiAccess.scopes'),
      render: (_, row) => (
        <Space wrap size={4}>
          {row.scopes.map((scope) => (
            <StatusTag key={scope} tone="neutral">
              {scope}
            </StatusTag>
          ))}
        </Space>
      ),
    },
    { key: 'created', title: t('apiAccess.createdAt'), render: (_, row) => <DualDate value={row.createdAt} /> },
    {
      key: 'lastUsed',
      title: t('apiAccess.lastUsedAt'),
      render: (_, row) => (row.lastUsedAt ? <DualDate value={row.lastUsedAt} withTime /> : t('apiAccess.neverUsed')),
    },
    {
      key: 'status',
      title: t('apiAccess.status'),
      render: (_, row) =>
        row.status === 'ACTIVE' ? (
          <StatusTag tone="success">{t('apiClientStatus.ACTIVE')}</StatusTag>
        ) : (
          <div className="two-line">
            <StatusTag tone="error">{t('apiClientStatus.REVOKED')}</StatusTag>
            {row.revokedAt && (
              <span className="two-line__secondary">
                <DualDate value={row.revokedAt} inline />
              </span>
            )}
          </div>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) =>
        row.status === 'ACTIVE' ? (
          <Space wrap size="small">
            <Popconfirm
              title={t('apiAccess.rotateQuestion', { name: row.name })}
              description={t('apiAccess.rotateDescription')}
              okText={t('apiAccess.rotate')}
              cancelText={t('common.cancel')}
              onConfirm={() => doRotate(row)}
            >
              <Button size="small">{t('apiAccess.rotate')}</Button>
            </Popconfirm>
            <Button size="small" danger onClick={() => setRevoking(row)}>
              {t('apiAccess.revoke')}
            </Button>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  const exportCsv = () => {
    const header = [
      t('apiAccess.name'),
      t('apiAccess.clientId'),
      t('apiAccess.scopes'),
      t('apiAccess.createdAt'),
      t('apiAccess.lastUsedAt'),
      t('apiAccess.status'),
    ];
    const data = rows.map((row) => [
      row.name,
      row.clientId,
      row.scopes.join(' '),
      row.createdAt,
      row.lastUsedAt,
      t(`apiClientStatus.${row.status}`),
    ]);
    downloadCsv(`${t('apiAccess.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  return (
    <>
      <PageHeader title={t('apiAccess.title')} subtitle={t('apiAccess.intro')} />
      <div className="page-actions">
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('apiAccess.new')}
        </Button>
        <Link className="link-button" to="/api-access/explorer">
          {t('apiAccess.openExplorer')}
        </Link>
        <Link className="link-button link-button--plain" to="/api-access/explorer?docs=1">
          {t('apiAccess.schemaDocs')}
        </Link>
      </div>
      <SectionCard title={t('apiAccess.clients')}>
        {error && !hasData ? (
          <QueryError error={error} onRetry={refetch} />
        ) : (
          <>
            {error && <QueryError error={error} onRetry={refetch} />}
            <DataTable<ApiClientRow>
              label={t('apiAccess.clients')}
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={loading}
              locale={{ emptyText: loading ? ' ' : t('apiAccess.empty') }}
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
      <SectionCard title={t('apiAccess.howTitle')} className="api-howto">
        <ol className="api-howto__steps">
          <li>{t('apiAccess.how1')}</li>
          <li>
            {t('apiAccess.how2')}
            <pre dir="ltr" lang="en" className="api-howto__code">
              {
                'mutation { clientCredentialsToken(input: { clientId: "…", clientSecret: "…" }) { accessToken expiresAt } }'
              }
            </pre>
          </li>
          <li>
            {t('apiAccess.how3')}
            <pre dir="ltr" lang="en" className="api-howto__code">
              {'POST /graphql\nAuthorization: Bearer <accessToken>'}
            </pre>
          </li>
        </ol>
      </SectionCard>
      {hasWebhooks && <WebhooksSection canChange />}
      {creating && (
        <CreateClientModal
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret({ ...created, reason: 'created' });
          }}
        />
      )}
      {secret && (
        <SecretOnceModal
          clientName={secret.name}
          credentials={{ clientId: secret.clientId, clientSecret: secret.clientSecret }}
          reason={secret.reason}
          onClose={() => setSecret(null)}
        />
      )}
      {revoking && (
        <ReasonDialog
          open
          title={t('apiAccess.revokeTitle')}
          description={<p>{t('apiAccess.revokeDescription')}</p>}
          confirmQuestion={t('apiAccess.revokeQuestion', { name: revoking.name })}
          danger
          onConfirm={({ reason }) => revoke({ variables: { input: { id: revoking.id, reason } } })}
          onClose={() => setRevoking(null)}
        />
      )}
    </>
  );
}
