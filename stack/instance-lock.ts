import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { commandLine, isAlive, readPidFile } from './processes';

/**
 * One embedded stack per DATA_DIR: a second one would fight over the same PostgreSQL and
 * Temporal files. The pid file names the holder; one whose process is gone is stale.
 */
export function acquireInstanceLock(dataDir: string): { release(): void } {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'amtsflow.pid');

  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o644);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
    }
    const pid = readPidFile(file);
    if (pid !== undefined && pid !== process.pid && isHolder(pid)) {
      throw new StackError(
        `Another Amtsflow instance (pid ${pid}) is running with DATA_DIR ${dir}. ` +
          'Stop it first (Ctrl-C in its terminal), or use another DATA_DIR.',
      );
    }
    fs.rmSync(file, { force: true });
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own file: a later instance may have replaced it after we were presumed dead.
    if (readPidFile(file) === process.pid) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { release };
}

/** Alive, and (where the command line is readable) a Node process — pids get reused after a reboot. */
function isHolder(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  return cmd === undefined || /node|tsx/i.test(cmd);
}
