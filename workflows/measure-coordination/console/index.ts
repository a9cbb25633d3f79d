import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import MapIcon from '@mui/icons-material/Map';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { taskForm as entscheidung } from './coordination/abstimmung-entscheidung';
import { taskForm as freigabe } from './coordination/abstimmung-freigabe';
import { taskForm as nachhalten } from './coordination/abstimmung-nachhalten';
import { taskForm as sichten } from './coordination/abstimmung-sichten';
import { startForm } from './coordination/start-form';
import { messages } from './messages';

// The registry's pages, and the forms of "Maßnahme abstimmen".
export const consoleModule = defineConsoleModule({
  type: 'measure-coordination',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: {
    'abstimmung-sichten': sichten,
    'abstimmung-entscheidung': entscheidung,
    'abstimmung-freigabe': freigabe,
    'abstimmung-nachhalten': nachhalten,
  },
  resources: [
    { name: 'measures', icon: VolunteerActivismIcon, recordRepresentation: 'title', ...lazyPages(() => import('./measures'), 'list', 'show', 'create', 'edit') },
    { name: 'providers', icon: CorporateFareIcon, recordRepresentation: 'name', ...lazyPages(() => import('./providers'), 'list', 'show', 'create', 'edit') },
    { name: 'districts', icon: MapIcon, recordRepresentation: 'name', ...lazyPages(() => import('./districts'), 'list') },
  ],
  messages,
});
