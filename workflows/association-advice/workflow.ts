import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, ownerOf } from '../engine/human-task';
import { waitUntil } from '../engine/wait';
import type { AdviceActivities } from './activities';
import { taskForms, type AdviceNote, type AdviceStart } from './forms';
import type { AdviceSettings } from './settings';
import { appointmentTitle, caseOutcomeText, followUpTitle, noteTitle } from './texts';
import type { SuitingCall } from './facts';

const { openCase, sendInvitation, matchingCalls, recordNote, closeCase, momentAfter } = proxyActivities<AdviceActivities & Pick<EngineActivities, 'momentAfter'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { task } = humanTasks(taskForms);

export type AdviceArgs = ProcedureArgs<AdviceStart, AdviceSettings>;

/** An advice case does not go on for ever: after this many appointments it is closed as advised. */
export const MAX_APPOINTMENTS = 20;

/** Proposed calls must be among those the task showed: the register may have changed since. */
function unshownCalls(data: AdviceNote, shown: SuitingCall[]) {
  const known = new Set(shown.map((c) => c.id));
  return (data.proposedCallIds ?? []).flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `proposedCallIds.${i}`, message: 'Dieser Förderaufruf ist nicht unter den passenden Aufrufen dieses Falls.' }],
  );
}

/**
 * Vereinsberatung: an organisation asks for advice (the public form or staff) → an advisor of the
 * staff group books an appointment, the invitation goes out with its calendar entry → after it the
 * advisor's note, with the open funding calls that suit proposed and mailed → another appointment,
 * a follow-up at a day the advisor sets, or the case closed with its outcome.
 */
export async function associationAdvice(args: AdviceArgs): Promise<ProcedureResult> {
  return runProcedure('association-advice', args, async () => {
    const { input, settings, timing } = args;
    const procedureId = workflowInfo().workflowId;
    const { organisationName } = await openCase({ procedureId, input });
    const about = { organisationName, contactName: input.contactName, email: input.email, phone: input.phone ?? null, topics: input.topics, request: input.request };
    let advisor: string | undefined;
    let notes = 0;
    let waits = 0;

    for (let round = 1; round <= MAX_APPOINTMENTS; round++) {
      const booked = await task({
        key: `termin-${round}`,
        title: appointmentTitle(round),
        formKind: 'beratung-termin',
        assigneeId: advisor,
        candidateRole: advisor ? undefined : 'staff',
        context: { ...about, round },
        timing,
      });
      // Who booked the first appointment advises the case: the later tasks are theirs.
      advisor ??= ownerOf(booked);
      const appointment = await sendInvitation({ procedureId, round, appointment: booked.data });
      let title = noteTitle(round, new Date(appointment.startsAt));
      let dueAt: number | undefined = await momentAfter({ at: appointment.endsAt, duration: settings.noteDue });

      for (;;) {
        const calls = await matchingCalls({ procedureId });
        const noted = await task({
          key: `vermerk-${++notes}`,
          title,
          formKind: 'beratung-vermerk',
          assigneeId: advisor,
          context: { ...about, appointment, calls },
          timing,
          dueAt,
          check: (data) => unshownCalls(data, calls),
        });
        await recordNote({ procedureId, taskId: noted.taskId, authorId: noted.completedBy, note: noted.data.note, proposedCallIds: noted.data.proposedCallIds ?? [] });
        const next = noted.data;
        if (next.next === 'abschliessen' && next.outcome) {
          await closeCase({ procedureId, outcome: next.outcome });
          return { outcome: `Abgeschlossen: ${caseOutcomeText(next.outcome)}` };
        }
        if (next.next === 'folgetermin' || !next.followUp) break;
        const until = await momentAfter({ at: Date.now(), duration: next.followUp });
        await waitUntil({ key: `wiedervorlage:waiting-${++waits}`, label: 'Wiedervorlage', until });
        title = followUpTitle(organisationName);
        dueAt = undefined;
      }
    }
    await closeCase({ procedureId, outcome: 'beraten' });
    return { outcome: `Abgeschlossen: ${caseOutcomeText('beraten')} (${MAX_APPOINTMENTS} Termine)` };
  });
}
