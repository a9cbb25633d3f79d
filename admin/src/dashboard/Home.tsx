import { Navigate } from 'react-router-dom';
import { useCanAccess } from 'react-admin';
import { Dashboard } from './Dashboard';

/** Managers land on their dashboard; staff on their inbox. */
export function Home() {
  const { canAccess, isPending } = useCanAccess({ resource: 'dashboard', action: 'list' });
  if (isPending) return null;
  return canAccess ? <Dashboard /> : <Navigate to="/tasks" replace />;
}
