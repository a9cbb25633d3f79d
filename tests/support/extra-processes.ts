import { freePort } from '../../stack/ports';
import { spawnEntry, type Spawned } from './spawn';
import { REPORT_RECIPIENTS, testStack } from './stack-env';

/**
 * A further API process joined to the test stack (through its stack.json), with its own settings.
 * A browser opening it sends its address as Origin: `ownOrigin` makes that the API's PUBLIC_URL,
 * so the CSRF guard takes it for the console's own site.
 */
export async function spawnApi(env: Record<string, string>, options: { ownOrigin?: boolean } = {}): Promise<Spawned & { url: string }> {
  const port = await freePort();
  const api = spawnEntry('api/main.ts', {
    DATA_DIR: testStack().dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOGIN_RATE_LIMIT: '10000',
    // Every API updates the system's schedules at its start: with the test stack's settings, not the defaults.
    ...REPORT_RECIPIENTS,
    ...(options.ownOrigin ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    ...env,
  });
  await api.waitFor(/listening on/, 60_000);
  return Object.assign(api, { url: `http://127.0.0.1:${port}` });
}

export async function spawnWorker(env: Record<string, string>): Promise<Spawned> {
  const worker = spawnEntry('worker/main.ts', { DATA_DIR: testStack().dataDir, OUTBOX_POLL_MS: '200', ...env });
  await worker.waitFor(/polling task queue/, 120_000);
  return worker;
}
