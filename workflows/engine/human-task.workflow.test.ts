import type { WorkflowHandle } from '@temporalio/client';
import { fakeEngine, waitFor, type FakeEngine } from '../../tests/support/engine-fakes';
import {
  completeTask,
  ended,
  DAY,
  procedureArgs,
  refusal,
  refusalOf,
  sendCompletion,
  procedureSuite,
  within,
  type Procedures,
} from '../../tests/support/workflow-procedures';
import { taskForms } from '../vorgang-mit-freigabe/forms';
import { vorgangMitFreigabe } from '../vorgang-mit-freigabe/workflow';
import { taskFailures } from './contract';
import type { TaskTiming } from './timing';

// The engine's human tasks (human-task.ts) on the smallest procedure, Vorgang mit Freigabe: work by
// staff, approval by a manager who did not do the work. Completions go straight to the workflow's
// Temporal update, as the API sends them but without the API's own checks in front.

const suite = procedureSuite();

type Handle = WorkflowHandle<typeof vorgangMitFreigabe>;

function run<R>(fake: FakeEngine, fn: (p: Procedures) => Promise<R>): Promise<R> {
  return suite.run(fake.activities, fn);
}

function startVorgang(p: Procedures, timing: TaskTiming = { due: '7d' }, options = {}): Promise<Handle> {
  return p.start(vorgangMitFreigabe, procedureArgs({ title: 'Fortschreibung Integrationskonzept' }, { timing }), options);
}

const work = (fake: FakeEngine, handle: Handle, round: number, actorId = 'anna', result = `Fassung ${round}`) =>
  completeTask(fake, handle, { taskKey: `bearbeiten-${round}`, data: { result }, actorId });

const decide = (fake: FakeEngine, handle: Handle, round: number, data: { decision: 'approve' | 'reject'; comment?: string }, actorId = 'carla') =>
  completeTask(fake, handle, { taskKey: `freigabe-${round}`, data, actorId });

describe('the four-eyes rule', () => {
  it('refuses the approval by the person who did the work, at the workflow itself, and takes another person’s', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p);
      await work(fake, handle, 1, 'anna');

      const own = await refusal(decide(fake, handle, 1, { decision: 'approve' }, 'anna'));
      expect(own).toMatchObject({ type: taskFailures.fourEyes, message: expect.stringMatching(/Vier-Augen-Prinzip/) });
      expect(fake.task(handle.workflowId, 'freigabe-1')).toMatchObject({ status: 'open', excludedUserIds: ['anna'] });

      const step = await decide(fake, handle, 1, { decision: 'approve' }, 'carla');
      expect(step).toMatchObject({ finished: true, currentStep: 'Freigegeben', currentStepKey: null });
      expect(await ended(handle)).toEqual({ outcome: 'Freigegeben' });
      expect(fake.callsOf('completeTaskRow').map((c) => [c.input.taskId, c.input.actorId])).toEqual([
        ['task-1', 'anna'],
        ['task-2', 'carla'],
      ]);
    });
  });

  it('refuses a substitute approving on behalf of the person who did the work, and work done in Vertretung excludes both', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const first = await startVorgang(p);
      await work(fake, first, 1, 'anna');
      const forAnna = await refusal(completeTask(fake, first, { taskKey: 'freigabe-1', data: { decision: 'approve' }, actorId: 'ben', onBehalfOfId: 'anna' }));
      expect(forAnna.type).toBe(taskFailures.fourEyes);

      // Ben did the work standing in for Anna: neither of them may approve it.
      const second = await startVorgang(p);
      await completeTask(fake, second, { taskKey: 'bearbeiten-1', data: { result: 'in Vertretung' }, actorId: 'ben', onBehalfOfId: 'anna' });
      expect(fake.task(second.workflowId, 'freigabe-1')?.excludedUserIds).toEqual(['ben', 'anna']);
      for (const actorId of ['ben', 'anna']) {
        expect((await refusal(decide(fake, second, 1, { decision: 'approve' }, actorId))).type).toBe(taskFailures.fourEyes);
      }
      await decide(fake, second, 1, { decision: 'approve' }, 'carla');
      expect(await ended(second)).toEqual({ outcome: 'Freigegeben' });
    });
  });
});

