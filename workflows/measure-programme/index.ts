import { defineProcedure } from '../module';
import { programmeActivities } from './activities';
import { programmeRoutes } from './api';
import { startForm, taskForms } from './forms';
import { settings } from './settings';
import { steps } from './steps';
import { programmeTitle } from './texts';
import { firstMeasureYear } from './year-registry';

export const programmeProcedureId = (year: number) => `measure-programme-${year}`;

/**
 * Maßnahmenprogramm berichten, one procedure per year: the registry's measures by field of action and
 * Stadtbezirk and their funding, assessed by staff, approved by a manager, published and mailed.
 */
export default defineProcedure({
  type: 'measure-programme',
  label: 'Maßnahmenprogramm berichten',
  workflowType: 'measureProgramme',
  startForm,
  steps,
  taskForms,
  settings,
  titleOf: (input) => programmeTitle(input.year),
  procedureIdOf: (input) => programmeProcedureId(input.year),
  startRule: 'das Jahr liegt nicht in der Zukunft und nicht vor dem Beginn der ersten erfassten Maßnahme',
  async checkStart(db, input) {
    // A year to come has no programme yet; a year before the registry's first measure would be an empty report.
    const now = new Date().getFullYear();
    if (input.year > now) return { problems: [{ path: 'input.year', message: `Das Jahr ${input.year} liegt in der Zukunft; berichtet werden kann bis ${now}.` }] };
    const first = await firstMeasureYear(db);
    if (first === null) return { problems: [{ path: 'input.year', message: 'Im Register ist noch keine Maßnahme erfasst.' }] };
    if (input.year < first) return { problems: [{ path: 'input.year', message: `Das Jahr ${input.year} liegt vor der ersten erfassten Maßnahme (ab ${first}).` }] };
    return { problems: [] };
  },
  activities: (deps) => programmeActivities(deps),
  routes: (api, { db }) => programmeRoutes(api, db),
});
