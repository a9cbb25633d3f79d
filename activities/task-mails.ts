import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users, type Role, type TaskMailChoice } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { germanDateTime } from '../calendar/german-date';

export type TaskMailKind = 'assigned' | 'reminder' | 'escalation';

export interface TaskForMail {
  id: string;
  procedureId: string;
  title: string;
  procedureTitle: string;
  assigneeId: string | null;
  candidateRole: Role | null;
  dueAt: Date | null;
}


/** The people a task concerns: its assignee (and their substitute while absent), or its group. */
export async function taskRecipients(db: DbOrTx, task: Pick<TaskForMail, 'assigneeId' | 'candidateRole'>) {
  if (task.assigneeId) {
    const [assignee] = await db.select().from(users).where(eq(users.id, task.assigneeId));
    if (!assignee) return [];
    const ids = assignee.absent && assignee.substituteId ? [assignee.id, assignee.substituteId] : [assignee.id];
    return db
      .select(recipientColumns)
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.active, true)));
  }
  if (task.candidateRole) return roleMembers(db, task.candidateRole);
  return [];
}

const recipientColumns = { email: users.email, name: users.name, taskMail: users.taskMail };

/**
 * Who holds a role. Only those given it: the administration is not a member of every group (the
 * seeded admin account holds the role admin alone), so a group's task mail reaches its group.
 */
export async function roleMembers(db: DbOrTx, role: Role) {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(arrayContains(users.roles, [role]), eq(users.active, true), eq(users.absent, false)));
}

/**
 * Who is told of a new task by a mail of its own: everyone but those who chose the daily digest
 * (activities/task-digest.ts lists it there). Reminders and escalations go to everyone concerned:
 * they are about a deadline at stake, which a digest at 07:00 could tell a day late.
 */
export function wantsEachTaskMail(recipient: { taskMail: TaskMailChoice }): boolean {
  return recipient.taskMail === 'each';
}

const subjects: Record<TaskMailKind, (t: TaskForMail) => string> = {
  assigned: (t) => `Neue Aufgabe: ${t.title} – ${t.procedureTitle}`,
  reminder: (t) => `Erinnerung: ${t.title} – ${t.procedureTitle}`,
  escalation: (t) => `Eskalation: ${t.title} ist überfällig – ${t.procedureTitle}`,
};

const openings: Record<TaskMailKind, string> = {
  assigned: 'für Sie liegt eine neue Aufgabe bereit.',
  reminder: 'diese Aufgabe ist noch offen. Bitte denken Sie an die Frist.',
  escalation: 'diese Aufgabe ist über die Frist hinaus offen und wird an die Amtsleitung eskaliert.',
};

export async function enqueueTaskMail(
  db: DbOrTx,
  kind: TaskMailKind,
  task: TaskForMail,
  to: string[],
  publicUrl: string,
  /** Distinguishes a second mail of the same kind (a reassignment) from a retry of the first. */
  occasion?: string,
): Promise<void> {
  if (to.length === 0) return;
  const link = `${publicUrl}/#/tasks/${task.id}/show`;
  const due = task.dueAt ? `Fällig: ${germanDateTime(task.dueAt)}\n` : '';
  const text =
    `Guten Tag,\n\n${openings[kind]}\n\n` +
    `Aufgabe: ${task.title}\nVorgang: ${task.procedureTitle}\n${due}\n` +
    `Zur Aufgabe: ${link}\n\n` +
    `Diese Nachricht wurde von Amtsflow, dem Vorgangssystem des Amts für Integration, versandt.`;
  await enqueueMail(db, {
    idempotencyKey: `task:${task.id}:${kind}${occasion ? `:${occasion}` : ''}`,
    to,
    subject: subjects[kind](task),
    text,
    procedureId: task.procedureId,
    taskId: task.id,
  });
}
