import { startOnce } from '../../schedules/start-once';
import { defineProcedure } from '../module';
import { surveyActivities } from './activities';
import { startForm, taskForms } from './forms';
import { settings } from './settings';
import { steps } from './steps';

/** One survey per year, however it is started. */
export const surveyProcedureId = (year: number) => `measure-survey-${year}`;

/**
 * Trägerabfrage: once a year the providers confirm or correct their measures on the answer page;
 * staff check the answers before they go into the registry (workflows/measure-coordination/).
 */
export default defineProcedure({
  type: 'measure-survey',
  label: 'Trägerabfrage',
  workflowType: 'measureSurvey',
  startForm,
  steps,
  taskForms,
  settings,
  titleOf: (input) => `Trägerabfrage ${input.year}`,
  procedureIdOf: (input) => surveyProcedureId(input.year),
  startRule: 'year ist ein Jahr, das begonnen hat',
  async checkStart(_db, input) {
    if (input.year > new Date().getFullYear()) return { problems: [{ path: 'input.year', message: 'Das Jahr hat noch nicht begonnen' }] };
    return { problems: [] };
  },
  activities: (deps) => surveyActivities(deps),
  schedules: (s) => [{ id: 'amtsflow-measure-survey', label: 'Jährliche Abfrage bei den Trägern', job: 'startSurvey', when: s.schedule }],
  jobs: {
    /** The year before the one the schedule fires in (15 January: the year that just ended); a second run starts nothing. */
    async startSurvey({ starter, firedAt }) {
      const year = firedAt.getFullYear() - 1;
      return { year, started: await startOnce(starter, { type: 'measure-survey', input: { year }, startedBy: null }) };
    },
  },
});
