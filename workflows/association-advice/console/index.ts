import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { taskForm as termin } from './beratung-termin';
import { taskForm as vermerk } from './beratung-vermerk';
import { messages } from './messages';
import { OrganisationCases } from './OrganisationCases';
import { startForm } from './start-form';

export const consoleModule = defineConsoleModule({
  type: 'association-advice',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'beratung-termin': termin, 'beratung-vermerk': vermerk },
  resources: [{ name: 'advice-cases', icon: HandshakeIcon, recordRepresentation: 'organisationName', ...lazyPages(() => import('./cases'), 'list', 'show') }],
  recordSections: { organisations: [OrganisationCases] },
  messages,
});
