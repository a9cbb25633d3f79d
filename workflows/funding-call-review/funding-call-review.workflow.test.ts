import type { WorkflowHandle } from '@temporalio/client';
import { departments, fakeEngine, type FakeEngine } from '../../tests/support/engine-fakes';
import {
  completeTask,
  ended,
  DAY,
  daysSince,
  procedureArgs,
  procedureSuite,
  within,
  type Procedures,
} from '../../tests/support/workflow-procedures';
import { answerReceivedSignal } from '../engine/consultation/contract';
import type { fundingReviewActivities, FundingCallView } from './activities';
import { taskForms } from './forms';
import type { FundingSettings } from './settings';
import { fundingCallReview } from './workflow';

// Förderaufruf prüfen, the workflow alone: the consultation runs as its real child, the funder's
// deadline and the reporting dates weeks and months ahead pass in skipped time.

const suite = procedureSuite();

const settings: FundingSettings = { warnBefore: '10d', milestoneLead: '20d', feeds: [], scanEvery: '6h' };

type Handle = WorkflowHandle<typeof fundingCallReview>;

function callWithDeadline(deadlineAt: number | null): FundingCallView {
  return {
    id: '7c1e2d3f-4a5b-4c6d-8e9f-000000000001',
    source: 'bund',
    funder: 'Bundesamt für Migration und Flüchtlinge',
    title: 'Gemeinsam im Quartier',
    summary: 'Förderung von Projekten der Integration im Quartier.',
    topics: ['Quartier', 'Teilhabe'],
    budget: 250_000,
    cofinancingShare: 20,
    submissionDeadline: deadlineAt,
    link: 'https://foerderung.example/quartier',
  };
}

/** The module's own activities: the call as the database would load it. */
function fundingFake(call: FundingCallView): ReturnType<typeof fundingReviewActivities> {
  return {
    async loadFundingCall() {
      return call;
    },
    async setFundingDeadline() {},
    async warnApplicationDeadline() {},
  };
}

function start(p: Procedures) {
  return p.start(fundingCallReview, procedureArgs({ fundingCallId: callWithDeadline(null).id }, { settings }));
}

