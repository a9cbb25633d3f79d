import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  // A server that takes the connection but does not answer (hung, or something else on its port)
  // must not hold a request, or a shutdown, for ever.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', (err) => console.warn(`[db] idle connection error: ${err.message}`));
  // Nor one that is checked out (a transaction between its statements): the pool listens only to
  // idle clients, and an 'error' nobody listens to ends the process. Its next statement fails instead.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return drizzle(pool, { schema }) as Db;
}

export async function closeDb(db: Db): Promise<void> {
  await db.$client.end();
}

/** What drizzle hands a transaction callback: anything that writes can take either. */
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | DbTransaction;
