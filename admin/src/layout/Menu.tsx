import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import BarChartIcon from '@mui/icons-material/BarChart';
import ChecklistIcon from '@mui/icons-material/Checklist';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import GroupsIcon from '@mui/icons-material/Groups';
import { Box } from '@mui/material';
import { Menu as RaMenu, useCanAccess, useResourceDefinitions, useTranslate } from 'react-admin';
import { useTaskCount } from './useTaskCount';

// Read by screen readers, not shown: "3 offene Aufgaben" rather than a bare "3".
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

function CountBadge({ count, label }: { count: number | undefined; label: string }) {
  if (!count) return null;
  return (
    <Box
      component="span"
      data-count={count}
      sx={{ ml: 1, px: 0.8, py: 0.1, borderRadius: 2, bgcolor: 'primary.main', color: 'primary.contrastText', fontSize: '0.75rem', fontWeight: 600 }}
    >
      {count > 999 ? '999+' : count}
      <span style={visuallyHidden}> {label}</span>
    </Box>
  );
}

/** The resources a page file registers, in the order people use them; inbox counts refreshed by polling. */
export function Menu() {
  const translate = useTranslate();
  const resources = useResourceDefinitions();
  const mine = useTaskCount('mine');
  const group = useTaskCount('group');
  const { canAccess: seesDashboard } = useCanAccess({ resource: 'dashboard', action: 'list' });
  const { canAccess: seesAllTasks } = useCanAccess({ resource: 'all-tasks', action: 'list' });
  const open = translate('app.menu.open_tasks');
  return (
    <RaMenu>
      {seesDashboard && <RaMenu.DashboardItem primaryText={translate('app.menu.dashboard_short')} leftIcon={<BarChartIcon />} />}
      <RaMenu.Item
        to="/tasks"
        primaryText={
          <span data-testid="menu-my-tasks">
            {translate('app.menu.my_tasks')}
            <CountBadge count={mine} label={open} />
          </span>
        }
        leftIcon={<AssignmentIndIcon />}
      />
      <RaMenu.Item
        to="/group-tasks"
        primaryText={
          <span data-testid="menu-group-tasks">
            {translate('app.menu.group_tasks')}
            <CountBadge count={group} label={open} />
          </span>
        }
        leftIcon={<GroupsIcon />}
      />
      <RaMenu.Item to="/resubmissions" primaryText={<span data-testid="menu-resubmissions">{translate('app.menu.resubmissions')}</span>} leftIcon={<EventRepeatIcon />} />
      {seesAllTasks && <RaMenu.Item to="/all-tasks" primaryText={translate('app.menu.all_tasks')} leftIcon={<ChecklistIcon />} />}
      {Object.entries(resources)
        .filter(([, r]) => r.hasList && !(r.options as { hideFromMenu?: boolean } | undefined)?.hideFromMenu)
        .map(([name]) => (
          <RaMenu.ResourceItem key={name} name={name} />
        ))}
    </RaMenu>
  );
}
