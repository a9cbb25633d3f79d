import type { WorkflowHandle } from '@temporalio/client';
import { departments, fakeEngine, waitFor, type FakeEngine, type FakeRequest } from '../../tests/support/engine-fakes';
import { completeTask, DAY, daysSince, ended, procedureArgs, procedureSuite } from '../../tests/support/workflow-procedures';
import { answerReceivedSignal } from './consultation/contract';
import type { ConsultationStart } from './consultation/forms';
import { departmentConsultation } from './consultation/workflow';

// The consultation building block (departmentConsultation) on its own, with its CONSULTATION timing
// in days: reminder on day 5, escalation on day 8, "keine Antwort" on day 10.

const suite = procedureSuite();

const input: ConsultationStart = {
  subject: 'Sprachkurse für Eltern',
  question: 'Welche Sprachkurse für Eltern bieten Sie im nächsten Halbjahr an?',
  departmentIds: [departments.jugendamt.id, departments.schulamt.id, departments.sozialamt.id],
};

type Handle = WorkflowHandle<typeof departmentConsultation>;

/** Starts the consultation and waits for its three requests; `openedAt` is the workflow's time then. */
async function consult(fake: FakeEngine, start: (args: ReturnType<typeof procedureArgs<ConsultationStart>>) => Promise<Handle>, given = input) {
  const handle = await start(procedureArgs(given));
  const [jugendamt, schulamt, sozialamt] = (await fake.openedRequests(handle.workflowId, 3)) as [FakeRequest, FakeRequest, FakeRequest];
  const openedAt = fake.callsOf('openRequests')[0]?.input.createdAt as number;
  return { handle, jugendamt, schulamt, sozialamt, openedAt };
}

async function answer(fake: FakeEngine, handle: Handle, request: FakeRequest, text: string, signal = true) {
  fake.answer(request.requestId, { text });
  if (signal) await handle.signal(answerReceivedSignal, { requestId: request.requestId, channel: 'page' });
}

/** The day (after the requests went out) and input of each call of an activity. */
function byDay<N extends 'followUpRequests' | 'recordNoAnswer' | 'settledRequests'>(fake: FakeEngine, name: N, openedAt: number) {
  return fake.callsOf(name).map((c) => ({ day: daysSince(openedAt, c.at), ...c.input }));
}

