import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../stack/ports';
import { ApiClient, eventually, listQuery } from './support/client';
import { spawnEntry } from './support/spawn';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// `npm start` as a person meets it: the second start, the busy port, Ctrl-C, the restart.

function processesUsing(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', dir], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() && !line.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe('the embedded stack', () => {
  it('refuses a second start on the same data, naming the running instance', async () => {
    const second = spawnEntry('stack/main.ts', { DATA_DIR: testStack().dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another Amtsflow instance \(pid \d+\) is running with DATA_DIR/);
  });

  it('says clearly when the port is taken', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-port-'));
    const port = new URL(testStack().url).port;
    const second = spawnEntry('stack/main.ts', { DATA_DIR: dataDir, PORT: port });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Port ${port} (API and console) is already in use`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops cleanly on SIGTERM and resumes its procedures on the next start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-restart-'));
    fs.chmodSync(dataDir, 0o755);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), TASK_REMINDER_AFTER: '1h', TASK_ESCALATE_AFTER: '2h' };
    const url = `http://127.0.0.1:${port}`;

    const first = spawnEntry('stack/main.ts', env);
    const [, password] = await first.waitFor(/admin@amtsflow\.localhost \/ (\S+)\s+\(generated now, shown once/, 300_000);
    await first.waitFor(/Amtsflow is running/);
    const staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, url);
    const proc = (await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'Über den Neustart' } })).body;
    const task = await eventually(async () => (await staff.get(`/api/tasks?${listQuery({ procedureId: proc.id })}`)).body[0], 20_000, 'the task');

    expect(await first.stop('SIGTERM', 60_000)).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'amtsflow.pid'))).toBe(false);

    const second = spawnEntry('stack/main.ts', env);
    await second.waitFor(/Amtsflow is running/, 300_000);
    expect(second.output()).not.toContain('generated now');
    expect(second.output()).not.toContain('Creating the PostgreSQL cluster');
    try {
      const admin = await ApiClient.as('admin@amtsflow.localhost', password as string, url);
      expect((await admin.get('/api/auth/me')).status).toBe(200);
      const again = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, url);
      const done = await again.post(`/api/tasks/${task.id}/complete`, { data: { result: 'nach dem Neustart' } });
      expect(done.status).toBe(200);
      expect(done.body.procedure.currentStep).toBe('Freigabe durch die Amtsleitung');
    } finally {
      expect(await second.stop('SIGINT', 60_000)).toBe(0);
      expect(processesUsing(dataDir)).toEqual([]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
