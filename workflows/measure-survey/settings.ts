import { defineSettings, duration, scheduleSpec, type SettingsOf } from '../../config/settings';

export const settings = defineSettings({
  /** When the Temporal Schedule asks the providers: every 15 January, 8:00 (Berlin), about the year before. */
  schedule: { env: 'MEASURE_SURVEY_SCHEDULE', schema: scheduleSpec('0 8 15 1 *') },
  /** How long the providers have to answer; the consultation reminds them before it ends. */
  answerDeadline: { env: 'MEASURE_SURVEY_DEADLINE', schema: duration('20bd') },
  /** Who has not answered by then is reminded; a provider has nobody above to escalate to. */
  remindAfter: { env: 'MEASURE_SURVEY_REMIND_AFTER', schema: duration('10bd') },
});

export type SurveySettings = SettingsOf<typeof settings>;
