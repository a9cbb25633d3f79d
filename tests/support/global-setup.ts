import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consoleBuildReason } from '../../stack/console-build';
import { freePort } from '../../stack/ports';
import { spawnEntry, type Spawned } from './spawn';
import { ADMIN_PASSWORD, REPORT_RECIPIENTS, STACK_FILE, TEST_LOG_DIR, type TestStack } from './stack-env';

declare global {
  var amtsflowStack: { process: Spawned; dataDir: string } | undefined;
}

/** One real embedded stack for the whole run: PostgreSQL, Temporal dev server, SMTP, worker, API. */
export default async function globalSetup(): Promise<void> {
  // The stack's start builds the console when it is stale; said below, since it adds a minute.
  const build = consoleBuildReason();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-test-'));
  // PostgreSQL runs as the system user 'postgres' when we are root: it must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  // Every process's output of this run, for the check at its end that no secret was logged.
  fs.rmSync(TEST_LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_LOG_DIR, { recursive: true });
  const adminEmail = 'admin@amtsflow.localhost';
  const stack = spawnEntry('stack/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD,
    // Production waits days; the test stack's default is long enough that no timer fires by accident.
    TASK_DUE: '5bd',
    TASK_REMINDER_AFTER: '1h',
    TASK_ESCALATE_AFTER: '2h',
    // A grant's report task appears this long before the funder's date (production: 20 business days).
    FUNDING_MILESTONE_LEAD: '2s',
    // A coordination's follow-up comes this long after its approved decision (production: 90 days).
    MEASURE_FOLLOW_UP_AFTER: '3s',
    // The providers' yearly survey reminds after 4 seconds and ends after 12 (production: 10 and 20 business days).
    MEASURE_SURVEY_REMIND_AFTER: '4s',
    MEASURE_SURVEY_DEADLINE: '12s',
    // A campaign's translators have a minute, its organisations are reminded after 8 seconds (production: 5 and 10 business days).
    CAMPAIGN_TRANSLATION_DEADLINE: '60s',
    CAMPAIGN_REMIND_AFTER: '8s',
    OUTBOX_POLL_MS: '200',
    // Mails left 'received' are looked for every second, so that the test of it need not wait.
    INBOUND_RETRY_MS: '1000',
    LOGIN_RATE_LIMIT: '10000',
    PUBLIC_RATE_LIMIT: '10000',
    ...REPORT_RECIPIENTS,
  });
  globalThis.amtsflowStack = { process: stack, dataDir };
  process.stdout.write('\n[test] starting the embedded stack (PostgreSQL, Temporal, SMTP, worker, API) …\n');
  if (build) process.stdout.write(`[test] … and building the console first (${build})\n`);
  await stack.waitFor(/Amtsflow is running/, 900_000);
  const stackFile = JSON.parse(fs.readFileSync(path.join(dataDir, 'stack.json'), 'utf8')) as {
    databaseUrl: string;
    temporalAddress: string;
    smtpUrl: string;
    inboundSmtpPort: number;
  };
  const info: TestStack = {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    pid: stack.child.pid ?? 0,
    databaseUrl: stackFile.databaseUrl,
    temporalAddress: stackFile.temporalAddress,
    smtpUrl: stackFile.smtpUrl,
    inboundPort: stackFile.inboundSmtpPort,
    adminEmail,
    adminPassword: ADMIN_PASSWORD,
  };
  fs.writeFileSync(STACK_FILE, JSON.stringify(info));
}
