import { Context } from '@temporalio/activity';
import type { z } from 'zod';
import type { EngineActivities } from '../../activities';
import type { CreateTaskInput } from '../../activities/tasks';
import { addDuration, deadlineAfter, subtractDuration } from '../../calendar/business-days';
import type { AnswerChannel, RequestOutcome } from '../../workflows/engine/consultation/contract';
import { consultationTaskForms } from '../../workflows/engine/consultation/forms';

// The engine's activities as a workflow test needs them: in memory, recording every call, and
// keeping the state a workflow would read back (task rows, request rows, the procedure's end).
// Typed against EngineActivities, so a changed activity signature is a type error here.

export interface FakeTask extends CreateTaskInput {
  taskId: string;
  status: 'open' | 'completed' | 'cancelled';
  remindAt: number | null;
  escalateAt: number | null;
  result?: unknown;
  completedBy?: string;
  onBehalfOfId?: string;
  cancelReason?: string;
}

export interface FakeRequest {
  requestId: string;
  consultationId: string;
  /** The asked department's id, or another participant's (participantKind). */
  departmentId: string;
  participantKind: string;
  status: RequestOutcome['status'];
  channel: AnswerChannel | null;
  answerText: string | null;
  answerData: unknown;
  answeredAt: string | null;
}

export interface ActivityCall {
  name: string;
  input: unknown;
  /** The server's clock when the activity was scheduled: on the time-skipping server, the skipped time. */
  at: number;
}

/** Departments as the seed names them; ids are uuids because the task forms insist. */
export const departments = {
  jugendamt: { id: '0b6a3c5e-1f2d-4a7b-8c9d-000000000001', name: 'Jugendamt' },
  schulamt: { id: '0b6a3c5e-1f2d-4a7b-8c9d-000000000002', name: 'Schulamt' },
  sozialamt: { id: '0b6a3c5e-1f2d-4a7b-8c9d-000000000003', name: 'Sozialamt' },
} as const;

const departmentNames: Record<string, string> = Object.fromEntries(Object.values(departments).map((d) => [d.id, d.name]));

type ActivityTable = Record<string, (input: any) => Promise<unknown>>;
type InputOf<F> = F extends (input: infer I) => unknown ? I : never;

function scheduledAt(): number {
  try {
    return Context.current().info.currentAttemptScheduledTimestampMs;
  } catch {
    return Date.now();
  }
}

