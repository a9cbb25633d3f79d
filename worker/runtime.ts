import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { fillTokens } from '../answers/tokens';
import type { Db } from '../db/client';
import { startOutboxDispatcher } from '../mail/dispatcher';
import { startWorker } from './worker';

export interface WorkerRuntimeOptions {
  db: Db;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  publicUrl: string;
  inboundDomain: string;
  tokenSecret: string;
  chromiumPath: string;
  smtpUrl: string;
  mailFrom: string;
  outboxPollMs: number;
  outboxLeaseMs: number;
  bundle?: WorkflowBundleWithSourceMap;
  log: (msg: string) => void;
}

/** A worker process's duties: run procedures and activities, and send the mail outbox. */
export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<{ stop(): Promise<void> }> {
  const worker = await startWorker(options);
  const dispatcher = startOutboxDispatcher({
    db: options.db,
    databaseUrl: options.databaseUrl,
    smtpUrl: options.smtpUrl,
    from: options.mailFrom,
    pollMs: options.outboxPollMs,
    leaseMs: options.outboxLeaseMs,
    log: options.log,
    personalize: (row) => ({
      ...row,
      text: fillTokens(row.text, options.tokenSecret),
      html: row.html === null ? null : fillTokens(row.html, options.tokenSecret),
      replyTo: row.replyTo === null ? null : fillTokens(row.replyTo, options.tokenSecret),
    }),
  });
  return {
    async stop() {
      await Promise.all([worker.shutdown(), dispatcher.stop()]);
    },
  };
}
