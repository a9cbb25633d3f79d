import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the global setup started, handed to the test files through a file. */
export interface TestStack {
  url: string;
  dataDir: string;
  pid: number;
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  /** The inbound SMTP listener, where departments' replies arrive. */
  inboundPort: number;
  adminEmail: string;
  adminPassword: string;
}

// One file per checkout, so test runs in two clones (or worktrees) of the project don't meet.
const checkout = createHash('sha256').update(path.resolve(__dirname, '../..')).digest('hex').slice(0, 12);
export const STACK_FILE = path.join(os.tmpdir(), `amtsflow-test-stack-${checkout}.json`);
/** The output of every process the run starts (the stack, extra APIs and workers), one file each. */
export const TEST_LOG_DIR = path.join(os.tmpdir(), `amtsflow-test-logs-${checkout}`);
/** Who the test stack's reports go to, by the modules' settings (the monitoring's quarter, the Maßnahmenprogramm's year). */
export const REPORT_RECIPIENTS = {
  MONITORING_RECIPIENTS: 'integrationsrat@stadt.localhost, amtsleitung@amtsflow.localhost',
  MEASURE_PROGRAMME_RECIPIENTS: 'integrationsrat@stadt.localhost, massnahmenkoordination@stadt.localhost',
};
export const ADMIN_PASSWORD = 'Test-Admin-Passwort-1';
export const DEMO_PASSWORD = 'Amtsflow-Demo-2026';

export function testStack(): TestStack {
  return JSON.parse(fs.readFileSync(STACK_FILE, 'utf8')) as TestStack;
}
