import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import MapIcon from '@mui/icons-material/Map';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsolePart } from '../../../admin/src/modules/types';
import { messages } from './messages';

// The registry's pages; the procedure "Maßnahme abstimmen" brings its forms when it exists.
export const consoleModule = defineConsolePart({
  type: 'measure-coordination',
  resources: [
    { name: 'measures', icon: VolunteerActivismIcon, recordRepresentation: 'title', ...lazyPages(() => import('./measures'), 'list', 'show', 'create', 'edit') },
    { name: 'providers', icon: CorporateFareIcon, recordRepresentation: 'name', ...lazyPages(() => import('./providers'), 'list', 'show', 'create', 'edit') },
    { name: 'districts', icon: MapIcon, recordRepresentation: 'name', ...lazyPages(() => import('./districts'), 'list') },
  ],
  messages,
});