/** Triage (relevant, the Jugendamt asked), its answer and consolidation, the decision to apply and its approval. */
async function decideToApply(fake: FakeEngine, p: Procedures, handle: Handle) {
  const triaged = await completeTask(fake, handle, {
    taskKey: 'triage',
    data: { relevant: true, reason: 'Passt zum Integrationskonzept', departmentIds: [departments.jugendamt.id] },
    actorId: 'anna',
  });
  // The consultation is a child procedure: the triage's answer names it as the current step.
  expect(triaged).toMatchObject({ finished: false, currentStep: 'Anfrage an die Fachdienststellen' });

  const consultation = p.client.workflow.getHandle(`${handle.workflowId}.anfrage`);
  const [request] = await fake.openedRequests(consultation.workflowId, 1);
  fake.answer(request?.requestId as string, { text: 'Wir würden uns mit 5.000 € beteiligen.' });
  await consultation.signal(answerReceivedSignal, { requestId: request?.requestId as string, channel: 'page' });
  await completeTask(fake, consultation, { taskKey: 'zusammenfuehren', data: { summary: 'Das Jugendamt beteiligt sich.' }, actorId: 'anna' });

  await completeTask(fake, handle, {
    taskKey: 'entscheidung-1',
    data: { decision: 'apply', reason: 'Hoher Nutzen im Quartier', leadDepartmentId: departments.jugendamt.id, ownShare: 5000 },
    actorId: 'anna',
  });
  await completeTask(fake, handle, { taskKey: 'freigabe-1', data: { decision: 'approve' }, actorId: 'carla' });
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the funding-call review', () => {
  it('ends at triage when the call is not relevant, and archives the reason', async () => {
    const fake = fakeEngine(taskForms, fundingFake(callWithDeadline(null)));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      // No departmentIds: the form's default ([]) is what the workflow keeps and archives.
      const step = await completeTask(fake, handle, { taskKey: 'triage', data: { relevant: false, reason: 'Kein Bezug zur Integration' }, actorId: 'anna' });

      expect(step).toMatchObject({ finished: true, currentStep: 'Nicht relevant: Kein Bezug zur Integration' });
      expect(await ended(handle)).toEqual({ outcome: 'Nicht relevant: Kein Bezug zur Integration' });
      expect(fake.names()).not.toContain('openRequests');
      expect(fake.callsOf('archiveKnowledge')[0]?.input).toMatchObject({
        sourceType: 'funding-review',
        summary: 'Nicht relevant: Kein Bezug zur Integration',
        departmentIds: [],
        body: expect.stringContaining('Relevanzprüfung: Kein Bezug zur Integration'),
      });
    });
  });

  it('warns the managers ten days before the funder’s deadline and, at the deadline, cancels the open application task: "Einreichungsfrist verpasst"', async () => {
    const deadlineAt = (await suite.env.currentTimeMs()) + 6 * 7 * DAY;
    const fake = fakeEngine(taskForms, fundingFake(callWithDeadline(deadlineAt)));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      await decideToApply(fake, p, handle);
      const draft = await fake.openTask(handle.workflowId, 'antrag-entwurf-1');
      expect(draft).toMatchObject({ assigneeId: 'anna', dueAt: deadlineAt });

      expect(await ended(handle)).toEqual({ outcome: 'Einreichungsfrist verpasst' });
      const [warning, ...more] = fake.callsOf('warnApplicationDeadline');
      expect(more).toEqual([]);
      expect(warning?.input).toMatchObject({ callTitle: 'Gemeinsam im Quartier', deadlineAt, openSteps: ['Antrag entwerfen'] });
      expect(daysSince(warning?.at as number, deadlineAt)).toBe(10);
      const [cancelled] = fake.callsOf('cancelTaskRow');
      expect(cancelled?.input).toEqual({ taskId: draft.taskId, procedureId: handle.workflowId, reason: 'Einreichungsfrist verpasst' });
      expect(daysSince(deadlineAt, cancelled?.at as number)).toBe(0);
      expect(fake.task(handle.workflowId, 'antrag-entwurf-1')?.status).toBe('cancelled');
      expect(fake.task(handle.workflowId, 'antrag-mitzeichnung-1')).toBeUndefined();
    });
  });

  it('waits for a grant’s proof of use without a task until twenty days before its date, then opens the report task', async () => {
    const now = await suite.env.currentTimeMs();
    const proofOfUseDue = Date.parse(isoDate(now + 120 * DAY));
    const fake = fakeEngine(taskForms, fundingFake(callWithDeadline(now + 6 * 7 * DAY)));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      await decideToApply(fake, p, handle);
      await completeTask(fake, handle, { taskKey: 'antrag-entwurf-1', data: { summary: 'Antrag für drei Quartiere' }, actorId: 'anna' });
      await completeTask(fake, handle, { taskKey: 'antrag-mitzeichnung-1', data: { decision: 'approve' }, actorId: 'carla' });
      await completeTask(fake, handle, { taskKey: 'antrag-einreichung', data: { submittedOn: isoDate(now), reference: 'BAMF-2026-17' }, actorId: 'anna' });

      // The award is the last task before a wait of months: its completion answers at once, naming the wait.
      const award = completeTask(fake, handle, {
        taskKey: 'foerderentscheid',
        data: { result: 'granted', amount: 50_000, letterDate: isoDate(now), proofOfUseDue: isoDate(proofOfUseDue) },
        actorId: 'anna',
      });
      const step = await within(20_000, 'the award’s answer', award);
      expect(step).toEqual({
        procedureId: handle.workflowId,
        type: 'funding-call-review',
        finished: false,
        currentStep: 'Bewilligt – nächster Termin: Verwendungsnachweis einreichen',
        // The wait's own key: the console names the step by it in its language.
        currentStepKey: 'verwendungsnachweis:waiting',
        openTasks: [],
      });
      expect(fake.task(handle.workflowId, 'verwendungsnachweis')).toBeUndefined();

      await suite.env.sleep(proofOfUseDue - 20 * DAY - (await suite.env.currentTimeMs()) + DAY);
      const report = await fake.openTask(handle.workflowId, 'verwendungsnachweis');
      expect(daysSince(report.createdAt, proofOfUseDue)).toBe(20);
      expect(report).toMatchObject({ assigneeId: 'anna', dueAt: proofOfUseDue, context: { dueAt: new Date(proofOfUseDue).toISOString(), amount: 50_000 } });

      await completeTask(fake, handle, { taskKey: 'verwendungsnachweis', data: { summary: 'Alle Mittel verwendet', spent: 50_000, submittedOn: isoDate(proofOfUseDue) }, actorId: 'anna' });
      expect((await ended(handle)).outcome).toMatch(/^Abgeschlossen: gefördert mit 50\.000\s€$/);
    });
  });
});
