import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { taskForm as freigabe } from './freigabe';
import { messages } from './messages';
import { startForm } from './start-form';
import { taskForm as vorgangBearbeiten } from './vorgang-bearbeiten';

export const consoleModule = defineConsoleModule({
  type: 'vorgang-mit-freigabe',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'vorgang-bearbeiten': vorgangBearbeiten, freigabe },
  messages,
});