/** Polls in real time: the workflow moves on in real time, only its timers wait for the test to skip. */
export async function eventually<T>(what: string, check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function waitFor(what: string, check: () => boolean, timeoutMs?: number): Promise<void> {
  await eventually(what, () => (check() ? true : undefined), timeoutMs);
}

/**
 * One fake engine per test. `taskForms` are the module's forms (the consultation's are always
 * there, for its child): completeTaskRow validates with them and returns the validated data,
 * as the real activity does. `moduleActivities`, a module's own fakes, are recorded in the same
 * log, so that the order of engine and module calls shows.
 */
export function fakeEngine<M extends ActivityTable = Record<never, never>>(taskForms: Record<string, z.ZodType> = {}, moduleActivities?: M) {
  const forms: Record<string, z.ZodType> = { ...consultationTaskForms, ...taskForms };
  const calls: ActivityCall[] = [];
  const tasks: FakeTask[] = [];
  const requests: FakeRequest[] = [];
  const procedures = new Map<string, { status: string; outcome: string; parentId?: string }>();
  const held = new Map<string, { started: () => void; release: Promise<void> }>();

  const record = (name: string, input: unknown) => {
    calls.push({ name, input, at: scheduledAt() });
  };

  function recorded<T extends ActivityTable>(table: T): T {
    return Object.fromEntries(
      Object.entries(table).map(([name, fn]) => [
        name,
        (input: unknown) => {
          record(name, input);
          return fn(input);
        },
      ]),
    ) as T;
  }

  const engine: EngineActivities = {
    async createTask(input) {
      const hold = held.get(input.taskKey);
      if (hold) {
        hold.started();
        await hold.release;
      }
      // Idempotent like the row's unique key: a retried attempt finds the task it made.
      const existing = tasks.find((t) => t.procedureId === input.procedureId && t.taskKey === input.taskKey);
      const base = new Date(input.createdAt);
      const task = existing ?? {
        ...input,
        taskId: `task-${tasks.length + 1}`,
        status: 'open' as const,
        remindAt: input.timing.reminderAfter ? addDuration(base, input.timing.reminderAfter).getTime() : null,
        escalateAt: input.timing.escalateAfter ? addDuration(base, input.timing.escalateAfter).getTime() : null,
      };
      if (!existing) tasks.push(task);
      const dueAt = input.dueAt ?? deadlineAfter(base, input.timing.due).getTime();
      return { taskId: task.taskId, dueAt, remindAt: task.remindAt, escalateAt: task.escalateAt };
    },
    async completeTaskRow(input) {
      const schema = forms[input.formKind];
      if (!schema) throw new Error(`the fake engine knows no form ${input.formKind}: pass the module's taskForms`);
      const parsed = schema.safeParse(input.data);
      const data = parsed.success ? parsed.data : input.data;
      const task = taskById(input.taskId);
      if (task.status === 'open') {
        Object.assign(task, { status: 'completed', result: data, completedBy: input.actorId, onBehalfOfId: input.onBehalfOfId });
      }
      return { data };
    },
    async cancelTaskRow(input) {
      const task = taskById(input.taskId);
      if (task.status === 'open') Object.assign(task, { status: 'cancelled', cancelReason: input.reason });
    },
    async remindTask() {},
    async escalateTask() {},

    async registerProcedure(input) {
      procedures.set(input.procedureId, { status: 'running', outcome: '', parentId: input.parentId });
    },
    async momentBefore(input) {
      return subtractDuration(new Date(input.at), input.duration).getTime();
    },
    async momentAfter(input) {
      return addDuration(new Date(input.at), input.duration).getTime();
    },
    async recordStep() {},
    async finishProcedure(input) {
      procedures.set(input.procedureId, { ...procedures.get(input.procedureId), status: input.status, outcome: input.outcome });
      for (const t of tasks) if (t.procedureId === input.procedureId && t.status === 'open') t.status = 'cancelled';
      for (const r of requests) if (r.consultationId === input.procedureId && r.status === 'pending') r.status = 'cancelled';
    },

    async openRequests(input) {
      const base = new Date(input.createdAt);
      const asked = [...input.departmentIds.map((id) => ({ kind: 'department', id })), ...(input.participants ?? [])];
      for (const { kind, id: departmentId } of asked) {
        if (requests.some((r) => r.consultationId === input.consultationId && r.departmentId === departmentId)) continue;
        requests.push({
          requestId: `anfrage-${requests.length + 1}`,
          consultationId: input.consultationId,
          departmentId,
          participantKind: kind,
          status: 'pending',
          channel: null,
          answerText: null,
          answerData: null,
          answeredAt: null,
        });
      }
      return {
        requests: requestsOf(input.consultationId).map((r) => ({ requestId: r.requestId, departmentId: r.departmentId, status: r.status })),
        deadlineAt: deadlineAfter(base, input.timing.deadline).getTime(),
        remindAt: addDuration(base, input.timing.reminderAfter).getTime(),
        escalateAt: addDuration(base, input.timing.escalateAfter).getTime(),
      };
    },
    async followUpRequests() {},
    async recordNoAnswer(input) {
      for (const r of requests) if (input.requestIds.includes(r.requestId) && r.status === 'pending') r.status = 'no_answer';
    },
    async settledRequests(input) {
      return requests.filter((r) => input.requestIds.includes(r.requestId) && r.status !== 'pending').map((r) => r.requestId);
    },
    async loadOutcomes(input) {
      return requestsOf(input.consultationId)
        .map((r) => ({
          requestId: r.requestId,
          participantKind: r.participantKind,
          departmentId: r.departmentId,
          departmentName: departmentNames[r.departmentId] ?? r.departmentId,
          status: r.status,
          channel: r.channel,
          answerText: r.answerText,
          answerData: r.answerData,
          answeredAt: r.answeredAt,
          attachments: [],
        }))
        .sort((a, b) => a.departmentName.localeCompare(b.departmentName));
    },

    async archiveKnowledge() {
      return { entryId: `wissen-${calls.filter((c) => c.name === 'archiveKnowledge').length}` };
    },
    async runScheduledJob(input) {
      throw new Error(`no scheduled job in a workflow test (${input.procedureType}/${input.job})`);
    },
  };
  const activities: EngineActivities & M = { ...recorded(engine), ...recorded(moduleActivities ?? ({} as M)) };

  function taskById(taskId: string): FakeTask {
    const task = tasks.find((t) => t.taskId === taskId);
    if (!task) throw new Error(`no task ${taskId}`);
    return task;
  }

  function requestsOf(consultationId: string): FakeRequest[] {
    return requests.filter((r) => r.consultationId === consultationId);
  }

  return {
    activities,
    calls,
    tasks,
    requests,
    procedures,

    callsOf<N extends keyof (EngineActivities & M) & string>(name: N): { input: InputOf<(EngineActivities & M)[N]>; at: number }[] {
      return calls.filter((c) => c.name === name).map((c) => ({ input: c.input as InputOf<(EngineActivities & M)[N]>, at: c.at }));
    },
    names(): string[] {
      return calls.map((c) => c.name);
    },

    task(procedureId: string, taskKey: string): FakeTask | undefined {
      return tasks.find((t) => t.procedureId === procedureId && t.taskKey === taskKey);
    },
    /** Waits until the workflow has created the task (its createTask ran). */
    openTask(procedureId: string, taskKey: string, timeoutMs?: number): Promise<FakeTask> {
      return eventually(
        `the task ${taskKey} of ${procedureId}`,
        () => tasks.find((t) => t.procedureId === procedureId && t.taskKey === taskKey && t.status === 'open'),
        timeoutMs,
      );
    },

    /**
     * Makes createTask of this key wait until released, as a slow database or a crash between the
     * row and the workflow's record of it would: `started` resolves once the activity is running.
     */
    holdCreateTask(taskKey: string): { started: Promise<void>; release: () => void } {
      let release!: () => void;
      let started!: () => void;
      const startedP = new Promise<void>((resolve) => (started = resolve));
      held.set(taskKey, { started, release: new Promise<void>((resolve) => (release = resolve)) });
      return { started: startedP, release };
    },

    requestsOf,
    /** Waits until the consultation has opened its requests. */
    openedRequests(consultationId: string, count: number): Promise<FakeRequest[]> {
      return eventually(`${count} requests of ${consultationId}`, () => {
        const rows = requestsOf(consultationId);
        return rows.length >= count ? rows : undefined;
      });
    },
    request(consultationId: string, departmentId: string): FakeRequest {
      const r = requests.find((x) => x.consultationId === consultationId && x.departmentId === departmentId);
      if (!r) throw new Error(`no request to ${departmentId} in ${consultationId}`);
      return r;
    },
    /** A department's answer stored as the answer page or the mail listener stores it (no signal: the test sends that). */
    answer(requestId: string, answer: { text?: string; data?: unknown; channel?: AnswerChannel; at?: number }): void {
      const r = requests.find((x) => x.requestId === requestId);
      if (!r) throw new Error(`no request ${requestId}`);
      Object.assign(r, {
        status: 'answered',
        channel: answer.channel ?? 'page',
        answerText: answer.text ?? null,
        answerData: answer.data ?? null,
        answeredAt: new Date(answer.at ?? Date.now()).toISOString(),
      });
    },
  };
}

export type FakeEngine = ReturnType<typeof fakeEngine>;
