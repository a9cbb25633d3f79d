import { eq } from 'drizzle-orm';
import { defineProcedure } from '../module';
import { organisations } from '../organisations/schema';
import { adviceActivities } from './activities';
import { adviceRoutes } from './api';
import { startForm, taskForms } from './forms';
import { requestPages } from './request-page';
import { settings } from './settings';
import { steps } from './steps';

/**
 * Vereinsberatung: advice for migrant organisations and faith communities on founding an
 * association, its statutes, charitable status and funding; requested by the public form or
 * entered by staff, with appointments, notes, the funding calls that suit, and its outcome.
 */
export default defineProcedure({
  type: 'association-advice',
  label: 'Vereinsberatung',
  workflowType: 'associationAdvice',
  startForm,
  steps,
  taskForms,
  settings,
  titleOf: (input) => `Vereinsberatung: ${input.organisationName ?? 'Organisation aus dem Register'}`,
  startRule: 'die gewählte Organisation gibt es im Register',
  async checkStart(db, input) {
    if (!input.organisationId) return { problems: [] };
    const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!organisation) return { problems: [{ path: 'input.organisationId', message: 'unbekannte Organisation' }] };
    return { problems: [], title: `Vereinsberatung: ${organisation.name}` };
  },
  activities: (deps) => adviceActivities(deps),
  routes: (api, { db }) => adviceRoutes(api, db),
  publicPages: [requestPages],
});
