import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './client';

const migrationsFolder = path.join(__dirname, 'migrations');
const MIGRATION_LOCK = 7_317_001;

/**
 * Applies drizzle-kit's SQL migrations; run by every process on start, a no-op when up to date.
 * An advisory lock lets an API and several workers start at once without racing.
 */
export async function migrateDb(db: Db): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(db, { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

