import ms from 'ms';
import { startDepartmentMail } from '../answers/department-mail';
import { loadConfig, resolveConnections } from '../config/config';
import { engineSettings } from '../config/engine';
import { closeDb, createDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { runUntilSignal } from '../stack/shutdown';
import { startWorkerRuntime } from './runtime';

// `npm run worker`: one more worker for a running system (embedded or production); start as many as needed.
void runUntilSignal('worker', async (onStop) => {
  const config = loadConfig();
  const conn = resolveConnections(config);
  const db = createDb(conn.databaseUrl);
  onStop(() => closeDb(db));
  await migrateDb(db);
  const runtime = await startWorkerRuntime({
    db,
    databaseUrl: conn.databaseUrl,
    temporalAddress: conn.temporalAddress,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    engine: engineSettings(config),
    commandsPollMs: config.COMMANDS_POLL_MS,
    incidentNotifyAfterMs: ms(config.INCIDENT_NOTIFY_AFTER as ms.StringValue),
    incidentWatchMs: config.INCIDENT_WATCH_MS,
    publicUrl: conn.publicUrl,
    inboundDomain: config.INBOUND_DOMAIN,
    tokenSecret: conn.tokenSecret,
    chromiumPath: config.CHROMIUM_PATH,
    smtpUrl: conn.smtpUrl,
    mailFrom: config.MAIL_FROM,
    outboxPollMs: config.OUTBOX_POLL_MS,
    outboxLeaseMs: config.OUTBOX_LEASE_MS,
    outboxRetryBaseMs: config.OUTBOX_RETRY_BASE_MS,
    log: (msg) => console.log(`[worker] ${msg}`),
  });
  onStop(() => runtime.stop());
  // The mailbox poller lives in the worker role: workers are the processes for background duties
  // (they already send the outbox), they run wherever the system runs, and the API stays a
  // request server that scales with traffic. Any number of workers may poll one mailbox: the
  // inbound path stores each Message-ID once, so a message two of them fetch is handled once.
  if (config.IMAP_URL) {
    const departmentMail = await startDepartmentMail({
      db,
      databaseUrl: conn.databaseUrl,
      temporalAddress: conn.temporalAddress,
      namespace: config.TEMPORAL_NAMESPACE,
      inboundDomain: config.INBOUND_DOMAIN,
      recoveryMs: config.INBOUND_RETRY_MS,
      commandsPollMs: config.COMMANDS_POLL_MS,
      imap: { url: config.IMAP_URL, processedFolder: config.IMAP_PROCESSED_FOLDER, pollMs: config.IMAP_POLL_MS },
      log: (msg) => console.log(`[worker] ${msg}`),
    });
    onStop(() => departmentMail.stop());
  }
  console.log(`[worker] polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${conn.temporalAddress} (pid ${process.pid})`);
});
