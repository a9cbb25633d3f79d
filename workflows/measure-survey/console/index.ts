import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { taskForm as pruefen } from './abfrage-pruefen';
import { messages } from './messages';
import { startForm } from './start-form';

export const consoleModule = defineConsoleModule({
  type: 'measure-survey',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'abfrage-pruefen': pruefen },
  messages,
});
