import http from 'node:http';
import { startProcedureServices } from '../activities/start-procedure';
import { engineClient } from '../commands/engine-connection';
import type { EngineSettings } from '../config/engine';
import type { SignInSettings } from '../config/sign-in';
import type { Db } from '../db/client';
import { createTransport, verifySmtp } from '../mail/transport';
import { ensureSchedules } from '../schedules/ensure';
import { systemSchedules } from '../schedules/system-schedules';
import { createApp } from './app';

export interface ApiServerOptions {
  db: Db;
  /** For the command dispatcher's LISTEN connection. */
  databaseUrl: string;
  host: string;
  port: number;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  engine: EngineSettings;
  commandsPollMs: number;
  completionCatchUpMs: number;
  /** How long an accepted completion waits for the workflow's answer (COMPLETION_ANSWER_MS). */
  completionAnswerMs?: number;
  signIn: SignInSettings;
  tokenSecret: string;
  publicUrl: string;
  sessionSecret: string;
  smtpUrl: string;
  withMailbox: boolean;
  loginRateLimit: number;
  publicRateLimit: number;
  log: (msg: string) => void;
}

const MAIL_CHECK_TTL_MS = 10_000;

export async function startApiServer(options: ApiServerOptions): Promise<{ url: string; stop(): Promise<void> }> {
  // Lazy and reconnecting: what needs only PostgreSQL works while the engine is away.
  const { temporal, connection } = engineClient(options.temporalAddress, options.namespace);
  const schedules = systemSchedules(options.engine.settingsOf);
  try {
    await ensureSchedules(temporal, schedules, options.taskQueue);
  } catch (err) {
    // The console and the tasks work without them; the schedules page shows what is missing.
    options.log(`warning: could not set up the Temporal schedules: ${(err as Error).message}`);
  }
  const transport = createTransport(options.smtpUrl);
  let mailCheck: { at: number; ok: Promise<boolean> } | undefined;
  const mailReachable = () => {
    if (!mailCheck || Date.now() - mailCheck.at > MAIL_CHECK_TTL_MS) {
      mailCheck = { at: Date.now(), ok: verifySmtp(transport, 2500) };
    }
    return mailCheck.ok;
  };
  // Starts and what else the API owes a workflow are delivered from PostgreSQL, here and by every worker.
  const { starter, commands } = startProcedureServices({ ...options, temporal });
  const app = createApp({ ...options, temporal, mailReachable, schedules, starter, commands });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}`,
    async stop() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await commands.stop();
      transport.close();
      await connection.close();
    },
  };
}
