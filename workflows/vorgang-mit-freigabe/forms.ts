import { z } from 'zod';
import { field, writtenText } from '../../forms/field';
import { approvalForm } from '../engine/approval-form';

// Shared by the API (validation, OpenAPI), the workflow (update validator) and the console's forms.

export const startForm = z.strictObject({
  title: writtenText({ de: 'Titel', en: 'Title' }, { min: 3, max: 200 }, {
    missing: { de: 'Bitte geben Sie einen Titel ein.', en: 'Please enter a title.' },
    tooShort: { de: 'Bitte geben Sie einen Titel mit mindestens 3 Zeichen ein.', en: 'Please enter a title of at least 3 characters.' },
  }),
  description: field({ de: 'Beschreibung', en: 'Description' }, z.string().max(10_000).optional()),
  /** A named staff member; without one the task goes to the staff group. */
  assigneeId: field({ de: 'Zuständige Person', en: 'Person in charge' }, z.uuid().optional()),
  priority: field({ de: 'Priorität', en: 'Priority' }, z.number().int().min(1).max(3).optional(), {
    de: 'Bitte wählen Sie eine der drei Prioritäten.',
    en: 'Please choose one of the three priorities.',
  }),
});
export type StartInput = z.infer<typeof startForm>;

export const workForm = z.strictObject({
  result: writtenText({ de: 'Ergebnis der Bearbeitung', en: 'Result of the work' }, { min: 3, max: 10_000 }, {
    missing: { de: 'Bitte beschreiben Sie das Ergebnis.', en: 'Please describe the result.' },
    tooShort: { de: 'Bitte beschreiben Sie das Ergebnis mit mindestens 3 Zeichen.', en: 'Please describe the result in at least 3 characters.' },
  }),
});

export const taskForms = {
  'vorgang-bearbeiten': workForm,
  freigabe: approvalForm,
} as const;
