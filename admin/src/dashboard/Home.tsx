import { lazy, Suspense } from 'react';
import { Navigate } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';
import { authProvider } from '../authProvider';
import { mayAccess, type Role } from '../roles';
import { preloadDashboard } from './data';

// The charts (recharts) are a chunk of their own, fetched once a manager is known to see them:
// neither the login page nor staff, who never see it, load it.
const loadDashboard = () => import('./Dashboard');
const Dashboard = lazy(() => loadDashboard().then((m) => ({ default: m.Dashboard })));

/**
 * What the start page needs, fetched as soon as the session is known: a manager's dashboard chunk and
 * its figures side by side (its charts follow them); for anyone else the inbox's chunk (`inbox`).
 */
export function preloadHome(inbox: () => Promise<unknown>): Promise<unknown> {
  return Promise.resolve(authProvider.getPermissions?.({}))
    .then((roles: Role[] = []) => {
      if (!mayAccess(roles, 'dashboard', 'list')) return inbox();
      preloadDashboard();
      return loadDashboard();
    })
    .catch(() => undefined);
}

/** Managers land on their dashboard; staff on their inbox. */
export function Home() {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'dashboard', action: 'list' });
  if (isPending) return null;
  return canAccess ? (
    <Suspense fallback={<p style={{ padding: 16 }}>{translate('ra.page.loading')}</p>}>
      <Dashboard />
    </Suspense>
  ) : (
    <Navigate to="/tasks" replace />
  );
}