describe('a completion the workflow refuses', () => {
  it('names each invalid field by its path in the data, and keeps the task open', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p);
      const task = await fake.openTask(handle.workflowId, 'bearbeiten-1');
      const send = (data: unknown) => refusal(sendCompletion(handle, task.taskId, { taskKey: 'bearbeiten-1', data, actorId: 'anna' }));

      const empty = await send({ result: ' ' });
      expect(empty).toMatchObject({ type: taskFailures.invalidData, details: [{ fields: [{ path: 'data.result', message: expect.any(String) }] }] });
      const unknown = await send({ result: 'gut genug', extra: 1 });
      expect(unknown).toMatchObject({ type: taskFailures.invalidData, details: [{ fields: [expect.objectContaining({ path: 'data.extra' })] }] });

      await work(fake, handle, 1);
      const noReason = await refusal(decide(fake, handle, 1, { decision: 'reject' }));
      expect(noReason).toMatchObject({
        type: taskFailures.invalidData,
        details: [{ fields: [{ path: 'data.comment', message: 'Bitte begründen Sie die Ablehnung.' }] }],
      });
      expect(fake.callsOf('completeTaskRow')).toHaveLength(1);
      expect(fake.task(handle.workflowId, 'freigabe-1')?.status).toBe('open');
    });
  });

  it('refuses a second completion of the same task, at the same moment or after the first', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p);
      const task = await fake.openTask(handle.workflowId, 'bearbeiten-1');
      const click = (result: string) => sendCompletion(handle, task.taskId, { taskKey: 'bearbeiten-1', data: { result }, actorId: 'anna' });

      const both = await Promise.allSettled([click('erster Klick'), click('zweiter Klick')]);
      expect(both.map((b) => b.status)).toContain('fulfilled');
      const lost = both.findIndex((b) => b.status === 'rejected');
      expect(refusalOf((both[lost] as PromiseRejectedResult).reason).type).toBe(taskFailures.notOpen);
      const again = await refusal(click('dritter Klick'));
      expect(again.type).toBe(taskFailures.notOpen);

      const won = lost === 0 ? 'zweiter Klick' : 'erster Klick';
      expect(fake.callsOf('completeTaskRow').map((c) => c.input.data)).toEqual([{ result: won }]);
      expect(fake.task(handle.workflowId, 'bearbeiten-1')).toMatchObject({ status: 'completed', result: { result: won } });
      expect((await fake.openTask(handle.workflowId, 'freigabe-1')).context).toMatchObject({ result: won });
    });
  });

  it('refuses a completion while createTask still runs as not ready, and takes the same one once the task exists', async () => {
    const fake = fakeEngine(taskForms);
    const slow = fake.holdCreateTask('bearbeiten-1');
    await run(fake, async (p) => {
      // A short workflow task timeout: the SDK then completes the workflow task while the local
      // activity still runs (its heartbeat), and the update gets in before the task is known.
      const handle = await startVorgang(p, { due: '7d' }, { workflowTaskTimeout: '2s' });
      await slow.started;
      // The API knows the row's id once the activity's insert committed; the workflow does not yet.
      const completion = { taskKey: 'bearbeiten-1', data: { result: 'schnell erledigt' }, actorId: 'anna', requestId: 'klick-1' };
      // Were the update held back until createTask returns, it would wait for the release below: a limit says so.
      const early = await within(20_000, 'the refusal while createTask runs', refusal(sendCompletion(handle, 'task-1', completion)));
      expect(early).toMatchObject({ type: taskFailures.notReady, message: 'Die Aufgabe bearbeiten-1 wird gerade angelegt' });

      slow.release();
      await fake.openTask(handle.workflowId, 'bearbeiten-1');
      // The API's retry (procedure_catching_up) sends the same request with the same update id.
      const step = await sendCompletion(handle, 'task-1', completion);
      expect(step).toMatchObject({ finished: false, currentStep: 'Freigabe durch die Amtsleitung', currentStepKey: 'freigabe' });
      expect(fake.task(handle.workflowId, 'bearbeiten-1')).toMatchObject({ status: 'completed', completedBy: 'anna' });
    });
  });
});

describe('the value the workflow keeps', () => {
  it('is the validated data completeTaskRow returns, not the raw update argument', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p);
      // The form trims: the approver sees the trimmed result, the next round the trimmed comment.
      await work(fake, handle, 1, 'anna', '   Entwurf abgestimmt   ');
      expect(fake.callsOf('completeTaskRow')[0]?.input.data).toEqual({ result: '   Entwurf abgestimmt   ' });
      expect((await fake.openTask(handle.workflowId, 'freigabe-1')).context).toMatchObject({ result: 'Entwurf abgestimmt', workedOnBy: 'anna' });

      await decide(fake, handle, 1, { decision: 'reject', comment: '  Bitte die Kosten ergänzen \n' });
      expect((await fake.openTask(handle.workflowId, 'bearbeiten-2')).context).toMatchObject({ feedback: 'Bitte die Kosten ergänzen' });
    });
  });
});

