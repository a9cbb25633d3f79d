import { execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function isExecutableFile(file: string): boolean {
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
export function findOnPath(command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' }, (err, stdout) => {
      const found = stdout.trim().split('\n')[0]?.trim() ?? '';
      resolve(!err && path.isAbsolute(found) && isExecutableFile(found) ? found : undefined);
    });
  });
}

export interface LongRunOptions {
  /** Called every `everyMs` while the child runs: a progress line, and the lock's heartbeat. */
  progress: (elapsedMs: number) => void;
  everyMs: number;
  /** Sees every chunk of output (e.g. to count downloads). */
  onOutput?: (text: string) => void;
}

/**
 * Waits for a build or fetch that takes minutes (go install, mvn): progress while it runs, its
 * last 64 KB of output kept for the error message, and the child killed if this process exits.
 */
export async function waitForLongRun(child: ChildProcess, opts: LongRunOptions): Promise<{ code: number | null; error?: Error; output: string }> {
  const started = Date.now();
  let output = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    opts.onOutput?.(text);
    output = (output + text).slice(-64 * 1024);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const progress = setInterval(() => opts.progress(Date.now() - started), opts.everyMs);
  const result = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  clearInterval(progress);
  process.off('exit', killOnExit);
  return { ...result, output };
}
