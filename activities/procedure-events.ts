import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { procedureEvents, procedures } from '../db/schema';
import { recordedStep } from '../workflows/step-map';

export interface StepEvent {
  procedureId: string;
  /** Unique within the procedure: a retried activity records the step once. */
  key: string;
  kind: string;
  label: string;
  detail?: Record<string, unknown>;
  /** Whether this step becomes the procedure's visible current step. */
  current?: boolean;
}

export async function recordStepEvent(db: DbOrTx, event: StepEvent): Promise<void> {
  await db
    .insert(procedureEvents)
    .values({
      procedureId: event.procedureId,
      key: event.key,
      kind: event.kind,
      label: event.label,
      detail: event.detail ?? null,
    })
    .onConflictDoNothing({ target: [procedureEvents.procedureId, procedureEvents.key] });
  if (event.current) {
    await db.update(procedures).set({ currentStep: event.label, currentStepKey: recordedStep(event) ?? null }).where(eq(procedures.id, event.procedureId));
  }
}
