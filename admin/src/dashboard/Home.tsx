import { lazy, Suspense } from 'react';
import { Navigate } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';

// The charts are a chunk of their own, asked for as soon as the console starts: it arrives while
// the session is checked, and staff, who never see it, do not wait for it.
const dashboardChunk = import('./Dashboard');
const Dashboard = lazy(() => dashboardChunk.then((m) => ({ default: m.Dashboard })));

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
