import CampaignIcon from '@mui/icons-material/Campaign';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsoleModule } from '../../../admin/src/modules/types';
import { startForm as startSchema, taskForms as taskSchemas } from '../forms';
import { taskForm as antragEinreichung } from './antrag-einreichung';
import { taskForm as antragEntwurf } from './antrag-entwurf';
import { taskForm as antragMitzeichnung } from './antrag-mitzeichnung';
import { taskForm as entscheidung } from './foerderaufruf-entscheidung';
import { taskForm as freigabe } from './foerderaufruf-freigabe';
import { taskForm as triage } from './foerderaufruf-triage';
import { taskForm as foerderentscheid } from './foerderentscheid';
import { messages } from './messages';
import { startForm } from './start-form';
import { taskForm as verwendungsnachweis } from './verwendungsnachweis';
import { taskForm as zwischenbericht } from './zwischenbericht';

export const consoleModule = defineConsoleModule({
  type: 'funding-call-review',
  startSchema,
  taskSchemas,
  startForm,
  taskForms: {
    'foerderaufruf-triage': triage,
    'foerderaufruf-entscheidung': entscheidung,
    'foerderaufruf-freigabe': freigabe,
    'antrag-entwurf': antragEntwurf,
    'antrag-mitzeichnung': antragMitzeichnung,
    'antrag-einreichung': antragEinreichung,
    foerderentscheid,
    zwischenbericht,
    verwendungsnachweis,
  },
  // Its pages are loaded when first opened (a chunk of their own), the menu's entry at once.
  resources: [{ name: 'funding-calls', icon: CampaignIcon, recordRepresentation: 'title', ...lazyPages(() => import('./funding-calls'), 'list', 'show', 'create', 'edit') }],
  messages,
});
