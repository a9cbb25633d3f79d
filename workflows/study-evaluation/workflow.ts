import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { consultDepartments } from '../consultation/child';
import type { ConsultationResult } from '../consultation/workflow';
import { humanTask, type TaskOutcome } from '../human-task/human-task';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../human-task/run-procedure';
import type { StartInput, Summary } from './forms';
import { archiveBody, consultationQuestion, consultationSubject } from './texts';

const { loadStudy, archiveKnowledge, recordStep } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const MAX_ROUNDS = 10;
/** From this relevance on, the departments the evaluation names are asked what follows for them. */
export const CONSULT_FROM_RELEVANCE = 2;

/** The person responsible for a completed step: the absent colleague a substitute stood in for, else the actor. */
const ownerOf = (t: TaskOutcome<'studie-zusammenfassen'>) => t.onBehalfOfId ?? t.completedBy;

/**
 * Studie auswerten: staff summarise a registered study and rate its relevance; a second reader
 * (never the one who summarised) approves or sends it back; relevant studies go to the departments
 * concerned ("Was folgt daraus für Ihre Dienststelle?"); the result goes to the knowledge base.
 */
export async function studyEvaluation(args: ProcedureArgs<StartInput>): Promise<ProcedureResult> {
  const { input, timing, consultation } = args;
  return runProcedure('study-evaluation', args, async () => {
    const study = await loadStudy({ studyId: input.studyId });

    let evaluation: TaskOutcome<'studie-zusammenfassen'> | undefined;
    let sentBack: { comment: string | undefined; previous: Summary; by: string } | undefined;
    for (let round = 1; round <= MAX_ROUNDS && !evaluation; round += 1) {
      const work = await humanTask({
        key: `zusammenfassen-${round}`,
        title: round === 1 ? 'Zusammenfassung und Relevanz' : `Zusammenfassung überarbeiten (Runde ${round})`,
        formKind: 'studie-zusammenfassen',
        // A returned evaluation goes back to whoever wrote it; the first one to the staff group.
        assigneeId: sentBack?.by,
        candidateRole: sentBack ? undefined : 'staff',
        context: { study, feedback: sentBack?.comment ?? null, previous: sentBack?.previous ?? null },
        timing,
      });
      const review = await humanTask({
        key: `gegenlesen-${round}`,
        title: 'Zweitlektüre',
        formKind: 'studie-gegenlesen',
        candidateRole: 'staff',
        excludedUserIds: [work.completedBy, ...(work.onBehalfOfId ? [work.onBehalfOfId] : [])],
        context: { study, evaluation: work.data, summarisedBy: work.completedBy },
        timing,
      });
      if (review.data.decision === 'approve') evaluation = work;
      else sentBack = { comment: review.data.comment, previous: work.data, by: ownerOf(work) };
    }
    if (!evaluation) return { outcome: `Nach ${MAX_ROUNDS} Runden nicht freigegeben` };

    const summary = evaluation.data;
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
        consolidatorId: ownerOf(evaluation),
        timing,
        consultation,
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
