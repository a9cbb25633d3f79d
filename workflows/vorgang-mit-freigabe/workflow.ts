import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, notApprovedOutcome } from '../engine/human-task';
import { taskForms, type StartInput } from './forms';

const { untilApproved } = humanTasks(taskForms);

/**
 * Vorgang mit Freigabe: staff work on a matter, a manager who did not do the work approves it
 * (four-eyes); a rejection sends it back with the manager's comment.
 */
export async function vorgangMitFreigabe(args: ProcedureArgs<StartInput>): Promise<ProcedureResult> {
  const { input, timing } = args;
  const priority = input.priority as 1 | 2 | 3 | undefined;
  return runProcedure('vorgang-mit-freigabe', args, async () => {
    const result = await untilApproved({
      workKind: 'vorgang-bearbeiten',
      approvalKind: 'freigabe',
      work: (round, returned) => ({
        key: `bearbeiten-${round}`,
        title: round === 1 ? 'Vorgang bearbeiten' : `Vorgang überarbeiten (Runde ${round})`,
        assigneeId: input.assigneeId,
        candidateRole: input.assigneeId ? undefined : 'staff',
        priority,
        context: { title: input.title, description: input.description ?? null, feedback: returned?.comment ?? null },
        timing,
      }),
      approval: (work, round) => ({
        key: `freigabe-${round}`,
        title: 'Freigabe durch die Amtsleitung',
        candidateRole: 'manager',
        priority,
        context: { title: input.title, result: work.data.result, workedOnBy: work.completedBy },
        timing,
      }),
    });
    return { outcome: result.approved ? 'Freigegeben' : notApprovedOutcome(result.rounds) };
  });
}
