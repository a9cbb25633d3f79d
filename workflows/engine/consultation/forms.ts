import { z } from 'zod';
import { deadlineField } from '../../../forms/deadline';
import { field, writtenText } from '../../../forms/field';
import { says } from '../../../forms/words';
import type { ParticipantRef } from './participants';

/** Text, a number, or a yes/no question ("Läuft die Maßnahme weiter?"), answered as a boolean. */
export const answerFieldTypes = ['text', 'number', 'yesno'] as const;

/** A field of a structured answer form (e.g. one indicator value per department). */
export const answerFieldSchema = z.strictObject({
  key: field(
    { de: 'Schlüssel der Angabe', en: 'Key of the entry' },
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, says(
      'Der Schlüssel einer Angabe besteht aus bis zu 40 Kleinbuchstaben, Ziffern und Unterstrichen und beginnt mit einem Buchstaben.',
      'The key of an entry has up to 40 lower-case letters, digits and underscores and begins with a letter.',
    )),
  ),
  label: field(
    { de: 'Bezeichnung der Angabe', en: 'Name of the entry' },
    z.string().trim().min(1).max(200),
    { missing: { de: 'Bitte geben Sie an, wie die Angabe heißt.', en: 'Please give the name of the entry.' } },
  ),
  type: field({ de: 'Art der Angabe', en: 'Kind of entry' }, z.enum(answerFieldTypes), {
    de: 'Bitte wählen Sie als Art der Angabe Text, Zahl oder Ja/Nein.',
    en: 'Please choose text, number or yes/no as the kind of entry.',
  }),
  required: field({ de: 'Pflichtfeld', en: 'Required' }, z.boolean().default(false)),
  unit: field({ de: 'Einheit', en: 'Unit' }, z.string().max(40).optional()),
  /** Hard limits: a value outside is refused. */
  min: field({ de: 'Kleinster Wert', en: 'Smallest value' }, z.number().optional()),
  max: field({ de: 'Größter Wert', en: 'Largest value' }, z.number().optional()),
  /** The usual range: a value outside is taken only with the department's comment on it. */
  plausible: field(
    { de: 'Üblicher Bereich', en: 'Usual range' },
    z.strictObject({
      min: field({ de: 'Üblicher Bereich ab', en: 'Usual range from' }, z.number().optional()),
      max: field({ de: 'Üblicher Bereich bis', en: 'Usual range up to' }, z.number().optional()),
    }).optional(),
  ),
  /** Said under the label: what to enter, beyond its name ("Bitte übersetzen Sie den Text oben ins Türkische."). */
  hint: field({ de: 'Hinweis zur Angabe', en: 'Hint on the entry' }, z.string().trim().max(500).optional()),
  /** A text of several lines (a translation), as a text area of that many rows. */
  lines: field({ de: 'Zeilen', en: 'Lines' }, z.number().int().min(2).max(30).optional()),
  /**
   * The language a text is written in (a translation), as HTML's lang names it ("tr", "ckb"): the
   * field says so to screen readers and spell checkers, and is written in the language's direction.
   */
  lang: field(
    { de: 'Sprache der Angabe', en: 'Language of the entry' },
    z.string().regex(/^[a-z]{2,3}$/, says('Die Sprache wird mit zwei oder drei Kleinbuchstaben angegeben, zum Beispiel tr.', 'The language is given in two or three lower-case letters, for example tr.')).optional(),
  ),
  dir: field({ de: 'Schreibrichtung', en: 'Writing direction' }, z.enum(['ltr', 'rtl']).optional()),
  /** Offers a comment on this field (always so for a field with a plausible range). */
  comment: field({ de: 'Kommentar anbieten', en: 'Offer a comment' }, z.boolean().optional()),
});
export type AnswerField = z.infer<typeof answerFieldSchema>;

/** Where an answer keeps its per-field comments; no field key can be this (they start with a letter). */
export const COMMENTS_KEY = '_kommentare';

export function hasComment(f: AnswerField): boolean {
  return f.comment === true || f.plausible !== undefined;
}

/** True when a number lies outside the field's plausible range. */
export function implausible(f: AnswerField, value: number): boolean {
  return (f.plausible?.min !== undefined && value < f.plausible.min) || (f.plausible?.max !== undefined && value > f.plausible.max);
}

export function plausibleRangeText(f: AnswerField): string {
  const { min, max } = f.plausible ?? {};
  const fmt = (n: number) => n.toLocaleString('de-DE');
  if (min !== undefined && max !== undefined) return `${fmt(min)} bis ${fmt(max)}`;
  if (min !== undefined) return `ab ${fmt(min)}`;
  return max !== undefined ? `bis ${fmt(max)}` : '';
}

const departmentIds = z
  .array(z.uuid())
  .min(1, says('Bitte wählen Sie mindestens eine Dienststelle.', 'Please choose at least one department.'))
  .max(40, says('Bitte wählen Sie höchstens 40 Dienststellen.', 'Please choose at most 40 departments.'))
  .refine((ids) => new Set(ids).size === ids.length, says('Bitte wählen Sie jede Dienststelle nur einmal.', 'Please choose each department only once.'));
const answerForm = z.array(answerFieldSchema).max(50).refine(
  (fields) => new Set(fields.map((f) => f.key)).size === fields.length,
  says('Jede Angabe braucht einen eigenen Schlüssel.', 'Each entry needs a key of its own.'),
);

