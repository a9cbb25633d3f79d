import { z } from 'zod';
import { deadlineField } from '../../forms/deadline';
import { field, writtenText } from '../../forms/field';
import { setOf } from '../../forms/inputs';
import { says } from '../../forms/words';
import { approvalForm } from '../engine/approval-form';
import { languageCode } from '../organisations/inputs';

// Informationskampagne: shared by the API (validation, OpenAPI), the workflow and the console.

/** One target language and who translates into it. */
const translation = z.strictObject({
  language: languageCode('Sprache', 'Language').refine((code) => code !== 'de', says(
    'Deutsch ist die Sprache der Vorlage; bitte wählen Sie eine Sprache, in die übersetzt wird.',
    'German is the language of the source; please choose a language to translate into.',
  )),
  translatorId: field({ de: 'Sprachmittlung', en: 'Translator' }, z.uuid(), {
    de: 'Bitte wählen Sie, wer in diese Sprache übersetzt.',
    en: 'Please choose who translates into this language.',
  }),
});

export const startForm = z.strictObject({
  /** Whose concern the information is (the Gesundheitsamt's flu vaccination): named on the flyer. */
  departmentId: field({ de: 'Anliegen der Dienststelle', en: 'Concern of the department' }, z.uuid(), {
    de: 'Bitte wählen Sie die Dienststelle, deren Information verbreitet wird.',
    en: 'Please choose the department whose information is spread.',
  }),
  title: writtenText({ de: 'Titel', en: 'Title' }, { min: 3, max: 120 }, {
    missing: { de: 'Bitte geben Sie den Titel der Information ein.', en: 'Please enter the title of the information.' },
    tooShort: { de: 'Der Titel hat mindestens 3 Zeichen.', en: 'The title must have at least 3 characters.' },
  }),
  text: writtenText({ de: 'Text der Information', en: 'Text of the information' }, { min: 20, max: 4000 }, {
    missing: { de: 'Bitte geben Sie den Text der Information ein.', en: 'Please enter the text of the information.' },
    tooShort: { de: 'Der Text hat mindestens 20 Zeichen.', en: 'The text must have at least 20 characters.' },
  }),
  translations: field(
    { de: 'Übersetzungen', en: 'Translations' },
    z
      .array(translation)
      .max(12, says('Bitte wählen Sie höchstens 12 Sprachen.', 'Please choose at most 12 languages.'))
      .refine((ts) => new Set(ts.map((t) => t.language)).size === ts.length, says('Jede Sprache wird nur einmal übersetzt.', 'Each language is translated once.')),
  ),
  organisationIds: field(
    { de: 'Organisationen', en: 'Organisations' },
    setOf(z.uuid(), 200, 'Eine Organisation', 'An organisation').min(1, says('Bitte wählen Sie mindestens eine Organisation.', 'Please choose at least one organisation.')),
  ),
  /** Who is meant to be reached: where no reporting organisation reached them, the report names a gap. */
  communities: field({ de: 'Ziel-Communities', en: 'Target communities' }, setOf(z.string().trim().min(2).max(100), 30, 'Eine Community', 'A community').optional()),
  districtIds: field({ de: 'Ziel-Stadtbezirke', en: 'Target boroughs' }, setOf(z.uuid(), 100, 'Ein Stadtbezirk', 'A borough').optional()),
  /** How long the organisations have to report back (settings: 20 Arbeitstage). */
  reportDeadline: deadlineField({ de: 'Frist für die Rückmeldungen', en: 'Deadline for the reports' }).optional(),
});
export type CampaignStart = z.infer<typeof startForm>;

/** The campaign's end: what the office makes of its reach, and what follows. */
export const evaluationForm = z.strictObject({
  summary: writtenText({ de: 'Bewertung', en: 'Assessment' }, { min: 3, max: 10_000 }, {
    missing: { de: 'Bitte bewerten Sie die Kampagne.', en: 'Please assess the campaign.' },
    tooShort: { de: 'Die Bewertung hat mindestens 3 Zeichen.', en: 'The assessment must have at least 3 characters.' },
  }),
  followUp: field({ de: 'Nächste Schritte für die Lücken', en: 'Next steps for the gaps' }, z.string().trim().max(5000).optional()),
});

export const taskForms = {
  /** The second reader of a translation: approve it, or send it back saying what to change. */
  'uebersetzung-pruefen': approvalForm,
  'kampagne-auswerten': evaluationForm,
} as const;
