import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  ChildWorkflowFailure,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { cancelReasonSignal, procedureViewQuery } from './contract';
import { installHumanTaskHandlers, openTaskRefs } from './human-task';
import { procedure } from './procedure-state';
import type { ConsultationTiming, TaskTiming } from './timing';

const { finishProcedure, registerProcedure } = proxyActivities<EngineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
});

/** What every procedure workflow is started with. */
export interface ProcedureArgs<I, S = Record<string, never>> {
  input: I;
  /** Null when the system started it (a schedule, a feed import), not a person. */
  startedBy: string | null;
  /** The engine's waiting times: for every task, and for every consultation. */
  timing: TaskTiming;
  consultation: ConsultationTiming;
  /** The procedure module's own settings (its settings.ts), as configured when it started. */
  settings: S;
  /** Set when another procedure started this one as its child. */
  parent?: { id: string; title: string };
}

export interface ProcedureResult {
  /** The end as people read it: "Freigegeben", "Nicht relevant", … */
  outcome: string;
}

function rootMessage(err: Error): string {
  let e: Error = err;
  while (e.cause instanceof Error) e = e.cause;
  return e.message;
}

/**
 * The frame around every procedure: handlers for task completion and status, the final
 * status in the database, and clean-up of open tasks when a manager cancels.
 */
export async function runProcedure<R extends ProcedureResult>(
  type: string,
  args: ProcedureArgs<unknown, unknown>,
  body: () => Promise<R>,
): Promise<R> {
  procedure.type = type;
  installHumanTaskHandlers();
  let cancel: { reason: string; by: string } | undefined;
  setHandler(cancelReasonSignal, (c) => {
    cancel = c;
  });
  setHandler(procedureViewQuery, () => ({
    ...procedure.nextStep(openTaskRefs()),
    steps: [...procedure.steps],
  }));
  const procedureId = workflowInfo().workflowId;
  try {
    if (args.parent) {
      // A child writes its own row (through the one start service's registration), so its tasks have their procedure.
      await registerProcedure({
        procedureId,
        parentId: args.parent.id,
        type,
        title: args.parent.title,
        input: args.input,
        startedBy: args.startedBy,
      });
    }
    const result = await body();
    await finishProcedure({ procedureId, status: 'completed', outcome: result.outcome });
    procedure.finish(result.outcome);
    await condition(allHandlersFinished);
    return result;
  } catch (err) {
    if (!isCancellation(err)) {
      // A failure the workflow cannot retry past ends the procedure; the list must not show it running.
      if (err instanceof ApplicationFailure || err instanceof ActivityFailure || err instanceof ChildWorkflowFailure) {
        await finishProcedure({ procedureId, status: 'failed', outcome: `Fehlgeschlagen: ${rootMessage(err)}` });
        procedure.finish('Fehlgeschlagen');
      }
      throw err;
    }
    const outcome = cancel ? `Abgebrochen: ${cancel.reason}` : 'Abgebrochen';
    await CancellationScope.nonCancellable(() =>
      finishProcedure({ procedureId, status: 'cancelled', outcome, actorId: cancel?.by }),
    );
    procedure.finish(outcome);
    throw err;
  }
}