export const startForm = z.strictObject({
  subject: writtenText({ de: 'Betreff', en: 'Subject' }, { min: 3, max: 200 }, {
    missing: { de: 'Bitte geben Sie einen Betreff ein.', en: 'Please enter a subject.' },
    tooShort: { de: 'Bitte geben Sie einen Betreff mit mindestens 3 Zeichen ein.', en: 'Please enter a subject of at least 3 characters.' },
  }),
  question: writtenText({ de: 'Frage an die Dienststellen', en: 'Question to the departments' }, { min: 10, max: 20_000 }, {
    missing: { de: 'Bitte stellen Sie Ihre Frage an die Dienststellen.', en: 'Please ask your question to the departments.' },
    tooShort: {
      de: 'Bitte stellen Sie die Frage ausführlicher, mit mindestens 10 Zeichen.',
      en: 'Please ask the question in more detail, in at least 10 characters.',
    },
  }),
  departmentIds: field({ de: 'Dienststellen', en: 'Departments' }, departmentIds, {
    missing: { de: 'Bitte wählen Sie mindestens eine Dienststelle.', en: 'Please choose at least one department.' },
  }),
  /** Answer deadline: "10 Arbeitstage", {amount: 10, unit: "business-days"}, a day, or a code ("10bd"; tests use seconds). */
  deadline: deadlineField({ de: 'Antwortfrist', en: 'Answer deadline' }).optional(),
  answerForm: field({ de: 'Strukturierte Antwort', en: 'Structured answer' }, answerForm.optional()),
  /** A form of its own per department (by id), e.g. the indicators each one reports; the others get answerForm. */
  answerForms: field({ de: 'Formulare je Dienststelle', en: 'Forms per department' }, z.record(z.uuid(), answerForm).optional()),
  /** false: no consolidation task; the calling procedure reviews the answers itself. */
  consolidate: field({ de: 'Zusammenführen', en: 'Consolidate' }, z.boolean().optional()),
}).refine((v) => Object.keys(v.answerForms ?? {}).every((id) => v.departmentIds.includes(id)), {
  path: ['answerForms'],
  ...says('Eigene Formulare gibt es nur für Dienststellen, die angefragt werden.', 'Forms of their own are only for departments that are asked.'),
});
export type ConsultationStart = z.infer<typeof startForm>;

/**
 * What a procedure's consultation may ask beyond the start form: others than departments (a
 * measure's providers), through a module's participant source. `departmentIds` may then be empty.
 */
export type ConsultationInput = ConsultationStart & {
  participants?: ParticipantRef[];
  /** The key of a module's letter writer (letters.ts) that mails the requests instead of the engine's own mail. */
  letter?: string;
};

export const consolidationForm = z.strictObject({
  summary: writtenText({ de: 'Zusammenfassung der Antworten', en: 'Summary of the answers' }, { min: 3, max: 20_000 }, {
    missing: { de: 'Bitte fassen Sie das Ergebnis zusammen.', en: 'Please summarise the result.' },
    tooShort: { de: 'Bitte fassen Sie das Ergebnis mit mindestens 3 Zeichen zusammen.', en: 'Please summarise the result in at least 3 characters.' },
  }),
  followUp: field({ de: 'Weiteres Vorgehen', en: 'Next steps' }, z.string().trim().max(5000).optional()),
});

export const consultationTaskForms = {
  'antworten-zusammenfuehren': consolidationForm,
} as const;

/** The form a department's request shows: its own, or the consultation's common one. */
export function formFor(input: Pick<ConsultationStart, 'answerForm' | 'answerForms'>, departmentId: string): AnswerField[] {
  return input.answerForms?.[departmentId] ?? input.answerForm ?? [];
}

/**
 * Validates a structured answer against its form: numbers within range, required fields present,
 * and a comment for every value outside its plausible range.
 */
export function answerDataSchema(fields: AnswerField[]) {
  const shape: Record<string, z.ZodType> = {};
  const commented = fields.filter(hasComment);
  if (commented.length > 0) {
    shape[COMMENTS_KEY] = z
      .strictObject(Object.fromEntries(commented.map((f) => [f.key, z.string().trim().min(1).max(2000).optional()])))
      .optional();
  }
  for (const f of fields) {
    let field: z.ZodType;
    if (f.type === 'number') {
      let n = z.number({ error: 'eine Zahl' });
      if (f.min !== undefined) n = n.min(f.min, `mindestens ${f.min}`);
      if (f.max !== undefined) n = n.max(f.max, `höchstens ${f.max}`);
      field = n;
    } else if (f.type === 'yesno') {
      field = z.boolean({ error: 'Bitte wählen Sie Ja oder Nein.' });
    } else {
      field = z.string().trim().max(10_000);
    }
    shape[f.key] = f.required ? field : field.optional();
  }
  return z.strictObject(shape).superRefine((data, ctx) => {
    const comments = (data[COMMENTS_KEY] ?? {}) as Record<string, string | undefined>;
    for (const f of commented) {
      const value = data[f.key];
      if (f.type !== 'number' || typeof value !== 'number' || !implausible(f, value) || comments[f.key]) continue;
      ctx.addIssue({
        code: 'custom',
        path: [COMMENTS_KEY, f.key],
        message: `Der Wert liegt außerhalb des üblichen Bereichs (${plausibleRangeText(f)}); bitte erläutern Sie ihn im Kommentar.`,
      });
    }
  });
}
