import { defineConfig } from 'drizzle-kit';

// Only `npm run db:generate` uses this: it writes SQL migrations, offline, from the shared tables
// and every procedure module's own (workflows/<type>/schema.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/schema.ts', './workflows/*/schema.ts'],
  out: './db/migrations',
});
