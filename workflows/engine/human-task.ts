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
import type { EngineActivities } from '../../activities';
import {
  completeTaskUpdate,
  taskFailures,
  type CandidateRole,
  type CompleteTaskRequest,
  type FieldIssue,
} from './contract';
import { procedure } from './procedure-state';
import { stepKeyOf } from '../step-map';
import type { TaskTiming } from './timing';

// The task row is one short, idempotent transaction on the critical path of every click:
// as a local activity it runs inside the workflow task, without two more trips through the server.
const { createTask, completeTaskRow } = proxyLocalActivities<EngineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const { remindTask, escalateTask, cancelTaskRow } = proxyActivities<EngineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** A procedure module's task forms: form kind → the zod schema its data must pass. */
export type FormTable = Record<string, z.ZodType>;
export type FormKindOf<F extends FormTable> = keyof F & string;
export type FormData<F extends FormTable, K extends FormKindOf<F>> = z.output<F[K]>;

export interface HumanTaskSpec<F extends FormTable, K extends FormKindOf<F>> {
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
  check?: (data: FormData<F, K>) => FieldIssue[];
}

export interface TaskOutcome<D> {
  taskId: string;
  data: D;
  completedBy: string;
  onBehalfOfId?: string;
}

/** The people who did a step: its actor and, under Vertretung, the colleague they stood in for. */
export function doersOf(outcome: TaskOutcome<unknown>): string[] {
  return [outcome.completedBy, ...(outcome.onBehalfOfId ? [outcome.onBehalfOfId] : [])];
}

/** The person responsible for a completed step: the absent colleague a substitute stood in for, else the actor. */
export function ownerOf(outcome: TaskOutcome<unknown>): string {
  return outcome.onBehalfOfId ?? outcome.completedBy;
}

interface TaskState {
  taskId: string;
  title: string;
  schema: z.ZodType;
  excludedUserIds: string[];
  check?: (data: never) => FieldIssue[];
  status: 'open' | 'completing' | 'completed' | 'cancelled';
  completion?: CompleteTaskRequest;
}

const tasks = new Map<string, TaskState>();

/** The API's field errors (api/errors.ts zodFields): an unknown field is named by its own path. */
function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const path = ['data', ...i.path.map(String)].join('.');
    if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: `${path}.${key}`, message: 'unbekanntes Feld' }));
    return [{ path, message: i.message }];
  });
}

/**
 * Runs when a completion arrives, before Temporal accepts it (never on replay): the task is open,
 * the person is not excluded by the four-eyes rule, the data passes the form's schema and the task's own check.
 */
function validateCompletion(request: CompleteTaskRequest): void {
  const task = tasks.get(request.taskKey);
  if (!task) {
    throw ApplicationFailure.nonRetryable(`Die Aufgabe ${request.taskKey} wird gerade angelegt`, taskFailures.notReady);
  }
  if (task.status !== 'open') {
    throw ApplicationFailure.nonRetryable(`Die Aufgabe ${request.taskKey} ist nicht mehr offen`, taskFailures.notOpen);
  }
  if (task.excludedUserIds.includes(request.actorId) || (request.onBehalfOfId && task.excludedUserIds.includes(request.onBehalfOfId))) {
    throw ApplicationFailure.nonRetryable(
      'Vier-Augen-Prinzip: Wer den geprüften Schritt erledigt hat, darf ihn nicht selbst freigeben',
      taskFailures.fourEyes,
    );
  }
  const parsed = task.schema.safeParse(request.data);
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

async function runTask<F extends FormTable, K extends FormKindOf<F>>(
  forms: F,
  spec: HumanTaskSpec<F, K>,
): Promise<TaskOutcome<FormData<F, K>>> {
  const { workflowId } = workflowInfo();
  const excludedUserIds = [...new Set(spec.excludedUserIds ?? [])];
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
    schema: forms[spec.formKind] as z.ZodType,
    excludedUserIds,
    check: spec.check as TaskState['check'],
    status: 'open',
  };
  tasks.set(spec.key, task);
  procedure.reachedWaitPoint(spec.title, stepKeyOf(spec.key));

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
  // The activity validates the data once and returns the validated value; its result is kept in the
  // history, so a replay years later uses that value and never runs a form schema changed since.
  const recorded = await completeTaskRow({
    taskId: task.taskId,
    procedureId: workflowId,
    formKind: spec.formKind,
    data: completion.data,
    actorId: completion.actorId,
    onBehalfOfId: completion.onBehalfOfId,
    requestId: completion.requestId,
  });
  task.status = 'completed';
  return {
    taskId: task.taskId,
    data: recorded.data as FormData<F, K>,
    completedBy: completion.actorId,
    onBehalfOfId: completion.onBehalfOfId,
  };
}

/** A work step sent back by its approver: what they said, and the step as it was. */
export interface Returned<D> {
  round: number;
  comment: string | null;
  previous: TaskOutcome<D>;
  approverId: string;
}

export type Approval<W, A> =
  | { approved: true; rounds: number; work: TaskOutcome<W>; approval: TaskOutcome<A> }
  | { approved: false; rounds: number };

export const MAX_APPROVAL_ROUNDS = 10;

export function notApprovedOutcome(rounds: number): string {
  return `Nach ${rounds} Runden nicht freigegeben`;
}

type ApprovalData = { decision: string; comment?: string | null };

/**
 * The human tasks of one procedure, bound to its form table: `task` for a single task, and
 * `untilApproved` for the four-eyes revision loop (work → approval by someone who did not do the
 * work → back with the comment, at most `maxRounds` rounds).
 */
export function humanTasks<F extends FormTable>(forms: F) {
  function task<K extends FormKindOf<F>>(spec: HumanTaskSpec<F, K>): Promise<TaskOutcome<FormData<F, K>>> {
    return runTask(forms, spec);
  }

  async function untilApproved<W extends FormKindOf<F>, A extends FormKindOf<F>>(spec: {
    maxRounds?: number;
    workKind: W;
    approvalKind: A;
    work: (round: number, returned: Returned<FormData<F, W>> | null) => Omit<HumanTaskSpec<F, W>, 'formKind'>;
    approval: (work: TaskOutcome<FormData<F, W>>, round: number) => Omit<HumanTaskSpec<F, A>, 'formKind'>;
  }): Promise<Approval<FormData<F, W>, FormData<F, A>>> {
    const maxRounds = spec.maxRounds ?? MAX_APPROVAL_ROUNDS;
    let returned: Returned<FormData<F, W>> | null = null;
    for (let round = 1; round <= maxRounds; round += 1) {
      const work: TaskOutcome<FormData<F, W>> = await task({ ...spec.work(round, returned), formKind: spec.workKind });
      const approvalSpec = spec.approval(work, round);
      // Four-eyes: whoever did the work, in person or as a substitute, may not approve it.
      const approval = await task({
        ...approvalSpec,
        formKind: spec.approvalKind,
        excludedUserIds: [...(approvalSpec.excludedUserIds ?? []), ...doersOf(work)],
      });
      const data = approval.data as ApprovalData;
      if (data.decision === 'approve') return { approved: true, rounds: round, work, approval };
      returned = { round, comment: data.comment ?? null, previous: work, approverId: approval.completedBy };
    }
    return { approved: false, rounds: maxRounds };
  }

  return { task, untilApproved };
}
