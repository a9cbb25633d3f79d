import { Navigate } from 'react-router-dom';
import { useCanAccess } from 'react-admin';
import { authProvider } from '../authProvider';
import { mayAccess, type Role } from '../roles';
import { Dashboard } from './Dashboard';
import { preloadDashboard } from './data';

// The dashboard's tables come with the entry: a manager's first page is not held back by a chunk
// and React's Suspense reveal. Its charts (recharts) are a chunk of their own (Dashboard.tsx),
// fetched once a manager sees them: neither the login page nor staff load it.

/**
 * What the start page needs, fetched as soon as the session is known: a manager's figures (the
 * charts follow them); for anyone else the inbox's chunk (`inbox`).
 */
export function preloadHome(inbox: () => Promise<unknown>): Promise<unknown> {
  return Promise.resolve(authProvider.getPermissions?.({}))
    .then((roles: Role[] = []) => {
      if (!mayAccess(roles, 'dashboard', 'list')) return inbox();
      return preloadDashboard();
    })
    .catch(() => undefined);
}

/** Managers land on their dashboard; staff on their inbox. */
export function Home() {
  const { canAccess, isPending } = useCanAccess({ resource: 'dashboard', action: 'list' });
  if (isPending) return null;
  return canAccess ? <Dashboard /> : <Navigate to="/tasks" replace />;
}
