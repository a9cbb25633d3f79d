import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ApartmentIcon from '@mui/icons-material/Apartment';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import HistoryIcon from '@mui/icons-material/History';
import SearchIcon from '@mui/icons-material/ManageSearch';
import MarkunreadMailboxIcon from '@mui/icons-material/MarkunreadMailbox';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import OutboxIcon from '@mui/icons-material/Outbox';
import PeopleIcon from '@mui/icons-material/People';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import ScheduleIcon from '@mui/icons-material/Schedule';
import SchemaIcon from '@mui/icons-material/Schema';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider, preloadSession } from './authProvider';
import { lazyNamed, lazyPages, preloadPage, type Pages } from './common/lazyPages';
import { Home, preloadHome } from './dashboard/Home';
import { dataProvider, preloadRecord } from './dataProvider';
import { i18nProvider } from './i18n/provider';
import { Layout } from './layout/Layout';
import { moduleResources } from './modules';
import { theme } from './theme';

// One file (folder) per resource, wired here, and the procedure modules' own pages (workflows/*/console);
// the menu lists them in this order, as each role may see them. Each page is a chunk of its own,
// loaded when first opened (common/lazyPages.ts); the menu's icons and words are in the entry.
const taskList = () => import('./tasks/TaskList');
const taskShow = () => import('./tasks/TaskShow');
const MyTaskList = lazyNamed(taskList, 'MyTaskList');
const GroupTaskList = lazyNamed(taskList, 'GroupTaskList');
const AllTaskList = lazyNamed(taskList, 'AllTaskList');
const ResubmissionList = lazyNamed(taskList, 'ResubmissionList');
const TaskShow = lazyNamed(taskShow, 'TaskShow');
const Preferences = lazyNamed(() => import('./preferences/Preferences'), 'Preferences');
const pages = {
  procedures: () => import('./procedures'),
  'procedure-types': () => import('./procedure-types'),
  'consultation-requests': () => import('./consultation-requests'),
  knowledge: () => import('./knowledge'),
  mailbox: () => import('./mailbox'),
  departments: () => import('./departments'),
  users: () => import('./users'),
  mails: () => import('./mails'),
  'inbound-mails': () => import('./inbound-mails'),
  audit: () => import('./audit'),
  schedules: () => import('./schedules'),
  incidents: () => import('./incidents'),
} satisfies Record<string, () => Promise<{ default: Pages }>>;

// The page a link or a reload opens is fetched at once, while the session is checked, not after:
// its chunk, the /me answer and (for a task) the task's record arrive side by side.
preloadSession();
preloadPage(window.location.hash, (resource, kind, id) => {
  if (kind === 'show' && id && resource === 'tasks') preloadRecord(resource, id);
  if (resource === '') return preloadHome(taskList);
  if (resource === 'tasks' || resource === 'group-tasks' || resource === 'all-tasks' || resource === 'resubmissions') return kind === 'show' ? taskShow() : taskList();
  return (pages as Record<string, (() => Promise<unknown>) | undefined>)[resource]?.();
});

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
      <Resource name="tasks" list={MyTaskList} show={TaskShow} icon={AssignmentIndIcon} options={{ hideFromMenu: true }} />
      <Resource name="procedures" {...lazyPages(pages['procedures'], 'list', 'show', 'create')} icon={AccountTreeIcon} />
      <Resource name="procedure-types" {...lazyPages(pages['procedure-types'], 'list', 'show')} icon={SchemaIcon} />
      <Resource name="consultation-requests" {...lazyPages(pages['consultation-requests'], 'list')} icon={ForwardToInboxIcon} />
      {moduleResources.map((r) => (
        <Resource key={r.name} {...r} />
      ))}
      <Resource name="knowledge" {...lazyPages(pages['knowledge'], 'list', 'show')} icon={SearchIcon} recordRepresentation="title" />
      <Resource name="mailbox" {...lazyPages(pages['mailbox'], 'list', 'show')} icon={MarkunreadMailboxIcon} recordRepresentation="subject" />
      <Resource name="departments" {...lazyPages(pages['departments'], 'list', 'edit', 'create')} icon={ApartmentIcon} recordRepresentation="name" />
      <Resource name="users" {...lazyPages(pages['users'], 'list', 'edit', 'create')} icon={PeopleIcon} recordRepresentation="name" />
      <Resource name="mails" {...lazyPages(pages['mails'], 'list', 'show')} icon={OutboxIcon} recordRepresentation="subject" />
      <Resource name="inbound-mails" {...lazyPages(pages['inbound-mails'], 'list')} icon={MoveToInboxIcon} />
      <Resource name="audit" {...lazyPages(pages['audit'], 'list')} icon={HistoryIcon} />
      <Resource name="schedules" {...lazyPages(pages['schedules'], 'list')} icon={ScheduleIcon} />
      <Resource name="incidents" {...lazyPages(pages['incidents'], 'list')} icon={ReportProblemIcon} />
      <CustomRoutes>
        <Route path="/group-tasks" element={<GroupTaskList />} />
        <Route path="/all-tasks" element={<AllTaskList />} />
        <Route path="/resubmissions" element={<ResubmissionList />} />
        <Route path="/preferences" element={<Preferences />} />
      </CustomRoutes>
    </Admin>
  );
}
