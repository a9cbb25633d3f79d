import { and, arrayContains, eq, inArray, sql } from 'drizzle-orm';
import { addDuration, deadlineAfter } from '../calendar/business-days';
import { writeAudit } from '../db/audit';
import type { Db, DbOrTx } from '../db/client';
import { procedures, tasks, users, type Role } from '../db/schema';
import type { z } from 'zod';
import type { CandidateRole } from '../workflows/engine/contract';
import type { TaskTiming } from '../workflows/engine/timing';
import { recordStepEvent } from './procedure-events';
import { enqueueTaskMail, roleMembers, taskRecipients, wantsEachTaskMail, type TaskForMail, type TaskMailKind } from './task-mails';

export interface CreateTaskInput {
  procedureId: string;
  procedureType: string;
  taskKey: string;
  title: string;
  formKind: string;
  assigneeId?: string;
  candidateRole?: CandidateRole;
  excludedUserIds: string[];
  priority: number;
  context: Record<string, unknown>;
  timing: TaskTiming;
  /** A fixed due date (a funder's reporting date) instead of one counted from creation. */
  dueAt?: number;
  /** Workflow time, so that a retried activity computes the same dates. */
  createdAt: number;
}

export interface CreatedTask {
  taskId: string;
  dueAt: number | null;
  remindAt: number | null;
  escalateAt: number | null;
}

export interface CompleteTaskRowInput {
  taskId: string;
  procedureId: string;
  formKind: string;
  data: unknown;
  actorId: string;
  onBehalfOfId?: string;
  requestId: string;
}

export interface TaskActivityDeps {
  db: Db;
  publicUrl: string;
  /** Every module's task forms by kind (the registry's): a completion is validated once, here. */
  taskForms: Record<string, z.ZodType>;
  /** "16:00": a task due in days is due at the office day's end (OFFICE_DAY_END). */
  officeDayEnd: string;
}

/**
 * The person who started the procedure, when a group task of theirs may be done by them: it is theirs
 * at once (claimed), in their own inbox, instead of waiting in the group's for them to take it.
 * Not for a task the four-eyes rule keeps from them, nor for one already given to someone.
 */
async function starterWhoMay(tx: DbOrTx, input: CreateTaskInput): Promise<string | undefined> {
  if (input.assigneeId || !input.candidateRole) return undefined;
  const [row] = await tx
    .select({ id: users.id })
    .from(procedures)
    .innerJoin(users, eq(users.id, procedures.startedBy))
    .where(and(eq(procedures.id, input.procedureId), eq(users.active, true), arrayContains(users.roles, [input.candidateRole])));
  return row && !input.excludedUserIds.includes(row.id) ? row.id : undefined;
}

async function loadTaskForMail(db: Db, taskId: string): Promise<(TaskForMail & { status: string }) | undefined> {
  const [row] = await db
    .select({
      id: tasks.id,
      procedureId: tasks.procedureId,
      title: tasks.title,
      procedureTitle: procedures.title,
      // A claimed task is its claimant's: reminders go to them, not to the whole group.
      assigneeId: sql<string | null>`coalesce(${tasks.claimedBy}, ${tasks.assigneeId})`,
      candidateRole: tasks.candidateRole,
      dueAt: tasks.dueAt,
      status: tasks.status,
    })
    .from(tasks)
    .innerJoin(procedures, eq(procedures.id, tasks.procedureId))
    .where(eq(tasks.id, taskId));
  return row;
}

