import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../stack/ports';
import { ApiClient, eventually, listQuery } from './support/client';
import { spawnEntry, type Spawned } from './support/spawn';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './support/stack-env';

// A part of the system away: the API says which, with a 503 and Retry-After, never a 500. A stack of
// its own, since its servers are killed here (bringing them back is the supervisor's part, not tested here).

const DATABASE_DOWN = 'Die Datenbank ist vorübergehend nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.';
const ENGINE_DOWN = 'Die Prozess-Engine ist vorübergehend nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.';
const NEW_PASSWORD = 'Neues-Konto-Passwort-7';

let dataDir: string;
let stack: Spawned;
let url: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-outage-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // The supervisor would bring a killed server back within a second; here each stays away for the probes
  // (the supervisor's own return is tested in engine-outage and database-outage).
  stack = spawnEntry('stack/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    ADMIN_PASSWORD,
    TASK_REMINDER_AFTER: '1h',
    TASK_ESCALATE_AFTER: '2h',
    SUPERVISOR_RESTART_DELAY_MS: '600000',
  });
  await stack.waitFor(/Amtsflow is running/, 300_000);
}, 320_000);

afterAll(async () => {
  await stack?.stop('SIGTERM', 60_000);
  // Whatever survived its server (the stack stops the rest).
  for (const pidFile of [path.join(dataDir, 'temporal.pid'), path.join(dataDir, 'postgres', 'postmaster.pid')]) {
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 90_000);

function killServer(pidFile: string): void {
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  expect(pid).toBeGreaterThan(0);
  process.kill(pid, 'SIGKILL');
}

describe('while a server is down', () => {
  let staff: ApiClient;
  let admin: ApiClient;
  let taskId: string;

  beforeAll(async () => {
    staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, url);
    admin = await ApiClient.as('admin@amtsflow.localhost', ADMIN_PASSWORD, url);
    const started = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'Während des Ausfalls' } });
    expect(started.status).toBe(201);
    const task = await eventually(
      async () => (await staff.get(`/api/tasks?${listQuery({ procedureId: started.body.id })}`)).body[0] as { id: string } | undefined,
      20_000,
      'the first task',
    );
    taskId = task.id;
  });

  it('answers what needs the engine at once with a 503 naming the Prozess-Engine while only Temporal is down', async () => {
    killServer(path.join(dataDir, 'temporal.pid'));
    const done = await staff.post(`/api/tasks/${taskId}/complete`, { data: { result: 'Ergebnis trotz Ausfall' } });
    expect(done.status).toBe(503);
    expect(done.body.error).toEqual({ code: 'unavailable', message: ENGINE_DOWN });
    expect(done.headers.get('retry-after')).toBe('30');
    // What the database alone answers still works.
    expect((await staff.get(`/api/tasks/${taskId}`)).status).toBe(200);
  }, 90_000);

  it('answers every API route with a 503 naming the database once PostgreSQL is gone', async () => {
    killServer(path.join(dataDir, 'postgres', 'postmaster.pid'));
    const replies = [
      await staff.get('/api/tasks'),
      await staff.get('/api/auth/me'),
      await staff.get('/api/departments'),
      await staff.get(`/api/tasks/${taskId}`),
      await admin.get('/api/users'),
      await admin.post('/api/users', { email: 'ausfall@amtsflow.localhost', name: 'Probe Ausfall', roles: ['staff'], password: NEW_PASSWORD }),
      await new ApiClient(url).post('/api/auth/login', { email: 'anna.schmidt@amtsflow.localhost', password: DEMO_PASSWORD }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(503);
      expect(reply.body.error).toEqual({ code: 'unavailable', message: DATABASE_DOWN });
      expect(reply.headers.get('retry-after')).toBe('30');
    }
  });

  it('shows a department the answer page’s German “vorübergehend nicht erreichbar” page', async () => {
    const token = 'A'.repeat(43); // the shape of a real token, so that it is looked up
    for (const init of [{ method: 'GET' }, { method: 'POST', body: new URLSearchParams({ antwort: 'Unsere Antwort' }) }]) {
      const res = await fetch(`${url}/answer/${token}`, init);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page).toContain('<h1>Vorübergehend nicht erreichbar</h1>');
      expect(page).toContain('Bitte versuchen Sie es später erneut');
    }
  });

  it('logs the outage as such, with no password or hash in it', () => {
    const log = stack.output();
    expect(log).toContain('[api] unavailable: database error ECONNREFUSED');
    expect(log).not.toMatch(/\$argon2/);
    expect(log).not.toContain(NEW_PASSWORD);
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain('unexpected error');
  });
});
