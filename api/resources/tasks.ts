import { randomUUID } from 'node:crypto';
import { WorkflowUpdateStage, type Client } from '@temporalio/client';
import { and, asc, count, eq, ilike, inArray, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { procedures, roles, taskStatuses, tasks } from '../../db/schema';
import { checkTaskReferences } from '../../db/references';
import { completeTaskUpdate } from '../../workflows/engine/contract';
import { taskFormSchemas } from '../../workflows/registry';
import { HttpError, zodFields } from '../errors';
import { containsPattern, dayOrMomentFilter, idsFilter, listQuerySchema, orderOf, pageOf, sendList } from '../list-query';
import { idempotencyKeyOf } from '../idempotency';
import { idParams, type Api } from '../route';
import type { SessionUser } from '../session-user';
import { engineAnswers } from '../../commands/engine-connection';
import { engineUnavailable, isNotReady, updateErrorToHttp } from '../temporal-errors';
import { assignedTo, completionRight, groupOf, putAside, seesAllTasks, workableBy } from './task-access';
import { taskAssignmentRoutes } from './task-assignment';
import { taskColumns, taskQueries } from './task-queries';
import { taskResubmissionRoutes } from './task-resubmission';
import { stepNodeKey } from './step-keys';

const sortable = {
  id: tasks.id,
  title: tasks.title,
  dueAt: tasks.dueAt,
  resubmitAt: tasks.resubmitAt,
  priority: tasks.priority,
  status: tasks.status,
  createdAt: tasks.createdAt,
  completedAt: tasks.completedAt,
  procedureType: tasks.procedureType,
};

const taskFilter = z.strictObject({
  id: idsFilter,
  q: z.string().max(200).optional(),
  status: z.union([z.enum(taskStatuses), z.array(z.enum(taskStatuses))]).optional(),
  procedureId: z.string().optional(),
  procedureType: z.string().optional(),
  formKind: z.string().optional(),
  assigneeId: z.uuid().optional(),
  /** Who holds it: its claimant, else its assignee (the dashboard's "überfällig je Person"). */
  holderId: z.uuid('keine gültige Personen-ID').optional(),
  /** A group's task that no person holds, by the group's role. */
  holderRole: z.enum(roles).optional(),
  /** The department of the person who holds it; "none": held by nobody or by someone without one. */
  holderDepartmentId: z.union([z.uuid('keine gültige Dienststellen-ID'), z.literal('none')]).optional(),
  overdue: z.boolean().optional(),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  /** Due on or before this day or moment (the console's "fällig bis"). */
  dueBefore: dayOrMomentFilter.optional(),
  /** "mine": assigned to me or claimed by me (incl. Vertretung); "group": unclaimed tasks of my roles. */
  inbox: z.enum(['mine', 'group', 'workable']).optional(),
  /** Wiedervorlagen: true, only tasks put aside until a moment still ahead; false, none of them. An inbox leaves them out unless true. */
  resubmission: z.boolean().optional(),
});

export const taskSchema = z
  .object({
    id: z.string(),
    procedureId: z.string(),
    procedureTitle: z.string(),
    procedureType: z.string(),
    taskKey: z.string(),
    title: z.string(),
    formKind: z.string(),
    assigneeId: z.string().nullable(),
    candidateRole: z.string().nullable(),
    claimedBy: z.string().nullable(),
    status: z.enum(taskStatuses),
    priority: z.number(),
    dueAt: z.date().nullable(),
    /** Wiedervorlage: put aside until then (out of the inboxes), with its reason; back, and marked, once it has passed. */
    resubmitAt: z.date().nullable(),
    resubmitReason: z.string().nullable(),
    createdAt: z.date(),
    completedAt: z.date().nullable(),
  })
  .meta({ id: 'Task' });


const completeBody = z.strictObject({ data: z.record(z.string(), z.unknown()) });

export const nextStepSchema = z
  .object({
    task: z.object({ id: z.string(), status: z.enum(taskStatuses) }),
    procedure: z.object({
      id: z.string(),
      type: z.string(),
      finished: z.boolean(),
      currentStep: z.string().nullable(),
      /** The step of its type's map it stands at (/api/procedure-types): to name it in the console's language. */
      currentStepKey: z.string().nullable(),
    }),
    nextTask: taskSchema.nullable(),
  })
  .meta({ id: 'CompletionResult' });

// A completion needs the engine at once; one that is away is told in a moment, not after the client's 20 s of retries.
const ENGINE_CHECK_MS = 2_000;

/**
 * The row is open but the workflow has not recorded it yet: a worker crashed after writing it.
 * The activity's retry catches up within seconds, so the person's click waits rather than fails.
 */
async function retryWhileNotReady<T>(send: () => Promise<T>, catchUpMs: number): Promise<T> {
  const until = Date.now() + catchUpMs;
  for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await send();
    } catch (err) {
      if (!isNotReady(err) || Date.now() + delay > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export interface TaskRouteDeps {
  db: Db;
  temporal: Client;
  publicUrl: string;
  /** How long a completion waits for a workflow catching up after a crash (COMPLETION_CATCH_UP_MS). */
  completionCatchUpMs: number;
  /**
   * How long an accepted completion waits for the workflow's next step before it answers with what
   * the database says (COMPLETION_ANSWER_MS): a next step that keeps failing (a disturbance) must
   * not hold the person's click.
   */
  completionAnswerMs?: number;
}

const DEFAULT_COMPLETION_ANSWER_MS = 15_000;

export function taskRoutes(api: Api, { db, temporal, publicUrl, completionCatchUpMs, completionAnswerMs = DEFAULT_COMPLETION_ANSWER_MS }: TaskRouteDeps) {
  const { visibleTask, withProcedure } = taskQueries(db);

  /** The task this person should do next in the procedure they just moved on. */
  async function nextTaskFor(user: SessionUser, procedureId: string) {
    const [next] = await db
      .select(taskColumns)
      .from(tasks)
      .innerJoin(procedures, eq(procedures.id, tasks.procedureId))
      .where(
        and(
          eq(tasks.procedureId, procedureId),
          inArray(tasks.status, ['open', 'claimed']),
          workableBy(user),
          sql`not (${user.id}::uuid = any(${tasks.excludedUserIds}))`,
          not(putAside),
        ),
      )
      .orderBy(asc(tasks.createdAt))
      .limit(1);
    return next ?? null;
  }

  api.route({
    method: 'get',
    path: '/api/tasks',
    summary: 'Aufgaben (Posteingang, Gruppenaufgaben, alle)',
    tag: 'tasks',
    access: 'user',
    query: listQuerySchema(sortable, taskFilter),
    response: z.array(taskSchema),
    async handler({ query, user, res }) {
      const f = query.filter ?? {};
      const where: (SQL | undefined)[] = [];
      if (f.inbox === 'mine') where.push(assignedTo(user));
      else if (f.inbox === 'group') where.push(groupOf(user));
      else if (f.inbox === 'workable' || !seesAllTasks(user)) where.push(workableBy(user));
      if (f.resubmission !== undefined) where.push(f.resubmission ? putAside : not(putAside));
      else if (f.inbox) where.push(not(putAside));
      if (f.id) where.push(inArray(tasks.id, f.id));
      if (f.q) {
        // People search their inbox for the matter ("Sprachkurse"), which is the procedure's title as often as the task's.
        const pattern = containsPattern(f.q);
        where.push(
          or(
            ilike(tasks.title, pattern),
            inArray(tasks.procedureId, db.select({ id: procedures.id }).from(procedures).where(ilike(procedures.title, pattern))),
          ),
        );
      }
      if (f.status) where.push(inArray(tasks.status, Array.isArray(f.status) ? f.status : [f.status]));
      else if (f.inbox) where.push(inArray(tasks.status, ['open', 'claimed']));
      if (f.procedureId) where.push(eq(tasks.procedureId, f.procedureId));
      if (f.procedureType) where.push(eq(tasks.procedureType, f.procedureType));
      if (f.formKind) where.push(eq(tasks.formKind, f.formKind));
      if (f.assigneeId) where.push(eq(tasks.assigneeId, f.assigneeId));
      if (f.holderId) where.push(sql`coalesce(${tasks.claimedBy}, ${tasks.assigneeId}) = ${f.holderId}`);
      if (f.holderRole) where.push(and(isNull(tasks.claimedBy), isNull(tasks.assigneeId), eq(tasks.candidateRole, f.holderRole)));
      if (f.holderDepartmentId) {
        const holderDepartment = sql`(select u.department_id from users u where u.id = coalesce(${tasks.claimedBy}, ${tasks.assigneeId}))`;
        where.push(f.holderDepartmentId === 'none' ? sql`${holderDepartment} is null` : sql`${holderDepartment} = ${f.holderDepartmentId}`);
      }
      if (f.priority !== undefined) where.push(eq(tasks.priority, f.priority));
      // A plain date means the whole day (Berlin), as a person picking "fällig bis 30.11." expects.
      if (f.dueBefore !== undefined) {
        const until = f.dueBefore.length === 10 ? sql`(${f.dueBefore}::date + 1)::timestamp at time zone 'Europe/Berlin'` : sql`${f.dueBefore}::timestamptz`;
        where.push(sql`${tasks.dueAt} < ${until}`);
      }
      if (f.overdue !== undefined) {
        where.push(f.overdue ? lt(tasks.dueAt, sql`now()`) : sql`(${tasks.dueAt} is null or ${tasks.dueAt} >= now())`);
      }
      const condition = and(...where);
      const { offset, limit } = pageOf(query);
      // The page first, from the task indexes alone; the procedure titles for its 25 rows after.
      const { procedureTitle: _title, ...ownColumns } = taskColumns;
      const [page, [total]] = await Promise.all([
        db
          .select(ownColumns)
          .from(tasks)
          .where(condition)
          .orderBy(...orderOf(sortable, query.sort, sql`${tasks.dueAt} asc nulls last`, tasks.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(tasks).where(condition),
      ]);
      const procedureIds = [...new Set(page.map((t) => t.procedureId))];
      const titles = procedureIds.length
        ? await db.select({ id: procedures.id, title: procedures.title }).from(procedures).where(inArray(procedures.id, procedureIds))
        : [];
      const titleOf = new Map(titles.map((p) => [p.id, p.title]));
      const rows = page.map((t) => ({ ...t, procedureTitle: titleOf.get(t.procedureId) ?? '' }));
      return sendList(res, 'tasks', rows, total?.n ?? 0, offset);
    },
  });

  api.route({
    method: 'get',
    path: '/api/tasks/:id',
    summary: 'Eine Aufgabe mit Kontext und Formularergebnis',
    tag: 'tasks',
    access: 'user',
    params: idParams,
    async handler({ params, user }) {
      await visibleTask(params.id, user);
      return withProcedure(params.id);
    },
  });

  api.route({
    method: 'post',
    path: '/api/tasks/:id/complete',
    summary: 'Aufgabe erledigen; antwortet mit dem nächsten Schritt des Vorgangs',
    tag: 'tasks',
    access: 'user',
    params: idParams,
    body: completeBody,
    rules: [
      'data: die Angaben des Formulars der Aufgabe (ihre Formularart, formKind), nur dessen Felder; departmentIds und leadDepartmentId darin nennen vorhandene Dienststellen',
    ],
    response: nextStepSchema,
    async handler({ params, body, user, req }) {
      const requestId = idempotencyKeyOf(req) ?? randomUUID();
      const task = await visibleTask(params.id, user);
      const replay = task.status === 'completed' && task.completionRequestId === requestId && task.completedBy === user.id;
      if (replay) {
        return {
          task: { id: task.id, status: task.status },
          procedure: await procedureStep(task.procedureId),
          nextTask: await nextTaskFor(user, task.procedureId),
        };
      }
      const { onBehalfOfId } = completionRight(task, user);
      const schema = taskFormSchemas[task.formKind];
      if (!schema) throw new Error(`unknown form kind ${task.formKind}`);
      const parsed = schema.safeParse(body.data);
      if (!parsed.success) throw HttpError.badRequest('Die Formulardaten sind ungültig', zodFields(parsed.error, 'data'));
      const unknown = await checkTaskReferences(db, parsed.data as Record<string, unknown>);
      if (unknown.length > 0) throw HttpError.badRequest('Die Formulardaten sind ungültig', unknown);

      if (!(await engineAnswers(temporal, ENGINE_CHECK_MS))) throw engineUnavailable();
      const handle = temporal.workflow.getHandle(task.procedureId);
      // Accepted means done: the workflow holds the completion. Its answer (the next step) is awaited
      // a while; when the step after it keeps failing (a disturbance), the click is answered anyway.
      const send = async () => {
        const update = await handle.startUpdate(completeTaskUpdate, {
          args: [{ taskKey: task.taskKey, data: parsed.data, actorId: user.id, onBehalfOfId, requestId }],
          updateId: `complete:${task.id}:${requestId}`,
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        });
        const late = new AbortController();
        const timer = setTimeout(() => late.abort(), completionAnswerMs);
        try {
          return await temporal.withAbortSignal(late.signal, () => update.result());
        } catch (err) {
          if (late.signal.aborted) return undefined;
          throw err;
        } finally {
          clearTimeout(timer);
        }
      };
      let step;
      try {
        step = await retryWhileNotReady(send, completionCatchUpMs);
      } catch (err) {
        throw updateErrorToHttp(err);
      }
      return {
        task: { id: task.id, status: 'completed' as const },
        procedure: step
          ? {
              id: step.procedureId,
              type: step.type,
              finished: step.finished,
              currentStep: step.currentStep,
              currentStepKey: stepNodeKey(step.type, step.currentStepKey),
            }
          : await procedureStep(task.procedureId),
        nextTask: await nextTaskFor(user, task.procedureId),
      };
    },
  });

  async function procedureStep(procedureId: string) {
    const [p] = await db.select().from(procedures).where(eq(procedures.id, procedureId));
    const type = p?.type ?? '';
    return { id: procedureId, type, finished: p?.status !== 'running', currentStep: p?.currentStep ?? null, currentStepKey: stepNodeKey(type, p?.currentStepKey) };
  }


  taskAssignmentRoutes(api, db, publicUrl);
  taskResubmissionRoutes(api, db);
}
