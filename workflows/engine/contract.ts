import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

// Imported by the workflows, the activities and the API alike: the contract between a procedure's
// workflow and the rest of the system (its tasks, its status, its cancellation).

export type CandidateRole = 'staff' | 'manager' | 'admin';

export interface CompleteTaskRequest {
  taskKey: string;
  data: unknown;
  actorId: string;
  /** Vertretung: set when the actor completes the task of an absent colleague. */
  onBehalfOfId?: string;
  requestId: string;
}

export interface OpenTaskRef {
  taskId: string;
  taskKey: string;
  title: string;
}

/** What a completion leads to: the procedure's next wait point (DESIGN.md, human-task contract 3). */
export interface NextStep {
  procedureId: string;
  /** The procedure's type: with currentStepKey, the console names the step in its language (app.steps.<type>). */
  type: string;
  finished: boolean;
  currentStep: string | null;
  currentStepKey: string | null;
  openTasks: OpenTaskRef[];
}

export interface ProcedureView extends NextStep {
  steps: string[];
}

export const completeTaskUpdate = defineUpdate<NextStep, [CompleteTaskRequest]>('completeTask');
export const procedureViewQuery = defineQuery<ProcedureView>('procedureView');

/** Sent just before a Temporal cancellation, so the procedure can record why it was stopped. */
export const cancelReasonSignal = defineSignal<[{ reason: string; by: string }]>('cancelReason');

/** Failure types the update validator raises; the API maps them to HTTP statuses. */
export const taskFailures = {
  notOpen: 'TaskNotOpen',
  /** The row exists but the workflow has not yet seen its createTask result (a worker crashed in between). */
  notReady: 'TaskNotReady',
  fourEyes: 'FourEyesViolation',
  invalidData: 'InvalidFormData',
} as const;

export interface FieldIssue {
  path: string;
  message: string;
}
