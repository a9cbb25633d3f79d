import { eq } from 'drizzle-orm';
import { HttpError } from '../../api/errors';
import { procedures } from '../../db/schema';
import { defineProcedure } from '../module';
import { steps } from './steps';
import { fundingReviewActivities } from './activities';
import { fundingCallRoutes } from './api';
import { scanFundingFeeds } from './feeds';
import { startForm, taskForms } from './forms';
import { fundingCalls } from './schema';
import { settings } from './settings';

/**
 * Förderaufruf prüfen: funding calls registered or imported from feeds; triage, consultation,
 * decision approved by a manager, application before the funder's deadline, award, reports.
 */
export default defineProcedure({
  type: 'funding-call-review',
  label: 'Förderaufruf prüfen',
  workflowType: 'fundingCallReview',
  startForm,
  steps,
  taskForms,
  settings,
  // The start check replaces it with the call's own title before the row is written.
  titleOf: (input) => `Förderaufruf ${input.fundingCallId}`,
  startRule: 'fundingCallId nennt einen vorhandenen Förderaufruf',
  async checkStart(db, input) {
    const [call] = await db
      .select({ title: fundingCalls.title, review: procedures.id, reviewStatus: procedures.status })
      .from(fundingCalls)
      .leftJoin(procedures, eq(procedures.id, fundingCalls.reviewProcedureId))
      .where(eq(fundingCalls.id, input.fundingCallId));
    if (!call) return { problems: [{ path: 'input.fundingCallId', message: 'unbekannter Förderaufruf' }] };
    if (call.reviewStatus === 'running') {
      throw HttpError.conflict(`Für diesen Förderaufruf läuft bereits eine Prüfung (${call.review})`);
    }
    return { problems: [], title: `Förderaufruf: ${call.title}` };
  },
  activities: fundingReviewActivities,
  routes: (api, { db }) => fundingCallRoutes(api, db),
  schedules: (s) => [
    {
      id: 'amtsflow-funding-feed-scan',
      label: 'Förderaufrufe aus Feeds einlesen',
      job: 'scanFeeds',
      when: s.scanEvery,
      idleNote: s.feeds.length === 0 ? 'Keine Feeds konfiguriert (FUNDING_FEEDS)' : undefined,
    },
  ],
  jobs: { scanFeeds: scanFundingFeeds },
  knowledgeSources: { 'funding-review': 'Förderaufruf' },
});
