import { defineConfig } from 'drizzle-kit';

// Only `npm run db:generate` uses this: it writes SQL migrations from db/schema.ts, offline.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
