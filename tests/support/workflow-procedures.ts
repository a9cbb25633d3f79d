import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type Duration, type Workflow, type WorkflowResultType } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { bundleWorkflows } from '../../worker/bundle';
import { completeTaskUpdate, type CompleteTaskRequest, type NextStep } from '../../workflows/engine/contract';
import type { ProcedureArgs } from '../../workflows/engine/frame';
import type { ConsultationTiming, TaskTiming } from '../../workflows/engine/timing';
import type { FakeEngine } from './engine-fakes';
import { createTestWorker, timeSkippingEnv } from './workflow-env';

// Running a procedure's real workflow code against fake activities, and doing its tasks the way
// the API does: the completeTask update with an update id, a request id, the actor and the data.

export const DAY = 24 * 60 * 60 * 1000;

/** How long a test waits in real time for what should take moments (well under jest's own timeout). */
const LIMIT_MS = 30_000;

/** Days from `from` to `at`, to a hundredth (a quarter of an hour): a timer's activity runs within moments of it. */
export function daysSince(from: number, at: number): number {
  return Math.round(((at - from) / DAY) * 100) / 100;
}

/** Plain days (no business days): a test's arithmetic stays obvious. */
export const taskTiming: TaskTiming = { due: '5d' };
export const consultationTiming: ConsultationTiming = { deadline: '10d', reminderAfter: '5d', escalateAfter: '8d', grace: '2d' };

export function procedureArgs<I, S = Record<string, never>>(
  input: I,
  rest: Partial<Omit<ProcedureArgs<I, S>, 'input'>> = {},
): ProcedureArgs<I, S> {
  return {
    input,
    startedBy: 'anna',
    timing: taskTiming,
    consultation: consultationTiming,
    settings: {} as S,
    ...rest,
  };
}

let bundle: Promise<WorkflowBundle> | undefined;

/**
 * The worker's own bundle (the engine's workflows and every module's workflow.ts), so that
 * children run as real child workflows. Built once per jest run by the workflows project's global
 * setup; a file run outside it bundles for itself.
 */
export function procedureBundle(): Promise<WorkflowBundle> {
  const prebuilt = process.env.AMTSFLOW_TEST_WORKFLOW_BUNDLE;
  bundle ??= prebuilt && fs.existsSync(prebuilt) ? fs.promises.readFile(prebuilt, 'utf8').then((code) => ({ code })) : bundleWorkflows();
  return bundle;
}

export interface Procedures {
  client: Client;
  /** Starts a procedure's workflow on the suite's queue; whatever still runs at the test's end is terminated. */
  start<W extends (args: ProcedureArgs<never, never>) => Promise<unknown>>(
    workflow: W,
    args: Parameters<W>[0],
    options?: { workflowId?: string; workflowTaskTimeout?: Duration },
  ): Promise<WorkflowHandle<W>>;
}

export interface ProcedureSuite {
  /** The file's time-skipping environment (from beforeAll on). */
  readonly env: TestWorkflowEnvironment;
  /** Runs `fn` with these activities (a test's fake) behind the file's worker. */
  run<R>(activities: object, fn: (procedures: Procedures) => Promise<R>): Promise<R>;
}

type AnyActivity = (input: unknown) => Promise<unknown>;

/**
 * One time-skipping server and one worker per test file (a worker takes a second or two to
 * create): the worker's activities hand each call to the running test's fake.
 */
export function procedureSuite(): ProcedureSuite {
  let env: TestWorkflowEnvironment | undefined;
  let worker: { names: Set<string>; taskQueue: string; stop: () => Promise<void> } | undefined;
  let current: Record<string, AnyActivity> | undefined;

  async function workerFor(names: string[]) {
    if (worker && names.every((n) => worker?.names.has(n))) return worker;
    await worker?.stop();
    const delegates = Object.fromEntries(
      names.map((name) => [
        name,
        (input: unknown) => {
          const fn = current?.[name];
          if (!fn) throw new Error(`activity ${name} called outside a test's run`);
          return fn(input);
        },
      ]),
    );
    const created = await createTestWorker(suite.env, { workflowBundle: await procedureBundle(), activities: delegates });
    const running = created.run();
    worker = {
      names: new Set(names),
      taskQueue: created.options.taskQueue,
      stop: async () => {
        created.shutdown();
        await running;
      },
    };
    return worker;
  }

  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await worker?.stop();
    await env?.teardown();
  });

  const suite: ProcedureSuite = {
    get env() {
      if (!env) throw new Error('the test environment starts in beforeAll');
      return env;
    },
    async run(activities, fn) {
      const table = activities as Record<string, AnyActivity>;
      const { taskQueue } = await workerFor(Object.keys(table));
      const { client } = suite.env;
      const started: WorkflowHandle[] = [];
      current = table;
      const procedures: Procedures = {
        client,
        async start(workflow, args, options = {}) {
          const handle = await client.workflow.start(workflow as Workflow, {
            taskQueue,
            workflowId: options.workflowId ?? `${workflow.name}-${randomUUID()}`,
            args: [args],
            workflowTaskTimeout: options.workflowTaskTimeout,
          });
          started.push(handle);
          return handle as WorkflowHandle<never>;
        },
      };
      try {
        return await fn(procedures);
      } finally {
        // A workflow left waiting would hold timers in the shared test server; its children go with it.
        for (const handle of started) await handle.terminate('test over').catch(() => undefined);
        current = undefined;
      }
    },
  };
  return suite;
}

export type Completion = Omit<CompleteTaskRequest, 'requestId'> & { requestId?: string };

/** Sends a completion to the workflow as the API does (api/resources/tasks.ts), for the task row `taskId`. */
export function sendCompletion(handle: WorkflowHandle, taskId: string, completion: Completion): Promise<NextStep> {
  const requestId = completion.requestId ?? randomUUID();
  const update = handle.executeUpdate(completeTaskUpdate, {
    args: [{ ...completion, requestId }],
    updateId: `complete:${taskId}:${requestId}`,
  });
  // Time stands still while an update waits: one that waited for a timer would never come back.
  return within(LIMIT_MS, `the answer to the completion of ${completion.taskKey}`, update);
}

/** The procedure's result: awaiting it lets the server skip to each timer, so it comes in seconds or never. */
export function ended<W extends Workflow>(handle: WorkflowHandle<W>): Promise<WorkflowResultType<W>> {
  return within(LIMIT_MS, `the end of ${handle.workflowId}`, handle.result());
}

/** Waits for the task to exist, then completes it. */
export async function completeTask(fake: FakeEngine, handle: WorkflowHandle, completion: Completion): Promise<NextStep> {
  const task = await fake.openTask(handle.workflowId, completion.taskKey);
  return sendCompletion(handle, task.taskId, completion);
}

export interface Refusal {
  type: string | undefined | null;
  message: string;
  details: unknown[] | undefined;
}

/** What the workflow said when it refused an update: a WorkflowUpdateFailedError whose cause is an ApplicationFailure. */
export function refusalOf(err: unknown): Refusal {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    return { type: err.cause.type, message: err.cause.message, details: err.cause.details as unknown[] | undefined };
  }
  throw err;
}

/** The workflow's refusal of an update (fails when the update was accepted). */
export async function refusal(update: Promise<unknown>): Promise<Refusal> {
  try {
    await update;
  } catch (err) {
    return refusalOf(err);
  }
  throw new Error('the workflow accepted the update');
}

/** Turns a wait that would hang (time stands still on the test server) into a failure that says what. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
