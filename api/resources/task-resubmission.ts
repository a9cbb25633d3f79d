import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { tasks } from '../../db/schema';
import { HttpError } from '../errors';
import { dayOrMomentFilter } from '../list-query';
import { idParams, type Api } from '../route';
import { completionRight } from './task-access';
import { taskQueries } from './task-queries';

// Wiedervorlage: a task put aside until a day ("Wiedervorlage am 14.12.2026: Unterlagen vom Träger
// abwarten") leaves the inboxes until then and comes back marked with its reason. Only the row
// changes: its deadline stays, and the workflow's reminders and escalation run on as they would.

const resubmitBody = z.strictObject({
  /** A day (back at its beginning, Berlin time) or a moment. */
  resubmitAt: dayOrMomentFilter,
  reason: z.string('Bitte einen Grund für die Wiedervorlage angeben').trim().min(3, 'Bitte einen Grund mit mindestens 3 Zeichen angeben').max(500),
});

export function taskResubmissionRoutes(api: Api, db: Db) {
  const { visibleTask, withProcedure } = taskQueries(db);

  /** Who may work on a task may put it aside: its holder (or their substitute), or its group's members. */
  async function workableTask(id: string, user: Parameters<typeof completionRight>[1]) {
    const task = await visibleTask(id, user);
    completionRight(task, user);
    return task;
  }

  api.route({
    method: 'post',
    path: '/api/tasks/:id/resubmission',
    summary: 'Aufgabe auf Wiedervorlage legen: bis zu diesem Tag aus den Posteingängen, dann mit dem Grund markiert zurück; Frist und Erinnerungen laufen weiter',
    tag: 'tasks',
    access: 'user',
    params: idParams,
    body: resubmitBody,
    rules: ['resubmitAt: ein Tag nach heute (bzw. ein Zeitpunkt in der Zukunft), höchstens ein Jahr voraus'],
    async handler({ params, body, user }) {
      const task = await workableTask(params.id, user);
      // A day is its beginning in Berlin: "Wiedervorlage am 14.12." is back that morning.
      const moment = body.resubmitAt.length === 10 ? sql`(${body.resubmitAt}::timestamp at time zone 'Europe/Berlin')` : sql`${body.resubmitAt}::timestamptz`;
      const [check] = (
        await db.execute<{ at: string; future: boolean; within: boolean }>(
          sql`select ${moment} as at, ${moment} > now() as future, ${moment} <= now() + interval '1 year' as within`,
        )
      ).rows;
      if (!check?.future) {
        throw HttpError.badRequest('Die Wiedervorlage braucht ein Datum in der Zukunft', [
          { path: 'body.resubmitAt', message: 'Bitte einen Tag nach heute wählen' },
        ]);
      }
      if (!check.within) {
        throw HttpError.badRequest('Die Wiedervorlage darf höchstens ein Jahr voraus liegen', [
          { path: 'body.resubmitAt', message: 'höchstens ein Jahr voraus' },
        ]);
      }
      const resubmitAt = new Date(check.at);
      await db.transaction(async (tx) => {
        const [put] = await tx
          .update(tasks)
          .set({ resubmitAt, resubmitReason: body.reason })
          .where(and(eq(tasks.id, task.id), inArray(tasks.status, ['open', 'claimed'])))
          .returning({ id: tasks.id });
        if (!put) throw HttpError.conflict('Die Aufgabe ist inzwischen nicht mehr offen');
        await writeAudit(tx, {
          actorId: user.id,
          action: 'task.resubmission',
          entityType: 'task',
          entityId: task.id,
          procedureId: task.procedureId,
          detail: { resubmitAt: resubmitAt.toISOString(), reason: body.reason },
        });
      });
      return withProcedure(task.id);
    },
  });

  api.route({
    method: 'delete',
    path: '/api/tasks/:id/resubmission',
    summary: 'Wiedervorlage aufheben: die Aufgabe steht sofort wieder im Posteingang',
    tag: 'tasks',
    access: 'user',
    params: idParams,
    async handler({ params, user }) {
      const task = await workableTask(params.id, user);
      if (!task.resubmitAt) throw HttpError.conflict('Die Aufgabe liegt nicht auf Wiedervorlage');
      await db.transaction(async (tx) => {
        await tx.update(tasks).set({ resubmitAt: null, resubmitReason: null }).where(eq(tasks.id, task.id));
        await writeAudit(tx, { actorId: user.id, action: 'task.resubmission-cancelled', entityType: 'task', entityId: task.id, procedureId: task.procedureId });
      });
      return withProcedure(task.id);
    },
  });
}
