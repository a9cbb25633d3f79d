import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { isAlive, readPidFile } from '../../stack/processes';
import { freePort } from '../../stack/ports';
import { ApiClient, eventually, listQuery } from './client';
import type { CaughtMail, Department, PageReply, UploadFile } from './consultation';
import { ROOT, spawnEntry, type Spawned } from './spawn';
import { ADMIN_PASSWORD, DEMO_PASSWORD, REPORT_RECIPIENTS } from './stack-env';

// An embedded stack of a test's own (`npm start` in a temporary DATA_DIR on free ports), for tests
// that kill its servers: the shared test stack must stay whole for the other suites.

export interface OwnStack {
  url: string;
  dataDir: string;
  process: Spawned;
  databaseUrl: string;
  temporalAddress: string;
  inboundPort: number;
  /** The Temporal dev server's pid, as the stack recorded it. */
  temporalPid(): number | undefined;
  /** The postmaster's pid (first line of postmaster.pid). */
  postmasterPid(): number | undefined;
  /** The stack's output from `mark` on (a mark is `output().length` at some moment). */
  outputSince(mark: number): string;
  /** Resolves with the time (Date.now()) the pattern first appears after `mark`. */
  waitForOutput(pattern: RegExp, mark: number, timeoutMs?: number): Promise<number>;
  as(email: string, password?: string): Promise<ApiClient>;
  admin(): Promise<ApiClient>;
  stop(): Promise<void>;
}

/** The stack's output is kept in test-results/stacks/<name>.log, to read what its supervisor and dispatchers said. */
function keepOutput(name: string, stack: Spawned): void {
  const dir = path.join(ROOT, 'test-results', 'stacks');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.log`), stack.output());
}

export async function startOwnStack(name: string, env: Record<string, string> = {}): Promise<OwnStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `amtsflow-${name}-`));
  // PostgreSQL runs as the system user 'postgres' when we are root: it must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const stack = spawnEntry('stack/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_EMAIL: 'admin@amtsflow.localhost',
    ADMIN_PASSWORD,
    TASK_DUE: '5bd',
    TASK_REMINDER_AFTER: '1h',
    TASK_ESCALATE_AFTER: '2h',
    OUTBOX_POLL_MS: '200',
    INBOUND_RETRY_MS: '1000',
    LOGIN_RATE_LIMIT: '10000',
    PUBLIC_RATE_LIMIT: '10000',
    ...REPORT_RECIPIENTS,
    ...env,
  });
  const times = new Map<number, number>();
  // When each chunk arrived, to tell when a line appeared (for the figures the tests report).
  stack.child.stdout?.on('data', () => times.set(stack.output().length, Date.now()));
  stack.child.stderr?.on('data', () => times.set(stack.output().length, Date.now()));
  try {
    await stack.waitFor(/Amtsflow is running/, 600_000);
  } catch (err) {
    await stopAndClean(stack, dataDir);
    keepOutput(name, stack);
    throw err;
  }
  const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'stack.json'), 'utf8')) as {
    databaseUrl: string;
    temporalAddress: string;
    inboundSmtpPort: number;
  };
  const clients = new Map<string, ApiClient>();
  const as = async (email: string, password = DEMO_PASSWORD) => {
    const known = clients.get(email);
    if (known) return known;
    const client = await ApiClient.as(email, password, url);
    clients.set(email, client);
    return client;
  };
  return {
    url,
    dataDir,
    process: stack,
    databaseUrl: info.databaseUrl,
    temporalAddress: info.temporalAddress,
    inboundPort: info.inboundSmtpPort,
    temporalPid: () => readPidFile(path.join(dataDir, 'temporal.pid')),
    postmasterPid: () => readPidFile(path.join(dataDir, 'postgres', 'postmaster.pid')),
    outputSince: (mark) => stack.output().slice(mark),
    async waitForOutput(pattern, mark, timeoutMs = 60_000) {
      await eventually(async () => (pattern.test(stack.output().slice(mark)) ? true : undefined), timeoutMs, `${pattern} in the stack's output`);
      const at = stack.output().slice(mark).search(pattern) + mark;
      const arrival = [...times.entries()].filter(([end]) => end > at).sort((a, b) => a[0] - b[0])[0];
      return arrival?.[1] ?? Date.now();
    },
    as,
    admin: () => as('admin@amtsflow.localhost', ADMIN_PASSWORD),
    async stop() {
      await stopAndClean(stack, dataDir);
      keepOutput(name, stack);
    },
  };
}

/** Stops the stack; servers it left running (a test that failed half-way) are ended by their recorded pids. */
async function stopAndClean(stack: Spawned, dataDir: string): Promise<void> {
  await stack.stop('SIGTERM', 60_000);
  for (const pidFile of [path.join(dataDir, 'temporal.pid'), path.join(dataDir, 'postgres', 'postmaster.pid')]) {
    const pid = readPidFile(pidFile);
    if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// What a department sees and does, against this stack (tests/support/consultation.ts does it against the shared one).

export async function departmentsOf(client: ApiClient): Promise<Department[]> {
  return (await client.get(`/api/departments?${listQuery({}, [0, 99], ['code', 'ASC'])}`)).body as Department[];
}

export async function mailboxAbout(admin: ApiClient, marker: string): Promise<CaughtMail[]> {
  return (await admin.get(`/api/mailbox?${listQuery({ q: marker }, [0, 199])}`)).body as CaughtMail[];
}

/** Each department's request mail about `marker`, once all have arrived. */
export async function requestMailsOf(admin: ApiClient, marker: string, depts: Department[], timeoutMs = 60_000): Promise<Map<string, CaughtMail>> {
  return eventually(async () => {
    const mails = (await mailboxAbout(admin, marker)).filter((m) => m.subject.startsWith('Anfrage des Amts für Integration:'));
    const byDept = new Map(depts.map((d) => [d.id, mails.find((m) => m.envelopeTo.includes(d.contactEmail))]));
    return [...byDept.values()].every(Boolean) ? (byDept as Map<string, CaughtMail>) : undefined;
  }, timeoutMs, `the request mails about ${marker}`);
}

export async function submitAnswerTo(base: string, token: string, fields: Record<string, string>, files: UploadFile[] = []): Promise<PageReply> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('anhaenge', new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], { type: f.type }), f.name);
  const res = await fetch(`${base}/answer/${token}`, { method: 'POST', body: form });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', html: await res.text() };
}

export async function sendMailTo(port: number, mail: Mail.Options): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** Every Message-ID in the catcher's mailbox with how often it is there. */
export async function mailboxCounts(admin: ApiClient, marker: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await mailboxAbout(admin, marker)) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}
