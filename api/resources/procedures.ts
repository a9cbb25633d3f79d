import type { Client } from '@temporalio/client';
import type { CommandDelivery } from '../../commands/dispatcher';
import { enqueueCommand } from '../../commands/outbox';
import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { auditLog, mailOutbox, procedureEvents, procedures, procedureStatuses, tasks } from '../../db/schema';
import type { ProcedureStarter } from '../../workflows/module';
import { procedureModules, procedureTypeNames } from '../../workflows/registry';
import { HttpError } from '../errors';
import { containsPattern, dayOrMomentFilter, idsFilter, listQuerySchema, orderOf, pageOf, sendList } from '../list-query';
import { textIdParams, type Api } from '../route';
import { concerns, disturbed, heldBy, nextDueAt, overdue, requestsAnswered, requestsAsked, responsibleId, responsibleRole } from './procedure-outstanding';
import { noteHistoryEntries } from './notes';
import { withDescendants } from './procedure-tree';
import { stepNodeKey } from './step-keys';
import { recordedStep, stepKeyOf } from '../../workflows/step-map';

const sortable = {
  id: procedures.id,
  type: procedures.type,
  title: procedures.title,
  status: procedures.status,
  currentStep: procedures.currentStep,
  startedAt: procedures.startedAt,
  endedAt: procedures.endedAt,
  nextDueAt,
};

const procedureFilter = z.strictObject({
  id: idsFilter,
  q: z.string().max(200).optional(),
  type: z.enum(procedureTypeNames).optional(),
  status: z.union([z.enum(procedureStatuses), z.array(z.enum(procedureStatuses))]).optional(),
  startedBy: z.uuid().optional(),
  parentId: z.string().max(200).optional(),
  /** Its next due date has passed (a task's or a department's answer deadline). */
  overdue: z.boolean().optional(),
  /** Someone holds one of its open tasks. */
  responsibleId: z.uuid('keine gültige Personen-ID').optional(),
  /** A department was asked in it. */
  departmentId: z.uuid('keine gültige Dienststellen-ID').optional(),
  /** Only those with an open disturbance. */
  disturbed: z.boolean().optional(),
  /** Started or ended on or after / before this day (Berlin) or moment: a dashboard month's list. */
  startedFrom: dayOrMomentFilter.optional(),
  startedBefore: dayOrMomentFilter.optional(),
  endedFrom: dayOrMomentFilter.optional(),
  endedBefore: dayOrMomentFilter.optional(),
});

/** A day is its beginning in Berlin, as the office reads "ab 1.11."; a moment is itself. */
const momentOf = (v: string) => (v.length === 10 ? sql`(${v}::timestamp at time zone 'Europe/Berlin')` : sql`${v}::timestamptz`);

export const procedureSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    status: z.enum(procedureStatuses),
    currentStep: z.string().nullable(),
    /** The step of its type's map it stands at (/api/procedure-types): the console names it in its language. */
    currentStepKey: z.string().nullable(),
    outcome: z.string().nullable(),
    startedBy: z.string().nullable(),
    parentId: z.string().nullable(),
    startedAt: z.date(),
    endedAt: z.date().nullable(),
    /** The next date something is due in it: an open task's, or a department's answer deadline. */
    nextDueAt: z.date().nullable(),
    /** Who holds the task due first; the group's role when no person does. */
    responsibleId: z.string().nullable(),
    responsibleRole: z.string().nullable(),
    /** A running consultation's requests: asked, and answered so far ("2 von 3 Antworten"). */
    requestsAsked: z.number(),
    requestsAnswered: z.number(),
    /** Something in it keeps failing (Störung): the admins see it under /api/incidents. */
    disturbed: z.boolean(),
  })
  .meta({ id: 'Procedure' });

const startBody = z.strictObject({
  type: z.enum(procedureTypeNames),
  input: z.record(z.string(), z.unknown()),
});

/** What a field's schema says of itself (`.describe()`), below its optional and default wrappers. */
function descriptionOf(schema: z.ZodType): string | undefined {
  for (let s: z.ZodType | undefined = schema; s; ) {
    if (s.description) return s.description;
    const def = s._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
    s = def.innerType ?? def.in;
  }
  return undefined;
}

/** The start form of each type, from the registry: input is an open record in the schema, so the document says it in words. */
function startFormRule(): string {
  const types = procedureModules.map((m) => {
    const form = m.startForm as z.ZodType;
    const fields =
      form instanceof z.ZodObject
        ? Object.entries(form.shape as Record<string, z.ZodType>)
            .map(([name, field]) => {
              const description = descriptionOf(field);
              return description ? `${name} (${description})` : name;
            })
            .join(', ')
        : 'siehe Startformular';
    return `${m.type} („${m.label}“) mit ${fields}${m.startRule ? ` (${m.startRule})` : ''}`;
  });
  return `input: die Angaben des Startformulars der gewählten Vorgangsart (type), nur dessen Felder: ${types.join(' / ')}`;
}

