import http from 'node:http';
import { Client, Connection } from '@temporalio/client';
import type { Db } from '../db/client';
import { createTransport, verifySmtp } from '../mail/transport';
import type { ConsultationTiming } from '../workflows/consultation/shared';
import type { FundingTiming } from '../workflows/funding-call-review/shared';
import type { MonitoringSettings } from '../workflows/integration-monitoring/shared';
import type { TaskTiming } from '../workflows/human-task/timing';
import { ensureSchedules } from '../schedules/ensure';
import type { SystemSchedule } from '../schedules/system-schedules';
import { createApp } from './app';

export interface ApiServerOptions {
  db: Db;
  host: string;
  port: number;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  timing: TaskTiming;
  consultation: ConsultationTiming;
  funding: FundingTiming;
  monitoring: MonitoringSettings;
  schedules: SystemSchedule[];
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
  const connection = await Connection.connect({ address: options.temporalAddress });
  const temporal = new Client({ connection, namespace: options.namespace });
  try {
    await ensureSchedules(temporal, options.schedules, options.taskQueue);
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
  const app = createApp({ ...options, temporal, mailReachable });
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
      transport.close();
      await connection.close();
    },
  };
}
