import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { attachmentsByRequest } from '../answers/request-attachments';
import { tokenHash, answerToken, tokenPlaceholder } from '../answers/tokens';
import { addDuration, deadlineAfter } from '../calendar/business-days';
import { writeAudit } from '../db/audit';
import type { Db, DbOrTx } from '../db/client';
import { consultationRequests, procedures } from '../db/schema';
import { enqueueMail, type OutgoingMail } from '../mail/outbox';
import type { RequestOutcome } from '../workflows/engine/consultation/contract';
import { addresseeName, DEPARTMENT_KIND, type Addressee, type ParticipantRef } from '../workflows/engine/consultation/participants';
import { formFor, type AnswerField } from '../workflows/engine/consultation/forms';
import type { LetterWriter, LetterWriters } from '../workflows/engine/consultation/letters';
import { followUpLabel, noAnswerLabel, requestMail, requestSentLabel } from '../workflows/engine/consultation/texts';
import type { ConsultationTiming } from '../workflows/engine/timing';
import { waitingLabel } from './consultation-waiting';
import { participantsOf, type ParticipantDirectory } from './participants';
import { recordStepEvent } from './procedure-events';

export interface OpenRequestsInput {
  consultationId: string;
  subject: string;
  question: string;
  departmentIds: string[];
  /** Others asked beside the departments (a module's participants, e.g. providers). */
  participants?: ParticipantRef[];
  answerForm: AnswerField[];
  /** A participant's own form, by its id, instead of answerForm. */
  answerForms?: Record<string, AnswerField[]>;
  /** A module's letter writer that mails each request instead of the engine's German mail. */
  letter?: string;
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
  /** Who can be asked: the departments and the modules' participant sources. */
  participants: ParticipantDirectory;
  /** The modules' letter writers by key (a campaign's mail per contact). */
  letters: LetterWriters;
}


type RequestRow = typeof consultationRequests.$inferSelect;

