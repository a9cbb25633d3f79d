import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { Express } from 'express';
import type { Db } from '../db/client';
import { openIncidentCount } from './resources/incidents';

export interface HealthDeps {
  db: Db;
  temporal: Client;
  /** Whether the SMTP server answers; cached by the caller, since a check opens a connection. */
  mailReachable: () => Promise<boolean>;
}

async function within(ms: number, check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), ms);
      }),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoute(app: Express, { db, temporal, mailReachable }: HealthDeps) {
  app.get('/health', async (_req, res) => {
    const [database, engine, mail] = await Promise.all([
      within(2000, () => db.execute(sql`select 1`)),
      within(2000, () => temporal.workflowService.getSystemInfo({})),
      within(3000, async () => {
        if (!(await mailReachable())) throw new Error('smtp down');
      }),
    ]);
    const ok = database === 'up' && engine === 'up' && mail === 'up';
    // Disturbances (an activity that keeps failing) make the system degraded, not down: 200 still.
    const incidents = database === 'up' ? await openIncidentCount(db).catch(() => null) : null;
    const status = ok && !incidents ? 'ok' : 'degraded';
    res.status(ok ? 200 : 503).json({ status, database, temporal: engine, mail, incidents });
  });
}
