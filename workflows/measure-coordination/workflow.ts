import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { consultDepartments } from '../engine/consultation/consult';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, notApprovedOutcome, ownerOf } from '../engine/human-task';
import { waitUntil } from '../engine/wait';
import type { coordinationActivities } from './activities';
import { taskForms, type CoordinationStart } from './forms';
import { PROVIDER_KIND } from './participants';
import type { MeasureSettings } from './settings';
import { coordinationQuestion, outcomeOf } from './texts';

const { loadOverlap, recordDecision, recordFollowUp, momentAfter } = proxyActivities<
  EngineActivities & ReturnType<typeof coordinationActivities>
>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { task, untilApproved } = humanTasks(taskForms);

/** The outcome when a measure was deleted before the coordination began. */
const GONE = 'Entfallen: eine der beiden Maßnahmen wurde gelöscht';

export type CoordinationArgs = ProcedureArgs<CoordinationStart, MeasureSettings>;

/**
 * Maßnahme abstimmen: staff look at two measures that may offer the same → the providers of both
 * and the responsible department are asked → a decision, approved by a second person → recorded on
 * both measures, the providers told → after a while, staff look whether it was done.
 */
export async function measureCoordination(args: CoordinationArgs): Promise<ProcedureResult> {
  return runProcedure('measure-coordination', args, async () => {
    const { timing, input, settings } = args;
    const procedureId = workflowInfo().workflowId;
    const facts = { procedureId, measureId: input.measureId, otherMeasureId: input.otherMeasureId };
    const overlap = await loadOverlap(facts);
    if (!overlap) return { outcome: GONE };
    const [first, second] = overlap.measures;

    const look = await task({
      key: 'sichten',
      title: 'Überschneidung ansehen',
      formKind: 'abstimmung-sichten',
      // Started by the system for a new measure: the staff group looks.
      assigneeId: args.startedBy ?? undefined,
      candidateRole: args.startedBy ? undefined : 'staff',
      context: { measures: overlap.measures, reachableProviderIds: overlap.reachableProviderIds },
      timing,
    });
    if (!look.data.coordinate) {
      await recordDecision({ ...facts, decision: 'unchanged', reason: look.data.reason, decidedBy: ownerOf(look), approvedBy: null, notify: false });
      return { outcome: 'Keine Abstimmung nötig' };
    }

    const consultation = await consultDepartments({
      key: 'anfrage',
      title: 'Anfrage an die Träger und die Dienststelle',
      input: {
        subject: `Abstimmung: ${first.title} und ${second.title}`,
        question: coordinationQuestion(first, second, look.data.question),
        departmentIds: look.data.departmentId ? [look.data.departmentId] : [],
        participants: overlap.reachableProviderIds.map((id) => ({ kind: PROVIDER_KIND, id })),
        deadline: look.data.deadline,
        consolidate: false,
      },
      consolidatorId: look.completedBy,
      timings: args,
    });

    const decided = await untilApproved({
      workKind: 'abstimmung-entscheidung',
      approvalKind: 'abstimmung-freigabe',
      work: (round, returned) => ({
        key: `entscheidung-${round}`,
        title: round === 1 ? 'Über die Abstimmung entscheiden' : `Entscheidung überarbeiten (Runde ${round})`,
        assigneeId: ownerOf(look),
        context: { measures: overlap.measures, outcomes: consultation.outcomes, overlap: look.data, feedback: returned?.comment ?? null },
        timing,
      }),
      approval: (decision, round) => ({
        key: `freigabe-${round}`,
        title: 'Entscheidung freigeben',
        candidateRole: 'manager',
        context: { measures: overlap.measures, outcomes: consultation.outcomes, decision: decision.data, decidedBy: decision.completedBy },
        timing,
      }),
    });
    if (!decided.approved) return { outcome: notApprovedOutcome(decided.rounds) };
    const decision = decided.work.data;
    const concerned = decision.measure === 'first' ? first : decision.measure === 'second' ? second : undefined;
    await recordDecision({
      ...facts,
      decision: decision.decision,
      concerns: concerned ? decision.measure : undefined,
      reason: decision.reason,
      agreement: decision.agreement,
      decidedBy: ownerOf(decided.work),
      approvedBy: decided.approval.completedBy,
      notify: true,
    });
    const outcome = outcomeOf(decision.decision, concerned);

    const until = await momentAfter({ at: Date.now(), duration: settings.followUpAfter });
    await waitUntil({ key: 'nachhalten:waiting', label: 'Warten auf die Nachschau', until });
    const followUp = await task({
      key: 'nachhalten',
      title: 'Umsetzung nachhalten',
      formKind: 'abstimmung-nachhalten',
      assigneeId: ownerOf(decided.work),
      context: { measures: overlap.measures, decision, approvedBy: decided.approval.completedBy },
      timing,
    });
    await recordFollowUp({ procedureId, done: followUp.data.done, note: followUp.data.note });
    return { outcome: followUp.data.done ? outcome : `${outcome} (nicht umgesetzt)` };
  });
}
