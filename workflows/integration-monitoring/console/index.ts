import AssessmentIcon from '@mui/icons-material/Assessment';
import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { messages } from './messages';
import { taskForm as freigabe } from './monitoring-freigabe';
import { taskForm as klaerung } from './monitoring-klaerung';
import { taskForm as kommentar } from './monitoring-kommentar';
import { startForm } from './start-form';

export const consoleModule = defineConsoleModule({
  type: 'integration-monitoring',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'monitoring-klaerung': klaerung, 'monitoring-kommentar': kommentar, 'monitoring-freigabe': freigabe },
  // Its pages (the indicators' charts among them) are loaded when first opened, the menu's entries at once.
  resources: [
    { name: 'indicators', icon: InsightsIcon, recordRepresentation: 'name', ...lazyPages(() => import('./indicators'), 'list', 'show', 'create', 'edit') },
    { name: 'monitoring-reports', icon: AssessmentIcon, ...lazyPages(() => import('./monitoring-reports'), 'list') },
  ],
  messages,
});
