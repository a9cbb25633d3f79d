import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { taskForm as antwortenZusammenfuehren } from './antworten-zusammenfuehren';
import { messages } from './messages';
import { startForm } from './start-form';

export const consoleModule = defineConsoleModule({
  type: 'department-consultation',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'antworten-zusammenfuehren': antwortenZusammenfuehren },
  messages,
});
