import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../stack/ports';
import { resolveTemporalCli } from '../stack/temporal-cli';
import { startTemporalDevServer } from '../stack/temporal-server';

// start-dev picks its internal services' ports itself and once panicked doing so in CI; the
// stack starts it again instead of failing. The first start here panics as it did (the same
// Go message and exit code), the second is the real CLI.
describe('starting the Temporal dev server', () => {
  let dir: string;
  let cli: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-temporal-start-'));
    const resolved = await resolveTemporalCli({ explicit: process.env.TEMPORAL_CLI, xdgCacheHome: process.env.XDG_CACHE_HOME, log: () => undefined });
    if (resolved === undefined) throw new Error('no Temporal CLI (the stack tests build one first)');
    cli = resolved.path;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function wrapper(panics: number): string {
    const counter = path.join(dir, `starts-${panics}`);
    const script = path.join(dir, `temporal-${panics}.sh`);
    fs.writeFileSync(
      script,
      `#!/bin/sh
n=$(cat ${counter} 2>/dev/null || echo 0); echo $((n + 1)) > ${counter}
if [ "$n" -lt ${panics} ]; then
  echo 'panic: failed assigning ephemeral port: failed to assign a free port: accept tcp 127.0.0.1:41234: use of closed network connection'
  echo 'goroutine 1 [running]:'; exit 2
fi
exec ${cli} "$@"
`,
      { mode: 0o755 },
    );
    return script;
  }

  it('starts again when the server panics right after starting, and says so', async () => {
    const lines: string[] = [];
    const server = await startTemporalDevServer({
      cli: wrapper(1),
      dataDir: path.join(dir, 'once'),
      port: await freePort(),
      namespace: 'default',
      log: (msg) => lines.push(msg),
    });
    try {
      expect(lines.join('\n')).toContain(
        'stopped right after starting (exit code 2: panic: failed assigning ephemeral port',
      );
      expect(lines.join('\n')).toContain('starting it again (attempt 2 of 3)');
      expect(fs.readFileSync(path.join(dir, 'starts-1'), 'utf8').trim()).toBe('2');
    } finally {
      await server.stop();
    }
  });

  it('gives up after three panics, leading with the panic, not the trace', async () => {
    const start = startTemporalDevServer({
      cli: wrapper(5),
      dataDir: path.join(dir, 'always'),
      port: await freePort(),
      namespace: 'default',
      log: () => undefined,
    });
    await expect(start).rejects.toThrow(/right after starting \(exit code 2: panic: failed assigning ephemeral port/);
    expect(fs.readFileSync(path.join(dir, 'starts-5'), 'utf8').trim()).toBe('3');
  });
});
