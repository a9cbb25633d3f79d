import CampaignIcon from '@mui/icons-material/RecordVoiceOver';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { taskForm as auswerten } from './kampagne-auswerten';
import { messages } from './messages';
import { OrganisationCampaigns } from './OrganisationCampaigns';
import { startForm } from './start-form';
import { taskForm as pruefen } from './uebersetzung-pruefen';

export const consoleModule = defineConsoleModule({
  type: 'information-campaign',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: { 'uebersetzung-pruefen': pruefen, 'kampagne-auswerten': auswerten },
  resources: [{ name: 'information-campaigns', icon: CampaignIcon, recordRepresentation: 'title', ...lazyPages(() => import('./campaigns'), 'list', 'show') }],
  recordSections: { organisations: [OrganisationCampaigns] },
  messages,
});
