import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { roleMembers } from '../activities/task-mails';
import type { Db } from '../db/client';
import { incidents, procedures } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { plainWords } from './plain-words';
import { incidentNoticeKey } from './record';

type IncidentRow = typeof incidents.$inferSelect;

interface FailureLike {
  message?: string | null;
  cause?: FailureLike | null;
}

/**
 * The failure as the interceptor words it (errorText): Drizzle's "Failed query: <the whole SQL and
 * its parameters>" gives way to its cause, the database's own words. The same text from both
 * sides, so that a reconcile does not overwrite the cause with the wrapper.
 */
export function failureText(failure: FailureLike): string {
  const message = failure.message ?? '';
  if (message.startsWith('Failed query:') && failure.cause) return failureText(failure.cause);
  return message;
}

/**
 * An activity incident as Temporal describes it now: its attempt count and last failure while it is
 * still pending, or gone (it succeeded, or its procedure ended) — then it is resolved here.
 */
export async function reconcileActivity(db: Db, temporal: Client, row: IncidentRow): Promise<IncidentRow | undefined> {
  const target = row.target as { workflowId?: string; activityId?: string };
  if (!target.workflowId || !target.activityId) return row;
  let pending;
  try {
    const described = await temporal.workflow.getHandle(target.workflowId).describe();
    pending = described.raw.pendingActivities?.find((a) => a.activityId === target.activityId);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) return row;
  }
  if (!pending) {
    await db.update(incidents).set({ resolvedAt: sql`now()` }).where(and(eq(incidents.id, row.id), isNull(incidents.resolvedAt)));
    return undefined;
  }
  const attempts = pending.attempt ?? row.attempts;
  const error = pending.lastFailure ? failureText(pending.lastFailure) : row.error;
  if (attempts !== row.attempts || error !== row.error) {
    await db.update(incidents).set({ attempts, error, lastSeenAt: sql`now()` }).where(eq(incidents.id, row.id));
  }
  return { ...row, attempts, error };
}

export interface IncidentWatchOptions {
  db: Db;
  temporal: Client;
  publicUrl: string;
  /** An incident open this long is mailed to the administrators, once. */
  notifyAfterMs: number;
  everyMs: number;
  log: (msg: string) => void;
}

/** In every worker: reconciles open activity incidents with Temporal, and tells the admins of lasting ones. */
export function startIncidentWatch(opts: IncidentWatchOptions): { stop(): Promise<void> } {
  const { db } = opts;
  let running: Promise<void> | undefined;
  async function round(): Promise<void> {
    const open = await db.select().from(incidents).where(isNull(incidents.resolvedAt)).limit(200);
    for (const row of open.filter((r) => r.kind === 'activity')) await reconcileActivity(db, opts.temporal, row);
    const lasting = await db
      .select({ incident: incidents, title: procedures.title })
      .from(incidents)
      .leftJoin(procedures, eq(procedures.id, incidents.procedureId))
      .where(
        and(
          isNull(incidents.resolvedAt),
          isNull(incidents.notifiedAt),
          lt(incidents.since, sql`now() - ${opts.notifyAfterMs} * interval '1 millisecond'`),
          // A notice that cannot be sent is not told by another one (see mail/dispatcher.ts).
          sql`not coalesce((${incidents.target} ->> 'notice')::boolean, false)`,
        ),
      );
    for (const { incident, title } of lasting) {
      await db.transaction(async (tx) => {
        const admins = await roleMembers(tx, 'admin');
        if (admins.length > 0) {
          await enqueueMail(tx, {
            idempotencyKey: incidentNoticeKey(incident.id),
            to: admins.map((a) => a.email),
            subject: `Störung: ${title ?? incident.subject}`,
            text:
              `Guten Tag,\n\nin Amtsflow besteht seit ${incident.since.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })} eine Störung.\n\n` +
              `${title ? `Vorgang: ${title}\n` : ''}Betroffen: ${incident.subject}\nUrsache: ${plainWords(incident.error)}\n` +
              `Versuche bisher: ${incident.attempts}\n\nZu den Störungen: ${opts.publicUrl}/#/incidents\n\n` +
              `Diese Nachricht wurde von Amtsflow, dem Vorgangssystem des Amts für Integration, versandt.`,
            procedureId: incident.procedureId ?? undefined,
          });
        }
        await tx.update(incidents).set({ notifiedAt: sql`now()` }).where(eq(incidents.id, incident.id));
      });
    }
  }
  const tick = () => {
    if (running) return;
    running = round()
      .catch((err: unknown) => opts.log(`[incidents] watch failed: ${(err as Error).message}`))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, opts.everyMs);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
