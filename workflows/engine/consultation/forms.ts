import { z } from 'zod';
import { durationSchema } from '../../../calendar/duration';

/** A field of a structured answer form (e.g. one indicator value per department). */
export const answerFieldSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'nur Kleinbuchstaben, Ziffern und _'),
  label: z.string().trim().min(1).max(200),
  type: z.enum(['text', 'number']),
  required: z.boolean().default(false),
  unit: z.string().max(40).optional(),
  /** Hard limits: a value outside is refused. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** The usual range: a value outside is taken only with the department's comment on it. */
  plausible: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  /** Offers a comment on this field (always so for a field with a plausible range). */
  comment: z.boolean().optional(),
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

export const startForm = z.strictObject({
  subject: z.string().trim().min(3, 'Bitte einen Betreff angeben').max(200),
  question: z.string().trim().min(10, 'Bitte die Frage ausführlicher stellen (mindestens 10 Zeichen)').max(20_000),
  departmentIds: z
    .array(z.uuid('keine gültige Dienststellen-ID'))
    .min(1, 'mindestens eine Dienststelle')
    .max(40)
    .refine((ids) => new Set(ids).size === ids.length, 'jede Dienststelle nur einmal'),
  /** Answer deadline: "10bd" is ten business days; tests use seconds. */
  deadline: durationSchema.optional(),
  answerForm: z.array(answerFieldSchema).max(50).optional(),
  /** A form of its own per department (by id), e.g. the indicators each one reports; the others get answerForm. */
  answerForms: z.record(z.uuid('keine gültige Dienststellen-ID'), z.array(answerFieldSchema).max(50)).optional(),
  /** false: no consolidation task; the calling procedure reviews the answers itself. */
  consolidate: z.boolean().optional(),
}).refine((v) => Object.keys(v.answerForms ?? {}).every((id) => v.departmentIds.includes(id)), {
  path: ['answerForms'],
  message: 'Formulare nur für angefragte Dienststellen',
});
export type ConsultationStart = z.infer<typeof startForm>;

export const consolidationForm = z.strictObject({
  summary: z.string().trim().min(3, 'Bitte das Ergebnis zusammenfassen').max(20_000),
  followUp: z.string().trim().max(5000).optional(),
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