describe('reminder and escalation', () => {
  const timing: TaskTiming = { due: '7d', reminderAfter: '3d', escalateAfter: '5d' };
  const followUps = (fake: FakeEngine) =>
    fake.calls.filter((c) => c.name === 'remindTask' || c.name === 'escalateTask').map((c) => ({ name: c.name, taskId: (c.input as { taskId: string }).taskId, at: c.at }));

  it('reminds after three days and escalates after five, once each and in that order', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p, timing);
      const task = await fake.openTask(handle.workflowId, 'bearbeiten-1');
      await suite.env.sleep('6 days');
      await waitFor('the escalation', () => followUps(fake).length === 2);
      await suite.env.sleep('10 days');

      const calls = followUps(fake);
      expect(calls.map((c) => [c.name, c.taskId])).toEqual([
        ['remindTask', task.taskId],
        ['escalateTask', task.taskId],
      ]);
      expect(calls[0]?.at).toBeGreaterThanOrEqual(task.createdAt + 3 * DAY);
      expect(calls[0]?.at).toBeLessThan(task.createdAt + 3 * DAY + 60_000);
      expect(calls[1]?.at).toBeGreaterThanOrEqual(task.createdAt + 5 * DAY);
      expect(calls[1]?.at).toBeLessThan(task.createdAt + 5 * DAY + 60_000);
      expect(fake.task(handle.workflowId, 'bearbeiten-1')?.status).toBe('open');
    });
  });

  it('neither reminds nor escalates a task completed before, and does not escalate one completed after its reminder', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p, timing);
      await fake.openTask(handle.workflowId, 'bearbeiten-1');
      await suite.env.sleep('2 days');
      await work(fake, handle, 1);
      // Day 6: the work's reminder (day 3) and escalation (day 5) have passed; the approval, opened on day 2, was reminded on day 5.
      const approval = await fake.openTask(handle.workflowId, 'freigabe-1');
      await suite.env.sleep('4 days');
      await waitFor('the approval’s reminder', () => followUps(fake).length === 1);
      await decide(fake, handle, 1, { decision: 'approve' });
      expect(await ended(handle)).toEqual({ outcome: 'Freigegeben' });

      expect(followUps(fake).map((c) => [c.name, c.taskId])).toEqual([['remindTask', approval.taskId]]);
      expect(followUps(fake)[0]?.at).toBeGreaterThanOrEqual(approval.createdAt + 3 * DAY);
    });
  });
});

describe('the rejection loop', () => {
  it('sends rejected work back to be revised, with the approver’s comment in the next round', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p);
      await work(fake, handle, 1, 'anna');
      const rejected = await decide(fake, handle, 1, { decision: 'reject', comment: 'Bitte die Kosten ergänzen' });
      // The round is the same step of the map: the console names it by its key in its language.
      expect(rejected).toMatchObject({ finished: false, currentStep: 'Vorgang überarbeiten (Runde 2)', currentStepKey: 'bearbeiten' });
      expect(await fake.openTask(handle.workflowId, 'bearbeiten-2')).toMatchObject({
        title: 'Vorgang überarbeiten (Runde 2)',
        candidateRole: 'staff',
        context: { title: 'Fortschreibung Integrationskonzept', feedback: 'Bitte die Kosten ergänzen' },
      });

      await work(fake, handle, 2, 'ben');
      expect(fake.task(handle.workflowId, 'freigabe-2')?.excludedUserIds).toEqual(['ben']);
      await decide(fake, handle, 2, { decision: 'approve' });
      expect(await ended(handle)).toEqual({ outcome: 'Freigegeben' });
    });
  });

  it('gives up after ten rounds without approval: "Nach 10 Runden nicht freigegeben"', async () => {
    const fake = fakeEngine(taskForms);
    await run(fake, async (p) => {
      const handle = await startVorgang(p);
      for (let round = 1; round <= 10; round += 1) {
        await work(fake, handle, round);
        await decide(fake, handle, round, { decision: 'reject', comment: `Noch nicht (Runde ${round})` });
      }
      expect(await ended(handle)).toEqual({ outcome: 'Nach 10 Runden nicht freigegeben' });
      expect(fake.tasks.map((t) => t.taskKey)).toHaveLength(20);
      expect(fake.task(handle.workflowId, 'bearbeiten-11')).toBeUndefined();
      expect(fake.task(handle.workflowId, 'bearbeiten-10')?.context).toMatchObject({ feedback: 'Noch nicht (Runde 9)' });
    });
  });
});
