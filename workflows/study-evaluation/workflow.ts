import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { consultDepartments } from '../engine/consultation/consult';
import type { ConsultationResult } from '../engine/consultation/workflow';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, notApprovedOutcome, ownerOf } from '../engine/human-task';
import type { studyEvaluationActivities } from './activities';
import { taskForms, type StartInput } from './forms';
import { archiveBody, consultationQuestion, consultationSubject } from './texts';

const { loadStudy, archiveKnowledge, recordStep } = proxyActivities<EngineActivities & ReturnType<typeof studyEvaluationActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { untilApproved } = humanTasks(taskForms);

/** From this relevance on, the departments the evaluation names are asked what follows for them. */
export const CONSULT_FROM_RELEVANCE = 2;

/**
 * Studie auswerten: staff summarise a registered study and rate its relevance; a second reader
 * (never the one who summarised) approves or sends it back; relevant studies go to the departments
 * concerned ("Was folgt daraus für Ihre Dienststelle?"); the result goes to the knowledge base.
 */
export async function studyEvaluation(args: ProcedureArgs<StartInput>): Promise<ProcedureResult> {
  const { input, timing } = args;
  return runProcedure('study-evaluation', args, async () => {
    const study = await loadStudy({ studyId: input.studyId });

    const evaluated = await untilApproved({
      workKind: 'studie-zusammenfassen',
      approvalKind: 'studie-gegenlesen',
      work: (round, returned) => ({
        key: `zusammenfassen-${round}`,
        title: round === 1 ? 'Zusammenfassung und Relevanz' : `Zusammenfassung überarbeiten (Runde ${round})`,
        // A returned evaluation goes back to whoever wrote it; the first one to the staff group.
        assigneeId: returned ? ownerOf(returned.previous) : undefined,
        candidateRole: returned ? undefined : 'staff',
        context: { study, feedback: returned?.comment ?? null, previous: returned?.previous.data ?? null },
        timing,
      }),
      approval: (work, round) => ({
        key: `gegenlesen-${round}`,
        title: 'Zweitlektüre',
        candidateRole: 'staff',
        context: { study, evaluation: work.data, summarisedBy: work.completedBy },
        timing,
      }),
    });
    if (!evaluated.approved) return { outcome: notApprovedOutcome(evaluated.rounds) };

    const summary = evaluated.work.data;
    let consulted: ConsultationResult | undefined;
    if (summary.relevance >= CONSULT_FROM_RELEVANCE && summary.departmentIds.length > 0) {
      consulted = await consultDepartments({
        key: 'dienststellen',
        title: 'Rückmeldung der Dienststellen',
        input: {
          subject: consultationSubject(study),
          question: consultationQuestion(study, summary),
          departmentIds: summary.departmentIds,
        },
        consolidatorId: ownerOf(evaluated.work),
        timings: args,
      });
    }

    const procedureId = workflowInfo().workflowId;
    await recordStep({ procedureId, key: 'archivieren', label: 'Im Wissensspeicher archivieren' });
    await archiveKnowledge({
      sourceType: 'study',
      sourceId: study.id,
      procedureId,
      title: study.title,
      summary: summary.summary,
      body: archiveBody(study, summary, consulted),
      topics: study.topics,
      departmentIds: summary.departmentIds,
      year: study.year,
    });
    return {
      outcome: consulted
        ? 'Ausgewertet und archiviert'
        : 'Ausgewertet und archiviert (ohne Anfrage an die Dienststellen)',
    };
  });
}
