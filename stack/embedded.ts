import ms from 'ms';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startDepartmentMail } from '../answers/department-mail';
import { startApiServer } from '../api/server';
import { deriveSecret, readStackFile, type Config, type StackFile } from '../config/config';
import { engineSettings } from '../config/engine';
import { signInSettings } from '../config/sign-in';
import { closeDb, createDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { seed } from '../db/seed';
import { startMailCatcher } from '../mail/catcher';
import { startInboundListener } from '../mail/inbound';
import { startWorkerRuntime } from '../worker/runtime';
import { ensureConsoleBuilt } from './console-build';
import { prepareDataDir } from './data-dir';
import { acquireInstanceLock } from './instance-lock';
import { assertPortFree, freePort } from './ports';
import { startEmbeddedPostgres, stopLeftoverPostgres } from './postgres';
import { clusterDir, placePostgres } from './postgres-place';
import { supervise, type SupervisorOptions } from './supervisor';
import { resolveTemporalCli } from './temporal-cli';
import { startSdkDevServer, startTemporalDevServer, stopLeftoverTemporal } from './temporal-server';

/** The embedded servers' port settings: a configured one that is taken refuses the start at once. */
const EMBEDDED_PORTS = [
  ['PG_PORT', 'embedded PostgreSQL', 'DATABASE_URL'],
  ['TEMPORAL_PORT', 'Temporal dev server', 'TEMPORAL_ADDRESS'],
  ['TEMPORAL_UI_PORT', 'Temporal Web UI', 'TEMPORAL_ADDRESS'],
  ['SMTP_CATCHER_PORT', 'mail catcher', 'SMTP_URL'],
  // Taken in every case (the inbound listener runs beside IMAP too): no setting replaces it.
  ['INBOUND_SMTP_PORT', 'inbound mail listener', undefined],
] as const;

async function portFor(configured: number | undefined, what: string, setting: string): Promise<number> {
  if (configured === undefined) return freePort();
  await assertPortFree(configured, what, '127.0.0.1', setting);
  return configured;
}

/** The session secret of the embedded stack, made once and kept beside its data. */
function embeddedSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

export interface EmbeddedStack {
  publicUrl: string;
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  temporalUi?: string;
  smtpUrl: string;
  inboundPort: number;
  generatedAdminPassword?: string;
}

/**
 * The whole system on one machine — PostgreSQL, Temporal, mail, worker, API and console —
 * each part replaced by its production counterpart where the configuration names one. The
 * embedded servers are supervised: one that dies is started again on its port and its data
 * (see stack/supervisor.ts); one that will not stay up ends the stack through `giveUp`.
 */
export async function startEmbeddedStack(
  config: Config,
  onStop: (stop: () => Promise<void>) => void,
  log: (msg: string) => void,
  giveUp: (message: string) => void = (message) => {
    log(message);
    process.exit(1);
  },
): Promise<EmbeddedStack> {
  const supervision: SupervisorOptions = { log, giveUp, initialDelayMs: config.SUPERVISOR_RESTART_DELAY_MS };
  // Whatever can refuse the start is checked first, in seconds: nothing slow (the console build,
  // the Temporal CLI, initdb) runs before it.
  prepareDataDir(config.dataDir);
  const lock = acquireInstanceLock(config.dataDir);
  onStop(async () => lock.release());
  // Servers a killed predecessor left behind would otherwise hold the configured ports.
  if (!config.DATABASE_URL) await stopLeftoverPostgres(clusterDir(config.dataDir), log);
  if (!config.TEMPORAL_ADDRESS) await stopLeftoverTemporal(config.dataDir, log);
  await assertPortFree(config.PORT, 'API and console', config.HOST, 'PORT');
  for (const [setting, what, replacedBy] of EMBEDDED_PORTS) {
    const port = config[setting];
    if (port !== undefined && (replacedBy === undefined || !config[replacedBy])) await assertPortFree(port, what, '127.0.0.1', setting);
  }
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  // As root, where the postgres user can reach PostgreSQL's programs and cluster (a second at most).
  const database = config.DATABASE_URL
    ? { url: config.DATABASE_URL }
    : { place: await placePostgres({ dataDir: config.dataDir, runtimeDir: config.PG_RUNTIME_DIR, log }) };
  // Built while the servers start; the API serves it, so it must be ready before the API is.
  const consoleBuilt = ensureConsoleBuilt(log);
  consoleBuilt.catch(() => undefined);

  let databaseUrl: string;
  if (database.url !== undefined) {
    databaseUrl = database.url;
  } else {
    const { place } = database;
    const port = await portFor(config.PG_PORT, 'embedded PostgreSQL', 'PG_PORT');
    log(`starting PostgreSQL (embedded, data in ${place.pgDir}) on port ${port} …`);
    const pg = await supervise('PostgreSQL', () => startEmbeddedPostgres({ dataDir: config.dataDir, place, port, log }), supervision);
    onStop(() => pg.stop());
    databaseUrl = pg.first.url;
  }
  const db = createDb(databaseUrl);
  onStop(() => closeDb(db));
  await migrateDb(db);
  const seeded = await seed(db, {
    adminEmail: config.ADMIN_EMAIL,
    adminPassword: config.ADMIN_PASSWORD,
    demoData: config.DEMO_DATA,
  });

  let temporalAddress = config.TEMPORAL_ADDRESS;
  let temporalUi: string | undefined;
  if (!temporalAddress) {
    const port = await portFor(config.TEMPORAL_PORT, 'Temporal dev server', 'TEMPORAL_PORT');
    const uiPort = await portFor(config.TEMPORAL_UI_PORT, 'Temporal Web UI', 'TEMPORAL_UI_PORT');
    const cli = await resolveTemporalCli({ explicit: config.TEMPORAL_CLI, xdgCacheHome: config.XDG_CACHE_HOME, log });
    if (cli) {
      log(`starting Temporal dev server (${cli.source}: ${cli.path}) on port ${port} …`);
      const server = await supervise(
        'Temporal dev server',
        () =>
          startTemporalDevServer({
            cli: cli.path,
            dataDir: config.dataDir,
            port,
            uiPort,
            namespace: config.TEMPORAL_NAMESPACE,
            log,
          }),
        supervision,
      );
      onStop(() => server.stop());
      temporalAddress = server.first.address;
      temporalUi = server.first.uiUrl;
    } else {
      log('no Temporal CLI could be found or built; trying the Temporal SDK download (needs internet) …');
      const server = await startSdkDevServer({ log });
      onStop(() => server.stop());
      temporalAddress = server.address;
    }
  }

  let smtpUrl = config.SMTP_URL;
  if (!smtpUrl) {
    const port = await portFor(config.SMTP_CATCHER_PORT, 'mail catcher', 'SMTP_CATCHER_PORT');
    const catcher = await supervise('mail catcher', () => startMailCatcher({ db, port, log }), supervision);
    onStop(() => catcher.stop());
    smtpUrl = `smtp://127.0.0.1:${catcher.first.port}`;
  }
  const inboundPort = await portFor(config.INBOUND_SMTP_PORT, 'inbound mail listener', 'INBOUND_SMTP_PORT');
  // Registered before the listener, so it stops after the listener has finished the mails in hand.
  const departmentMail = await startDepartmentMail({
    db,
    databaseUrl,
    temporalAddress,
    namespace: config.TEMPORAL_NAMESPACE,
    inboundDomain: config.INBOUND_DOMAIN,
    recoveryMs: config.INBOUND_RETRY_MS,
    commandsPollMs: config.COMMANDS_POLL_MS,
    imap: config.IMAP_URL
      ? { url: config.IMAP_URL, processedFolder: config.IMAP_PROCESSED_FOLDER, pollMs: config.IMAP_POLL_MS }
      : undefined,
    log,
  });
  onStop(() => departmentMail.stop());
  const inbound = await supervise(
    'inbound mail listener',
    () => startInboundListener({ inbound: departmentMail.inbound, port: inboundPort, inboundDomain: config.INBOUND_DOMAIN, log }),
    supervision,
  );
  onStop(() => inbound.stop());

  const sessionSecret = config.SESSION_SECRET ?? embeddedSessionSecret(config.dataDir);
  const tokenSecret = config.ANSWER_TOKEN_SECRET ?? deriveSecret(sessionSecret, 'answer-tokens');
  const stackFile: StackFile = {
    databaseUrl,
    temporalAddress,
    smtpUrl,
    inboundSmtpPort: inboundPort,
    publicUrl,
    sessionSecret,
    pid: process.pid,
  };
  fs.writeFileSync(config.stackFile, JSON.stringify(stackFile, null, 2), { mode: 0o600 });
  onStop(async () => {
    if (readStackFile(config)?.pid === process.pid) fs.rmSync(config.stackFile, { force: true });
  });

  if (config.EMBEDDED_WORKER) {
    log('starting the worker (bundling the procedures) …');
    const worker = await startWorkerRuntime({
      db,
      databaseUrl,
      temporalAddress,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      engine: engineSettings(config),
      commandsPollMs: config.COMMANDS_POLL_MS,
      incidentNotifyAfterMs: ms(config.INCIDENT_NOTIFY_AFTER as ms.StringValue),
      incidentWatchMs: config.INCIDENT_WATCH_MS,
      publicUrl,
      inboundDomain: config.INBOUND_DOMAIN,
      tokenSecret,
      chromiumPath: config.CHROMIUM_PATH,
      smtpUrl,
      mailFrom: config.MAIL_FROM,
      outboxPollMs: config.OUTBOX_POLL_MS,
      outboxLeaseMs: config.OUTBOX_LEASE_MS,
      outboxRetryBaseMs: config.OUTBOX_RETRY_BASE_MS,
      log,
    });
    onStop(() => worker.stop());
  }

  await consoleBuilt;
  const api = await startApiServer({
    db,
    databaseUrl,
    host: config.HOST,
    port: config.PORT,
    temporalAddress,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    engine: engineSettings(config),
    commandsPollMs: config.COMMANDS_POLL_MS,
    completionCatchUpMs: config.COMPLETION_CATCH_UP_MS,
    completionAnswerMs: config.COMPLETION_ANSWER_MS,
    signIn: signInSettings(config),
    tokenSecret,
    publicUrl,
    sessionSecret,
    smtpUrl,
    withMailbox: !config.SMTP_URL,
    loginRateLimit: config.LOGIN_RATE_LIMIT,
    publicRateLimit: config.PUBLIC_RATE_LIMIT,
    log: (msg) => console.error(`[api] ${msg}`),
  });
  onStop(() => api.stop());

  return {
    publicUrl,
    apiUrl: api.url,
    databaseUrl,
    temporalAddress,
    temporalUi,
    smtpUrl,
    inboundPort,
    generatedAdminPassword: seeded.generatedAdminPassword,
  };
}