export function taskActivities({ db, publicUrl, taskForms, officeDayEnd }: TaskActivityDeps) {
  /** Reminder and escalation share one shape: mail once, stamp the row, record the step. */
  async function followUp(taskId: string, kind: Exclude<TaskMailKind, 'assigned'>): Promise<void> {
    const task = await loadTaskForMail(db, taskId);
    if (!task || (task.status !== 'open' && task.status !== 'claimed')) return;
    const label = kind === 'reminder' ? `Erinnerung: ${task.title}` : `Eskalation: ${task.title}`;
    await db.transaction(async (tx) => {
      const recipients =
        kind === 'reminder' ? await taskRecipients(tx, task) : await roleMembers(tx, 'manager' satisfies Role);
      await enqueueTaskMail(tx, kind, task, recipients.map((r) => r.email), publicUrl);
      await tx
        .update(tasks)
        .set(
          kind === 'reminder'
            ? { remindedAt: sql`coalesce(${tasks.remindedAt}, now())` }
            : { escalatedAt: sql`coalesce(${tasks.escalatedAt}, now())`, priority: 1 },
        )
        .where(eq(tasks.id, taskId));
      await recordStepEvent(tx, {
        procedureId: task.procedureId,
        key: `task:${task.id}:${kind}`,
        kind: `task.${kind}`,
        label,
        detail: { taskId, recipients: recipients.map((r) => r.email) },
      });
      await writeAudit(tx, {
        action: `task.${kind}`,
        entityType: 'task',
        entityId: taskId,
        procedureId: task.procedureId,
        key: `task:${taskId}:${kind}`,
      });
    });
  }

  return {
    async createTask(input: CreateTaskInput): Promise<CreatedTask> {
      const base = new Date(input.createdAt);
      const dueAt = input.dueAt !== undefined ? new Date(input.dueAt) : deadlineAfter(base, input.timing.due, officeDayEnd);
      const remindAt = input.timing.reminderAfter ? addDuration(base, input.timing.reminderAfter) : null;
      const escalateAt = input.timing.escalateAfter ? addDuration(base, input.timing.escalateAfter) : null;
      const taskId = await db.transaction(async (tx) => {
        const starter = await starterWhoMay(tx, input);
        const [inserted] = await tx
          .insert(tasks)
          .values({
            procedureId: input.procedureId,
            procedureType: input.procedureType,
            taskKey: input.taskKey,
            title: input.title,
            formKind: input.formKind,
            assigneeId: input.assigneeId ?? null,
            candidateRole: input.candidateRole ?? null,
            claimedBy: starter ?? null,
            status: starter ? 'claimed' : 'open',
            excludedUserIds: input.excludedUserIds,
            priority: input.priority,
            dueAt,
            context: input.context,
            createdAt: base,
          })
          .onConflictDoNothing({ target: [tasks.procedureId, tasks.taskKey] })
          .returning({ id: tasks.id });
        if (!inserted) {
          // A retry after the first attempt committed: the row, its mail and its entries exist.
          const [existing] = await tx
            .select({ id: tasks.id })
            .from(tasks)
            .where(and(eq(tasks.procedureId, input.procedureId), eq(tasks.taskKey, input.taskKey)));
          if (!existing) throw new Error(`task ${input.taskKey} vanished during creation`);
          return existing.id;
        }
        const [proc] = await tx
          .select({ title: procedures.title })
          .from(procedures)
          .where(eq(procedures.id, input.procedureId));
        const mailTask: TaskForMail = {
          id: inserted.id,
          procedureId: input.procedureId,
          title: input.title,
          procedureTitle: proc?.title ?? input.procedureId,
          assigneeId: input.assigneeId ?? starter ?? null,
          candidateRole: input.candidateRole ?? null,
          dueAt,
        };
        const recipients = (await taskRecipients(tx, mailTask)).filter(wantsEachTaskMail);
        await enqueueTaskMail(tx, 'assigned', mailTask, recipients.map((r) => r.email), publicUrl);
        await recordStepEvent(tx, {
          procedureId: input.procedureId,
          key: `task:${input.taskKey}:created`,
          kind: 'task.created',
          label: input.title,
          detail: { taskId: inserted.id, assigneeId: input.assigneeId ?? null, candidateRole: input.candidateRole ?? null, claimedBy: starter ?? null },
          current: true,
        });
        await writeAudit(tx, {
          action: 'task.created',
          entityType: 'task',
          entityId: inserted.id,
          procedureId: input.procedureId,
          detail: { title: input.title, formKind: input.formKind, ...(starter ? { claimedBy: starter } : {}) },
          key: `task:${inserted.id}:created`,
        });
        return inserted.id;
      });
      return {
        taskId,
        dueAt: dueAt.getTime(),
        remindAt: remindAt?.getTime() ?? null,
        escalateAt: escalateAt?.getTime() ?? null,
      };
    },

    /**
     * Marks the row completed and returns the completion's validated data (defaults filled, text
     * trimmed). Its result stays in the workflow's history: the workflow keeps this value for good.
     */
    async completeTaskRow(input: CompleteTaskRowInput): Promise<{ data: unknown }> {
      // The update's validator checked the same schema a moment ago; a schema tightened by a deploy
      // in between must not lose an accepted completion, so the data is then kept as it came.
      const parsed = taskForms[input.formKind]?.safeParse(input.data);
      const data = parsed?.success ? parsed.data : input.data;
      await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(tasks)
          .set({
            status: 'completed',
            result: data,
            completedBy: input.actorId,
            completedOnBehalfOf: input.onBehalfOfId ?? null,
            completionRequestId: input.requestId,
            completedAt: new Date(),
          })
          .where(and(eq(tasks.id, input.taskId), inArray(tasks.status, ['open', 'claimed'])))
          .returning({ title: tasks.title, taskKey: tasks.taskKey });
        if (!updated) return; // already recorded by an earlier attempt
        await recordStepEvent(tx, {
          procedureId: input.procedureId,
          key: `task:${updated.taskKey}:completed`,
          kind: 'task.completed',
          label: `${updated.title} erledigt`,
          detail: { taskId: input.taskId, actorId: input.actorId, onBehalfOfId: input.onBehalfOfId ?? null },
        });
        await writeAudit(tx, {
          actorId: input.actorId,
          onBehalfOfId: input.onBehalfOfId ?? null,
          action: 'task.completed',
          entityType: 'task',
          entityId: input.taskId,
          procedureId: input.procedureId,
          detail: { requestId: input.requestId },
          key: `task:${input.taskId}:completed`,
        });
      });
      return { data };
    },

    /** A task its procedure no longer waits for (a deadline passed): it leaves every inbox. */
    async cancelTaskRow(input: { taskId: string; procedureId: string; reason: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(tasks)
          .set({ status: 'cancelled' })
          .where(and(eq(tasks.id, input.taskId), inArray(tasks.status, ['open', 'claimed'])))
          .returning({ title: tasks.title, taskKey: tasks.taskKey });
        if (!updated) return;
        await recordStepEvent(tx, {
          procedureId: input.procedureId,
          key: `task:${updated.taskKey}:cancelled`,
          kind: 'task.cancelled',
          label: `${updated.title} entfällt: ${input.reason}`,
          detail: { taskId: input.taskId },
        });
      });
    },

    async remindTask({ taskId }: { taskId: string }): Promise<void> {
      await followUp(taskId, 'reminder');
    },

    async escalateTask({ taskId }: { taskId: string }): Promise<void> {
      await followUp(taskId, 'escalation');
    },
  };
}
