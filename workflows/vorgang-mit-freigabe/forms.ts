import { z } from 'zod';
import { approvalForm } from '../engine/approval-form';

// Shared by the API (validation, OpenAPI), the workflow (update validator) and the console's forms.

export const startForm = z.strictObject({
  title: z.string().trim().min(3, 'Bitte einen Titel mit mindestens 3 Zeichen angeben').max(200),
  description: z.string().max(10_000).optional(),
  /** A named staff member; without one the task goes to the staff group. */
  assigneeId: z.uuid().optional(),
  priority: z.number().int().min(1).max(3).optional(),
});
export type StartInput = z.infer<typeof startForm>;

export const workForm = z.strictObject({
  result: z.string().trim().min(3, 'Bitte das Ergebnis beschreiben (mindestens 3 Zeichen)').max(10_000),
});

export const taskForms = {
  'vorgang-bearbeiten': workForm,
  freigabe: approvalForm,
} as const;
