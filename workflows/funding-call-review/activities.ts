import { ApplicationFailure } from '@temporalio/activity';
import { and, eq, isNull } from 'drizzle-orm';
import { recordStepEvent } from '../../activities/procedure-events';
import { roleMembers } from '../../activities/task-mails';
import { germanDateTime } from '../../calendar/german-date';
import type { Db } from '../../db/client';
import { enqueueMail } from '../../mail/outbox';
import { fundingCalls, type FundingSource } from './schema';

/** The call as the review's tasks show it; dates as epoch ms so the workflow stays plain data. */
export interface FundingCallView {
  id: string;
  source: FundingSource;
  funder: string;
  title: string;
  summary: string;
  topics: string[];
  budget: number | null;
  cofinancingShare: number | null;
  submissionDeadline: number | null;
  link: string;
}

export function fundingReviewActivities({ db, publicUrl }: { db: Db; publicUrl: string }) {
  return {
    /** Loads the call and marks it as under review by this procedure (the first review keeps it). */
    async loadFundingCall(input: { fundingCallId: string; procedureId: string }): Promise<FundingCallView> {
      await db
        .update(fundingCalls)
        .set({ reviewProcedureId: input.procedureId })
        .where(and(eq(fundingCalls.id, input.fundingCallId), isNull(fundingCalls.reviewProcedureId)));
      const [call] = await db.select().from(fundingCalls).where(eq(fundingCalls.id, input.fundingCallId));
      if (!call) throw ApplicationFailure.nonRetryable(`Förderaufruf ${input.fundingCallId} gibt es nicht`);
      return {
        id: call.id,
        source: call.source,
        funder: call.funder,
        title: call.title,
        summary: call.summary,
        topics: call.topics,
        budget: call.budget,
        cofinancingShare: call.cofinancingShare,
        submissionDeadline: call.submissionDeadline?.getTime() ?? null,
        link: call.link,
      };
    },

    /** Triage named the deadline a call (e.g. from a feed) lacked: the call keeps it. */
    async setFundingDeadline(input: { fundingCallId: string; deadlineAt: number }): Promise<void> {
      await db
        .update(fundingCalls)
        .set({ submissionDeadline: new Date(input.deadlineAt), updatedAt: new Date() })
        .where(eq(fundingCalls.id, input.fundingCallId));
    },

    /** The managers learn that an application is still open shortly before the funder's deadline. */
    async warnApplicationDeadline(input: {
      procedureId: string;
      callTitle: string;
      deadlineAt: number;
      openSteps: string[];
    }): Promise<void> {
      await db.transaction(async (tx) => {
        const managers = await roleMembers(tx, 'manager');
        const deadline = germanDateTime(new Date(input.deadlineAt));
        if (managers.length > 0) {
          await enqueueMail(tx, {
            idempotencyKey: `procedure:${input.procedureId}:deadline-warning`,
            to: managers.map((m) => m.email),
            subject: `Einreichungsfrist naht: ${input.callTitle}`,
            text:
              `Guten Tag,\n\nder Antrag zum Förderaufruf „${input.callTitle}“ ist noch nicht eingereicht. ` +
              `Die Einreichungsfrist endet am ${deadline}.\n\n` +
              `Offen: ${input.openSteps.join(', ') || '–'}\n\n` +
              `Zum Vorgang: ${publicUrl}/#/procedures/${encodeURIComponent(input.procedureId)}/show\n\n` +
              `Diese Nachricht wurde von Amtsflow, dem Vorgangssystem des Amts für Integration, versandt.`,
            procedureId: input.procedureId,
          });
        }
        await recordStepEvent(tx, {
          procedureId: input.procedureId,
          key: 'deadline-warning',
          kind: 'deadline.warning',
          label: `Einreichungsfrist naht (${deadline}): Amtsleitung informiert`,
          detail: { recipients: managers.map((m) => m.email), openSteps: input.openSteps },
        });
      });
    },
  };
}
