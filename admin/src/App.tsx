import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import audit from './audit';
import { authProvider } from './authProvider';
import { Home } from './dashboard/Home';
import { dataProvider } from './dataProvider';
import departments from './departments';
import { i18nProvider } from './i18n/provider';
import inboundMails from './inbound-mails';
import incidents from './incidents';
import knowledge from './knowledge';
import { Layout } from './layout/Layout';
import mailbox from './mailbox';
import mails from './mails';
import { moduleResources } from './modules';
import procedures from './procedures';
import schedules from './schedules';
import tasks from './tasks';
import { AllTaskList, GroupTaskList } from './tasks/TaskList';
import procedureTypes from './procedure-types';
import consultationRequests from './consultation-requests';
import { theme } from './theme';
import users from './users';

// One file (folder) per resource, wired here, and the procedure modules' own pages (workflows/*/console);
// the menu lists them in this order, as each role may see them.
export function App() {
  return (
    <Admin
      title="Amtsflow"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      dashboard={Home}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="tasks" {...tasks} />
      <Resource name="procedures" {...procedures} />
      <Resource name="procedure-types" {...procedureTypes} />
      <Resource name="consultation-requests" {...consultationRequests} />
      {moduleResources.map((r) => (
        <Resource key={r.name} {...r} />
      ))}
      <Resource name="knowledge" {...knowledge} />
      <Resource name="mailbox" {...mailbox} />
      <Resource name="departments" {...departments} />
      <Resource name="users" {...users} />
      <Resource name="mails" {...mails} />
      <Resource name="inbound-mails" {...inboundMails} />
      <Resource name="audit" {...audit} />
      <Resource name="schedules" {...schedules} />
      <Resource name="incidents" {...incidents} />
      <CustomRoutes>
        <Route path="/group-tasks" element={<GroupTaskList />} />
        <Route path="/all-tasks" element={<AllTaskList />} />
      </CustomRoutes>
    </Admin>
  );
}
