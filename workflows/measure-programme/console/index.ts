import SummarizeIcon from '@mui/icons-material/Summarize';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { messages } from './messages';
import { taskForm as freigabe } from './programm-freigabe';
import { taskForm as kommentar } from './programm-kommentar';
import { startForm } from './start-form';

export const consoleModule = defineConsoleModule({
  type: 'measure-programme',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'programm-kommentar': kommentar, 'programm-freigabe': freigabe },
  resources: [{ name: 'measure-programme-reports', icon: SummarizeIcon, ...lazyPages(() => import('./programme-reports'), 'list') }],
  messages,
});
