import MenuBookIcon from '@mui/icons-material/MenuBook';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { messages } from './messages';
import { startForm } from './start-form';
import { taskForm as gegenlesen } from './studie-gegenlesen';
import { taskForm as zusammenfassen } from './studie-zusammenfassen';

export const consoleModule = defineConsoleModule({
  type: 'study-evaluation',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'studie-zusammenfassen': zusammenfassen, 'studie-gegenlesen': gegenlesen },
  // Its pages are loaded when first opened (a chunk of their own), the menu's entry at once.
  resources: [{ name: 'studies', icon: MenuBookIcon, recordRepresentation: 'title', ...lazyPages(() => import('./studies'), 'list', 'show', 'create', 'edit') }],
  messages,
});
