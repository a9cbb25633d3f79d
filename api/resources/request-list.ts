import { and, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { answerChannels, consultationRequests, departments, procedures, requestStatuses } from '../../db/schema';
import { dayOrMomentFilter, idsFilter, listQuerySchema, orderOf, pageOf, sendList } from '../list-query';
import type { Api } from '../route';
import { STAFF_ROLES } from './answer-attachments';

// Every department request across procedures: the list behind a dashboard figure ("Ordnungsamt:
// 1 ausstehend"), each row with the procedure it serves (a review, not its consultation).

const consultation = alias(procedures, 'consultation');
const served = alias(procedures, 'served');

const columns = {
  id: consultationRequests.id,
  consultationId: consultationRequests.consultationId,
  procedureId: served.id,
  procedureTitle: served.title,
  procedureType: served.type,
  departmentId: consultationRequests.departmentId,
  departmentName: departments.name,
  status: consultationRequests.status,
  channel: consultationRequests.channel,
  sentAt: consultationRequests.createdAt,
  deadlineAt: consultationRequests.deadlineAt,
  remindedAt: consultationRequests.remindedAt,
  escalatedAt: consultationRequests.escalatedAt,
  answeredAt: consultationRequests.answeredAt,
};

const sortable = {
  id: consultationRequests.id,
  sentAt: consultationRequests.createdAt,
  deadlineAt: consultationRequests.deadlineAt,
  answeredAt: consultationRequests.answeredAt,
  status: consultationRequests.status,
  departmentName: departments.name,
  procedureTitle: served.title,
};

const requestFilter = z.strictObject({
  id: idsFilter,
  departmentId: z.uuid('keine gültige Dienststellen-ID').optional(),
  status: z.union([z.enum(requestStatuses), z.array(z.enum(requestStatuses))]).optional(),
  /** Still pending after its deadline. */
  overdue: z.boolean().optional(),
  /** Sent on or after this day or moment (a dashboard's period). */
  sentFrom: dayOrMomentFilter.optional(),
  /** The procedure it serves: the consultation itself or the procedure that started it. */
  procedureId: z.string().max(200).optional(),
});

const requestRowSchema = z
  .object({
    id: z.string(),
    consultationId: z.string(),
    procedureId: z.string(),
    procedureTitle: z.string(),
    procedureType: z.string(),
    departmentId: z.string(),
    departmentName: z.string(),
    status: z.enum(requestStatuses),
    channel: z.enum(answerChannels).nullable(),
    sentAt: z.date(),
    deadlineAt: z.date(),
    remindedAt: z.date().nullable(),
    escalatedAt: z.date().nullable(),
    answeredAt: z.date().nullable(),
  })
  .meta({ id: 'ConsultationRequestRow' });

export function requestListRoutes(api: Api, db: Db) {
  api.route({
    method: 'get',
    path: '/api/consultation-requests',
    summary: 'Alle Anfragen an Dienststellen, mit dem Vorgang, dem sie dienen (filterbar nach Dienststelle, Stand, Überfälligkeit, Zeitraum)',
    tag: 'consultations',
    access: STAFF_ROLES,
    query: listQuerySchema(sortable, requestFilter),
    response: z.array(requestRowSchema),
    async handler({ query, res }) {
      const f = query.filter ?? {};
      const where: (SQL | undefined)[] = [
        f.id ? inArray(consultationRequests.id, f.id) : undefined,
        f.departmentId ? eq(consultationRequests.departmentId, f.departmentId) : undefined,
        f.status ? inArray(consultationRequests.status, Array.isArray(f.status) ? f.status : [f.status]) : undefined,
        f.overdue === undefined
          ? undefined
          : f.overdue
            ? sql`(${consultationRequests.status} = 'pending' and ${consultationRequests.deadlineAt} < now())`
            : sql`not (${consultationRequests.status} = 'pending' and ${consultationRequests.deadlineAt} < now())`,
        f.sentFrom
          ? gte(
              consultationRequests.createdAt,
              f.sentFrom.length === 10 ? sql`${f.sentFrom}::timestamp at time zone 'Europe/Berlin'` : sql`${f.sentFrom}::timestamptz`,
            )
          : undefined,
        f.procedureId ? sql`(${consultation.id} = ${f.procedureId} or ${consultation.parentId} = ${f.procedureId})` : undefined,
      ];
      const from = () =>
        db
          .select(columns)
          .from(consultationRequests)
          .innerJoin(departments, eq(departments.id, consultationRequests.departmentId))
          .innerJoin(consultation, eq(consultation.id, consultationRequests.consultationId))
          .innerJoin(served, eq(served.id, sql`coalesce(${consultation.parentId}, ${consultation.id})`));
      const { offset, limit } = pageOf(query);
      const [rows, [total]] = await Promise.all([
        from()
          .where(and(...where))
          .orderBy(...orderOf(sortable, query.sort, sql`${consultationRequests.createdAt} desc`, consultationRequests.id))
          .limit(limit)
          .offset(offset),
        db
          .select({ n: count() })
          .from(consultationRequests)
          .innerJoin(consultation, eq(consultation.id, consultationRequests.consultationId))
          .where(and(...where)),
      ]);
      return sendList(res, 'consultation-requests', rows, total?.n ?? 0, offset);
    },
  });
}
