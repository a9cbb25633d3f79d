import { z } from 'zod';
import { field, writtenText } from '../../forms/field';
import { approvalForm } from '../engine/approval-form';

// Maßnahmenprogramm: shared by the API (validation, OpenAPI), the workflow (update validator) and the console.

export const startForm = z.strictObject({
  year: field({ de: 'Jahr', en: 'Year' }, z.number().int().min(1900).max(2999), {
    de: 'Bitte geben Sie das Jahr als vierstellige Zahl an, zum Beispiel 2026.',
    en: 'Please give the year as a four-digit number, for example 2026.',
  }),
});
export type ProgrammeStart = z.infer<typeof startForm>;

/** The office's reading of the year: where the gaps are, which offers to coordinate, what the funding says. */
export const commentForm = z.strictObject({
  summary: writtenText({ de: 'Einschätzung des Jahres', en: 'Assessment of the year' }, { min: 10, max: 10_000 }, {
    missing: { de: 'Bitte schätzen Sie das Maßnahmenprogramm des Jahres ein.', en: 'Please assess the year’s programme of measures.' },
    tooShort: { de: 'Bitte schätzen Sie das Jahr in mindestens 10 Zeichen ein.', en: 'Please assess the year in at least 10 characters.' },
  }),
});
export type ProgrammeComment = z.infer<typeof commentForm>;

export const taskForms = {
  'programm-kommentar': commentForm,
  'programm-freigabe': approvalForm,
} as const;
