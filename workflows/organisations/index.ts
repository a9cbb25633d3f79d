import { defineMasterData } from '../module';
import { organisationRoutes } from './api';
import { ORGANISATION_KIND, organisationSource, TRANSLATOR_KIND, translatorSource } from './participants';
import { seedOrganisationRegister } from './seed';
import { withdrawalPages } from './withdrawal-page';

/**
 * The communities' organisations (Migrantenselbstorganisationen, faith communities, associations)
 * with their contact persons and what each agreed to be contacted for, and the translators: the
 * register the information campaigns and the association advice work with.
 */
export default defineMasterData({
  type: 'organisations',
  label: 'Organisationen und Sprachmittlung',
  routes: (api, { db }) => organisationRoutes(api, db),
  seed: (db) => seedOrganisationRegister(db),
  participants: { [ORGANISATION_KIND]: organisationSource, [TRANSLATOR_KIND]: translatorSource },
  publicPages: [withdrawalPages],
});
