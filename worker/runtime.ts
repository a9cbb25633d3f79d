import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { startProcedureServices } from '../activities/start-procedure';
import { engineClient } from '../commands/engine-connection';
import { fillTokens } from '../answers/tokens';
import type { EngineSettings } from '../config/engine';
import type { Db } from '../db/client';
import { startOutboxDispatcher } from '../mail/dispatcher';
import { startIncidentWatch } from '../incidents/watch';
import { startWorker } from './worker';

export interface WorkerRuntimeOptions {
  db: Db;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  engine: EngineSettings;
  publicUrl: string;
  inboundDomain: string;
  tokenSecret: string;
  chromiumPath: string;
  smtpUrl: string;
  mailFrom: string;
  outboxPollMs: number;
  outboxLeaseMs: number;
  /** First retry delay of a mail that could not be sent; doubles per attempt. */
  outboxRetryBaseMs: number;
  commandsPollMs: number;
  /** An incident open this long is mailed to the admins; the watch reconciles incidents this often. */
  incidentNotifyAfterMs: number;
  incidentWatchMs: number;
  bundle?: WorkflowBundleWithSourceMap;
  log: (msg: string) => void;
}

/** A worker process's duties: run procedures and activities, send the mail outbox, deliver the workflow commands. */
export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<{ stop(): Promise<void> }> {
  // Lazy: the commands wait in PostgreSQL while the engine is away, and go out when it is back.
  const { temporal, connection } = engineClient(options.temporalAddress, options.namespace);
  const { starter, commands } = startProcedureServices({ ...options, temporal });
  const worker = await startWorker({ ...options, starter, settingsOf: options.engine.settingsOf, officeDayEnd: options.engine.officeDayEnd });
  const dispatcher = startOutboxDispatcher({
    db: options.db,
    databaseUrl: options.databaseUrl,
    smtpUrl: options.smtpUrl,
    from: options.mailFrom,
    pollMs: options.outboxPollMs,
    leaseMs: options.outboxLeaseMs,
    retryBaseMs: options.outboxRetryBaseMs,
    log: options.log,
    personalize: (row) => ({
      ...row,
      text: fillTokens(row.text, options.tokenSecret),
      html: row.html === null ? null : fillTokens(row.html, options.tokenSecret),
      replyTo: row.replyTo === null ? null : fillTokens(row.replyTo, options.tokenSecret),
    }),
  });
  const watch = startIncidentWatch({
    db: options.db,
    temporal,
    publicUrl: options.publicUrl,
    notifyAfterMs: options.incidentNotifyAfterMs,
    everyMs: options.incidentWatchMs,
    log: options.log,
  });
  return {
    async stop() {
      await Promise.all([worker.shutdown(), dispatcher.stop(), commands.stop(), watch.stop()]);
      await connection.close();
    },
  };
}
