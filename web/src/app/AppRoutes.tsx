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
const PilgrimImportPage = lazy(async () => ({
  default: (await import('@/modules/pilgrims/import/PilgrimImportPage')).PilgrimImportPage,
}));
const RegisterPilgrimPage = lazy(async () => ({
  default: (await import('@/modules/pilgrims/register/RegisterPilgrimPage')).RegisterPilgrimPage,
}));
const GroupsPage = lazy(async () => ({
  default: (await import('@/modules/groups/components/GroupsPage')).GroupsPage,
}));
const GroupPage = lazy(async () => ({
  default: (await import('@/modules/groups/components/GroupPage')).GroupPage,
}));
const VisaPipelinePage = lazy(async () => ({
  default: (await import('@/modules/visas/components/VisaPipelinePage')).VisaPipelinePage,
}));
const VisaApplicationPage = lazy(async () => ({
  default: (await import('@/modules/visas/components/VisaApplicationPage')).VisaApplicationPage,
}));
const VisaDashboardPage = lazy(async () => ({
  default: (await import('@/modules/visas/components/VisaDashboardPage')).VisaDashboardPage,
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
const LoyaltyPage = lazy(async () => ({
  default: (await import('@/modules/loyalty/components/LoyaltyPage')).LoyaltyPage,
}));
const LoyaltyProgrammePage = lazy(async () => ({
  default: (await import('@/modules/loyalty/components/LoyaltyProgrammePage')).LoyaltyProgrammePage,
}));
const RewardsAdminPage = lazy(async () => ({
  default: (await import('@/modules/loyalty/components/RewardsAdminPage')).RewardsAdminPage,
}));
const RedemptionQueuePage = lazy(async () => ({
  default: (await import('@/modules/loyalty/components/RedemptionQueuePage')).RedemptionQueuePage,
}));
const ComplaintsPage = lazy(async () => ({
  default: (await import('@/modules/compliance/components/ComplaintsPage')).ComplaintsPage,
}));
const ComplaintPage = lazy(async () => ({
  default: (await import('@/modules/compliance/components/ComplaintPage')).ComplaintPage,
}));
const InspectionsPage = lazy(async () => ({
  default: (await import('@/modules/compliance/components/InspectionsPage')).InspectionsPage,
}));
const ViolationsPage = lazy(async () => ({
  default: (await import('@/modules/compliance/components/ViolationsPage')).ViolationsPage,
}));
const ComplianceDashboardPage = lazy(async () => ({
  default: (await import('@/modules/compliance/components/ComplianceDashboardPage')).ComplianceDashboardPage,
}));
const ProviderInventoryPage = lazy(async () => ({
  default: (await import('@/modules/providers/components/ProviderInventoryPage')).ProviderInventoryPage,
}));
const PackagesPage = lazy(async () => ({
  default: (await import('@/modules/packages/components/PackagesPage')).PackagesPage,
}));
const PackagePage = lazy(async () => ({
  default: (await import('@/modules/packages/components/PackagePage')).PackagePage,
}));
const NewPackagePage = lazy(async () => ({
  default: (await import('@/modules/packages/components/PackagePage')).NewPackagePage,
}));
const PackageApprovalQueuePage = lazy(async () => ({
  default: (await import('@/modules/packages/components/PackageApprovalQueuePage')).PackageApprovalQueuePage,
}));
const BookingsPage = lazy(async () => ({
  default: (await import('@/modules/bookings/components/BookingsPage')).BookingsPage,
}));
const AuditLogPage = lazy(async () => ({
  default: (await import('@/modules/audit/components/AuditLogPage')).AuditLogPage,
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
          path="pilgrims/import"
          element={
            <Page>
              <PilgrimImportPage />
            </Page>
          }
        />
        <Route
          path="pilgrims/new"
          element={
            <Page>
              <RegisterPilgrimPage />
            </Page>
          }
        />
        <Route
          path="groups"
          element={
            <Page>
              <GroupsPage />
            </Page>
          }
        />
        <Route
          path="groups/:id"
          element={
            <Page>
              <GroupPage />
            </Page>
          }
        />
        <Route
          path="visas"
          element={
            <Page>
              <VisaPipelinePage />
            </Page>
          }
        />
        <Route
          path="visas/:id"
          element={
            <Page>
              <VisaApplicationPage />
            </Page>
          }
        />
        <Route
          path="visa-dashboard"
          element={
            <Page>
              <VisaDashboardPage />
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
        <Route
          path="loyalty"
          element={
            <Page>
              <LoyaltyPage />
            </Page>
          }
        />
        <Route
          path="loyalty-programme"
          element={
            <Page>
              <LoyaltyProgrammePage />
            </Page>
          }
        />
        <Route
          path="loyalty-rewards"
          element={
            <Page>
              <RewardsAdminPage />
            </Page>
          }
        />
        <Route
          path="loyalty-redemptions"
          element={
            <Page>
              <RedemptionQueuePage />
            </Page>
          }
        />
        <Route
          path="complaints"
          element={
            <Page>
              <ComplaintsPage />
            </Page>
          }
        />
        <Route
          path="complaints/:id"
          element={
            <Page>
              <ComplaintPage />
            </Page>
          }
        />
        <Route
          path="inspections"
          element={
            <Page>
              <InspectionsPage />
            </Page>
          }
        />
        <Route
          path="violations"
          element={
            <Page>
              <ViolationsPage />
            </Page>
          }
        />
        <Route
          path="compliance"
          element={
            <Page>
              <ComplianceDashboardPage />
            </Page>
          }
        />
        <Route
          path="provider-inventory"
          element={
            <Page>
              <ProviderInventoryPage />
            </Page>
          }
        />
        <Route
          path="packages"
          element={
            <Page>
              <PackagesPage />
            </Page>
          }
        />
        <Route
          path="packages/new"
          element={
            <Page>
              <NewPackagePage />
            </Page>
          }
        />
        <Route
          path="packages/:id"
          element={
            <Page>
              <PackagePage />
            </Page>
          }
        />
        <Route
          path="package-approvals"
          element={
            <Page>
              <PackageApprovalQueuePage />
            </Page>
          }
        />
        <Route
          path="bookings"
          element={
            <Page>
              <BookingsPage />
            </Page>
          }
        />
        <Route
          path="audit"
          element={
            <Page>
              <AuditLogPage />
            </Page>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
