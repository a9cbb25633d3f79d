import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { z } from 'zod';
import type { Activities } from '../../activities';
import { formSchemas, type FormData, type FormKind } from '../forms';
import { procedure } from './procedure-state';
import {
  completeTaskUpdate,
  taskFailures,
  type CandidateRole,
  type CompleteTaskRequest,
  type FieldIssue,
} from './shared';
import type { TaskTiming } from './timing';

// The task row is one short, idempotent transaction on the critical path of every click:
// as a local activity it runs inside the workflow task, without two more trips through the server.
const { createTask, completeTaskRow } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const { remindTask, escalateTask, cancelTaskRow } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export interface HumanTaskSpec<K extends FormKind> {
  /** Unique within the procedure; a loop names each round ("work-2"). */
  key: string;
  title: string;
  formKind: K;
  assigneeId?: string;
  candidateRole?: CandidateRole;
  /** Four-eyes: people who may not complete this task (they did the step it checks). */
  excludedUserIds?: string[];
  priority?: 1 | 2 | 3;
  context?: Record<string, unknown>;
  timing: TaskTiming;
  /** A fixed due date (epoch ms) instead of timing.due counted from now. */
  dueAt?: number;
  /** Why the task goes away if its scope is cancelled (a deadline passed); shown in the history. */
  cancelReason?: string;
  /**
   * What the form kind's schema cannot know because it depends on this task (which fields are open):
   * problems by path inside the form data. Run by the update's validator, so a bad completion is a 400.
   */
  check?: (data: FormData<K>) => FieldIssue[];
}

export interface TaskOutcome<K extends FormKind> {
  taskId: string;
  data: FormData<K>;
  completedBy: string;
  onBehalfOfId?: string;
}

interface TaskState {
  taskId: string;
  title: string;
  formKind: FormKind;
  excludedUserIds: string[];
  check?: (data: never) => FieldIssue[];
  status: 'open' | 'completing' | 'completed' | 'cancelled';
  completion?: CompleteTaskRequest;
}

const tasks = new Map<string, TaskState>();

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: ['data', ...i.path.map(String)].join('.'), message: i.message }));
}

function validateCompletion(request: CompleteTaskRequest): void {
  const task = tasks.get(request.taskKey);
  if (!task) {
    throw ApplicationFailure.nonRetryable(`Die Aufgabe ${request.taskKey} wird gerade angelegt`, taskFailures.notReady);
  }
  if (task.status !== 'open') {
    throw ApplicationFailure.nonRetryable(`Die Aufgabe ${request.taskKey} ist nicht mehr offen`, taskFailures.notOpen);
  }
  if (task.excludedUserIds.includes(request.actorId)) {
    throw ApplicationFailure.nonRetryable(
      'Vier-Augen-Prinzip: Wer den geprüften Schritt erledigt hat, darf ihn nicht selbst freigeben',
      taskFailures.fourEyes,
    );
  }
  const parsed = formSchemas[task.formKind].safeParse(request.data);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable('Die Formulardaten sind ungültig', taskFailures.invalidData, {
      fields: fieldIssues(parsed.error),
    });
  }
  const problems = task.check?.(parsed.data as never) ?? [];
  if (problems.length > 0) {
    throw ApplicationFailure.nonRetryable('Die Formulardaten sind ungültig', taskFailures.invalidData, {
      fields: problems.map((p) => ({ path: `data.${p.path}`, message: p.message })),
    });
  }
}

/** Registered once per workflow, before the procedure's first await, so no update can miss it. */
export function installHumanTaskHandlers(): void {
  setHandler(
    completeTaskUpdate,
    async (request) => {
      const task = tasks.get(request.taskKey);
      if (!task) throw ApplicationFailure.nonRetryable('unknown task', taskFailures.notOpen);
      task.status = 'completing';
      task.completion = request;
      // In parallel branches the next wait point may be a task that is already open.
      await procedure.nextWaitPoint(() => task.status === 'completed' && openTaskRefs().length > 0);
      return procedure.nextStep(openTaskRefs());
    },
    { validator: validateCompletion },
  );
}

export function openTaskRefs(): { taskId: string; taskKey: string; title: string }[] {
  return [...tasks.entries()]
    .filter(([, t]) => t.status === 'open')
    .map(([taskKey, t]) => ({ taskId: t.taskId, taskKey, title: t.title }));
}

async function untilCompletedOr(deadline: number | null, task: TaskState): Promise<boolean> {
  const done = () => task.status !== 'open';
  if (deadline === null) return done();
  const wait = deadline - Date.now();
  if (wait <= 0) return done();
  return condition(done, wait);
}

/**
 * A task for a person: writes the task row (idempotently), notifies, waits for the completion
 * update, reminds and escalates on the way, and returns the validated form data.
 */
export async function humanTask<K extends FormKind>(spec: HumanTaskSpec<K>): Promise<TaskOutcome<K>> {
  const { workflowId } = workflowInfo();
  const excludedUserIds = spec.excludedUserIds ?? [];
  const created = await createTask({
    procedureId: workflowId,
    procedureType: procedure.type,
    taskKey: spec.key,
    title: spec.title,
    formKind: spec.formKind,
    assigneeId: spec.assigneeId,
    candidateRole: spec.candidateRole,
    excludedUserIds,
    priority: spec.priority ?? 2,
    context: spec.context ?? {},
    timing: spec.timing,
    dueAt: spec.dueAt,
    createdAt: Date.now(),
  });
  const task: TaskState = {
    taskId: created.taskId,
    title: spec.title,
    formKind: spec.formKind,
    excludedUserIds,
    check: spec.check as TaskState['check'],
    status: 'open',
  };
  tasks.set(spec.key, task);
  procedure.reachedWaitPoint(spec.title);

  try {
    if (!(await untilCompletedOr(created.remindAt, task)) && created.remindAt !== null) {
      await remindTask({ taskId: task.taskId });
    }
    if (!(await untilCompletedOr(created.escalateAt, task)) && created.escalateAt !== null) {
      await escalateTask({ taskId: task.taskId });
    }
    await condition(() => task.status === 'completing');
  } catch (err) {
    // Cancelled while open (its procedure or a deadline around it): the row must not stay in an inbox.
    if (isCancellation(err) && task.status === 'open') {
      task.status = 'cancelled';
      const reason = spec.cancelReason ?? 'abgebrochen';
      await CancellationScope.nonCancellable(() =>
        cancelTaskRow({ taskId: task.taskId, procedureId: workflowId, reason }),
      );
    }
    throw err;
  }

  const completion = task.completion as CompleteTaskRequest;
  const data = formSchemas[spec.formKind].parse(completion.data) as FormData<K>;
  await completeTaskRow({
    taskId: task.taskId,
    procedureId: workflowId,
    data,
    actorId: completion.actorId,
    onBehalfOfId: completion.onBehalfOfId,
    requestId: completion.requestId,
  });
  task.status = 'completed';
  return { taskId: task.taskId, data, completedBy: completion.actorId, onBehalfOfId: completion.onBehalfOfId };
}
