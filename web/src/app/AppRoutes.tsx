import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '@/modules/auth/components/LoginPage';
import { AppLayout } from './AppLayout';
import { homeFor } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from './PageLoading';
import { RequireAuth } from './RequireAuth';
import { RoleRoute } from './RoleRoute';
import { useViewer } from './ViewerContext';

// Each role opens one or two pages: load a page's code (recharts, big tables) only when visited.
const CompanyOverviewPage = lazy(async () => ({
  default: (await import('@/modules/companies/components/CompanyOverviewPage')).CompanyOverviewPage,
}));
const CompaniesPage = lazy(async () => ({
  default: (await import('@/modules/companies/components/CompaniesPage')).CompaniesPage,
}));
const PilgrimsPage = lazy(async () => ({
  default: (await import('@/modules/pilgrims/components/PilgrimsPage')).PilgrimsPage,
}));
const ProviderHomePage = lazy(async () => ({
  default: (await import('@/modules/providers/components/ProviderHomePage')).ProviderHomePage,
}));
const CompanyPage = lazy(async () => ({
  default: (await import('@/modules/companies/components/CompanyPage')).CompanyPage,
}));
const CompanyProfilePage = lazy(async () => ({
  default: (await import('@/modules/companies/components/CompanyProfilePage')).CompanyProfilePage,
}));
const AgentsPage = lazy(async () => ({
  default: (await import('@/modules/agents/components/AgentsPage')).AgentsPage,
}));
const AgentPage = lazy(async () => ({
  default: (await import('@/modules/agents/components/AgentPage')).AgentPage,
}));
const ContractsPage = lazy(async () => ({
  default: (await import('@/modules/contracts/components/ContractsPage')).ContractsPage,
}));
const StaffPage = lazy(async () => ({
  default: (await import('@/modules/accounts/components/StaffPage')).StaffPage,
}));
const ApiAccessPage = lazy(async () => ({
  default: (await import('@/modules/apiAccess/components/ApiAccessPage')).ApiAccessPage,
}));
// GraphiQL (with Monaco) is the largest code in the app: only this route ever loads it.
const ApiExplorerPage = lazy(async () => ({
  default: (await import('@/modules/apiAccess/components/ApiExplorerPage')).ApiExplorerPage,
}));

function Page({ children }: { children: ReactNode }) {
  return (
    <RoleRoute>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </RoleRoute>
  );
}

function RoleHome() {
  return <Navigate to={homeFor(useViewer().role)} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<RoleHome />} />
        <Route
          path="overview"
          element={
            <Page>
              <CompanyOverviewPage />
            </Page>
          }
        />
        <Route
          path="companies"
          element={
            <Page>
              <CompaniesPage />
            </Page>
          }
        />
        <Route
          path="companies/:id"
          element={
            <Page>
              <CompanyPage />
            </Page>
          }
        />
        <Route
          path="company"
          element={
            <Page>
              <CompanyProfilePage />
            </Page>
          }
        />
        <Route
          path="agents"
          element={
            <Page>
              <AgentsPage />
            </Page>
          }
        />
        <Route
          path="agents/:id"
          element={
            <Page>
              <AgentPage />
            </Page>
          }
        />
        <Route
          path="contracts"
          element={
            <Page>
              <ContractsPage />
            </Page>
          }
        />
        <Route
          path="staff"
          element={
            <Page>
              <StaffPage />
            </Page>
          }
        />
        <Route
          path="api-access"
          element={
            <Page>
              <ApiAccessPage />
            </Page>
          }
        />
        <Route
          path="api-access/explorer"
          element={
            <Page>
              <ApiExplorerPage />
            </Page>
          }
        />
        <Route
          path="pilgrims"
          element={
            <Page>
              <PilgrimsPage />
            </Page>
          }
        />
        <Route
          path="provider"
          element={
            <Page>
              <ProviderHomePage />
            </Page>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
