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
  worker: Worker;
  /** Resolves when the worker has stopped polling and finished its in-flight tasks. */
  shutdown(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.bundle ?? (await bundleWorkflows()),
    activities: createActivities(options),
    interceptors: { activity: [incidentInterceptors(options.db, options.log ?? console.warn)] },
  });
  const running = worker.run();
  return {
    worker,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
