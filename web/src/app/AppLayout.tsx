import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Layout } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { ViewerDocument } from '@/generated/graphql';
import { QueryError } from '@/lib/QueryError';
import { StatusTag } from '@/lib/StatusTag';
import { LanguageSwitch } from './LanguageSwitch';
import { homeFor, navItemsFor } from './navigation';
import { PageLoading } from './PageLoading';
import { endSession } from './session';
import { ViewerContext } from './ViewerContext';

/** Header, role-aware side navigation and the one <main> of every signed-in page. */
export function AppLayout() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(ViewerDocument);
  const viewer = data?.me ?? null;

  // A token the API no longer accepts yields `me: null`: treat it as a finished session.
  useEffect(() => {
    if (data && !data.me) endSession('expired');
  }, [data]);

  const signOut = () => {
    endSession('signedOut');
    void client.clearStore();
  };

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Link className="app-header__name" to={viewer ? homeFor(viewer.role) : '/'}>
          {t('app.name')}
        </Link>
        <div className="app-header__actions">
          {viewer && (
            <p className="app-header__user">
              <span className="app-header__user-name" dir="auto">
                {viewer.displayName}
              </span>
              <StatusTag tone="neutral">{t(`roles.${viewer.role}`)}</StatusTag>
            </p>
          )}
          <LanguageSwitch />
          <Button onClick={signOut}>{t('auth.signOut')}</Button>
        </div>
      </Layout.Header>
      <Layout hasSider className="app-body">
        {viewer && (
          <Layout.Sider className="app-sider" width={220} theme="light">
            <nav aria-label={t('nav.label')}>
              <ul className="side-nav">
                {navItemsFor(viewer.role).map((item) => (
                  <li key={item.path}>
                    <NavLink to={item.path} className="side-nav__link">
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} className="app-main">
          {viewer ? (
            <ViewerContext.Provider value={viewer}>
              <Outlet />
            </ViewerContext.Provider>
          ) : loading ? (
            <PageLoading />
          ) : error ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : (
            <PageLoading />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
