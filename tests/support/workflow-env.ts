import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkerOptions, type WorkflowBundle } from '@temporalio/worker';
import { resolveTemporalCli } from '../../stack/temporal-cli';
import { ensureTemporalTestServer } from './temporal-test-server';

// Workflow tests beside a procedure module (`workflows/<type>/<name>.workflow.test.ts`): the
// workflow and its activity mocks on a Temporal of their own, without the embedded stack.

const say = (msg: string) => process.stderr.write(`[workflow-env] ${msg}\n`);

/**
 * The SDK's logger says INFO about every worker's state change (eight lines per test); warnings
 * and errors are what a test's reader needs. Installed before the first env of a test file
 * creates the runtime (jest gives each file modules of its own, so each file installs its own).
 */
function quietRuntime(): void {
  if (Runtime.instantiator === undefined) Runtime.install({ logger: new DefaultLogger('WARN') });
}

/**
 * Temporal's time-skipping test server: while a test awaits a workflow's result (or
 * `env.sleep(…)`), the server jumps to the next timer, so deadlines of days pass in milliseconds.
 * `env.currentTimeMs()` is the server's clock. Stop it with `env.teardown()`.
 *
 * Otherwise its time stands still: an update or signal sent while nothing awaits the result meets
 * the workflow where it was (an update whose handler waits on a timer returns only once the test
 * sleeps or awaits the result). Send them first, then await the result: once it is awaited, time
 * runs on through the workflow's deadlines at once, and an update sent after that comes too late.
 * While an activity (local or not) runs, time does not jump.
 */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const executable = await ensureTemporalTestServer(say);
  quietRuntime();
  try {
    return await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: executable } },
    });
  } catch (err) {
    throw new Error(
      `The time-skipping test server (${executable}) did not start; the SDK waits 5 s for it, its output is above: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/**
 * A real Temporal dev server (in memory, no UI) from the project's Temporal CLI: the full server's
 * behaviour, in real time. Stop it with `env.teardown()`.
 */
export async function devServerEnv(): Promise<TestWorkflowEnvironment> {
  const cli = await resolveTemporalCli({ explicit: process.env.TEMPORAL_CLI, xdgCacheHome: process.env.XDG_CACHE_HOME, log: say });
  if (!cli) {
    throw new Error(
      'No Temporal CLI for the dev server test environment: none on PATH or in the cache, and none could be built. ' +
        'Run `npm run temporal:cli` (needs Go) or set TEMPORAL_CLI to a temporal binary.',
    );
  }
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli.path },
      ip: '127.0.0.1',
      // The SDK's default format, "pretty", is not one the CLI lists (text, json).
      log: { format: 'text', level: 'warn' },
      // Without it the CLI prints its banner (version, address, metrics URL) into the test output.
      extraArgs: ['--output', 'none'],
    },
  });
}

export type TestWorkerOptions = Omit<WorkerOptions, 'connection' | 'namespace' | 'taskQueue' | 'workflowBundle'> & {
  /** Default: a queue of its own, so that no other worker takes this test's tasks. */
  taskQueue?: string;
  workflowBundle?: WorkflowBundle;
};

// Webpack takes seconds per bundle: a test file bundles each workflow module once.
const bundles = new Map<string, Promise<WorkflowBundle>>();

function bundleOnce(workflowsPath: string): Promise<WorkflowBundle> {
  let bundle = bundles.get(workflowsPath);
  if (!bundle) {
    bundle = bundleWorkflowCode({
      workflowsPath,
      logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
    });
    bundles.set(workflowsPath, bundle);
  }
  return bundle;
}

/** A worker on the env's connection; `workflowsPath` is bundled once per test file. */
export async function createTestWorker(env: TestWorkflowEnvironment, options: TestWorkerOptions): Promise<Worker> {
  const { workflowsPath, workflowBundle, taskQueue, ...rest } = options;
  // A prebuilt bundle would leave out bundler options and workflow interceptor modules: those bundle per worker.
  const ownBundle = rest.bundlerOptions !== undefined || (rest.interceptors?.workflowModules?.length ?? 0) > 0;
  const workflows = workflowBundle
    ? { workflowBundle }
    : workflowsPath === undefined
      ? {}
      : ownBundle
        ? { workflowsPath }
        : { workflowBundle: await bundleOnce(workflowsPath) };
  return Worker.create({
    ...rest,
    ...workflows,
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: taskQueue ?? `test-${randomUUID()}`,
  });
}

export interface WorkerContext {
  /** The env's client (time-skipping on the test server: awaiting a result skips time). */
  client: Client;
  taskQueue: string;
  worker: Worker;
}

/** Runs `fn` while a fresh worker runs, then stops the worker (Worker.runUntil). */
export async function runWithWorker<R>(
  env: TestWorkflowEnvironment,
  options: TestWorkerOptions,
  fn: (ctx: WorkerContext) => Promise<R>,
): Promise<R> {
  const worker = await createTestWorker(env, options);
  return worker.runUntil(() => fn({ client: env.client, taskQueue: worker.options.taskQueue, worker }));
}
