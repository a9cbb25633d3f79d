import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { incidentInterceptors } from '../incidents/activity-interceptor';
import { bundleWorkflows } from './bundle';
import { createActivities, type WorkerActivityDeps } from './activities';

export { bundleWorkflows };

export interface WorkerOptions extends WorkerActivityDeps {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  bundle?: WorkflowBundleWithSourceMap;
  log?: (msg: string) => void;
}

export interface RunningWorker {
  /** The worker polling now (a new one after the engine was away long enough to end the last). */
  current(): Worker | undefined;
  /** Resolves when the worker has stopped polling and finished its in-flight tasks. */
  shutdown(): Promise<void>;
}

const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;

/**
 * Polls the task queue until shut down. The SDK retries polls while the server is away for a while,
 * but ends the worker with an error when the outage outlasts its retries; then a new connection
 * and worker are made (with backoff, for as long as it takes), so that procedures go on by
 * themselves once the engine is back, and the process does not die of the worker's error.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  const workflowBundle = options.bundle ?? (await bundleWorkflows());
  const activities = createActivities(options);
  let stopping = false;
  let wake: (() => void) | undefined;

  async function create() {
    const connection = await NativeConnection.connect({ address: options.temporalAddress });
    try {
      const worker = await Worker.create({
        connection,
        namespace: options.namespace,
        taskQueue: options.taskQueue,
        workflowBundle,
        activities,
        interceptors: { activity: [incidentInterceptors(options.db, options.log ?? console.warn)] },
      });
      return { connection, worker };
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  }

  let current: Awaited<ReturnType<typeof create>> | undefined = await create();

  async function runUntilShutdown(): Promise<void> {
    let delay = RESTART_MIN_MS;
    while (!stopping) {
      if (current) {
        const { worker, connection } = current;
        const startedAt = Date.now();
        try {
          await worker.run();
          if (!stopping) log(`worker on ${options.taskQueue} stopped by itself; starting a new one`);
        } catch (err) {
          if (!stopping) log(`worker on ${options.taskQueue} ended: ${(err as Error).message}; starting a new one once the engine answers`);
        }
        current = undefined;
        await connection.close().catch(() => undefined);
        if (Date.now() - startedAt > 60_000) delay = RESTART_MIN_MS;
      }
      if (stopping) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      delay = Math.min(delay * 2, RESTART_MAX_MS);
      if (stopping) return;
      try {
        current = await create();
        log(`worker on ${options.taskQueue} polling again`);
      } catch {
        // The engine is still away: the next attempt after a longer pause.
      }
    }
  }

  const running = runUntilShutdown();
  return {
    current: () => current?.worker,
    async shutdown() {
      stopping = true;
      wake?.();
      const worker = current?.worker;
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}
