import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { attachmentsByRequest } from '../answers/request-attachments';
import { tokenHash, answerToken, tokenPlaceholder } from '../answers/tokens';
import { addDuration, deadlineAfter } from '../calendar/business-days';
import { writeAudit } from '../db/audit';
import type { Db, DbOrTx } from '../db/client';
import { consultationRequests, departments, procedures } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import type { RequestOutcome } from '../workflows/engine/consultation/contract';
import { formFor, type AnswerField } from '../workflows/engine/consultation/forms';
import { followUpLabel, noAnswerLabel, requestMail, requestSentLabel } from '../workflows/engine/consultation/texts';
import type { ConsultationTiming } from '../workflows/engine/timing';
import { waitingLabel } from './consultation-waiting';
import { recordStepEvent } from './procedure-events';

export interface OpenRequestsInput {
  consultationId: string;
  subject: string;
  question: string;
  departmentIds: string[];
  answerForm: AnswerField[];
  /** A department's own form, by its id, instead of answerForm. */
  answerForms?: Record<string, AnswerField[]>;
  timing: ConsultationTiming;
  createdAt: number;
}

export interface ConsultationActivityDeps {
  db: Db;
  publicUrl: string;
  inboundDomain: string;
  tokenSecret: string;
  /** "16:00": an answer deadline in days ends at the office day's end (OFFICE_DAY_END). */
  officeDayEnd: string;
}


type Department = typeof departments.$inferSelect;
type RequestRow = typeof consultationRequests.$inferSelect;

