import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StackError } from './errors';
import { formatDuration, isAlive } from './processes';

/**
 * v1.5.1 (Temporal server 1.29.1) is the newest CLI whose go.mod has no `replace` directive,
 * which `go install pkg@version` refuses (DESIGN.md §3).
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const PACKAGE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;
const LOCK_STALE_MS = 20 * 60_000;
const PROGRESS_EVERY_MS = 15_000;

export type TemporalCliSource = 'env' | 'path' | 'cache' | 'built';

export interface ResolveTemporalCliOptions {
  /** TEMPORAL_CLI: used as is, must be an executable file. */
  explicit?: string;
  /** Where built CLIs are kept; default `$XDG_CACHE_HOME/amtsflow` or `~/.cache/amtsflow`. */
  cacheDir?: string;
  /** XDG_CACHE_HOME, passed in because only config/config.ts reads the environment. */
  xdgCacheHome?: string;
  log: (msg: string) => void;
}

/** The cache outside the clone, so every clone (and CI) reuses one build. */
export function defaultTemporalCacheDir(xdgCacheHome?: string): string {
  const base = xdgCacheHome && path.isAbsolute(xdgCacheHome) ? xdgCacheHome : path.join(os.homedir(), '.cache');
  return path.join(base, 'amtsflow');
}

export function cachedTemporalCliPath(cacheDir: string): string {
  return path.join(cacheDir, `temporal-${TEMPORAL_CLI_VERSION}`, 'temporal');
}

/**
 * Finds the Temporal CLI for the dev server (DESIGN.md §3): TEMPORAL_CLI, `temporal` on PATH, the
 * cache, else a one-time `go install`. Undefined when none of these works (no Go, build failed).
 */
