import { condition, isCancellation, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../../activities';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../frame';
import { humanTasks } from '../human-task';
import { procedure } from '../procedure-state';
import { answerReceivedSignal, CONSULTATION_TYPE, type RequestOutcome } from './contract';
import { consultationTaskForms, type ConsultationInput } from './forms';
import { DEPARTMENT_KIND } from './participants';

const { openRequests, followUpRequests, recordNoAnswer, loadOutcomes, settledRequests } = proxyActivities<EngineActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { task } = humanTasks(consultationTaskForms);

export type ConsultationArgs = ProcedureArgs<ConsultationInput, unknown>;

export interface ConsultationResult extends ProcedureResult {
  outcomes: RequestOutcome[];
  consolidation: { summary: string; followUp?: string };
}

async function untilAllAnsweredOr(deadline: number, pending: Set<string>): Promise<boolean> {
  const wait = deadline - Date.now();
  if (wait <= 0) return pending.size === 0;
  return condition(() => pending.size === 0, wait);
}

/**
 * When a timer fires, the database says which requests were answered meanwhile: an answer whose
 * signal was lost (the engine was away) still counts, so a reminder never goes to a department
 * that has answered and the consultation ends as soon as all have. Runs recorded before this
 * change took their timers without it (patched), and replay unchanged.
 */
async function answeredMeanwhile(pending: Set<string>): Promise<boolean> {
  if (pending.size === 0 || !patched('consultation-rereads-answers')) return pending.size === 0;
  for (const id of await settledRequests({ requestIds: [...pending] })) pending.delete(id);
  return pending.size === 0;
}

/**
 * Woken by one answer while others are still awaited, the database says whether they came too:
 * an answer whose signal was lost (sent fire-and-forget before answers became durable commands)
 * then counts as soon as the next one arrives, not only at the next timer. Signals recorded
 * before this change were handled without it (patched), and replay unchanged.
 */
async function othersAnsweredMeanwhile(pending: Set<string>): Promise<void> {
  if (pending.size === 0 || !patched('consultation-rereads-when-woken')) return;
  for (const id of await settledRequests({ requestIds: [...pending] })) pending.delete(id);
}

/**
 * Fachdienststellen-Anfrage: one question to N departments; they answer by link or reply;
 * reminder, escalation to the head, "keine Antwort" at the deadline; staff consolidate.
 */
export async function departmentConsultation(args: ConsultationArgs): Promise<ConsultationResult> {
  return runProcedure(CONSULTATION_TYPE, args, async () => {
    const { input, consultation, timing, startedBy } = args;
    const pending = new Set<string>();
    const answered = new Set<string>();
    setHandler(answerReceivedSignal, async ({ requestId }) => {
      answered.add(requestId);
      pending.delete(requestId);
      try {
        await othersAnsweredMeanwhile(pending);
      } catch (err) {
        // Cancelled with the consultation: what it would have read no longer matters.
        if (!isCancellation(err)) throw err;
      }
    });

    const opened = await openRequests({
      consultationId: workflowInfo().workflowId,
      subject: input.subject,
      question: input.question,
      departmentIds: input.departmentIds,
      // Left out when there are none, as runs recorded before there were others scheduled it.
      ...(input.participants?.length ? { participants: input.participants } : {}),
      ...(input.letter ? { letter: input.letter } : {}),
      answerForm: input.answerForm ?? [],
      answerForms: input.answerForms,
      timing: { ...consultation, deadline: input.deadline ?? consultation.deadline },
      createdAt: Date.now(),
    });
    // A quick answer's signal can arrive in the same workflow task as this activity's result.
    for (const r of opened.requests) if (r.status === 'pending' && !answered.has(r.requestId)) pending.add(r.requestId);
    procedure.reachedWaitPoint('Warten auf Antworten', 'consultation:waiting');

    // A deadline shorter than the usual reminder or escalation delay skips them: nothing is sent after the deadline.
    if (opened.remindAt < opened.deadlineAt && !(await untilAllAnsweredOr(opened.remindAt, pending)) && !(await answeredMeanwhile(pending))) {
      await followUpRequests({ requestIds: [...pending], kind: 'reminder' });
    }
    if (opened.escalateAt < opened.deadlineAt && !(await untilAllAnsweredOr(opened.escalateAt, pending)) && !(await answeredMeanwhile(pending))) {
      await followUpRequests({ requestIds: [...pending], kind: 'escalation' });
    }
    if (!(await untilAllAnsweredOr(opened.deadlineAt, pending)) && !(await answeredMeanwhile(pending))) {
      await recordNoAnswer({ consultationId: workflowInfo().workflowId, requestIds: [...pending] });
    }

    const outcomes = await loadOutcomes({ consultationId: workflowInfo().workflowId });
    const answeredCount = outcomes.filter((o) => o.status === 'answered').length;
    const onlyDepartments = outcomes.every((o) => (o.participantKind ?? DEPARTMENT_KIND) === DEPARTMENT_KIND);
    const tally = `${answeredCount} von ${outcomes.length} ${onlyDepartments ? 'Dienststellen' : 'Stellen'} haben geantwortet`;
    if (input.consolidate === false) return { outcome: `Abgeschlossen (${tally})`, outcomes, consolidation: { summary: tally } };
    const consolidation = await task({
      key: 'zusammenfuehren',
      title: 'Antworten zusammenführen',
      formKind: 'antworten-zusammenfuehren',
      // Started by the system, not a person: the staff group consolidates.
      assigneeId: startedBy ?? undefined,
      candidateRole: startedBy ? undefined : 'staff',
      context: { subject: input.subject, question: input.question, answerForm: input.answerForm ?? [], outcomes },
      timing,
    });
    return {
      outcome: `Zusammengeführt (${tally})`,
      outcomes,
      consolidation: consolidation.data,
    };
  });
}
