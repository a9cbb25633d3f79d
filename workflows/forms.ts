import type { z } from 'zod';
import { forms as consultation } from './consultation/forms';
import { forms as fundingCallReview } from './funding-call-review/forms';
import { forms as integrationMonitoring } from './integration-monitoring/forms';
import { forms as studyEvaluation } from './study-evaluation/forms';
import { forms as vorgangMitFreigabe } from './vorgang-mit-freigabe/forms';

/** Every task form kind of every procedure: the one table the API and the update validator read. */
export const formSchemas = {
  ...vorgangMitFreigabe,
  ...consultation,
  ...fundingCallReview,
  ...studyEvaluation,
  ...integrationMonitoring,
} as const satisfies Record<string, z.ZodType>;

export type FormKind = keyof typeof formSchemas;
export type FormData<K extends FormKind> = z.infer<(typeof formSchemas)[K]>;

export function isFormKind(kind: string): kind is FormKind {
  return Object.prototype.hasOwnProperty.call(formSchemas, kind);
}