const cancelBody = z.strictObject({ reason: z.string().trim().min(3, 'Bitte einen Grund angeben').max(2000) });

const historyEntrySchema = z
  .object({
    at: z.date(),
    kind: z.string(),
    label: z.string(),
    source: z.enum(['step', 'task', 'mail', 'audit', 'note']),
    /** The procedure the entry belongs to: this one or one of its child procedures. */
    procedureId: z.string(),
    /** A step or task of a procedure type's map (/api/procedure-types): the console names it in its language. */
    step: z.object({ type: z.string(), key: z.string() }).optional(),
    detail: z.unknown(),
  })
  .meta({ id: 'HistoryEntry' });

/** The recorded step as the node of its type's map (step-keys.ts). */
const withStepKey = <R extends { type: string; currentStepKey: string | null }>(row: R): R => ({ ...row, currentStepKey: stepNodeKey(row.type, row.currentStepKey) });

export interface ProcedureRouteDeps {
  db: Db;
  temporal: Client;
  starter: ProcedureStarter;
  commands: CommandDelivery;
}

const columns = {
  id: procedures.id,
  type: procedures.type,
  title: procedures.title,
  status: procedures.status,
  currentStep: procedures.currentStep,
  currentStepKey: procedures.currentStepKey,
  outcome: procedures.outcome,
  startedBy: procedures.startedBy,
  parentId: procedures.parentId,
  startedAt: procedures.startedAt,
  endedAt: procedures.endedAt,
  nextDueAt,
  responsibleId,
  responsibleRole,
  requestsAsked,
  requestsAnswered,
  disturbed,
};

