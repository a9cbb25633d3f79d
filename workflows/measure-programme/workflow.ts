import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, notApprovedOutcome } from '../engine/human-task';
import type { programmeActivities } from './activities';
import { taskForms, type ProgrammeStart } from './forms';
import type { ProgrammeSettings } from './settings';

type Activities = EngineActivities & ReturnType<typeof programmeActivities>;

const { compileProgramme } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Rendering and printing start a browser: slower, and worth a few tries on a busy machine.
const { renderProgrammeReport, printProgrammeReport, publishProgrammeReport } = proxyActivities<Activities>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 10 },
});

const { untilApproved } = humanTasks(taskForms);

export type ProgrammeArgs = ProcedureArgs<ProgrammeStart, ProgrammeSettings>;

/**
 * Maßnahmenprogramm of one year: the registry's measures of the year evaluated (by field of action
 * and Stadtbezirk, the funding by funder level) → staff assess it → a manager approves (four-eyes:
 * neither who assessed it nor who started it) → the report (HTML, PDF) is published and mailed.
 */
export async function measureProgramme(args: ProgrammeArgs): Promise<ProcedureResult> {
  return runProcedure('measure-programme', args, async () => {
    const procedureId = workflowInfo().workflowId;
    const { year } = args.input;
    // Started by a person: their task; by the system: the staff group's.
    const owner = args.startedBy ? { assigneeId: args.startedBy } : { candidateRole: 'staff' as const };

    // Compiled once: the figures staff assess are the figures the manager approves and the report prints.
    const figures = await compileProgramme({ procedureId, year, settings: args.settings });
    if (figures.measures === 0) return { outcome: `Keine Maßnahmen im Jahr ${year}` };

    const approved = await untilApproved({
      workKind: 'programm-kommentar',
      approvalKind: 'programm-freigabe',
      work: (round, returned) => ({
        key: `kommentar-${round}`,
        title: round === 1 ? `Maßnahmenprogramm ${year} einschätzen` : `Einschätzung überarbeiten (Runde ${round})`,
        ...owner,
        context: { year, figures, feedback: returned?.comment ?? null, previous: returned?.previous.data ?? null },
        timing: args.timing,
      }),
      approval: (commented, round) => ({
        key: `freigabe-${round}`,
        title: `Maßnahmenprogramm ${year} freigeben`,
        candidateRole: 'manager',
        excludedUserIds: args.startedBy ? [args.startedBy] : [],
        context: { year, figures, comment: commented.data, commentedBy: commented.completedBy },
        timing: args.timing,
      }),
    });
    if (!approved.approved) return { outcome: notApprovedOutcome(approved.rounds) };

    const report = await renderProgrammeReport({
      procedureId,
      figures,
      summary: approved.work.data.summary,
      commentedBy: approved.work.completedBy,
      approvedBy: approved.approval.completedBy,
    });
    await printProgrammeReport({ reportId: report.reportId });
    const published = await publishProgrammeReport({ reportId: report.reportId, recipients: args.settings.recipients });
    return { outcome: `Bericht ${year} veröffentlicht${published.mailedTo > 0 ? ` und an ${published.mailedTo} Empfänger versandt` : ''}` };
  });
}
