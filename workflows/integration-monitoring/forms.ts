import { z } from 'zod';
import { field, writtenText } from '../../forms/field';
import { says } from '../../forms/words';
import { approvalForm } from '../engine/approval-form';
import { QUARTER_PATTERN } from './quarter';

// Integrationsmonitoring: shared by the API (validation, OpenAPI), the workflow (update validator) and the console.

export const startForm = z.strictObject({
  quarter: field({ de: 'Quartal', en: 'Quarter' }, z.string().regex(QUARTER_PATTERN), {
    de: 'Bitte geben Sie das Quartal als Jahr und Nummer an, zum Beispiel 2026-Q3.',
    en: 'Please give the quarter as year and number, for example 2026-Q3.',
  }),
});
export type MonitoringStart = z.infer<typeof startForm>;

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, says('Diesen Wert gibt es in diesem Formular nicht.', 'This value is not part of this form.'));

/** Staff settle each open value: the value (or null: not to be had) and why. */
export const clarificationForm = z.strictObject({
  values: field(
    { de: 'Geklärte Werte', en: 'Clarified values' },
    z.record(
      fieldKey,
      z.strictObject({
        value: field({ de: 'Geklärter Wert', en: 'Clarified value' }, z.number().nullable(), {
          de: 'Bitte geben Sie den geklärten Wert als Zahl ein oder kreuzen Sie an, dass er nicht vorliegt.',
          en: 'Please enter the clarified value as a number, or tick that it is not available.',
        }),
        comment: writtenText({ de: 'Klärung', en: 'Clarification' }, { min: 3, max: 2000 }, {
          missing: { de: 'Bitte begründen Sie die Klärung kurz.', en: 'Please explain the clarification briefly.' },
          tooShort: { de: 'Bitte begründen Sie die Klärung mit mindestens 3 Zeichen.', en: 'Please explain the clarification in at least 3 characters.' },
        }),
      }),
    ),
  ),
});
export type Clarification = z.infer<typeof clarificationForm>;

/** The office's reading of the quarter: an overall assessment and, per indicator (by key), a comment. */
export const commentForm = z.strictObject({
  summary: writtenText({ de: 'Einschätzung des Quartals', en: 'Assessment of the quarter' }, { min: 10, max: 10_000 }, {
    missing: { de: 'Bitte schätzen Sie das Quartal ein.', en: 'Please assess the quarter.' },
    tooShort: { de: 'Bitte schätzen Sie das Quartal in mindestens 10 Zeichen ein.', en: 'Please assess the quarter in at least 10 characters.' },
  }),
  comments: field(
    { de: 'Kommentar zum Indikator', en: 'Comment on the indicator' },
    z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,23}$/, says('Diesen Indikator gibt es in diesem Bericht nicht.', 'This indicator is not part of this report.')), z.string().trim().max(5000))
      .default({}),
  ),
});
export type MonitoringComment = z.infer<typeof commentForm>;

export const taskForms = {
  'monitoring-klaerung': clarificationForm,
  'monitoring-kommentar': commentForm,
  'monitoring-freigabe': approvalForm,
} as const;