export function procedureRoutes(api: Api, { db, starter, commands }: ProcedureRouteDeps) {
  async function loadProcedure(id: string) {
    const [row] = await db.select(columns).from(procedures).where(eq(procedures.id, id));
    if (!row) throw HttpError.notFound('Vorgang');
    return withStepKey(row);
  }

  api.route({
    method: 'get',
    path: '/api/procedures',
    summary: 'Vorgänge',
    tag: 'procedures',
    access: 'user',
    query: listQuerySchema(sortable, procedureFilter),
    response: z.array(procedureSchema),
    async handler({ query, res }) {
      const f = query.filter ?? {};
      const where: (SQL | undefined)[] = [
        f.id ? inArray(procedures.id, f.id) : undefined,
        f.q ? ilike(procedures.title, containsPattern(f.q)) : undefined,
        f.type ? eq(procedures.type, f.type) : undefined,
        f.status ? inArray(procedures.status, Array.isArray(f.status) ? f.status : [f.status]) : undefined,
        f.startedBy ? eq(procedures.startedBy, f.startedBy) : undefined,
        f.parentId ? eq(procedures.parentId, f.parentId) : undefined,
        f.overdue !== undefined ? overdue(f.overdue) : undefined,
        f.responsibleId ? heldBy(f.responsibleId) : undefined,
        f.departmentId ? concerns(f.departmentId) : undefined,
        f.disturbed !== undefined ? (f.disturbed ? disturbed : sql`not ${disturbed}`) : undefined,
        f.startedFrom ? sql`${procedures.startedAt} >= ${momentOf(f.startedFrom)}` : undefined,
        f.startedBefore ? sql`${procedures.startedAt} < ${momentOf(f.startedBefore)}` : undefined,
        f.endedFrom ? sql`${procedures.endedAt} >= ${momentOf(f.endedFrom)}` : undefined,
        f.endedBefore ? sql`${procedures.endedAt} < ${momentOf(f.endedBefore)}` : undefined,
      ];
      const { offset, limit } = pageOf(query);
      const [rows, [total]] = await Promise.all([
        db
          .select(columns)
          .from(procedures)
          .where(and(...where))
          .orderBy(...orderOf(sortable, query.sort, desc(procedures.startedAt), procedures.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(procedures).where(and(...where)),
      ]);
      return sendList(res, 'procedures', rows.map(withStepKey), total?.n ?? 0, offset);
    },
  });

  api.route({
    method: 'get',
    path: '/api/procedures/:id',
    summary: 'Ein Vorgang',
    tag: 'procedures',
    access: 'user',
    params: textIdParams,
    response: procedureSchema,
    handler: async ({ params }) => loadProcedure(params.id),
  });

  api.route({
    method: 'post',
    path: '/api/procedures',
    summary: 'Vorgang starten (Idempotency-Key verhindert einen doppelten Start)',
    tag: 'procedures',
    access: ['staff', 'manager', 'admin'],
    body: startBody,
    rules: [startFormRule()],
    response: procedureSchema,
    successStatus: 201,
    async handler({ body, user, req, res }) {
      const key = req.get('idempotency-key');
      const started = await starter.start({ type: body.type, input: body.input, startedBy: user.id, requestKey: key });
      // The same Idempotency-Key again: the procedure it started, not a second one.
      if (!started.created) res.locals.status = 200;
      return loadProcedure(started.id);
    },
  });

  api.route({
    method: 'post',
    path: '/api/procedures/:id/cancel',
    summary:
      'Vorgang mit Begründung abbrechen (Amtsleitung): 200, wenn die Prozess-Engine den Abbruch angenommen hat; 202, wenn er vorgemerkt ist und zugestellt wird, sobald sie erreichbar ist',
    tag: 'procedures',
    access: ['manager', 'admin'],
    params: textIdParams,
    body: cancelBody,
    response: procedureSchema,
    async handler({ params, body, user, res }) {
      const proc = await loadProcedure(params.id);
      if (proc.status !== 'running') throw HttpError.conflict('Der Vorgang läuft nicht mehr');
      if (proc.parentId) {
        // Its parent waits for its result; cancelling a part would leave the whole without its next step.
        // Named by its title: people never read a procedure's id.
        const [parent] = await db.select({ title: procedures.title }).from(procedures).where(eq(procedures.id, proc.parentId));
        throw HttpError.conflict(
          `Dieser Vorgang ist Teil des Vorgangs „${parent?.title ?? 'übergeordneter Vorgang'}“; bitte brechen Sie den übergeordneten Vorgang ab`,
        );
      }
      // The request and what the workflow is owed are one fact: written together, delivered until Temporal takes it.
      // One cancel per procedure: a second request while the first is on its way adds nothing.
      const commandId = await db.transaction(async (tx) => {
        const id = await enqueueCommand(tx, `cancel:${proc.id}`, {
          kind: 'cancel',
          workflowId: proc.id,
          payload: { reason: body.reason, by: user.id },
        });
        if (id) {
          await writeAudit(tx, {
            actorId: user.id,
            action: 'procedure.cancel-requested',
            entityType: 'procedure',
            entityId: proc.id,
            procedureId: proc.id,
            detail: { reason: body.reason },
          });
        }
        return id;
      });
      // A procedure that ended meanwhile makes the command obsolete; the procedure as it is says so.
      if (!commandId || !(await commands.deliverNow([commandId]))) res.locals.status = 202;
      return loadProcedure(proc.id);
    },
  });

  api.route({
    method: 'get',
    path: '/api/procedures/:id/history',
    summary: 'Der Verlauf eines Vorgangs: Schritte, Aufgaben, Mails, Vermerke und Protokoll in zeitlicher Folge',
    tag: 'procedures',
    access: 'user',
    params: textIdParams,
    response: z.array(historyEntrySchema),
    async handler({ params }) {
      await loadProcedure(params.id);
      const ids = await withDescendants(db, params.id);
      const [events, taskRows, mails, audit, noteEntries, types] = await Promise.all([
        db.select().from(procedureEvents).where(inArray(procedureEvents.procedureId, ids)).orderBy(asc(procedureEvents.id)),
        db.select().from(tasks).where(inArray(tasks.procedureId, ids)),
        db.select().from(mailOutbox).where(inArray(mailOutbox.procedureId, ids)),
        db.select().from(auditLog).where(inArray(auditLog.procedureId, ids)).orderBy(asc(auditLog.id)),
        // Vermerke are part of the record: with their author and files.
        noteHistoryEntries(db, ids),
        db.select({ id: procedures.id, type: procedures.type }).from(procedures).where(inArray(procedures.id, ids)),
      ]);
      const typeOf = new Map(types.map((t) => [t.id, t.type]));
      const stepOf = (procedureId: string, recorded: string | undefined) => {
        const type = typeOf.get(procedureId) ?? '';
        const key = stepNodeKey(type, recorded);
        return key ? { step: { type, key } } : {};
      };
      const entries = [
        ...events.map((e) => ({
          at: e.at,
          kind: e.kind,
          label: e.label,
          source: 'step' as const,
          procedureId: e.procedureId,
          ...stepOf(e.procedureId, recordedStep(e)),
          detail: e.detail,
        })),
        ...taskRows.map((t) => ({
          procedureId: t.procedureId,
          at: t.createdAt,
          kind: `task.${t.status}`,
          label: t.title,
          source: 'task' as const,
          ...stepOf(t.procedureId, stepKeyOf(t.taskKey)),
          detail: { taskId: t.id, status: t.status, completedBy: t.completedBy, completedAt: t.completedAt, result: t.result },
        })),
        ...mails.map((m) => ({
          procedureId: m.procedureId ?? params.id,
          at: m.createdAt,
          kind: `mail.${m.status}`,
          label: m.subject,
          source: 'mail' as const,
          detail: { mailId: m.id, to: m.to, status: m.status, sentAt: m.sentAt },
        })),
        ...audit.map((a) => ({
          procedureId: a.procedureId ?? params.id,
          at: a.at,
          kind: a.action,
          label: a.action,
          source: 'audit' as const,
          detail: { actorId: a.actorId, onBehalfOfId: a.onBehalfOfId, ...((a.detail as object | null) ?? {}) },
        })),
        ...noteEntries,
      ];
      return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
    },
  });
}

