import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { MyTaskList } from './TaskList';
import { TaskShow } from './TaskShow';

// The menu shows the two inboxes itself (with counts), not a plain resource entry.
export default { list: MyTaskList, show: TaskShow, icon: AssignmentIndIcon, options: { hideFromMenu: true } };
