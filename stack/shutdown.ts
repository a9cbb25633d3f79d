import { ConfigError } from '../config/config';
import { StackError } from './errors';

type Stop = () => Promise<void>;

/**
 * Runs a process until SIGINT/SIGTERM, then stops its parts in reverse order. A second
 * Ctrl-C exits at once; a start that fails stops what did start and explains itself, and so
 * does a part that gives up later (`fail`, e.g. a server that will not stay up): exit code 1.
 */
export async function runUntilSignal(
  name: string,
  start: (onStop: (stop: Stop) => void, fail: (message: string) => void) => Promise<void>,
): Promise<void> {
  const stops: Stop[] = [];
  let stopping = false;

  async function shutdown(code: number): Promise<never> {
    if (stopping) process.exit(code);
    stopping = true;
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        console.error(`[${name}] while stopping: ${(err as Error).message}`);
      }
    }
    process.exit(code);
  }

  // SIGHUP: the terminal was closed; without a handler node dies without running exit hooks.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) {
        console.error(`[${name}] forced exit`);
        process.exit(130);
      }
      console.log(`\n[${name}] ${signal} received, stopping …`);
      void shutdown(0);
    });
  }

  const fail = (message: string) => {
    if (stopping) return;
    console.error(`\n[${name}] ${message}\n`);
    void shutdown(1);
  };

  try {
    await start((stop) => stops.push(stop), fail);
  } catch (err) {
    const said = err instanceof StackError || err instanceof ConfigError ? err.message : systemErrorInWords(err);
    if (said !== undefined) console.error(`\n[${name}] ${said}\n`);
    else console.error(`[${name}] start failed:`, err);
    await shutdown(1);
  }
}

/**
 * A file system or network error the start did not foresee (a folder taken away, a disk full), in
 * one line with what to do; undefined for anything else, which is a bug and keeps its stack trace.
 */
export function systemErrorInWords(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (typeof e?.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  const what = e.path ?? (e.port !== undefined ? `${e.address ?? ''}:${e.port}` : undefined);
  const doing = `${e.syscall}${what ? ` ${what}` : ''}`;
  const fixes: Record<string, string> = {
    EACCES: 'the user running Amtsflow may not do that: fix the owner or mode, or set DATA_DIR to a folder of its own',
    EPERM: 'the user running Amtsflow may not do that: fix the owner or mode, or set DATA_DIR to a folder of its own',
    EROFS: 'the file system is read-only: set DATA_DIR to a writable folder',
    ENOSPC: 'the disk is full: free some space and start again',
    EDQUOT: 'the disk quota is used up: free some space and start again',
    ENOTDIR: 'a part of the path is a file, not a folder: move it away or set DATA_DIR to another folder',
    EEXIST: 'a file is in the way: move it away or set DATA_DIR to another folder',
    ENOENT: 'it was removed while starting: start again',
    EADDRINUSE: 'the port is taken: stop the program using it or choose another port (see the README for the PORT settings)',
    EMFILE: 'too many open files: raise the limit (ulimit -n) and start again',
  };
  const fix = fixes[e.code];
  return fix === undefined ? undefined : `The start failed: ${doing} (${e.code}): ${fix}.`;
}
