import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { enqueueTaskMail, wantsEachTaskMail } from '../../activities/task-mails';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { procedures, tasks, users } from '../../db/schema';
import { HttpError } from '../errors';
import { idParams, type Api } from '../route';
import { assertNotExcluded, assertOpen, seesAllTasks } from './task-access';
import { taskQueries } from './task-queries';

const reassignBody = z.strictObject({ userId: z.uuid('keine gültige Benutzer-ID') });

/** Claim, unclaim and reassign: database operations with audit entries; the workflow keeps waiting. */
export function taskAssignmentRoutes(api: Api, db: Db, publicUrl: string) {
  const { visibleTask, withProcedure } = taskQueries(db);

  api.route({
    method: 'post',
    path: '/api/tasks/:id/claim',
    summary: 'Gruppenaufgabe übernehmen',
    tag: 'tasks',
    access: 'user',
    params: idParams,
    async handler({ params, user }) {
      const task = await visibleTask(params.id, user);
      assertOpen(task);
      assertNotExcluded(task, user.id);
      if (task.claimedBy === user.id) return withProcedure(task.id);
      if (task.claimedBy) throw HttpError.conflict('Die Aufgabe wurde bereits von jemand anderem übernommen');
      const mayClaim = task.assigneeId ? task.assigneeId === user.id || user.substituteFor.includes(task.assigneeId)
        : task.candidateRole !== null && user.roles.includes(task.candidateRole);
      if (!mayClaim) throw HttpError.forbidden('Diese Aufgabe können Sie nicht übernehmen');
      const [claimed] = await db
        .update(tasks)
        .set({ claimedBy: user.id, status: 'claimed' })
        .where(and(eq(tasks.id, task.id), eq(tasks.status, 'open'), sql`${tasks.claimedBy} is null`))
        .returning({ id: tasks.id });
      if (!claimed) throw HttpError.conflict('Die Aufgabe wurde soeben von jemand anderem übernommen');
      await writeAudit(db, { actorId: user.id, action: 'task.claimed', entityType: 'task', entityId: task.id, procedureId: task.procedureId });
      return withProcedure(task.id);
    },
  });

  api.route({
    method: 'post',
    path: '/api/tasks/:id/unclaim',
    summary: 'Übernommene Aufgabe an die Gruppe zurückgeben',
    tag: 'tasks',
    access: 'user',
    params: idParams,
    async handler({ params, user }) {
      const task = await visibleTask(params.id, user);
      assertOpen(task);
      if (!task.claimedBy) throw HttpError.conflict('Die Aufgabe ist nicht übernommen');
      const own = task.claimedBy === user.id || user.substituteFor.includes(task.claimedBy);
      if (!own && !seesAllTasks(user)) throw HttpError.forbidden('Nur wer die Aufgabe übernommen hat, kann sie zurückgeben');
      await db
        .update(tasks)
        .set({ claimedBy: null, status: 'open' })
        .where(and(eq(tasks.id, task.id), eq(tasks.status, 'claimed')));
      await writeAudit(db, {
        actorId: user.id,
        onBehalfOfId: task.claimedBy !== user.id ? task.claimedBy : null,
        action: 'task.unclaimed',
        entityType: 'task',
        entityId: task.id,
        procedureId: task.procedureId,
      });
      return withProcedure(task.id);
    },
  });

  api.route({
    method: 'post',
    path: '/api/tasks/:id/reassign',
    summary: 'Aufgabe einer anderen Person zuweisen',
    tag: 'tasks',
    access: 'user',
    params: idParams,
    body: reassignBody,
    async handler({ params, body, user }) {
      const task = await visibleTask(params.id, user);
      assertOpen(task);
      const holder = task.claimedBy ?? task.assigneeId;
      const mayReassign = seesAllTasks(user) || (holder !== null && (holder === user.id || user.substituteFor.includes(holder)));
      if (!mayReassign) throw HttpError.forbidden('Zuweisen dürfen die Amtsleitung und wer die Aufgabe hält');
      const [target] = await db.select().from(users).where(eq(users.id, body.userId));
      if (!target || !target.active) {
        throw HttpError.badRequest('Unbekannte Person', [{ path: 'body.userId', message: 'keine aktive Person mit dieser ID' }]);
      }
      if (task.excludedUserIds.includes(target.id)) {
        throw HttpError.badRequest('Vier-Augen-Prinzip verletzt', [
          { path: 'body.userId', message: 'diese Person hat den zu prüfenden Schritt selbst erledigt' },
        ]);
      }
      if (task.candidateRole && !target.roles.includes(task.candidateRole)) {
        throw HttpError.badRequest('Falsche Rolle', [
          { path: 'body.userId', message: `die Person hat nicht die Rolle „${task.candidateRole}“` },
        ]);
      }
      await db.transaction(async (tx) => {
        const [moved] = await tx
          .update(tasks)
          .set({ assigneeId: target.id, claimedBy: null, status: 'open' })
          .where(and(eq(tasks.id, task.id), inArray(tasks.status, ['open', 'claimed'])))
          .returning({ dueAt: tasks.dueAt });
        if (!moved) throw HttpError.conflict('Die Aufgabe ist inzwischen nicht mehr offen');
        const [proc] = await tx.select({ title: procedures.title }).from(procedures).where(eq(procedures.id, task.procedureId));
        // The new holder learns of it as of a new task; each reassignment is its own mail.
        await enqueueTaskMail(
          tx,
          'assigned',
          { ...task, procedureTitle: proc?.title ?? task.procedureId, assigneeId: target.id, dueAt: moved.dueAt },
          wantsEachTaskMail(target) ? [target.email] : [],
          publicUrl,
          `reassigned:${randomUUID()}`,
        );
        await writeAudit(tx, {
          actorId: user.id,
          action: 'task.reassigned',
          entityType: 'task',
          entityId: task.id,
          procedureId: task.procedureId,
          detail: { from: holder, to: target.id },
        });
      });
      return withProcedure(task.id);
    },
  });
}
