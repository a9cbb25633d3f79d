import { defineProcedure } from '../module';
import { campaignActivities } from './activities';
import { campaignRoutes } from './api';
import { checkCampaign } from './check';
import { startForm, taskForms } from './forms';
import { campaignLetter } from './letter';
import { CAMPAIGN_LETTER } from './letter-key';
import { settings } from './settings';
import { steps } from './steps';

/**
 * Informationskampagne: a department's information translated, checked by a second reader, printed
 * as a flyer per language and sent through the communities' organisations to each consenting
 * contact in their language; the organisations report back, the office weighs the reach and gaps.
 */
export default defineProcedure({
  type: 'information-campaign',
  label: 'Informationskampagne',
  workflowType: 'informationCampaign',
  startForm,
  steps,
  taskForms,
  settings,
  titleOf: (input) => `Informationskampagne: ${input.title}`,
  startRule: 'Dienststelle, Stadtbezirke und Organisationen gibt es, jede Sprachmittlung ist aktiv und übersetzt in ihre Sprache, jede Organisation hat eine Ansprechperson mit Einwilligung in Mails zu Informationskampagnen',
  async checkStart(db, input) {
    return { problems: await checkCampaign(db, input) };
  },
  activities: (deps) => campaignActivities(deps),
  routes: (api, { db }) => campaignRoutes(api, db),
  letters: { [CAMPAIGN_LETTER]: campaignLetter },
});
