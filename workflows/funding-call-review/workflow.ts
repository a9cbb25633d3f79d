import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { FundingCallView } from '../../activities/funding-calls';
import { consultDepartments } from '../consultation/child';
import { beforeDeadline } from '../human-task/deadline';
import { humanTask, openTaskRefs } from '../human-task/human-task';
import { procedure } from '../human-task/procedure-state';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../human-task/run-procedure';
import type { FundingReviewStart } from './forms';
import { archiveBody, consultationQuestion, euro, fundingAnswerForm } from './texts';

const { loadFundingCall, setFundingDeadline, momentBefore, warnApplicationDeadline, recordStep, archiveKnowledge } =
  proxyActivities<Activities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });

const MAX_ROUNDS = 10;
const DEFAULT_FUNDING_TIMING = { warnBefore: '10bd', milestoneLead: '20bd' };

export type FundingReviewArgs = ProcedureArgs<FundingReviewStart>;

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

  const triage = await humanTask({
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
    timing,
    consultation: args.consultation,
  });

  record.notes.push(`Rückmeldung der Dienststellen: ${consultation.consolidation.summary}`);
  const decided = await decideWithApproval(ctx, triage.completedBy, consultation);
  if (!decided) return `Nach ${MAX_ROUNDS} Runden nicht freigegeben`;
  record.notes.push(`Entscheidung: ${decided.data.reason}`);
  if (decided.data.decision === 'dont-apply') return `Kein Antrag: ${decided.data.reason}`;

  const applicant = decided.completedBy;
  const submitted = await applyBeforeDeadline(ctx, applicant, deadlineAt);
  if (!submitted) return 'Einreichungsfrist verpasst';

  const award = await humanTask({
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

async function decideWithApproval(
  { args, call }: Ctx,
  deciderId: string,
  consultation: Awaited<ReturnType<typeof consultDepartments>>,
) {
  let feedback: string | undefined;
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    const decision = await humanTask({
      key: `entscheidung-${round}`,
      title: round === 1 ? 'Über einen Antrag entscheiden' : `Entscheidung überarbeiten (Runde ${round})`,
      formKind: 'foerderaufruf-entscheidung',
      assigneeId: deciderId,
      context: { call, consultation: consultation.consolidation, outcomes: consultation.outcomes, feedback: feedback ?? null },
      timing: args.timing,
    });
    const approval = await humanTask({
      key: `freigabe-${round}`,
      title: 'Entscheidung freigeben',
      formKind: 'foerderaufruf-freigabe',
      candidateRole: 'manager',
      excludedUserIds: [decision.completedBy, ...(decision.onBehalfOfId ? [decision.onBehalfOfId] : [])],
      context: { call, decision: decision.data, decidedBy: decision.completedBy },
      timing: args.timing,
    });
    if (approval.data.decision === 'approve') return decision;
    feedback = approval.data.comment;
  }
  return undefined;
}

/** Draft, internal sign-off (four-eyes) and submission, all before the funder's deadline. */
async function applyBeforeDeadline({ args, call }: Ctx, applicantId: string, deadlineAt: number | null) {
  const funding = args.funding ?? DEFAULT_FUNDING_TIMING;
  const cancelReason = 'Einreichungsfrist verpasst';
  const application = async () => {
    let feedback: string | undefined;
    for (let round = 1; round <= MAX_ROUNDS; round += 1) {
      const draft = await humanTask({
        key: `antrag-entwurf-${round}`,
        title: round === 1 ? 'Antrag entwerfen' : `Antrag überarbeiten (Runde ${round})`,
        formKind: 'antrag-entwurf',
        assigneeId: applicantId,
        context: { call, feedback: feedback ?? null },
        timing: args.timing,
        dueAt: deadlineAt ?? undefined,
        cancelReason,
      });
      const signOff = await humanTask({
        key: `antrag-mitzeichnung-${round}`,
        title: 'Antrag mitzeichnen',
        formKind: 'antrag-mitzeichnung',
        candidateRole: 'manager',
        excludedUserIds: [draft.completedBy, ...(draft.onBehalfOfId ? [draft.onBehalfOfId] : [])],
        context: { call, draft: draft.data, draftedBy: draft.completedBy },
        timing: args.timing,
        dueAt: deadlineAt ?? undefined,
        cancelReason,
      });
      if (signOff.data.decision === 'approve') {
        const submission = await humanTask({
          key: 'antrag-einreichung',
          title: 'Antrag einreichen',
          formKind: 'antrag-einreichung',
          assigneeId: applicantId,
          context: { call, draft: draft.data },
          timing: args.timing,
          dueAt: deadlineAt ?? undefined,
          cancelReason,
        });
        return submission.data;
      }
      feedback = signOff.data.comment;
    }
    return undefined;
  };
  if (deadlineAt === null) return application();
  const warnAt = await momentBefore({ at: deadlineAt, duration: funding.warnBefore });
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
  const funding = args.funding ?? DEFAULT_FUNDING_TIMING;
  const milestones = [
    { key: 'zwischenbericht', title: 'Zwischenbericht einreichen', formKind: 'zwischenbericht' as const, due: award.interimReportDue },
    { key: 'verwendungsnachweis', title: 'Verwendungsnachweis einreichen', formKind: 'verwendungsnachweis' as const, due: award.proofOfUseDue },
  ];
  for (const m of milestones) {
    if (!m.due) continue;
    const dueAt = Date.parse(m.due);
    const openAt = await momentBefore({ at: dueAt, duration: funding.milestoneLead });
    if (openAt > Date.now()) {
      const label = `Bewilligt – nächster Termin: ${m.title}`;
      await recordStep({ procedureId: workflowInfo().workflowId, key: `${m.key}:waiting`, label });
      // The person who recorded the award gets their answer now, not when the report is due.
      procedure.reachedWaitPoint(label);
      await sleep(openAt - Date.now());
    }
    await humanTask({
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
