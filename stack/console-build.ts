import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';

const ROOT = path.join(__dirname, '..');
export const ADMIN_DIST = path.join(ROOT, 'admin', 'dist');

// What the console is built from: its own sources and the form schemas it shares with the API.
const SOURCES = ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'workflows', 'calendar/duration.ts'];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the console needs a build, or undefined when admin/dist is newer than everything it is made from. */
export function consoleBuildReason(): string | undefined {
  const built = newestMtime(path.join(ADMIN_DIST, 'index.html'));
  if (built === 0) return 'admin/dist is missing';
  const source = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return source > built ? 'admin/src changed since the last build' : undefined;
}

/** Runs `vite build` for the console (the same as `npm run build:admin`), its output through `log`. */
export function buildConsole(log: (msg: string) => void): Promise<void> {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', path.join(ROOT, 'admin', 'vite.config.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(`console build: ${line.trim()}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // A start refused while the build runs must not leave it running on its own.
    const stopBuild = () => child.kill('SIGTERM');
    process.on('exit', stopBuild);
    child.on('error', (err) => {
      process.off('exit', stopBuild);
      reject(new StackError(`The console build could not start (${err.message}): run npm install again.`));
    });
    child.on('exit', (code, signal) => {
      process.off('exit', stopBuild);
      if (code === 0) resolve();
      else
        reject(
          new StackError(
            `The console build failed (${signal ?? `exit ${code}`}): run npm run build:admin to see all of its output ` +
              `(npm install again when a package is missing). Its last lines:\n${tail.trim().split('\n').slice(-10).join('\n')}`,
          ),
        );
    });
  });
}

/** Builds the console when admin/dist is missing or older than its sources; otherwise does nothing. */
export async function ensureConsoleBuilt(log: (msg: string) => void): Promise<void> {
  const reason = consoleBuildReason();
  if (!reason) return;
  log(`building the console (${reason}; takes about a minute) …`);
  const started = Date.now();
  await buildConsole(log);
  log(`console built in ${Math.round((Date.now() - started) / 1000)} s`);
}