export function consultationActivities({ db, publicUrl, inboundDomain, tokenSecret, officeDayEnd }: ConsultationActivityDeps) {
  // The mail holds placeholders; the dispatcher puts the token in at the moment of sending.
  const link = (requestId: string) => `${publicUrl}/answer/${tokenPlaceholder(requestId)}`;
  const replyTo = (requestId: string) => `reply+${tokenPlaceholder(requestId)}@${inboundDomain}`;

  async function loadRequests(tx: DbOrTx, requestIds: string[]) {
    if (requestIds.length === 0) return [];
    return tx
      .select({ request: consultationRequests, department: departments, input: procedures.input })
      .from(consultationRequests)
      .innerJoin(departments, eq(departments.id, consultationRequests.departmentId))
      .innerJoin(procedures, eq(procedures.id, consultationRequests.consultationId))
      .where(inArray(consultationRequests.id, requestIds));
  }

  return {
    async openRequests(input: OpenRequestsInput) {
      const base = new Date(input.createdAt);
      const deadlineAt = deadlineAfter(base, input.timing.deadline, officeDayEnd);
      const expiresAt = deadlineAfter(deadlineAt, input.timing.grace, officeDayEnd);
      const remindAt = addDuration(base, input.timing.reminderAfter);
      const escalateAt = addDuration(base, input.timing.escalateAfter);
      const requests = await db.transaction(async (tx) => {
        const depts = await tx.select().from(departments).where(inArray(departments.id, input.departmentIds));
        const missing = input.departmentIds.filter((id) => !depts.some((d) => d.id === id));
        // Deleted since the start was checked: retrying cannot help, the procedure ends as failed.
        if (missing.length) throw ApplicationFailure.nonRetryable(`unbekannte Dienststellen: ${missing.join(', ')}`, 'UnknownDepartment');
        const rows: { requestId: string; departmentId: string; status: string }[] = [];
        for (const dept of depts) {
          const id = randomUUID();
          const [created] = await tx
            .insert(consultationRequests)
            .values({
              id,
              consultationId: input.consultationId,
              departmentId: dept.id,
              tokenHash: tokenHash(answerToken(tokenSecret, id)),
              deadlineAt,
              expiresAt,
            })
            .onConflictDoNothing({ target: [consultationRequests.consultationId, consultationRequests.departmentId] })
            .returning();
          const row: RequestRow | undefined =
            created ??
            (
              await tx
                .select()
                .from(consultationRequests)
                .where(and(eq(consultationRequests.consultationId, input.consultationId), eq(consultationRequests.departmentId, dept.id)))
            )[0];
          if (!row) throw new Error('request row vanished');
          rows.push({ requestId: row.id, departmentId: dept.id, status: row.status });
          await enqueueMail(tx, {
            idempotencyKey: `request:${row.id}:sent`,
            to: [dept.contactEmail],
            replyTo: replyTo(row.id),
            ...requestMail({
              department: dept,
              subject: input.subject,
              question: input.question,
              deadlineAt,
              link: link(row.id),
              fields: formFor(input, dept.id),
              kind: 'request',
            }),
            procedureId: input.consultationId,
          });
          await recordStepEvent(tx, {
            procedureId: input.consultationId,
            key: `request:${row.id}:sent`,
            kind: 'request.sent',
            label: requestSentLabel(dept),
            detail: { requestId: row.id, departmentId: dept.id, to: dept.contactEmail },
          });
        }
        await recordStepEvent(tx, {
          procedureId: input.consultationId,
          key: 'consultation:waiting',
          kind: 'step',
          label: waitingLabel(depts.length, 0, deadlineAt),
          current: true,
        });
        return rows;
      });
      return { requests, deadlineAt: deadlineAt.getTime(), remindAt: remindAt.getTime(), escalateAt: escalateAt.getTime() };
    },

    async followUpRequests({ requestIds, kind }: { requestIds: string[]; kind: 'reminder' | 'escalation' }) {
      await db.transaction(async (tx) => {
        for (const { request, department, input } of await loadRequests(tx, requestIds)) {
          if (request.status !== 'pending') continue;
          await enqueueFollowUp(tx, kind, request, department, input as { subject: string; question: string });
        }
      });
    },

    async recordNoAnswer({ consultationId, requestIds }: { consultationId: string; requestIds: string[] }) {
      await db.transaction(async (tx) => {
        // Only rows still pending: an answer that arrived while the signal was lost stays an answer.
        const closed = requestIds.length
          ? await tx
              .update(consultationRequests)
              .set({ status: 'no_answer' })
              .where(and(inArray(consultationRequests.id, requestIds), eq(consultationRequests.status, 'pending')))
              .returning()
          : [];
        for (const { request, department } of await loadRequests(tx, closed.map((r) => r.id))) {
          await recordStepEvent(tx, {
            procedureId: consultationId,
            key: `request:${request.id}:no_answer`,
            kind: 'request.no_answer',
            label: noAnswerLabel(department),
            detail: { requestId: request.id, departmentId: department.id },
          });
          await writeAudit(tx, {
            action: 'request.no_answer',
            entityType: 'consultation_request',
            entityId: request.id,
            procedureId: consultationId,
            key: `request:${request.id}:no_answer`,
          });
        }
      });
    },

    /** Of these requests, the ones that are no longer waiting (answered, or closed): what a lost signal would not have told. */
    async settledRequests({ requestIds }: { requestIds: string[] }): Promise<string[]> {
      if (requestIds.length === 0) return [];
      const rows = await db
        .select({ id: consultationRequests.id })
        .from(consultationRequests)
        .where(and(inArray(consultationRequests.id, requestIds), ne(consultationRequests.status, 'pending')));
      return rows.map((r) => r.id);
    },

    async loadOutcomes({ consultationId }: { consultationId: string }): Promise<RequestOutcome[]> {
      const rows = await db
        .select({ request: consultationRequests, department: departments })
        .from(consultationRequests)
        .innerJoin(departments, eq(departments.id, consultationRequests.departmentId))
        .where(eq(consultationRequests.consultationId, consultationId))
        .orderBy(asc(departments.name));
      const files = await attachmentsByRequest(db, rows.map((r) => r.request.id));
      return rows.map(({ request, department }) => ({
        requestId: request.id,
        departmentId: department.id,
        departmentName: department.name,
        status: request.status,
        channel: request.channel ?? null,
        answerText: request.answerText,
        answerData: request.answerData ?? null,
        answeredAt: request.answeredAt?.toISOString() ?? null,
        attachments: files.get(request.id) ?? [],
      }));
    },
  };

  async function enqueueFollowUp(
    tx: DbOrTx,
    kind: 'reminder' | 'escalation',
    request: RequestRow,
    department: Department,
    { subject, question }: { subject: string; question: string },
  ) {
    await enqueueMail(tx, {
      idempotencyKey: `request:${request.id}:${kind}`,
      to: [kind === 'reminder' ? department.contactEmail : department.headEmail],
      cc: kind === 'escalation' ? [department.contactEmail] : undefined,
      replyTo: replyTo(request.id),
      ...requestMail({ department, subject, question, deadlineAt: request.deadlineAt, link: link(request.id), fields: [], kind }),
      procedureId: request.consultationId,
    });
    await tx
      .update(consultationRequests)
      .set(kind === 'reminder' ? { remindedAt: new Date() } : { escalatedAt: new Date() })
      .where(eq(consultationRequests.id, request.id));
    await recordStepEvent(tx, {
      procedureId: request.consultationId,
      key: `request:${request.id}:${kind}`,
      kind: `request.${kind}`,
      label: followUpLabel(kind, department),
      detail: { requestId: request.id, departmentId: department.id },
    });
  }
}
