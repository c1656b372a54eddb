import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '@/modules/auth/components/LoginPage';
import { CompaniesPage } from '@/modules/companies/components/CompaniesPage';
import { CompanyOverviewPage } from '@/modules/companies/components/CompanyOverviewPage';
import { PilgrimsPage } from '@/modules/pilgrims/components/PilgrimsPage';
import { ProviderHomePage } from '@/modules/providers/components/ProviderHomePage';
import { AppLayout } from './AppLayout';
import { homeFor } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { RoleRoute } from './RoleRoute';
import { useViewer } from './ViewerContext';

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
        <Route path="overview" element={<RoleRoute><CompanyOverviewPage /></RoleRoute>} />
        <Route path="companies" element={<RoleRoute><CompaniesPage /></RoleRoute>} />
        <Route path="pilgrims" element={<RoleRoute><PilgrimsPage /></RoleRoute>} />
        <Route path="provider" element={<RoleRoute><ProviderHomePage /></RoleRoute>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