export function consultationActivities({ db, publicUrl, inboundDomain, tokenSecret, officeDayEnd, participants, letters }: ConsultationActivityDeps) {
  // The mail holds placeholders; the dispatcher puts the token in at the moment of sending.
  const link = (requestId: string) => `${publicUrl}/answer/${tokenPlaceholder(requestId)}`;
  const replyTo = (requestId: string) => `reply+${tokenPlaceholder(requestId)}@${inboundDomain}`;

  async function loadRequests(tx: DbOrTx, requestIds: string[]) {
    if (requestIds.length === 0) return [];
    return tx
      .select({ request: consultationRequests, input: procedures.input })
      .from(consultationRequests)
      .innerJoin(procedures, eq(procedures.id, consultationRequests.consultationId))
      .where(inArray(consultationRequests.id, requestIds));
  }

  function writerOf(key: string): LetterWriter {
    const writer = letters[key];
    // A deploy without the module that wrote the procedure: no retry brings it back.
    if (!writer) throw ApplicationFailure.nonRetryable(`kein Anschreiben „${key}“ bekannt`, 'UnknownLetter');
    return writer;
  }

  return {
    async openRequests(input: OpenRequestsInput) {
      const base = new Date(input.createdAt);
      const deadlineAt = deadlineAfter(base, input.timing.deadline, officeDayEnd);
      const expiresAt = deadlineAfter(deadlineAt, input.timing.grace, officeDayEnd);
      const remindAt = addDuration(base, input.timing.reminderAfter);
      const escalateAt = addDuration(base, input.timing.escalateAfter);
      const requests = await db.transaction(async (tx) => {
        const { found: asked, missing } = await participants.resolve(tx, participantsOf(input));
        // Deleted since the start was checked: retrying cannot help, the procedure ends as failed.
        if (missing.length) {
          const named = missing.map((m) => (m.kind === DEPARTMENT_KIND ? m.id : `${m.kind} ${m.id}`)).join(', ');
          throw ApplicationFailure.nonRetryable(`unbekannte Dienststellen oder Beteiligte: ${named}`, 'UnknownDepartment');
        }
        const rows: { requestId: string; departmentId: string; status: string }[] = [];
        for (const addressee of asked) {
          const id = randomUUID();
          const [created] = await tx
            .insert(consultationRequests)
            .values({
              id,
              consultationId: input.consultationId,
              departmentId: addressee.kind === DEPARTMENT_KIND ? addressee.id : null,
              participantKind: addressee.kind,
              participantId: addressee.id,
              addressee: addresseeName(addressee),
              tokenHash: tokenHash(answerToken(tokenSecret, id)),
              deadlineAt,
              expiresAt,
            })
            .onConflictDoNothing({ target: [consultationRequests.consultationId, consultationRequests.participantKind, consultationRequests.participantId] })
            .returning();
          const row: RequestRow | undefined =
            created ??
            (
              await tx
                .select()
                .from(consultationRequests)
                .where(
                  and(
                    eq(consultationRequests.consultationId, input.consultationId),
                    eq(consultationRequests.participantKind, addressee.kind),
                    eq(consultationRequests.participantId, addressee.id),
                  ),
                )
            )[0];
          if (!row) throw new Error('request row vanished');
          rows.push({ requestId: row.id, departmentId: addressee.id, status: row.status });
          const fields = formFor(input, addressee.id);
          const mails: OutgoingMail[] = input.letter
            ? (
                await writerOf(input.letter)(tx, {
                  consultationId: input.consultationId,
                  requestId: row.id,
                  addressee,
                  subject: input.subject,
                  question: input.question,
                  deadlineAt,
                  link: link(row.id),
                  replyTo: replyTo(row.id),
                  fields,
                  publicUrl,
                })
              ).map(({ key, ...mail }) => ({ ...mail, idempotencyKey: `request:${row.id}:letter:${key}` }))
            : [
                {
                  idempotencyKey: `request:${row.id}:sent`,
                  to: addressee.to,
                  replyTo: replyTo(row.id),
                  ...requestMail({ department: addressee, subject: input.subject, question: input.question, deadlineAt, link: link(row.id), fields, kind: 'request' }),
                },
              ];
          for (const mail of mails) await enqueueMail(tx, { ...mail, procedureId: input.consultationId });
          await recordStepEvent(tx, {
            procedureId: input.consultationId,
            key: `request:${row.id}:sent`,
            kind: 'request.sent',
            label: requestSentLabel(addressee),
            detail: { requestId: row.id, ...participantDetail(addressee), to: addressee.to.join(', ') },
          });
        }
        await recordStepEvent(tx, {
          procedureId: input.consultationId,
          key: 'consultation:waiting',
          kind: 'step',
          label: waitingLabel(asked.length, 0, deadlineAt, asked.every((a) => a.kind === DEPARTMENT_KIND)),
          current: true,
        });
        return rows;
      });
      return { requests, deadlineAt: deadlineAt.getTime(), remindAt: remindAt.getTime(), escalateAt: escalateAt.getTime() };
    },

    async followUpRequests({ requestIds, kind }: { requestIds: string[]; kind: 'reminder' | 'escalation' }) {
      await db.transaction(async (tx) => {
        const pending = (await loadRequests(tx, requestIds)).filter((r) => r.request.status === 'pending');
        // The addresses as they are now: a department's new head gets the escalation.
        const { found } = await participants.resolve(tx, pending.map(({ request }) => refOf(request)));
        for (const { request, input } of pending) {
          const now = found.find((a) => a.kind === request.participantKind && a.id === request.participantId);
          await enqueueFollowUp(tx, kind, request, now, input as { subject: string; question: string });
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
        for (const request of closed) {
          await recordStepEvent(tx, {
            procedureId: consultationId,
            key: `request:${request.id}:no_answer`,
            kind: 'request.no_answer',
            label: noAnswerLabel(request.addressee),
            detail: { requestId: request.id, ...participantDetail(refOf(request)) },
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
        .select({ request: consultationRequests })
        .from(consultationRequests)
        .where(eq(consultationRequests.consultationId, consultationId))
        .orderBy(asc(consultationRequests.participantKind), asc(sql`${consultationRequests.addressee}->>'name'`));
      const files = await attachmentsByRequest(db, rows.map((r) => r.request.id));
      return rows.map(({ request }) => ({
        requestId: request.id,
        participantKind: request.participantKind,
        departmentId: request.participantId,
        departmentName: request.addressee.name,
        status: request.status,
        channel: request.channel ?? null,
        answerText: request.answerText,
        answerData: request.answerData ?? null,
        answeredAt: request.answeredAt?.toISOString() ?? null,
        attachments: files.get(request.id) ?? [],
      }));
    },
  };

  /**
   * The reminder to who was asked, the escalation to whoever is above them (a department's head).
   * A participant with nobody above, or no longer known to its source, gets none of it.
   */
  async function enqueueFollowUp(
    tx: DbOrTx,
    kind: 'reminder' | 'escalation',
    request: RequestRow,
    addressee: Addressee | undefined,
    { subject, question }: { subject: string; question: string },
  ) {
    const to = kind === 'reminder' ? addressee?.to : addressee?.escalateTo;
    if (!addressee || !to || to.length === 0) return;
    await enqueueMail(tx, {
      idempotencyKey: `request:${request.id}:${kind}`,
      to,
      cc: kind === 'escalation' ? addressee.to : undefined,
      replyTo: replyTo(request.id),
      ...requestMail({ department: request.addressee, subject, question, deadlineAt: request.deadlineAt, link: link(request.id), fields: [], kind }),
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
      label: followUpLabel(kind, request.addressee),
      detail: { requestId: request.id, ...participantDetail(refOf(request)) },
    });
  }
}

const refOf = (r: RequestRow): ParticipantRef => ({ kind: r.participantKind, id: r.participantId });

/** A history step's detail: a department as before (departmentId), any other participant by kind and id. */
function participantDetail(p: ParticipantRef): Record<string, string> {
  return p.kind === DEPARTMENT_KIND ? { departmentId: p.id } : { participantKind: p.kind, participantId: p.id };
}
