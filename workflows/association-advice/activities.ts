import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { and, eq, isNull } from 'drizzle-orm';
import { recordStepEvent } from '../../activities/procedure-events';
import { germanDateTime } from '../../calendar/german-date';
import { notes } from '../../db/schema';
import { enqueueMail } from '../../mail/outbox';
import type { ModuleActivityDeps } from '../module';
import { organisations } from '../organisations/schema';
import type { AdviceStart, Appointment } from './forms';
import { invitationCalendar } from './invitation';
import type { SentAppointment, SuitingCall } from './facts';
import { callsById, suitingCalls } from './matching';
import { adviceAppointments, adviceCases, adviceProposals } from './schema';
import { confirmationMail, invitationMail, proposalsMail } from './texts';
import type { CaseOutcome } from './vocabulary';

export type { SentAppointment } from './facts';

export const INVITATION_STEP = 'einladung';

export function adviceActivities({ db }: Pick<ModuleActivityDeps, 'db'>) {
  async function caseOf(procedureId: string) {
    const [found] = await db.select().from(adviceCases).where(eq(adviceCases.procedureId, procedureId));
    if (!found) throw ApplicationFailure.nonRetryable('Zu diesem Vorgang gibt es keinen Beratungsfall', 'NoCase');
    return found;
  }

  return {
    /** The case beside its procedure, and the confirmation to who asked: once, however often it runs. */
    async openCase({ procedureId, input }: { procedureId: string; input: AdviceStart }): Promise<{ organisationName: string }> {
      return db.transaction(async (tx) => {
        const [registered] = input.organisationId
          ? await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId))
          : [];
        // One deleted from the register since the start keeps the name the request gave, or says it is gone.
        const organisationName = registered?.name ?? input.organisationName ?? 'eine Organisation, die nicht mehr im Register steht';
        const [opened] = await tx
          .insert(adviceCases)
          .values({
            procedureId,
            organisationId: registered ? input.organisationId : null,
            organisationName,
            contactName: input.contactName,
            email: input.email,
            topics: [...input.topics],
            channel: input.channel ?? 'mitarbeitende',
          })
          .onConflictDoNothing()
          .returning();
        if (opened) {
          await enqueueMail(tx, {
            idempotencyKey: `advice:${procedureId}:confirmation`,
            to: [input.email],
            ...confirmationMail({ contactName: input.contactName, organisationName, topics: input.topics, request: input.request }),
            procedureId,
          });
        }
        return { organisationName };
      });
    },

    /** The appointment, stored and sent with its calendar entry; a retry sends the same one once. */
    async sendInvitation({ procedureId, round, appointment }: { procedureId: string; round: number; appointment: Appointment }): Promise<SentAppointment> {
      const kase = await caseOf(procedureId);
      const startsAt = new Date(appointment.startsAt);
      const endsAt = new Date(startsAt.getTime() + appointment.durationMinutes * 60_000);
      return db.transaction(async (tx) => {
        const [stored] = await tx
          .insert(adviceAppointments)
          .values({ procedureId, round, startsAt, endsAt, mode: appointment.mode, place: appointment.place, uid: `${randomUUID()}@amtsflow` })
          .onConflictDoNothing()
          .returning();
        const sent = stored ?? (await tx.select().from(adviceAppointments).where(and(eq(adviceAppointments.procedureId, procedureId), eq(adviceAppointments.round, round))))[0];
        if (!sent) throw new Error('appointment row vanished');
        const facts = { contactName: kase.contactName, organisationName: kase.organisationName, startsAt: sent.startsAt, endsAt: sent.endsAt, mode: sent.mode, place: sent.place, message: appointment.message, round };
        await enqueueMail(tx, {
          idempotencyKey: `advice:${procedureId}:invitation:${round}`,
          to: [kase.email],
          ...invitationMail(facts),
          attachments: [{ filename: 'Einladung.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: invitationCalendar({ ...facts, uid: sent.uid, sentAt: sent.sentAt }) }],
          procedureId,
        });
        await recordStepEvent(tx, {
          procedureId,
          key: `${INVITATION_STEP}-${round}`,
          kind: 'step',
          label: `Einladung zum Termin am ${germanDateTime(sent.startsAt)} an ${kase.contactName} versandt`,
        });
        return { round, startsAt: sent.startsAt.getTime(), endsAt: sent.endsAt.getTime(), mode: sent.mode, place: sent.place };
      });
    },

    /** The open funding calls that suit the case now: the register changes between meetings. */
    async matchingCalls({ procedureId }: { procedureId: string }): Promise<SuitingCall[]> {
      const kase = await caseOf(procedureId);
      const [organisation] = kase.organisationId ? await db.select({ topics: organisations.topics }).from(organisations).where(eq(organisations.id, kase.organisationId)) : [];
      return suitingCalls(db, { topics: kase.topics as AdviceStart['topics'], organisationTopics: organisation?.topics ?? [], now: new Date() });
    },

    /**
     * The advisor's note as a Vermerk of the procedure, at its task; the calls proposed for the first
     * time are stored and mailed to the organisation. A retry writes neither twice.
     */
    async recordNote(v: { procedureId: string; taskId: string; authorId: string; note: string; proposedCallIds: string[] }): Promise<{ proposed: number }> {
      const kase = await caseOf(v.procedureId);
      return db.transaction(async (tx) => {
        await tx.insert(notes).values({ procedureId: v.procedureId, taskId: v.taskId, authorId: v.authorId, text: v.note, requestKey: `task:${v.taskId}` }).onConflictDoNothing();
        const fresh = v.proposedCallIds.length
          ? await tx
              .insert(adviceProposals)
              .values(v.proposedCallIds.map((fundingCallId) => ({ procedureId: v.procedureId, fundingCallId })))
              .onConflictDoNothing()
              .returning({ id: adviceProposals.fundingCallId })
          : [];
        const calls = await callsById(tx, fresh.map((f) => f.id));
        if (calls.length > 0) {
          await enqueueMail(tx, {
            idempotencyKey: `advice:${v.procedureId}:proposals:${v.taskId}`,
            to: [kase.email],
            ...proposalsMail({ contactName: kase.contactName, organisationName: kase.organisationName, calls }),
            procedureId: v.procedureId,
          });
        }
        return { proposed: calls.length };
      });
    },

    async closeCase({ procedureId, outcome }: { procedureId: string; outcome: CaseOutcome }): Promise<void> {
      await db.update(adviceCases).set({ outcome, closedAt: new Date() }).where(and(eq(adviceCases.procedureId, procedureId), isNull(adviceCases.closedAt)));
    },
  };
}

export type AdviceActivities = ReturnType<typeof adviceActivities>;
