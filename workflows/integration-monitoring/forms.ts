import { z } from 'zod';
import { approvalForm } from '../engine/approval-form';
import { QUARTER_PATTERN } from './quarter';

// Integrationsmonitoring: shared by the API (validation, OpenAPI), the workflow (update validator) and the console.

export const startForm = z.strictObject({
  quarter: z.string().regex(QUARTER_PATTERN, 'ein Quartal wie 2026-Q3'),
});
export type MonitoringStart = z.infer<typeof startForm>;

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'kein Feld dieses Formulars');

/** Staff settle each open value: the value (or null: not to be had) and why. */
export const clarificationForm = z.strictObject({
  values: z.record(
    fieldKey,
    z.strictObject({
      value: z.number({ error: 'eine Zahl oder null (liegt nicht vor)' }).nullable(),
      comment: z.string().trim().min(3, 'Bitte die Klärung kurz begründen (mindestens 3 Zeichen)').max(2000),
    }),
  ),
});
export type Clarification = z.infer<typeof clarificationForm>;

/** The office's reading of the quarter: an overall assessment and, per indicator (by key), a comment. */
export const commentForm = z.strictObject({
  summary: z.string().trim().min(10, 'Bitte das Quartal einschätzen (mindestens 10 Zeichen)').max(10_000),
  comments: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,23}$/, 'kein Indikator-Schlüssel'), z.string().trim().max(5000)).default({}),
});
export type MonitoringComment = z.infer<typeof commentForm>;

export const taskForms = {
  'monitoring-klaerung': clarificationForm,
  'monitoring-kommentar': commentForm,
  'monitoring-freigabe': approvalForm,
} as const;
