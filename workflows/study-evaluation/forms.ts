import { z } from 'zod';
import { field } from '../../forms/field';
import { says } from '../../forms/words';

// Shared by the API (validation, OpenAPI), the workflow (update validator) and the console's forms.

export const startForm = z.strictObject({
  studyId: field({ de: 'Studie', en: 'Study' }, z.uuid(), {
    de: 'Bitte wählen Sie eine Studie aus der Liste.',
    en: 'Please choose a study from the list.',
  }),
});
export type StartInput = z.infer<typeof startForm>;

export const summaryForm = z.strictObject({
  summary: field(
    { de: 'Zusammenfassung der Studie', en: 'Summary of the study' },
    z
      .string()
      .trim()
      .min(20, says('Bitte fassen Sie die Studie in mindestens 20 Zeichen zusammen.', 'Please summarise the study in at least 20 characters.'))
      .max(8000, says('Bitte kürzen Sie die Zusammenfassung auf höchstens 8000 Zeichen.', 'Please shorten the summary to at most 8000 characters.')),
    { missing: { de: 'Bitte fassen Sie die Studie zusammen.', en: 'Please summarise the study.' } },
  ),
  /** Relevance for the city: 1 = kaum, 5 = sehr hoch. From 2 on, the named departments are asked. */
  relevance: field({ de: 'Relevanz für die Stadt', en: 'Relevance for the city' }, z.number().int().min(1).max(5), {
    de: 'Bitte wählen Sie die Relevanz für die Stadt von 1 (kaum) bis 5 (sehr hoch).',
    en: 'Please choose the relevance for the city from 1 (hardly) to 5 (very high).',
  }),
  departmentIds: field(
    { de: 'Betroffene Dienststellen', en: 'Departments concerned' },
    z
      .array(z.uuid())
      .max(40, says('Bitte wählen Sie höchstens 40 Dienststellen.', 'Please choose at most 40 departments.'))
      .refine((ids) => new Set(ids).size === ids.length, says('Bitte wählen Sie jede Dienststelle nur einmal.', 'Please choose each department only once.')),
  ),
  keyFindings: field(
    { de: 'Wichtigste Erkenntnisse', en: 'Key findings' },
    z
      .array(z.string().trim().min(3, says('Bitte schreiben Sie jede Erkenntnis mit mindestens 3 Zeichen.', 'Please write each finding in at least 3 characters.')).max(500))
      .max(20, says('Bitte nennen Sie höchstens 20 Erkenntnisse.', 'Please name at most 20 findings.')),
  ),
});
export type Summary = z.infer<typeof summaryForm>;

/** The second reader: approve, or send back to the person who summarised, saying what to change. */
export const reviewForm = z
  .strictObject({
    decision: field({ de: 'Zweitlektüre', en: 'Second reading' }, z.enum(['approve', 'revise']), {
      de: 'Bitte wählen Sie, ob Sie die Auswertung freigeben oder zur Überarbeitung zurückgeben.',
      en: 'Please choose whether you approve the evaluation or return it for revision.',
    }),
    comment: field({ de: 'Begründung / Kommentar', en: 'Reason / comment' }, z.string().trim().max(2000).optional()),
  })
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length > 0, {
    path: ['comment'],
    ...says('Bitte schreiben Sie, was überarbeitet werden soll.', 'Please say what should be revised.'),
  });

export const taskForms = {
  'studie-zusammenfassen': summaryForm,
  'studie-gegenlesen': reviewForm,
} as const;
