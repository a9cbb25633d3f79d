import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { StackError } from './errors';
import { commandLine, isAlive, readPidFile, tailFile, terminateChild, terminatePid } from './processes';

const READY_TIMEOUT_MS = 60_000;
/**
 * start-dev picks its internal services' ports itself and panics when that fails for a moment
 * (seen once in CI, two minutes into a busy run); a second start on the same file is unaffected.
 */
const EARLY_EXIT_ATTEMPTS = 3;
const SHUTDOWN_STEPS = [
  { signal: 'SIGTERM', waitMs: 10_000 },
  { signal: 'SIGKILL', waitMs: 5_000 },
] as const;

export interface TemporalDevServerOptions {
  /** The `temporal` CLI binary (see resolveTemporalCli). */
  cli: string;
  dataDir: string;
  port: number;
  /** Web UI port; without one the server runs headless. */
  uiPort?: number;
  namespace: string;
  log: (msg: string) => void;
}

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  /** The dev server's process id (also in `<dataDir>/temporal.pid`). */
  pid: number | undefined;
  /** Resolves with how the server ended (after stop() too). */
  ended: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs `temporal server start-dev` with its state in `<dataDir>/temporal.db` (SQLite, so workflows
 * survive a restart) and its output in `<dataDir>/temporal.log`; resolves once the frontend
 * answers and the namespace exists.
 */
export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts);
    } catch (err) {
      if (!(err instanceof EarlyExit) || attempt >= EARLY_EXIT_ATTEMPTS) throw err;
      opts.log(`${err.cause}; starting it again (attempt ${attempt + 1} of ${EARLY_EXIT_ATTEMPTS}) …`);
    }
  }
}

/** The server ended before it answered: `cause` says how, in one line. */
class EarlyExit extends StackError {
  constructor(message: string, override readonly cause: string) {
    super(message);
  }
}

async function startOnce(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, 'temporal.db');
  const logFile = path.join(dataDir, 'temporal.log');
  const pidFile = path.join(dataDir, 'temporal.pid');
  const address = `127.0.0.1:${opts.port}`;

  await stopLeftoverTemporal(dataDir, opts.log);

  const args = [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    ...(opts.uiPort !== undefined ? ['--ui-port', String(opts.uiPort)] : ['--headless']),
    '--log-level',
    'warn',
    '--log-format',
    'text',
    '--color',
    'never',
    // start-dev always creates "default"; only another one needs naming.
    ...(opts.namespace !== 'default' ? ['--namespace', opts.namespace] : []),
  ];

  const logFd = fs.openSync(logFile, 'a', 0o600);
  const logStart = fs.fstatSync(logFd).size;
  let child: ChildProcess;
  try {
    fs.writeSync(logFd, `---- ${new Date().toISOString()} Amtsflow starts: ${opts.cli} ${args.join(' ')} ----\n`);
    // Own process group, so that a Ctrl-C reaches only us and we stop the server after the
    // worker; output straight into the file, so that it does not depend on us staying alive.
    child = spawn(opts.cli, args, { detached: true, stdio: ['ignore', logFd, logFd] });
  } finally {
    fs.closeSync(logFd);
  }
  if (child.pid !== undefined) fs.writeFileSync(pidFile, `${child.pid}\n`);

  // The 'exit' event covers normal exits, process.exit() and uncaught errors, but it runs no
  // async code, so the server is killed rather than asked. A SIGKILL of node leaves the server
  // running (nothing runs in node then, and Linux's parent-death signal is not reachable from
  // Node); the next start finds it through temporal.pid (stopLeftoverTemporal).
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      fs.rmSync(pidFile, { force: true });
    }
  };
  process.on('exit', killOnExit);
  const ended = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit);
      resolve(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
  });

  const stop = async () => {
    await terminateChild(child, SHUTDOWN_STEPS);
    process.off('exit', killOnExit);
    if (readPidFile(pidFile) === child.pid) fs.rmSync(pidFile, { force: true });
  };

  try {
    const started = Date.now();
    await waitUntilReady(child, address, opts.namespace, logFile, logStart);
    opts.log(`Temporal dev server ready on ${address} after ${((Date.now() - started) / 1000).toFixed(1)}s.`);
  } catch (err) {
    await stop();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    address,
    ...(opts.uiPort !== undefined ? { uiUrl: `http://127.0.0.1:${opts.uiPort}` } : {}),
    pid: child.pid,
    ended,
    stop() {
      stopping ??= stop();
      return stopping;
    },
  };
}

