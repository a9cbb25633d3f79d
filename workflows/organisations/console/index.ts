import Diversity3Icon from '@mui/icons-material/Diversity3';
import TranslateIcon from '@mui/icons-material/Translate';
import { lazyPages } from '../../../admin/src/common/lazyPages';
import { defineConsolePart } from '../../../admin/src/modules/types';
import { messages } from './messages';

// The register's pages: organisations with their contacts and consents, and the translators.
export const consoleModule = defineConsolePart({
  type: 'organisations',
  resources: [
    { name: 'organisations', icon: Diversity3Icon, recordRepresentation: 'name', ...lazyPages(() => import('./organisations'), 'list', 'show', 'create', 'edit') },
    { name: 'organisation-contacts', recordRepresentation: 'name', ...lazyPages(() => import('./contacts'), 'create', 'edit') },
    { name: 'translators', icon: TranslateIcon, recordRepresentation: 'name', ...lazyPages(() => import('./translators'), 'list', 'create', 'edit') },
  ],
  messages,
});
