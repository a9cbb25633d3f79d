import { execFile } from 'node:child_process';
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
