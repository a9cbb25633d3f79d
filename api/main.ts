import { loadConfig, resolveConnections } from '../config/config';
import { engineSettings } from '../config/engine';
import { signInSettings } from '../config/sign-in';
import { closeDb, createDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { runUntilSignal } from '../stack/shutdown';
import { startApiServer } from './server';

// `npm run api`: the API (and the built console) alone, for a running system.
void runUntilSignal('api', async (onStop) => {
  const config = loadConfig();
  const conn = resolveConnections(config);
  const db = createDb(conn.databaseUrl);
  onStop(() => closeDb(db));
  await migrateDb(db);
  const server = await startApiServer({
    db,
    databaseUrl: conn.databaseUrl,
    host: config.HOST,
    port: config.PORT,
    temporalAddress: conn.temporalAddress,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    engine: engineSettings(config),
    commandsPollMs: config.COMMANDS_POLL_MS,
    completionCatchUpMs: config.COMPLETION_CATCH_UP_MS,
    completionAnswerMs: config.COMPLETION_ANSWER_MS,
    signIn: signInSettings(config),
    tokenSecret: conn.tokenSecret,
    publicUrl: conn.publicUrl,
    sessionSecret: conn.sessionSecret,
    smtpUrl: conn.smtpUrl,
    withMailbox: !config.SMTP_URL,
    loginRateLimit: config.LOGIN_RATE_LIMIT,
    publicRateLimit: config.PUBLIC_RATE_LIMIT,
    log: (msg) => console.error(`[api] ${msg}`),
  });
  onStop(() => server.stop());
  console.log(`[api] listening on ${server.url}`);
});
