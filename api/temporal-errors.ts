import { ENGINE_UNAVAILABLE } from './engine-errors';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { engineUnreachable } from '../commands/engine-connection';
import { taskFailures, type FieldIssue } from '../workflows/engine/contract';
import { HttpError } from './errors';

export function isNotReady(err: unknown): boolean {
  return (
    err instanceof WorkflowUpdateFailedError &&
    err.cause instanceof ApplicationFailure &&
    err.cause.type === taskFailures.notReady
  );
}

/** What needs the engine at once (completing a task) while it is away: nothing happened, the same request may be sent again. */
export function engineUnavailable(): HttpError {
  // One code and one message for an engine outage, whichever path finds it (see engine-errors.ts).
  return new HttpError(503, 'unavailable', ENGINE_UNAVAILABLE);
}

/** Turns what the workflow said about a completion into the API's error shape. */
export function updateErrorToHttp(err: unknown): unknown {
  if (engineUnreachable(err)) return engineUnavailable();
  if (err instanceof WorkflowNotFoundError) {
    return HttpError.conflict('Der Vorgang läuft nicht mehr');
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    switch (failure.type) {
      case taskFailures.notOpen:
        return HttpError.conflict(failure.message);
      case taskFailures.notReady:
        return new HttpError(503, 'procedure_catching_up', 'Der Vorgang wird gerade fortgesetzt; bitte gleich erneut versuchen');
      case taskFailures.fourEyes:
        return new HttpError(403, 'four_eyes', failure.message);
      case taskFailures.invalidData: {
        const details = failure.details?.[0] as { fields?: FieldIssue[] } | undefined;
        return HttpError.badRequest(failure.message, details?.fields);
      }
    }
  }
  if (err instanceof Error && /workflow execution already completed/i.test(err.message)) {
    return HttpError.conflict('Der Vorgang ist bereits abgeschlossen');
  }
  return err;
}
