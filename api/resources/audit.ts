import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { auditLog, consultationRequests, departments, procedures, tasks, users } from '../../db/schema';
import type { NameForms } from '../../grammar/german';
import { HttpError } from '../errors';
import { nameFormsSchema } from './departments';
import { dayOrMomentFilter, listQuerySchema, orderOf, pageOf, sendList } from '../list-query';
import type { Api } from '../route';

// The audit log as people read it: who (by name), on whose behalf, about what (by name), in which
// procedure (by title). The console labels the kinds and the details; the names come from here.

const actor = alias(users, 'actor');
const principal = alias(users, 'principal');
const procedure = alias(procedures, 'audit_procedure');

const entityId = sql`${auditLog.entityId}`;
// Compared as a uuid, so that the key's index answers; a text that is none names nothing.
const entityUuid = sql`(case when ${entityId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${entityId}::uuid end)`;
/** The subject's name for the engine's and the shell's kinds; a module's records the console names from their resource. */
const subjectName: SQL<string | null> = sql`case ${auditLog.entityType}
    when 'task' then (select t.title from ${tasks} t where t.id = ${entityUuid})
    when 'procedure' then (select p.title from ${procedures} p where p.id = ${entityId})
    when 'consultation_request' then (select r.addressee->>'name' from ${consultationRequests} r where r.id = ${entityUuid})
    when 'users' then (select u.name from ${users} u where u.id = ${entityUuid})
    when 'departments' then (select d.name from ${departments} d where d.id = ${entityUuid})
  end`;
/** Who a request went to, with the forms of the name: the console says "Anfrage an das Jugendamt". */
const subjectDepartment: SQL<NameForms | null> = sql`case when ${auditLog.entityType} = 'consultation_request' then (
    select r.addressee from ${consultationRequests} r where r.id = ${entityUuid}) end`;

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: actor.name,
  onBehalfOfId: auditLog.onBehalfOfId,
  onBehalfOfName: principal.name,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  subjectName,
  subjectDepartment,
  procedureId: auditLog.procedureId,
  procedureTitle: procedure.title,
  detail: auditLog.detail,
};

const sortable = { id: auditLog.id, at: auditLog.at, action: auditLog.action };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const auditFilter = z.strictObject({
  id: z.array(idSchema).max(100).optional(),
  /** Who acted, or on whose behalf. */
  actorId: z.uuid('keine gültige Personen-ID').optional(),
  /** The procedure and those it started (a review's consultation). */
  procedureId: z.string().max(200).optional(),
  /** The kind of entry ("task.completed"); several as a list. */
  action: z.union([z.string().max(100), z.array(z.string().max(100)).max(50)]).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  /** On or after / before this day (Berlin) or moment. */
  atFrom: dayOrMomentFilter.optional(),
  atBefore: dayOrMomentFilter.optional(),
});

const auditEntrySchema = z
  .object({
    id: z.number(),
    at: z.date(),
    actorId: z.string().nullable(),
    /** Null: the system acted (a timer, a department's answer, a workflow's step). */
    actorName: z.string().nullable(),
    onBehalfOfId: z.string().nullable(),
    onBehalfOfName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    /** The subject by name where the log knows it (a task's, a procedure's title, a person, a department). */
    subjectName: z.string().nullable(),
    /** For a request: the department it went to, with the forms of its name. */
    subjectDepartment: nameFormsSchema.nullable(),
    procedureId: z.string().nullable(),
    procedureTitle: z.string().nullable(),
    detail: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

const momentOf = (v: string) => (v.length === 10 ? sql`(${v}::timestamp at time zone 'Europe/Berlin')` : sql`${v}::timestamptz`);

export function auditRoutes(api: Api, db: Db) {
  const select = () =>
    db
      .select(columns)
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(principal, eq(principal.id, auditLog.onBehalfOfId))
      .leftJoin(procedure, eq(procedure.id, auditLog.procedureId));

  api.route({
    method: 'get',
    path: '/api/audit',
    summary: 'Protokoll: wer was wann getan hat, mit Namen (filterbar nach Person, Vorgang samt Teilvorgängen, Art und Zeitraum)',
    tag: 'audit',
    access: ['manager', 'admin'],
    query: listQuerySchema(sortable, auditFilter),
    response: z.array(auditEntrySchema),
    async handler({ query, res }) {
      const f = query.filter ?? {};
      const where: (SQL | undefined)[] = [
        f.id ? inArray(auditLog.id, f.id) : undefined,
        f.actorId ? sql`(${auditLog.actorId} = ${f.actorId} or ${auditLog.onBehalfOfId} = ${f.actorId})` : undefined,
        f.procedureId
          ? sql`(${auditLog.procedureId} = ${f.procedureId} or ${auditLog.procedureId} in (select c.id from ${procedures} c where c.parent_id = ${f.procedureId}))`
          : undefined,
        f.action ? inArray(auditLog.action, Array.isArray(f.action) ? f.action : [f.action]) : undefined,
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.atFrom ? sql`${auditLog.at} >= ${momentOf(f.atFrom)}` : undefined,
        f.atBefore ? sql`${auditLog.at} < ${momentOf(f.atBefore)}` : undefined,
      ];
      const { offset, limit } = pageOf(query);
      const [rows, [total]] = await Promise.all([
        select()
          .where(and(...where))
          .orderBy(...orderOf(sortable, query.sort, sql`${auditLog.id} asc`, auditLog.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(auditLog).where(and(...where)),
      ]);
      return sendList(res, 'audit', rows, total?.n ?? 0, offset);
    },
  });

  api.route({
    method: 'get',
    path: '/api/audit-kinds',
    summary: 'Die Arten von Protokolleinträgen, die es gibt (für den Filter „Art“), mit ihrer Zahl',
    tag: 'audit',
    access: ['manager', 'admin'],
    response: z.array(z.object({ action: z.string(), count: z.number().int() }).meta({ id: 'AuditKind' })),
    async handler() {
      return (await db.execute<{ action: string; count: number }>(sql`select action, count(*)::int as count from audit_log group by action order by action`)).rows;
    },
  });

  api.route({
    method: 'get',
    path: '/api/audit/:id',
    summary: 'Protokolleintrag: ein Eintrag',
    tag: 'audit',
    access: ['manager', 'admin'],
    params: z.strictObject({ id: idSchema }),
    response: auditEntrySchema,
    async handler({ params }) {
      const [row] = await select().where(eq(auditLog.id, params.id));
      if (!row) throw HttpError.notFound('Protokolleintrag');
      return row;
    },
  });
}
