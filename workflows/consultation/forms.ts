import { z } from 'zod';
import { durationSchema } from '../../calendar/duration';

/** A field of a structured answer form (e.g. one indicator value per department). */
export const answerFieldSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'nur Kleinbuchstaben, Ziffern und _'),
  label: z.string().trim().min(1).max(200),
  type: z.enum(['text', 'number']),
  required: z.boolean().default(false),
  unit: z.string().max(40).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type AnswerField = z.infer<typeof answerFieldSchema>;

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
});
export type ConsultationStart = z.infer<typeof startForm>;

export const consolidationForm = z.strictObject({
  summary: z.string().trim().min(3, 'Bitte das Ergebnis zusammenfassen').max(20_000),
  followUp: z.string().trim().max(5000).optional(),
});

export const forms = {
  'antworten-zusammenfuehren': consolidationForm,
} as const;

/** Validates a structured answer against its form: numbers within range, required fields present. */
export function answerDataSchema(fields: AnswerField[]) {
  const shape: Record<string, z.ZodType> = {};
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
  return z.strictObject(shape);
}
