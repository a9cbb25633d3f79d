import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { incidentKinds, incidents, mailOutbox, procedures } from '../../db/schema';
import { plainWords } from '../../incidents/plain-words';
import { reconcileActivity } from '../../incidents/watch';
import { OUTBOX_CHANNEL } from '../../mail/outbox';
import { HttpError } from '../errors';
import { sendList } from '../list-query';
import { idParams, type Api } from '../route';


const incidentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(incidentKinds),
    procedureId: z.string().nullable(),
    procedureTitle: z.string().nullable(),
    /** Where the procedure stood when it got stuck. */
    step: z.string().nullable(),
    /** What fails: the step's activity, the mail, the feed. */
    subject: z.string(),
    /** The cause in words. */
    cause: z.string(),
    /** The technical message, for whoever fixes it. */
    error: z.string(),
    attempts: z.number(),
    since: z.date(),
    lastSeenAt: z.date(),
    /** Whether an admin can retry it at once. */
    retryable: z.boolean(),
  })
  .meta({ id: 'Incident' });

type Row = typeof incidents.$inferSelect;

export interface IncidentRouteDeps {
  db: Db;
  temporal: Client;
}

/** Störungen for administrators: what keeps failing, since when, how often; and the retry. */
export function incidentRoutes(api: Api, { db, temporal }: IncidentRouteDeps) {
  async function view(rows: Row[]) {
    const ids = [...new Set(rows.map((r) => r.procedureId).filter((p): p is string => p !== null))];
    const procs = ids.length ? await db.select({ id: procedures.id, title: procedures.title, currentStep: procedures.currentStep }).from(procedures).where(inArray(procedures.id, ids)) : [];
    return rows.map((r) => {
      const p = procs.find((x) => x.id === r.procedureId);
      const target = r.target as { local?: boolean };
      return {
        id: r.id,
        kind: r.kind,
        procedureId: r.procedureId,
        procedureTitle: p?.title ?? null,
        step: p?.currentStep ?? null,
        subject: r.subject,
        cause: plainWords(r.error),
        error: r.error,
        attempts: r.attempts,
        since: r.since,
        lastSeenAt: r.lastSeenAt,
        // A local activity retries within its workflow task; Temporal cannot reset it from outside.
        retryable: !(r.kind === 'activity' && target.local),
      };
    });
  }

  async function openIncidents(): Promise<Row[]> {
    const open = await db.select().from(incidents).where(isNull(incidents.resolvedAt)).orderBy(desc(incidents.since)).limit(200);
    // Temporal's own description is the truth for an activity: its attempts now, or resolved.
    const current = await Promise.all(open.map((r) => (r.kind === 'activity' ? reconcileActivity(db, temporal, r) : r)));
    return current.filter((r): r is Row => r !== undefined);
  }

  async function load(id: string): Promise<Row> {
    const [row] = await db.select().from(incidents).where(and(eq(incidents.id, id), isNull(incidents.resolvedAt)));
    if (!row) throw HttpError.notFound('Störung');
    return row;
  }

  api.route({
    method: 'get',
    path: '/api/incidents',
    summary: 'Störungen: was wiederholt fehlschlägt, seit wann, wie oft (Administration)',
    tag: 'incidents',
    access: ['admin'],
    response: z.array(incidentSchema),
    async handler({ res }) {
      const rows = await view(await openIncidents());
      return sendList(res, 'incidents', rows, rows.length, 0);
    },
  });

  api.route({
    method: 'post',
    path: '/api/incidents/:id/retry',
    summary: 'Eine Störung sofort erneut versuchen (Schritt neu anstoßen, Mail erneut senden, Zeitplan auslösen)',
    tag: 'incidents',
    access: ['admin'],
    params: idParams,
    response: incidentSchema,
    async handler({ params, user }) {
      const row = await load(params.id);
      const target = row.target as { workflowId?: string; runId?: string; activityId?: string; local?: boolean; mailId?: string; scheduleId?: string | null };
      if (row.kind === 'activity') {
        if (target.local || !target.workflowId || !target.activityId) throw HttpError.conflict('Dieser Schritt wiederholt sich selbst und lässt sich nicht von außen anstoßen');
        // Back to attempt one, at once, instead of the remaining backoff.
        await temporal.workflowService.resetActivity({
          namespace: temporal.options.namespace,
          execution: { workflowId: target.workflowId },
          id: target.activityId,
          resetHeartbeat: true,
          identity: `amtsflow-admin:${user.id}`,
        });
      } else if (row.kind === 'mail' && target.mailId) {
        await db.transaction(async (tx) => {
          await tx
            .update(mailOutbox)
            .set({ status: 'retry', nextAttemptAt: sql`now()` })
            .where(and(eq(mailOutbox.id, target.mailId as string), inArray(mailOutbox.status, ['retry', 'failed'])));
          await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, ${target.mailId as string})`);
        });
      } else if (row.kind === 'job' && target.scheduleId) {
        // The schedule names each run by the second it starts in, so a trigger in the second of the run that
        // reported the disturbance would be refused as a duplicate; and that run may still be finishing. The
        // retry starts the schedule's workflow itself, under a name of its own.
        const { action } = await temporal.schedule.getHandle(target.scheduleId).describe();
        if (action.type !== 'startWorkflow') throw HttpError.conflict('Für diese Störung gibt es keinen erneuten Versuch');
        await temporal.workflow.start(action.workflowType, {
          taskQueue: action.taskQueue,
          args: action.args ?? [],
          workflowId: `${action.workflowId}-erneut-${randomUUID()}`,
        });
      } else {
        throw HttpError.conflict('Für diese Störung gibt es keinen erneuten Versuch');
      }
      await writeAudit(db, {
        actorId: user.id,
        action: 'incident.retried',
        entityType: 'incidents',
        entityId: row.id,
        procedureId: row.procedureId,
        detail: { kind: row.kind, subject: row.subject, attempts: row.attempts },
      });
      const [view1] = await view([row]);
      return view1;
    },
  });
}

/** How many disturbances are open: /health and the dashboard count them. */
export async function openIncidentCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(isNull(incidents.resolvedAt));
  return row?.n ?? 0;
}
