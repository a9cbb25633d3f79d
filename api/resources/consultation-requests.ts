import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { attachmentsByRequest } from '../../answers/request-attachments';
import type { Db } from '../../db/client';
import { answerChannels, consultationRequests, departments, procedures, requestStatuses } from '../../db/schema';
import { HttpError } from '../errors';
import { textIdParams, type Api } from '../route';
import { attachmentUrl, STAFF_ROLES } from './answer-attachments';
import { withDescendants } from './procedure-tree';
import { formFor, type ConsultationStart } from '../../workflows/engine/consultation/forms';

const requestViewSchema = z
  .object({
    requestId: z.string(),
    /** The consultation it belongs to: the procedure itself, or one it started (a review's). */
    consultationId: z.string(),
    /** Who was asked: a department (with its code), or another participant (participantKind, no code). */
    participantKind: z.string(),
    departmentId: z.string(),
    departmentCode: z.string().nullable(),
    departmentName: z.string(),
    status: z.enum(requestStatuses),
    channel: z.enum(answerChannels).nullable(),
    answerText: z.string().nullable(),
    answerData: z.unknown(),
    /** The answer form's fields, for naming answerData's entries by their labels. */
    answerFields: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string().nullable() })),
    answeredBy: z.string().nullable(),
    answeredAt: z.date().nullable(),
    /** When the request was sent. */
    sentAt: z.date(),
    deadlineAt: z.date(),
    remindedAt: z.date().nullable(),
    escalatedAt: z.date().nullable(),
    attachments: z.array(
      z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), url: z.string() }),
    ),
  })
  .meta({ id: 'ConsultationRequest' });

/**
 * A consultation's requests as they are now, one per department: the consolidation task's
 * context is a snapshot taken when the task was made, and an answer within the grace period may
 * come after it.
 */
export function consultationRequestRoutes(api: Api, db: Db) {
  api.route({
    method: 'get',
    path: '/api/procedures/:id/requests',
    summary: 'Die Anfragen einer Fachdienststellen-Anfrage (auch als Teil eines Vorgangs) mit Stand, Antwort und Anhängen',
    tag: 'consultations',
    access: STAFF_ROLES,
    params: textIdParams,
    response: z.array(requestViewSchema),
    async handler({ params }) {
      const [procedure] = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, params.id));
      if (!procedure) throw HttpError.notFound('Vorgang');
      const rows = await db
        .select({ request: consultationRequests, code: departments.code })
        .from(consultationRequests)
        .leftJoin(departments, eq(departments.id, consultationRequests.departmentId))
        // A review's requests are those of the consultation it started as a child.
        .where(inArray(consultationRequests.consultationId, await withDescendants(db, params.id)))
        .orderBy(asc(consultationRequests.participantKind), asc(sql`${consultationRequests.addressee}->>'name'`));
      const files = await attachmentsByRequest(db, rows.map((r) => r.request.id));
      const consultationIds = [...new Set(rows.map((r) => r.request.consultationId))];
      const inputs = new Map(
        consultationIds.length === 0
          ? []
          : (await db.select({ id: procedures.id, input: procedures.input }).from(procedures).where(inArray(procedures.id, consultationIds))).map((p) => [
              p.id,
              p.input as Pick<ConsultationStart, 'answerForm' | 'answerForms'>,
            ]),
      );
      const fieldsOf = (consultationId: string, participantId: string) =>
        formFor(inputs.get(consultationId) ?? {}, participantId).map((f) => ({ key: f.key, label: f.label, unit: f.unit ?? null }));
      return rows.map(({ request: r, code }) => ({
        requestId: r.id,
        consultationId: r.consultationId,
        participantKind: r.participantKind,
        departmentId: r.participantId,
        departmentCode: code,
        departmentName: r.addressee.name,
        status: r.status,
        channel: r.channel ?? null,
        answerText: r.answerText,
        answerData: r.answerData ?? null,
        answerFields: fieldsOf(r.consultationId, r.participantId),
        answeredBy: r.answeredBy,
        answeredAt: r.answeredAt,
        sentAt: r.createdAt,
        deadlineAt: r.deadlineAt,
        remindedAt: r.remindedAt,
        escalatedAt: r.escalatedAt,
        attachments: (files.get(r.id) ?? []).map((f) => ({ ...f, url: attachmentUrl(f.id) })),
      }));
    },
  });
}