describe('the consultation', () => {
  it('reminds those still pending on day 5, escalates on day 8 and records "keine Antwort" for them on day 10', async () => {
    const fake = fakeEngine();
    await suite.run(fake.activities, async (p) => {
      const { handle, jugendamt, schulamt, sozialamt, openedAt } = await consult(fake, (a) => p.start(departmentConsultation, a));
      await suite.env.sleep('2 days');
      await answer(fake, handle, jugendamt, 'Zwei Kurse im Familienzentrum.');
      await suite.env.sleep('11 days');
      const consolidation = await fake.openTask(handle.workflowId, 'zusammenfuehren');

      const late = [schulamt.requestId, sozialamt.requestId];
      expect(byDay(fake, 'followUpRequests', openedAt)).toEqual([
        { day: 5, requestIds: late, kind: 'reminder' },
        { day: 8, requestIds: late, kind: 'escalation' },
      ]);
      expect(byDay(fake, 'recordNoAnswer', openedAt)).toEqual([{ day: 10, consultationId: handle.workflowId, requestIds: late }]);
      expect(consolidation).toMatchObject({ assigneeId: 'anna', formKind: 'antworten-zusammenfuehren' });
      expect((consolidation.context.outcomes as { departmentName: string; status: string }[]).map((o) => [o.departmentName, o.status])).toEqual([
        ['Jugendamt', 'answered'],
        ['Schulamt', 'no_answer'],
        ['Sozialamt', 'no_answer'],
      ]);

      await completeTask(fake, handle, { taskKey: 'zusammenfuehren', data: { summary: 'Nur das Jugendamt bietet Kurse an.' }, actorId: 'anna' });
      expect(await ended(handle)).toMatchObject({
        outcome: 'Zusammengeführt (1 von 3 Dienststellen haben geantwortet)',
        consolidation: { summary: 'Nur das Jugendamt bietet Kurse an.' },
      });
    });
  });

  it('ends the wait at once when every request has its answer signal, and opens the consolidation task', async () => {
    const fake = fakeEngine();
    await suite.run(fake.activities, async (p) => {
      const { handle, jugendamt, schulamt, sozialamt, openedAt } = await consult(fake, (a) => p.start(departmentConsultation, a));
      for (const r of [jugendamt, schulamt, sozialamt]) await answer(fake, handle, r, 'Ja, ab März.');

      // Time stands still while the test does not sleep: only the signals can have ended the wait.
      const consolidation = await fake.openTask(handle.workflowId, 'zusammenfuehren');
      expect(consolidation.createdAt - openedAt).toBeLessThan(DAY);
      // Woken by an answer while others are awaited, it asks the database about those only (patched
      // 'consultation-rereads-when-woken'); answers that reach it in one workflow task wake it once, and
      // the last one wakes no reread at all: how the three signals fall depends on the machine's load.
      const stillAwaited = [schulamt.requestId, sozialamt.requestId];
      // Longest first: two rereads may be recorded in either order when their activities overlap.
      const rereads = byDay(fake, 'settledRequests', openedAt).sort((a, b) => b.requestIds.length - a.requestIds.length);
      expect([[], [{ day: 0, requestIds: stillAwaited }], [{ day: 0, requestIds: [sozialamt.requestId] }], [
        { day: 0, requestIds: stillAwaited },
        { day: 0, requestIds: [sozialamt.requestId] },
      ]]).toContainEqual(rereads);
      expect(fake.names()).not.toContain('followUpRequests');
      expect(fake.names()).not.toContain('recordNoAnswer');

      await completeTask(fake, handle, { taskKey: 'zusammenfuehren', data: { summary: '  Alle drei bieten Kurse an. ', followUp: 'Termine abstimmen' }, actorId: 'anna' });
      expect(await ended(handle)).toMatchObject({
        outcome: 'Zusammengeführt (3 von 3 Dienststellen haben geantwortet)',
        consolidation: { summary: 'Alle drei bieten Kurse an.', followUp: 'Termine abstimmen' },
      });
    });
  });

  it('ends without a consolidation task when consolidate is false', async () => {
    const fake = fakeEngine();
    await suite.run(fake.activities, async (p) => {
      const { handle, jugendamt } = await consult(fake, (a) => p.start(departmentConsultation, a), { ...input, consolidate: false });
      await answer(fake, handle, jugendamt, 'Ein Kurs.');
      const result = await ended(handle);

      expect(result).toMatchObject({ outcome: 'Abgeschlossen (1 von 3 Dienststellen haben geantwortet)', consolidation: { summary: '1 von 3 Dienststellen haben geantwortet' } });
      expect(result.outcomes.map((o) => o.status)).toEqual(['answered', 'no_answer', 'no_answer']);
      expect(fake.names()).not.toContain('createTask');
    });
  });

  it('finds an answer stored without its signal when the reminder timer fires, and reminds only the others', async () => {
    const fake = fakeEngine();
    await suite.run(fake.activities, async (p) => {
      const { handle, jugendamt, schulamt, sozialamt, openedAt } = await consult(fake, (a) => p.start(departmentConsultation, a));
      await suite.env.sleep('2 days');
      // The answer page stored it, but the signal was lost (the engine was away).
      await answer(fake, handle, jugendamt, 'Zwei Kurse.', false);
      await suite.env.sleep('4 days');
      await waitFor('the reminder', () => fake.callsOf('followUpRequests').length === 1);

      const all = [jugendamt.requestId, schulamt.requestId, sozialamt.requestId];
      expect(byDay(fake, 'settledRequests', openedAt)).toEqual([{ day: 5, requestIds: all }]);
      expect(byDay(fake, 'followUpRequests', openedAt)).toEqual([{ day: 5, requestIds: [schulamt.requestId, sozialamt.requestId], kind: 'reminder' }]);
    });
  });

  it('goes on to the consolidation at the reminder when every answer came without its signal, reminding no one', async () => {
    const fake = fakeEngine();
    await suite.run(fake.activities, async (p) => {
      const { handle, jugendamt, schulamt, sozialamt, openedAt } = await consult(fake, (a) => p.start(departmentConsultation, a));
      for (const r of [jugendamt, schulamt, sozialamt]) await answer(fake, handle, r, 'Ja.', false);
      await suite.env.sleep('6 days');
      const consolidation = await fake.openTask(handle.workflowId, 'zusammenfuehren');

      expect(daysSince(openedAt, consolidation.createdAt)).toBe(5);
      expect(fake.names()).not.toContain('followUpRequests');
      expect(fake.names()).not.toContain('recordNoAnswer');
      expect((consolidation.context.outcomes as { status: string }[]).map((o) => o.status)).toEqual(['answered', 'answered', 'answered']);
    });
  });

  it('skips reminder and escalation when the deadline comes before the reminder', async () => {
    const fake = fakeEngine();
    await suite.run(fake.activities, async (p) => {
      const { handle, jugendamt, schulamt, sozialamt, openedAt } = await consult(fake, (a) => p.start(departmentConsultation, a), { ...input, deadline: '3d' });
      await suite.env.sleep('4 days');
      await fake.openTask(handle.workflowId, 'zusammenfuehren');

      expect(fake.callsOf('openRequests')[0]?.input.timing).toMatchObject({ deadline: '3d', reminderAfter: '5d', escalateAfter: '8d' });
      expect(fake.names()).not.toContain('followUpRequests');
      const all = [jugendamt.requestId, schulamt.requestId, sozialamt.requestId];
      expect(byDay(fake, 'recordNoAnswer', openedAt)).toEqual([{ day: 3, consultationId: handle.workflowId, requestIds: all }]);
    });
  });
});
