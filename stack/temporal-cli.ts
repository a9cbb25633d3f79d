import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireCacheLock, PROGRESS_EVERY_MS, type CacheLock } from './cache-lock';
import { StackError } from './errors';
import { findOnPath, isExecutableFile, waitForLongRun } from './executables';
import { formatDuration } from './processes';

/**
 * v1.5.1 (Temporal server 1.29.1) is the newest CLI whose go.mod has no `replace` directive,
 * which `go install pkg@version` refuses (DESIGN.md §3).
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const PACKAGE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

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
  const lock = await acquireCacheLock(lockFile, {
    isReady: () => isExecutableFile(target),
    activity: `building the Temporal CLI ${TEMPORAL_CLI_VERSION}`,
    log,
  });
  if (lock === 'ready') return target;
  try {
    // The previous lock holder may have finished between our cache check and taking the lock.
    if (isExecutableFile(target)) return target;
    removeOldBuildDirs(cacheDir);
    return await runGoInstall(go, cacheDir, target, lock, log);
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
  lock: CacheLock,
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
  const result = await waitForLongRun(child, {
    everyMs: PROGRESS_EVERY_MS,
    progress: (elapsed) => {
      log(`… still building (${formatDuration(elapsed)})`);
      lock.touch();
    },
  });
  const { output } = result;

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
