import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { consultDepartments } from '../engine/consultation/consult';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, ownerOf } from '../engine/human-task';
import { PROVIDER_KIND } from '../measure-coordination/participants';
import type { Correction, surveyActivities } from './activities';
import { taskForms, type SurveyStart } from './forms';
import type { SurveySettings } from './settings';
import { answersByMeasure, surveyForm, surveyQuestion } from './texts';

const { planSurvey, applySurvey } = proxyActivities<EngineActivities & ReturnType<typeof surveyActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { task } = humanTasks(taskForms);

export type SurveyArgs = ProcedureArgs<SurveyStart, SurveySettings>;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Trägerabfrage: once a year every provider with a running measure is asked, on the answer page,
 * to confirm or correct its measures (reminded before the deadline); staff check the answers and
 * take the corrections into the registry; who did not answer is listed.
 */
export async function measureSurvey(args: SurveyArgs): Promise<ProcedureResult> {
  return runProcedure('measure-survey', args, async () => {
    const { input, settings, timing } = args;
    const procedureId = workflowInfo().workflowId;
    const plan = await planSurvey({ year: input.year });
    if (plan.providers.length === 0) return { outcome: `Keine Träger abzufragen (${count(plan.unreachable.length, 'Träger', 'Träger')} ohne Mail-Adresse)` };

    const consultation = await consultDepartments({
      key: 'abfrage',
      title: 'Abfrage bei den Trägern',
      input: {
        subject: `Jährliche Abfrage der Integrationsmaßnahmen ${input.year}`,
        question: surveyQuestion(input.year),
        departmentIds: [],
        participants: plan.providers.map((p) => ({ kind: PROVIDER_KIND, id: p.id })),
        answerForm: [],
        answerForms: Object.fromEntries(plan.providers.map((p) => [p.id, surveyForm(p, input.year)])),
        deadline: settings.answerDeadline,
        consolidate: false,
      },
      consolidatorId: args.startedBy,
      // The survey's own reminder; the escalation is left out (its moment is the deadline itself).
      timings: { timing, consultation: { ...args.consultation, reminderAfter: settings.remindAfter, escalateAfter: settings.answerDeadline } },
    });

    const answered = new Map(consultation.outcomes.filter((o) => o.status === 'answered').map((o) => [o.departmentId, o]));
    const providers = plan.providers.map((p) => {
      const outcome = answered.get(p.id);
      return { ...p, answered: outcome !== undefined, answerText: outcome?.answerText ?? null, answers: outcome ? answersByMeasure(p, outcome.answerData) : {} };
    });
    const unanswered = providers.filter((p) => !p.answered).map(({ id, name }) => ({ id, name }));
    const check = await task({
      key: 'pruefen',
      title: 'Antworten der Träger prüfen',
      formKind: 'abfrage-pruefen',
      assigneeId: args.startedBy ?? undefined,
      candidateRole: args.startedBy ? undefined : 'staff',
      context: { year: input.year, providers, unanswered, unreachable: plan.unreachable },
      timing,
    });

    const taken = new Set(check.data.apply);
    const corrections: Correction[] = providers.flatMap((p) =>
      Object.entries(p.answers)
        .filter(([measureId]) => taken.has(measureId))
        .map(([measureId, a]) => ({ measureId, participants: a.participants, running: a.running })),
    );
    if (corrections.length > 0) await applySurvey({ procedureId, year: input.year, corrections, by: ownerOf(check) });
    return {
      outcome:
        `Abgeschlossen: ${answered.size} von ${count(plan.providers.length, 'Träger', 'Trägern')} haben geantwortet, ` +
        `${count(corrections.length, 'Maßnahme', 'Maßnahmen')} berichtigt`,
    };
  });
}