/**
 * A dev server still running on this data directory is a leftover of a run that died without
 * stopping it (the instance lock keeps out live ones); it would hold the SQLite file and its
 * ports. Only a process that is recognisably a `start-dev` on our file is killed, as pids get reused.
 */
export async function stopLeftoverTemporal(dataDir: string, log: (msg: string) => void): Promise<void> {
  const dir = path.resolve(dataDir);
  const pidFile = path.join(dir, 'temporal.pid');
  const pid = readPidFile(pidFile);
  if (pid === undefined) return;
  const cmd = isAlive(pid) ? commandLine(pid) : undefined;
  if (cmd !== undefined && cmd.includes('start-dev') && cmd.includes(path.join(dir, 'temporal.db'))) {
    log(`Stopping a Temporal dev server left over from an earlier run (pid ${pid})…`);
    if (!(await terminatePid(pid, SHUTDOWN_STEPS))) {
      throw new StackError(
        `A Temporal dev server left over from an earlier run (pid ${pid}) does not stop. ` +
          `Stop it by hand (kill -9 ${pid}) and start again.`,
      );
    }
  }
  fs.rmSync(pidFile, { force: true });
}

function firstPanicLine(logFile: string, from: number): string | undefined {
  try {
    const text = fs.readFileSync(logFile).subarray(from).toString('utf8');
    return text.split('\n').find((line) => line.startsWith('panic:'))?.trim();
  } catch {
    return undefined;
  }
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

async function waitUntilReady(
  child: ChildProcess,
  address: string,
  namespace: string,
  logFile: string,
  logStart: number,
): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  child.once('error', (err) => {
    exited = err.message;
  });
  const [host = '127.0.0.1', portText = ''] = address.split(':');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'its port is not open yet';
  for (;;) {
    if (exited !== undefined) {
      // A Go panic prints its reason first and a long trace after it, so the tail alone hides it.
      const reason = firstPanicLine(logFile, logStart);
      const how = `The Temporal dev server stopped right after starting (${exited}${reason ? `: ${reason}` : ''})`;
      throw new EarlyExit(`${how}. Last lines of ${logFile}:\n${tailFile(logFile, 20, logStart)}`, how);
    }
    if (Date.now() > deadline) {
      throw new StackError(
        `The Temporal dev server did not become ready within ${READY_TIMEOUT_MS / 1000}s (${lastError}). ` +
          `Last lines of ${logFile}:\n${tailFile(logFile, 20, logStart)}`,
      );
    }
    // A plain TCP probe first: a gRPC channel that failed backs off for seconds before retrying.
    if (await portOpen(host, Number(portText))) {
      // A fresh connection each time, for the same reason.
      const connection = Connection.lazy({ address, connectTimeout: '3s' });
      try {
        await connection.ensureConnected();
        // start-dev registers namespaces a moment after the frontend answers.
        await connection.withDeadline(Date.now() + 3000, () =>
          connection.workflowService.describeNamespace({ namespace }),
        );
        return;
      } catch (err) {
        lastError = (err as Error).message;
      } finally {
        await connection.close().catch(() => undefined);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface SdkDevServerOptions {
  log: (msg: string) => void;
  /** Created at start; "default" if omitted. */
  namespace?: string;
  /** Where to keep its SQLite file (`<dataDir>/temporal.db`); in memory if omitted. */
  dataDir?: string;
}

/**
 * The last resort where no Temporal CLI can be found or built: the SDK downloads a dev server
 * (needs internet access to temporal.download).
 */
export async function startSdkDevServer(opts: SdkDevServerOptions): Promise<{ address: string; stop(): Promise<void> }> {
  // Loaded only here: the testing package pulls in the worker's native bridge.
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  opts.log('Downloading and starting a Temporal dev server through the Temporal SDK (needs internet access)…');
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: '127.0.0.1',
        ...(opts.namespace ? { namespace: opts.namespace } : {}),
        ...(opts.dataDir ? { dbFilename: path.join(path.resolve(opts.dataDir), 'temporal.db') } : {}),
      },
    });
    return { address: env.address, stop: () => env.teardown() };
  } catch (err) {
    throw new StackError(
      `No Temporal server: the Temporal SDK could not download its dev server (${(err as Error).message}). ` +
        'Do one of: put the Temporal CLI on PATH or set TEMPORAL_CLI to it; install Go, so that Amtsflow ' +
        'can build the CLI once (go install, from the Go module proxy); or set TEMPORAL_ADDRESS to a running ' +
        'Temporal server.',
    );
  }
}
