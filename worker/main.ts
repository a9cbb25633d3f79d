import { loadConfig, resolveConnections } from '../config/config';
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
    publicUrl: conn.publicUrl,
    inboundDomain: config.INBOUND_DOMAIN,
    tokenSecret: conn.tokenSecret,
    smtpUrl: conn.smtpUrl,
    mailFrom: config.MAIL_FROM,
    outboxPollMs: config.OUTBOX_POLL_MS,
    outboxLeaseMs: config.OUTBOX_LEASE_MS,
    log: (msg) => console.log(`[worker] ${msg}`),
  });
  onStop(() => runtime.stop());
  console.log(`[worker] polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${conn.temporalAddress} (pid ${process.pid})`);
});
