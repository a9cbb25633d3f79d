import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { procedures, tasks } from '../../db/schema';
import { HttpError } from '../errors';
import type { SessionUser } from '../session-user';
import { mayView } from './task-access';

export const taskColumns = {
  id: tasks.id,
  procedureId: tasks.procedureId,
  procedureTitle: procedures.title,
  procedureType: tasks.procedureType,
  taskKey: tasks.taskKey,
  title: tasks.title,
  formKind: tasks.formKind,
  assigneeId: tasks.assigneeId,
  candidateRole: tasks.candidateRole,
  claimedBy: tasks.claimedBy,
  status: tasks.status,
  priority: tasks.priority,
  dueAt: tasks.dueAt,
  resubmitAt: tasks.resubmitAt,
  resubmitReason: tasks.resubmitReason,
  createdAt: tasks.createdAt,
  completedAt: tasks.completedAt,
};

export function taskQueries(db: Db) {
  async function loadTask(id: string) {
    const [task] = await db.select().from(tasks).where(eq(tasks.id, id));
    if (!task) throw HttpError.notFound('Aufgabe');
    return task;
  }

  async function visibleTask(id: string, user: SessionUser) {
    const task = await loadTask(id);
    if (!mayView(task, user)) throw HttpError.notFound('Aufgabe');
    return task;
  }

  async function withProcedure(id: string) {
    const [row] = await db
      .select({ ...taskColumns, context: tasks.context, result: tasks.result, excludedUserIds: tasks.excludedUserIds })
      .from(tasks)
      .innerJoin(procedures, eq(procedures.id, tasks.procedureId))
      .where(eq(tasks.id, id));
    return row;
  }

  return { loadTask, visibleTask, withProcedure };
}
