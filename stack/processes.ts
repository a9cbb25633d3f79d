import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Whether a process with this id exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie still answers kill(0); in containers whose PID 1 does not reap, leftovers stay zombies.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** The process's command line, or undefined if it is gone or cannot be read. */
export function commandLine(pid: number): string | undefined {
  if (!isAlive(pid)) return undefined;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    // No /proc (macOS): ask ps.
  }
  try {
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Reads a pid file; undefined if missing or not a number. */
export function readPidFile(file: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim().split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until a process (not necessarily our child) is gone; false on timeout. */
export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Ends a process that is not our child by escalating signals, each given its time to work.
 * Returns false if it survived even the last one.
 */
export async function terminatePid(
  pid: number,
  steps: ReadonlyArray<{ signal: NodeJS.Signals; waitMs: number }>,
): Promise<boolean> {
  for (const { signal, waitMs } of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return true;
    }
    if (await waitForPidExit(pid, waitMs)) return true;
  }
  return !isAlive(pid);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Ends our own child by escalating signals; resolves once it has exited (or after the last step). */
export async function terminateChild(
  child: ChildProcess,
  steps: ReadonlyArray<{ signal: NodeJS.Signals; waitMs: number }>,
): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const { signal, waitMs } of steps) {
    if (hasExited(child)) return;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), waitMs);
      }),
    ]);
    clearTimeout(timer);
    if (!timedOut) return;
  }
}

/** The last lines of a (log) file, for error messages; `from` skips what earlier runs wrote. */
export function tailFile(file: string, lines = 20, from = 0): string {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.max(0, Math.min(size - from, 16 * 1024));
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, size - length);
      return buf.toString('utf8').split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** "1m30s", "45s". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
