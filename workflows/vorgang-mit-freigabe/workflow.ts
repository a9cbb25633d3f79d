import { humanTask } from '../human-task/human-task';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../human-task/run-procedure';
import type { StartInput } from './forms';

const MAX_ROUNDS = 10;

/**
 * Vorgang mit Freigabe: staff work on a matter, a manager who did not do the work approves it
 * (four-eyes); a rejection sends it back with the manager's comment.
 */
export async function vorgangMitFreigabe(args: ProcedureArgs<StartInput>): Promise<ProcedureResult> {
  const { input, timing } = args;
  return runProcedure('vorgang-mit-freigabe', args, async () => {
    let feedback: string | undefined;
    for (let round = 1; round <= MAX_ROUNDS; round += 1) {
      const work = await humanTask({
        key: `bearbeiten-${round}`,
        title: round === 1 ? 'Vorgang bearbeiten' : `Vorgang überarbeiten (Runde ${round})`,
        formKind: 'vorgang-bearbeiten',
        assigneeId: input.assigneeId,
        candidateRole: input.assigneeId ? undefined : 'staff',
        priority: input.priority as 1 | 2 | 3 | undefined,
        context: { title: input.title, description: input.description ?? null, feedback: feedback ?? null },
        timing,
      });
      const approval = await humanTask({
        key: `freigabe-${round}`,
        title: 'Freigabe durch die Amtsleitung',
        formKind: 'freigabe',
        candidateRole: 'manager',
        excludedUserIds: [work.completedBy, ...(work.onBehalfOfId ? [work.onBehalfOfId] : [])],
        priority: input.priority as 1 | 2 | 3 | undefined,
        context: { title: input.title, result: work.data.result, workedOnBy: work.completedBy },
        timing,
      });
      if (approval.data.decision === 'approve') return { outcome: 'Freigegeben' };
      feedback = approval.data.comment;
    }
    return { outcome: `Nach ${MAX_ROUNDS} Runden nicht freigegeben` };
  });
}
