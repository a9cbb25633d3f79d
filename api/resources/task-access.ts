import { and, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { tasks } from '../../db/schema';
import { HttpError } from '../errors';
import type { SessionUser } from '../session-user';

type TaskRow = typeof tasks.$inferSelect;
/** What the inbox rules read of a person (a session's user, or a digest's recipient). */
type Person = Pick<SessionUser, 'id' | 'roles' | 'substituteFor'>;

export function assignedTo(user: Person): SQL {
  const people = [user.id, ...user.substituteFor];
  return or(inArray(tasks.assigneeId, people), inArray(tasks.claimedBy, people)) as SQL;
}

export function groupOf(user: Person): SQL {
  return and(isNull(tasks.assigneeId), isNull(tasks.claimedBy), inArray(tasks.candidateRole, user.roles)) as SQL;
}

/** The tasks a person may work on: their own, their absent colleagues' (Vertretung), their groups' unclaimed ones. */
export function workableBy(user: Person): SQL {
  return or(assignedTo(user), groupOf(user)) as SQL;
}

/** On Wiedervorlage until a moment still ahead: out of the inboxes until then. */
export const putAside: SQL = sql`(${tasks.resubmitAt} is not null and ${tasks.resubmitAt} > now())`;

export function seesAllTasks(user: SessionUser): boolean {
  return user.roles.includes('manager') || user.roles.includes('admin');
}

export function assertOpen(task: TaskRow): void {
  if (task.status !== 'open' && task.status !== 'claimed') {
    const state = task.status === 'completed' ? 'bereits erledigt' : 'abgebrochen';
    throw HttpError.conflict(`Die Aufgabe ist ${state}`);
  }
}

export function assertNotExcluded(task: TaskRow, userId: string): void {
  if (task.excludedUserIds.includes(userId)) {
    throw new HttpError(
      403,
      'four_eyes',
      'Vier-Augen-Prinzip: Sie haben den zu prüfenden Schritt selbst erledigt und dürfen diese Aufgabe nicht übernehmen',
    );
  }
}

/**
 * Whether `user` may complete `task`, and for whom they act. The workflow's update validator
 * checks openness and four-eyes again, so a race between two browsers cannot slip through.
 */
export function completionRight(task: TaskRow, user: SessionUser): { onBehalfOfId?: string } {
  assertOpen(task);
  assertNotExcluded(task, user.id);
  const holder = task.claimedBy ?? task.assigneeId;
  if (holder) {
    if (holder === user.id) return {};
    if (user.substituteFor.includes(holder)) {
      if (task.excludedUserIds.includes(holder)) assertNotExcluded(task, holder);
      return { onBehalfOfId: holder };
    }
    throw HttpError.forbidden('Diese Aufgabe ist einer anderen Person zugewiesen');
  }
  if (task.candidateRole && user.roles.includes(task.candidateRole)) return {};
  throw HttpError.forbidden(`Diese Aufgabe ist für die Rolle „${task.candidateRole ?? '–'}“`);
}

export function mayView(task: TaskRow, user: SessionUser): boolean {
  if (seesAllTasks(user)) return true;
  const people = [user.id, ...user.substituteFor];
  return (
    (task.assigneeId !== null && people.includes(task.assigneeId)) ||
    (task.claimedBy !== null && people.includes(task.claimedBy)) ||
    task.completedBy === user.id ||
    (task.candidateRole !== null && user.roles.includes(task.candidateRole))
  );
}
