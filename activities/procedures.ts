import { and, eq, inArray } from 'drizzle-orm';
import { addDuration, subtractDuration } from '../calendar/business-days';
import { writeAudit } from '../db/audit';
import type { Db } from '../db/client';
import { consultationRequests, procedures, tasks, type ProcedureStatus } from '../db/schema';
import { recordStepEvent } from './procedure-events';
import { procedureModule } from '../workflows/registry';
import { writeProcedureRow } from './start-procedure';

export interface FinishProcedureInput {
  procedureId: string;
  status: Exclude<ProcedureStatus, 'running'>;
  outcome: string;
  actorId?: string;
}

export interface RegisterProcedureInput {
  procedureId: string;
  parentId: string;
  type: string;
  title: string;
  input: unknown;
  startedBy: string | null;
}

export function procedureActivities({ db }: { db: Db }) {
  return {
    /**
     * A child procedure's row: the start service writes top-level ones, a parent's child writes its
     * own, titled by its parent where its module says how (here, not in the workflow: a title is no command).
     */
    async registerProcedure(input: RegisterProcedureInput): Promise<void> {
      await db.transaction(async (tx) => {
        const childTitleOf = procedureModule(input.type)?.childTitleOf;
        const [parent] = childTitleOf ? await tx.select({ title: procedures.title }).from(procedures).where(eq(procedures.id, input.parentId)) : [];
        const title = parent && childTitleOf ? childTitleOf(parent.title) : input.title;
        await writeProcedureRow(
          tx,
          { id: input.procedureId, parentId: input.parentId, type: input.type, title, input: input.input, startedBy: input.startedBy },
          'parent',
        );
      });
    },

    /** `duration` before `at`, in business days where it says "bd": the workflow has no holiday calendar. */
    async momentBefore(input: { at: number; duration: string }): Promise<number> {
      return subtractDuration(new Date(input.at), input.duration).getTime();
    },

    /** `duration` after `at` (a follow-up's day), in business days where it says "bd". */
    async momentAfter(input: { at: number; duration: string }): Promise<number> {
      return addDuration(new Date(input.at), input.duration).getTime();
    },

    async recordStep(input: { procedureId: string; key: string; label: string; detail?: Record<string, unknown> }) {
      await recordStepEvent(db, { ...input, kind: 'step', current: true });
    },

    async finishProcedure(input: FinishProcedureInput): Promise<void> {
      await db.transaction(async (tx) => {
        // Open tasks of an ended procedure can no longer be done; they leave every inbox.
        await tx
          .update(tasks)
          .set({ status: 'cancelled' })
          .where(and(eq(tasks.procedureId, input.procedureId), inArray(tasks.status, ['open', 'claimed'])));
        // A request link of an ended consultation says "no longer open" instead of taking an answer nobody reads.
        await tx
          .update(consultationRequests)
          .set({ status: 'cancelled' })
          .where(and(eq(consultationRequests.consultationId, input.procedureId), eq(consultationRequests.status, 'pending')));
        await tx
          .update(procedures)
          .set({ status: input.status, outcome: input.outcome, currentStep: input.outcome, currentStepKey: null, endedAt: new Date() })
          .where(eq(procedures.id, input.procedureId));
        await recordStepEvent(tx, {
          procedureId: input.procedureId,
          key: `procedure:${input.status}`,
          kind: `procedure.${input.status}`,
          label: input.outcome,
        });
        await writeAudit(tx, {
          actorId: input.actorId ?? null,
          action: `procedure.${input.status}`,
          entityType: 'procedure',
          entityId: input.procedureId,
          procedureId: input.procedureId,
          detail: { outcome: input.outcome },
          key: `procedure:${input.procedureId}:${input.status}`,
        });
      });
    },
  };
}
