import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import indicators from './indicators';
import { messages } from './messages';
import { taskForm as freigabe } from './monitoring-freigabe';
import { taskForm as klaerung } from './monitoring-klaerung';
import { taskForm as kommentar } from './monitoring-kommentar';
import monitoringReports from './monitoring-reports';
import { startForm } from './start-form';

export const consoleModule = defineConsoleModule({
  type: 'integration-monitoring',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'monitoring-klaerung': klaerung, 'monitoring-kommentar': kommentar, 'monitoring-freigabe': freigabe },
  resources: [
    { name: 'indicators', ...indicators },
    { name: 'monitoring-reports', ...monitoringReports },
  ],
  messages,
});