export async function resolveTemporalCli(
  opts: ResolveTemporalCliOptions,
): Promise<{ path: string; source: TemporalCliSource } | undefined> {
  if (opts.explicit !== undefined && opts.explicit.trim() !== '') {
    const explicit = path.resolve(opts.explicit.trim());
    if (!isExecutableFile(explicit)) {
      throw new StackError(
        `TEMPORAL_CLI is set to ${explicit}, which is not an executable file. ` +
          'Point it at the `temporal` binary, or unset it to let Amtsflow find or build one.',
      );
    }
    return { path: explicit, source: 'env' };
  }

  const onPath = await findOnPath('temporal');
  if (onPath) return { path: onPath, source: 'path' };

  const cacheDir = opts.cacheDir ?? defaultTemporalCacheDir(opts.xdgCacheHome);
  const cached = cachedTemporalCliPath(cacheDir);
  if (isExecutableFile(cached)) return { path: cached, source: 'cache' };

  const built = await buildTemporalCli(cacheDir, opts.log);
  return built === undefined ? undefined : { path: built, source: 'built' };
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Looks a command up on PATH. The shell does the lookup so that this module never reads the
 * environment itself (only config/config.ts does); `command -v` is POSIX, unlike `which`.
 */
function findOnPath(command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' }, (err, stdout) => {
      const found = stdout.trim().split('\n')[0]?.trim() ?? '';
      resolve(!err && path.isAbsolute(found) && isExecutableFile(found) ? found : undefined);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LockHolder {
  pid: number;
  host: string;
  ageMs: number;
}

function readLock(lockFile: string): LockHolder | undefined {
  try {
    const [pid, host] = fs.readFileSync(lockFile, 'utf8').split('\n');
    const ageMs = Date.now() - fs.statSync(lockFile).mtimeMs;
    return { pid: Number.parseInt(pid ?? '', 10), host: host ?? '', ageMs };
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.ageMs > LOCK_STALE_MS) return true;
  // A pid only means something on the machine that wrote it (the cache may be on a shared home).
  return holder.host === os.hostname() && !isAlive(holder.pid);
}

/**
 * Takes the build lock (O_EXCL), so that two concurrent starts do not build twice: the second
 * waits, and is done when the first one's binary appears. 'built' means it appeared meanwhile.
 */
async function acquireBuildLock(
  lockFile: string,
  target: string,
  log: (msg: string) => void,
): Promise<{ release(): void } | 'built'> {
  let waitingSince: number | undefined;
  let lastNote = 0;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n`);
      fs.closeSync(fd);
      return {
        release() {
          if (readLock(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (isExecutableFile(target)) return 'built';
    const holder = readLock(lockFile);
    if (holder === undefined) continue;
    if (isStale(holder)) {
      log(`Removing a stale Temporal CLI build lock (pid ${holder.pid} is gone or took too long): ${lockFile}`);
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    const now = Date.now();
    if (waitingSince === undefined) {
      waitingSince = now;
      lastNote = now;
      log(`Another Amtsflow start (pid ${holder.pid}) is building the Temporal CLI ${TEMPORAL_CLI_VERSION}; waiting for it…`);
    } else if (now - lastNote >= PROGRESS_EVERY_MS) {
      lastNote = now;
      log(`… still waiting for the Temporal CLI build of pid ${holder.pid} (${formatDuration(now - waitingSince)})`);
    }
    await sleep(1000);
  }
}

/** Builds the CLI into the cache once; undefined if Go is missing or the build fails. */
async function buildTemporalCli(cacheDir: string, log: (msg: string) => void): Promise<string | undefined> {
  const go = await findOnPath('go');
  if (!go) {
    log(`No Temporal CLI on PATH or in ${cacheDir}, and no Go to build it with (go is not on PATH).`);
    return undefined;
  }

  const target = cachedTemporalCliPath(cacheDir);
  fs.mkdirSync(cacheDir, { recursive: true });
  const lockFile = path.join(cacheDir, `temporal-${TEMPORAL_CLI_VERSION}.lock`);
  const lock = await acquireBuildLock(lockFile, target, log);
  if (lock === 'built') return target;
  try {
    // The previous lock holder may have finished between our cache check and taking the lock.
    if (isExecutableFile(target)) return target;
    removeOldBuildDirs(cacheDir);
    return await runGoInstall(go, cacheDir, target, lockFile, log);
  } finally {
    lock.release();
  }
}

const BUILD_DIR_PREFIX = `build-${TEMPORAL_CLI_VERSION}-`;

/** Leftovers of builds whose process died; we hold the lock, so none of them is in use. */
function removeOldBuildDirs(cacheDir: string): void {
  for (const name of fs.readdirSync(cacheDir)) {
    if (name.startsWith(BUILD_DIR_PREFIX)) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

async function runGoInstall(
  go: string,
  cacheDir: string,
  target: string,
  lockFile: string,
  log: (msg: string) => void,
): Promise<string | undefined> {
  const gobin = fs.mkdtempSync(path.join(cacheDir, BUILD_DIR_PREFIX));
  log(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install (once, takes a few minutes; ` +
      `cached in ${path.dirname(target)})`,
  );
  const started = Date.now();
  // GOBIN is set through env(1) so that we need not copy (and so read) our own environment.
  const child = spawn('env', [`GOBIN=${gobin}`, go, 'install', PACKAGE], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-64 * 1024);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const progress = setInterval(() => {
    log(`… still building (${formatDuration(Date.now() - started)})`);
    // Keeps the lock fresh for waiters, however slow the machine.
    const now = new Date();
    fs.utimes(lockFile, now, now, () => undefined);
  }, PROGRESS_EVERY_MS);

  const result = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  clearInterval(progress);
  process.off('exit', killOnExit);

  const built = path.join(gobin, 'temporal');
  try {
    if (result.code !== 0 || !isExecutableFile(built)) {
      const tail = output.trim().split('\n').slice(-25).join('\n');
      log(
        `Building the Temporal CLI failed (${result.error?.message ?? `go install exit code ${result.code}`}) ` +
          `after ${formatDuration(Date.now() - started)}${tail ? `:\n${tail}` : ''}`,
      );
      return undefined;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Same file system, so the binary appears complete or not at all.
    fs.renameSync(built, target);
    log(`Built the Temporal CLI in ${formatDuration(Date.now() - started)}: ${target}`);
    return target;
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
}
