import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { consultDepartments } from '../engine/consultation/consult';
import type { ConsultationResult } from '../engine/consultation/workflow';
import { beforeDeadline } from '../engine/deadline';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks, notApprovedOutcome, openTaskRefs } from '../engine/human-task';
import { waitUntil } from '../engine/wait';
import type { FundingCallView, fundingReviewActivities } from './activities';
import { taskForms, type FundingReviewStart } from './forms';
import type { FundingSettings } from './settings';
import { archiveBody, consultationQuestion, euro, fundingAnswerForm } from './texts';

const { loadFundingCall, setFundingDeadline, warnApplicationDeadline, momentBefore, recordStep, archiveKnowledge } =
  proxyActivities<EngineActivities & ReturnType<typeof fundingReviewActivities>>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });

const { task, untilApproved } = humanTasks(taskForms);

export type FundingReviewArgs = ProcedureArgs<FundingReviewStart, FundingSettings>;

interface Ctx {
  args: FundingReviewArgs;
  call: FundingCallView;
  /** What the knowledge base keeps of the review: each step's reasoning, and the departments involved. */
  record: { notes: string[]; departmentIds: string[] };
}

/**
 * Förderaufruf prüfen: triage → consultation of the departments → decision with a manager's
 * approval (four-eyes) → application before the funder's deadline → award → reports until closure.
 */
export async function fundingCallReview(args: FundingReviewArgs): Promise<ProcedureResult> {
  return runProcedure('funding-call-review', args, async () => {
    const procedureId = workflowInfo().workflowId;
    const call = await loadFundingCall({ fundingCallId: args.input.fundingCallId, procedureId });
    const ctx: Ctx = { args, call, record: { notes: [], departmentIds: [] } };
    const outcome = await review(ctx);
    // Every closed review, also "not relevant", is knowledge: the next similar call finds the reasons.
    await recordStep({ procedureId, key: 'archivieren', label: 'Im Wissensspeicher archivieren' });
    await archiveKnowledge({
      sourceType: 'funding-review',
      sourceId: call.id,
      procedureId,
      title: call.title,
      summary: outcome,
      body: archiveBody(call, ctx.record.notes),
      topics: call.topics,
      departmentIds: ctx.record.departmentIds,
      year: new Date(Date.now()).getFullYear(),
    });
    return { outcome };
  });
}

async function review(ctx: Ctx): Promise<string> {
  const { args, call, record } = ctx;
  const { timing } = args;

  const triage = await task({
    key: 'triage',
    title: 'Relevanz prüfen',
    formKind: 'foerderaufruf-triage',
    candidateRole: 'staff',
    context: { call },
    timing,
  });
  record.notes.push(`Relevanzprüfung: ${triage.data.reason}`);
  record.departmentIds.push(...triage.data.departmentIds);
  if (!triage.data.relevant) return `Nicht relevant: ${triage.data.reason}`;
  let deadlineAt = call.submissionDeadline;
  if (triage.data.submissionDeadline) {
    deadlineAt = Date.parse(triage.data.submissionDeadline);
    await setFundingDeadline({ fundingCallId: call.id, deadlineAt });
  }

  const consultation = await consultDepartments({
    key: 'anfrage',
    title: 'Anfrage an die Fachdienststellen',
    input: {
      subject: `Förderaufruf: ${call.title}`,
      question: consultationQuestion(call, deadlineAt, triage.data.question),
      departmentIds: triage.data.departmentIds,
      answerForm: fundingAnswerForm,
    },
    consolidatorId: triage.completedBy,
    timings: args,
  });

  record.notes.push(`Rückmeldung der Dienststellen: ${consultation.consolidation.summary}`);
  const decided = await decideWithApproval(ctx, triage.completedBy, consultation);
  if (!decided.approved) return notApprovedOutcome(decided.rounds);
  const decision = decided.work;
  record.notes.push(`Entscheidung: ${decision.data.reason}`);
  if (decision.data.decision === 'dont-apply') return `Kein Antrag: ${decision.data.reason}`;

  const applicant = decision.completedBy;
  const submitted = await applyBeforeDeadline(ctx, applicant, deadlineAt);
  if (!submitted) return 'Einreichungsfrist verpasst';

  const award = await task({
    key: 'foerderentscheid',
    title: 'Förderbescheid erfassen',
    formKind: 'foerderentscheid',
    assigneeId: applicant,
    context: { call, submittedOn: submitted.submittedOn, reference: submitted.reference ?? null },
    timing,
  });
  if (award.data.note) record.notes.push(`Förderbescheid: ${award.data.note}`);
  if (award.data.result === 'rejected') return 'Vom Fördergeber abgelehnt';

  await reportUntilClosure(ctx, applicant, award.data);
  return `Abgeschlossen: gefördert mit ${euro(award.data.amount ?? 0)}`;
}

