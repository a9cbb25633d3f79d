import { z } from 'zod';

// Shared by the API (validation, OpenAPI), the workflow (update validator) and the console's forms.

export const startForm = z.strictObject({
  studyId: z.uuid('keine gültige Studien-ID'),
});
export type StartInput = z.infer<typeof startForm>;

export const summaryForm = z.strictObject({
  summary: z
    .string()
    .trim()
    .min(20, 'Bitte die Studie zusammenfassen (mindestens 20 Zeichen)')
    .max(8000, 'höchstens 8000 Zeichen'),
  /** Relevance for the city: 1 = kaum, 5 = sehr hoch. From 2 on, the named departments are asked. */
  relevance: z.number({ error: 'eine Zahl von 1 bis 5' }).int().min(1, 'von 1 bis 5').max(5, 'von 1 bis 5'),
  departmentIds: z
    .array(z.uuid('keine gültige Dienststellen-ID'))
    .max(40)
    .refine((ids) => new Set(ids).size === ids.length, 'jede Dienststelle nur einmal'),
  keyFindings: z.array(z.string().trim().min(3, 'mindestens 3 Zeichen je Erkenntnis').max(500)).max(20, 'höchstens 20 Erkenntnisse'),
});
export type Summary = z.infer<typeof summaryForm>;

/** The second reader: approve, or send back to the person who summarised, saying what to change. */
export const reviewForm = z
  .strictObject({
    decision: z.enum(['approve', 'revise']),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'Bitte sagen, was überarbeitet werden soll',
  });

export const taskForms = {
  'studie-zusammenfassen': summaryForm,
  'studie-gegenlesen': reviewForm,
} as const;
