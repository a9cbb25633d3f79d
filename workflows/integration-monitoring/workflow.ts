import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import type { FieldIssue } from '../engine/contract';
import { consultDepartments } from '../engine/consultation/consult';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, notApprovedOutcome } from '../engine/human-task';
import type { monitoringActivities } from './activities';
import { sortAnswers } from './answers';
import { taskForms, type Clarification, type MonitoringStart } from './forms';
import { quarterLabel } from './quarter';
import type { monitoringReportActivities } from './report-activities';
import type { MonitoringSettings } from './settings';
import type { CollectedValue, OpenField } from './shared';
import { departmentForm, requestQuestion } from './texts';

type Activities = EngineActivities & ReturnType<typeof monitoringActivities> & ReturnType<typeof monitoringReportActivities>;

const { planMonitoring, storeIndicatorValues, compareQuarter, recordStep } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Rendering and printing start a browser: slower, and worth a few tries on a busy machine.
const { renderMonitoringReport, printMonitoringReport, publishMonitoringReport } = proxyActivities<Activities>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 10 },
});

const { task, untilApproved } = humanTasks(taskForms);

export type MonitoringArgs = ProcedureArgs<MonitoringStart, MonitoringSettings>;

/** Every open field answered, and nothing else: what the clarification form's schema cannot know. */
function clarificationIssues(open: OpenField[]) {
  return (data: Clarification): FieldIssue[] => {
    const issues: FieldIssue[] = open
      .filter((f) => !(f.field in data.values))
      .map((f) => ({ path: `values.${f.field}`, message: `Bitte klären Sie den Wert für „${f.indicatorName} – ${f.disaggregationLabel}“.` }));
    for (const key of Object.keys(data.values)) {
      if (!open.some((f) => f.field === key)) issues.push({ path: `values.${key}`, message: 'Dieser Wert ist in diesem Quartal nicht offen.' });
    }
    return issues;
  };
}

/**
 * Integrationsmonitoring of one quarter: the departments report their indicators' values →
 * staff clarify missing and implausible values → comparison with the previous quarter and the
 * same quarter last year → staff comment → a manager approves (four-eyes) → the report (HTML,
 * PDF) is published and mailed.
 */
export async function integrationMonitoring(args: MonitoringArgs): Promise<ProcedureResult> {
  return runProcedure('integration-monitoring', args, async () => {
    const procedureId = workflowInfo().workflowId;
    const { quarter } = args.input;
    const label = quarterLabel(quarter);
    // Started by a person: their tasks; by the schedule: the staff group's.
    const owner = args.startedBy ? { assigneeId: args.startedBy } : { candidateRole: 'staff' as const };

    const plan = await planMonitoring();
    if (plan.length === 0) return { outcome: 'Keine aktiven Indikatoren' };

    const consultation = await consultDepartments({
      key: 'werte',
      title: `Werte für das ${label} anfragen`,
      input: {
        subject: `Integrationsmonitoring ${label}`,
        question: requestQuestion(quarter),
        departmentIds: plan.map((d) => d.departmentId),
        answerForms: Object.fromEntries(plan.map((d) => [d.departmentId, departmentForm(d)])),
        consolidate: false,
      },
      consolidatorId: args.startedBy,
      timings: args,
    });
    const { values, open } = sortAnswers(plan, consultation.outcomes);
    await storeIndicatorValues({ quarter, procedureId, values });

    if (open.length > 0) {
      const clarified = await task({
        key: 'klaerung',
        title: `Werte klären (${open.length})`,
        formKind: 'monitoring-klaerung',
        ...owner,
        context: { quarter, label, open },
        timing: args.timing,
        check: clarificationIssues(open),
      });
      const settled: CollectedValue[] = open.map((f) => {
        const entry = clarified.data.values[f.field] as { value: number | null; comment: string };
        return { indicatorId: f.indicatorId, disaggregation: f.disaggregation, value: entry.value, comment: entry.comment, source: 'clarification' };
      });
      await storeIndicatorValues({ quarter, procedureId, values: settled });
    }

    const comparison = await compareQuarter({ quarter });
    await recordStep({ procedureId, key: 'vergleich', label: `Indikatoren mit Vorquartal und Vorjahresquartal verglichen (${comparison.length} Werte)` });

    const approved = await untilApproved({
      workKind: 'monitoring-kommentar',
      approvalKind: 'monitoring-freigabe',
      work: (round, returned) => ({
        key: `kommentar-${round}`,
        title: round === 1 ? `Monitoring ${label} kommentieren` : `Kommentar überarbeiten (Runde ${round})`,
        ...owner,
        context: { quarter, label, comparison, feedback: returned?.comment ?? null },
        timing: args.timing,
        check: (data) =>
          Object.keys(data.comments)
            .filter((key) => !comparison.some((r) => r.indicatorKey === key))
            .map((key) => ({ path: `comments.${key}`, message: 'Diesen Indikator gibt es in diesem Bericht nicht.' })),
      }),
      approval: (commented, round) => ({
        key: `freigabe-${round}`,
        title: `Monitoringbericht ${label} freigeben`,
        candidateRole: 'manager',
        context: { quarter, label, comparison, comment: commented.data, commentedBy: commented.completedBy },
        timing: args.timing,
      }),
    });
    if (!approved.approved) return { outcome: notApprovedOutcome(approved.rounds) };
    const commented = approved.work;
    const report = await renderMonitoringReport({
      procedureId,
      quarter,
      summary: commented.data.summary,
      comments: commented.data.comments,
      commentedBy: commented.completedBy,
      approvedBy: approved.approval.completedBy,
    });
    await printMonitoringReport({ reportId: report.reportId });
    const published = await publishMonitoringReport({ reportId: report.reportId, recipients: args.settings.recipients });
    return { outcome: `Bericht ${label} veröffentlicht${published.mailedTo > 0 ? ` und an ${published.mailedTo} Empfänger versandt` : ''}` };
  });
}
