import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { canVisit, homeFor } from './navigation';
import { useViewer } from './ViewerContext';

/** A page the role may not open redirects to the role's home instead of showing a dead end. */
export function RoleRoute({ children }: { children: ReactNode }) {
  const { role } = useViewer();
  const { pathname } = useLocation();
  if (!canVisit(role, pathname)) return <Navigate to={homeFor(role)} replace />;
  return children;
}
