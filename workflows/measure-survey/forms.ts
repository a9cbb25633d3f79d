import { z } from 'zod';
import { field } from '../../forms/field';
import { says } from '../../forms/words';

// Trägerabfrage: shared by the API (validation, OpenAPI), the workflow and the console.

/** The first year the registry keeps measures for; the survey asks about a year that has ended. */
export const FIRST_SURVEY_YEAR = 2000;

export const startForm = z.strictObject({
  year: field(
    { de: 'Jahr', en: 'Year' },
    z
      .number()
      .int(says('Bitte geben Sie das Jahr als ganze Zahl an, zum Beispiel 2026.', 'Please give the year as a whole number, for example 2026.'))
      .min(FIRST_SURVEY_YEAR, says(`Die Abfrage beginnt mit dem Jahr ${FIRST_SURVEY_YEAR}.`, `The survey begins with the year ${FIRST_SURVEY_YEAR}.`)),
  ),
});
export type SurveyStart = z.infer<typeof startForm>;

/** The staff check: which providers' corrections go into the registry. */
export const checkForm = z.strictObject({
  /** The measures whose reported corrections are taken; the others stay as registered. */
  apply: field(
    { de: 'Übernommene Korrekturen', en: 'Corrections taken' },
    z
      .array(z.uuid())
      .max(2000)
      .refine((ids) => new Set(ids).size === ids.length, says('Bitte wählen Sie jede Maßnahme nur einmal.', 'Please choose each measure only once.')),
  ),
  note: field({ de: 'Vermerk', en: 'Note' }, z.string().trim().max(5000).optional()),
});
export type CheckData = z.infer<typeof checkForm>;

export const taskForms = {
  'abfrage-pruefen': checkForm,
} as const;
