import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { PageLoading } from '@/app/PageLoading';
import { ClientCredentialsTokenDocument, type ClientCredentialsTokenMutation } from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { DualDate } from '@/lib/DualDate';
import { PageHeader } from '@/lib/PageHeader';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { isExplorerCredentials, type ExplorerCredentials } from '../lib/scopes';

// GraphiQL and its Monaco editors are large: they load only when someone opens the explorer.
const GraphiQLPane = lazy(async () => ({ default: (await import('./GraphiQLPane')).GraphiQLPane }));

type Token = ClientCredentialsTokenMutation['clientCredentialsToken'];

/**
 * GraphiQL, served by this app (no CDN), signed in as an API client: the user exchanges the
 * client's id and secret for a token, and every request from the explorer carries that token.
 */
export function ApiExplorerPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ExplorerCredentials>();
  const [token, setToken] = useState<Token | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exchange, { loading }] = useMutation(ClientCredentialsTokenDocument);
  useDocumentTitle(t('explorer.title'));

  const getToken = async (credentials: ExplorerCredentials) => {
    setError(null);
    try {
      const result = await exchange({
        variables: { input: { clientId: credentials.clientId.trim(), clientSecret: credentials.clientSecret.trim() } },
      });
      if (result.data) setToken(result.data.clientCredentialsToken);
    } catch (e) {
      setError(e);
    }
  };

  // Right after a client was created or rotated, its credentials arrive in router state: use them
  // at once, then drop them from history so "back" does not resend a secret.
  const handed = useRef(isExplorerCredentials(location.state) ? location.state : null);
  useEffect(() => {
    const credentials = handed.current;
    if (!credentials) return;
    handed.current = null;
    window.history.replaceState({ ...(window.history.state as object), usr: null }, '');
    form.setFieldsValue(credentials);
    void getToken(credentials);
    // Once, on arrival: the ref is emptied above, so a second run does nothing.
  }, [form]);

  return (
    <>
      <p className="back-link">
        <Link to="/api-access">{t('explorer.back')}</Link>
      </p>
      <PageHeader title={t('explorer.title')} subtitle={t('explorer.intro')} />
      <SectionCard title={t('explorer.signInTitle')}>
        <Form<ExplorerCredentials>
          form={form}
          name="explorerCredentials"
          layout="vertical"
          className="explorer-credentials"
          onFinish={(values) => void getToken(values)}
        >
          <Form.Item
            label={t('apiAccess.clientId')}
            name="clientId"
            rules={[{ required: true, whitespace: true, message: t('explorer.clientIdRequired') }]}
          >
            <Input dir="ltr" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            label={t('apiAccess.clientSecret')}
            name="clientSecret"
            rules={[{ required: true, whitespace: true, message: t('explorer.secretRequired') }]}
          >
            <Input.Password dir="ltr" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={loading}>
              {t('explorer.getToken')}
            </Button>
            {token && (
              <Button
                onClick={() => {
                  setToken(null);
                  form.resetFields();
                }}
              >
                {t('explorer.forget')}
              </Button>
            )}
          </Space>
        </Form>
        {error !== null && <ActionError error={error} />}
        {token && (
          <Alert
            className="explorer-token"
            type="success"
            showIcon
            title={t('explorer.tokenReady')}
            description={
              <Space wrap>
                <span>{t('explorer.expiresAt')}</span>
                <DualDate value={token.expiresAt} withTime inline />
                {token.scopes.map((scope) => (
                  <StatusTag key={scope} tone="neutral">
                    {scope}
                  </StatusTag>
                ))}
              </Space>
            }
          />
        )}
      </SectionCard>
      {token ? (
        <section className="explorer-pane" aria-label={t('explorer.paneLabel')}>
          <Suspense fallback={<PageLoading />}>
            <GraphiQLPane
              key={token.accessToken}
              accessToken={token.accessToken}
              showDocs={params.get('docs') === '1'}
            />
          </Suspense>
        </section>
      ) : (
        <Alert className="page-alert explorer-hint" type="info" showIcon title={t('explorer.needToken')} />
      )}
    </>
  );
}
