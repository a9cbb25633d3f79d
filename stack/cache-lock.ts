import fs from 'node:fs';
import os from 'node:os';
import { formatDuration, isAlive } from './processes';

// One lock for every tool Amtsflow puts into its cache once (the Temporal CLI, the Java test
// server): two starts at the same time must not build or fetch the same thing twice.

const LOCK_STALE_MS = 20 * 60_000;
export const PROGRESS_EVERY_MS = 15_000;

interface LockHolder {
  pid: number;
  host: string;
  ageMs: number;
}

export interface CacheLock {
  /** Keeps the lock fresh for waiters during a long build, however slow the machine. */
  touch(): void;
  release(): void;
}

export interface AcquireCacheLockOptions {
  /** True once what the lock guards is in the cache: then a waiter needs no lock any more. */
  isReady: () => boolean;
  /** What the holder does, for the waiter's messages: "building the Temporal CLI v1.5.1". */
  activity: string;
  log: (msg: string) => void;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock (O_EXCL): the second of two concurrent starts waits, and is done when the first
 * one's result appears. 'ready' means it appeared meanwhile, and no lock was taken.
 */
export async function acquireCacheLock(lockFile: string, opts: AcquireCacheLockOptions): Promise<CacheLock | 'ready'> {
  let waitingSince: number | undefined;
  let lastNote = 0;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n`);
      fs.closeSync(fd);
      return {
        touch() {
          const now = new Date();
          fs.utimes(lockFile, now, now, () => undefined);
        },
        release() {
          if (readLock(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (opts.isReady()) return 'ready';
    const holder = readLock(lockFile);
    if (holder === undefined) continue;
    if (isStale(holder)) {
      opts.log(`Removing a stale lock (pid ${holder.pid} is gone or took too long): ${lockFile}`);
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    const now = Date.now();
    if (waitingSince === undefined) {
      waitingSince = now;
      lastNote = now;
      opts.log(`Another Amtsflow process (pid ${holder.pid}) is ${opts.activity}; waiting for it…`);
    } else if (now - lastNote >= PROGRESS_EVERY_MS) {
      lastNote = now;
      opts.log(`… still waiting for pid ${holder.pid} (${formatDuration(now - waitingSince)})`);
    }
    await sleep(1000);
  }
}
