import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { messages } from './messages';
import { startForm } from './start-form';
import { taskForm as gegenlesen } from './studie-gegenlesen';
import { taskForm as zusammenfassen } from './studie-zusammenfassen';
import studies from './studies';

export const consoleModule = defineConsoleModule({
  type: 'study-evaluation',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'studie-zusammenfassen': zusammenfassen, 'studie-gegenlesen': gegenlesen },
  resources: [{ name: 'studies', ...studies }],
  messages,
});
