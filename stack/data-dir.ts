import fs from 'node:fs';
import os from 'node:os';
import { StackError } from './errors';

/**
 * DATA_DIR must be a folder this user can write: made if missing. Said in one line with the fix
 * when it is not, before anything else happens (otherwise a raw ENOTDIR or EACCES from deep inside).
 */
export function prepareDataDir(dataDir: string): void {
  const elsewhere = 'or set DATA_DIR to another folder';
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      throw new StackError(`DATA_DIR ${dataDir} cannot be made: a part of its path is a file. Remove that file ${elsewhere}.`);
    }
    if (code !== 'ENOENT') throw new StackError(`DATA_DIR ${dataDir} cannot be read (${code}): fix its permissions ${elsewhere}.`);
  }
  if (st && !st.isDirectory()) {
    throw new StackError(`DATA_DIR ${dataDir} is a file, not a folder: move the file away ${elsewhere}.`);
  }
  if (!st) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new StackError(
        `DATA_DIR ${dataDir} cannot be created (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code}): ` +
          `create it for user ${os.userInfo().username} ${elsewhere}.`,
      );
    }
  }
  try {
    fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EROFS' ? 'it is on a read-only file system' : `user ${os.userInfo().username} may not write in it`;
    throw new StackError(`DATA_DIR ${dataDir} is not writable (${why}): make it writable ${elsewhere}.`);
  }
}
