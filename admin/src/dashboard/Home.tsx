import { lazy, Suspense } from 'react';
import { Navigate } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';

// The charts (recharts) are a chunk of their own, fetched once a manager is known to see them:
// neither the login page nor staff, who never see it, load it.
const Dashboard = lazy(() => import('./Dashboard').then((m) => ({ default: m.Dashboard })));

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
