import { eq } from 'drizzle-orm';
import { defineProcedure } from '../module';
import { steps } from './steps';
import { studyEvaluationActivities } from './activities';
import { studyRoutes } from './api';
import { startForm, taskForms } from './forms';
import { studies } from './schema';

/** Studie auswerten: summary and relevance, a second reading, the departments concerned, the knowledge base. */
export default defineProcedure({
  type: 'study-evaluation',
  label: 'Studie auswerten',
  workflowType: 'studyEvaluation',
  startForm,
  steps,
  taskForms,
  titleOf: (input) => `Studie ${input.studyId}`,
  startRule: 'studyId nennt eine vorhandene Studie',
  async checkStart(db, input) {
    const [study] = await db.select({ title: studies.title }).from(studies).where(eq(studies.id, input.studyId));
    if (!study) return { problems: [{ path: 'input.studyId', message: 'unbekannte Studie' }] };
    return { problems: [], title: `Studie auswerten: ${study.title}` };
  },
  activities: studyEvaluationActivities,
  routes: (api, { db }) => studyRoutes(api, db),
  knowledgeSources: { study: 'Studie' },
});