function decideWithApproval({ args, call }: Ctx, deciderId: string, consultation: ConsultationResult) {
  return untilApproved({
    workKind: 'foerderaufruf-entscheidung',
    approvalKind: 'foerderaufruf-freigabe',
    work: (round, returned) => ({
      key: `entscheidung-${round}`,
      title: round === 1 ? 'Über einen Antrag entscheiden' : `Entscheidung überarbeiten (Runde ${round})`,
      assigneeId: deciderId,
      context: { call, consultation: consultation.consolidation, outcomes: consultation.outcomes, feedback: returned?.comment ?? null },
      timing: args.timing,
    }),
    approval: (decision, round) => ({
      key: `freigabe-${round}`,
      title: 'Entscheidung freigeben',
      candidateRole: 'manager',
      context: { call, decision: decision.data, decidedBy: decision.completedBy },
      timing: args.timing,
    }),
  });
}

/** Draft, internal sign-off (four-eyes) and submission, all before the funder's deadline. */
async function applyBeforeDeadline({ args, call }: Ctx, applicantId: string, deadlineAt: number | null) {
  const cancelReason = 'Einreichungsfrist verpasst';
  const dueAt = deadlineAt ?? undefined;
  const application = async () => {
    const signed = await untilApproved({
      workKind: 'antrag-entwurf',
      approvalKind: 'antrag-mitzeichnung',
      work: (round, returned) => ({
        key: `antrag-entwurf-${round}`,
        title: round === 1 ? 'Antrag entwerfen' : `Antrag überarbeiten (Runde ${round})`,
        assigneeId: applicantId,
        context: { call, feedback: returned?.comment ?? null },
        timing: args.timing,
        dueAt,
        cancelReason,
      }),
      approval: (draft, round) => ({
        key: `antrag-mitzeichnung-${round}`,
        title: 'Antrag mitzeichnen',
        candidateRole: 'manager',
        context: { call, draft: draft.data, draftedBy: draft.completedBy },
        timing: args.timing,
        dueAt,
        cancelReason,
      }),
    });
    if (!signed.approved) return undefined;
    const submission = await task({
      key: 'antrag-einreichung',
      title: 'Antrag einreichen',
      formKind: 'antrag-einreichung',
      assigneeId: applicantId,
      context: { call, draft: signed.work.data },
      timing: args.timing,
      dueAt,
      cancelReason,
    });
    return submission.data;
  };
  if (deadlineAt === null) return application();
  const warnAt = await momentBefore({ at: deadlineAt, duration: args.settings.warnBefore });
  const result = await beforeDeadline(
    {
      deadlineAt,
      warnAt,
      onWarn: () =>
        warnApplicationDeadline({
          procedureId: workflowInfo().workflowId,
          callTitle: call.title,
          deadlineAt,
          openSteps: openTaskRefs().map((t) => t.title),
        }),
    },
    application,
  );
  if (result.done) return result.value;
  await recordStep({ procedureId: workflowInfo().workflowId, key: 'deadline-missed', label: 'Einreichungsfrist verpasst' });
  return undefined;
}

/** The funder's reporting dates as tasks, each appearing a lead time before it is due. */
async function reportUntilClosure(
  { args, call }: Ctx,
  applicantId: string,
  award: { interimReportDue?: string; proofOfUseDue?: string; amount?: number },
) {
  const milestones = [
    { key: 'zwischenbericht', title: 'Zwischenbericht einreichen', formKind: 'zwischenbericht' as const, due: award.interimReportDue },
    { key: 'verwendungsnachweis', title: 'Verwendungsnachweis einreichen', formKind: 'verwendungsnachweis' as const, due: award.proofOfUseDue },
  ];
  for (const m of milestones) {
    if (!m.due) continue;
    const dueAt = Date.parse(m.due);
    const openAt = await momentBefore({ at: dueAt, duration: args.settings.milestoneLead });
    await waitUntil({ key: `${m.key}:waiting`, label: `Bewilligt – nächster Termin: ${m.title}`, until: openAt });
    await task({
      key: m.key,
      title: m.title,
      formKind: m.formKind,
      assigneeId: applicantId,
      context: { call, dueAt: new Date(dueAt).toISOString(), amount: award.amount ?? null },
      // Overdue when the funder's date passes: then the managers hear of it.
      timing: { due: args.timing.due, escalateAfter: `${Math.max(0, dueAt - Date.now())}ms` },
      dueAt,
    });
  }
}
