import { departments, fakeEngine } from '../../tests/support/engine-fakes';
import { completeTask, DAY, daysSince, ended, procedureArgs, procedureSuite, refusal, type Procedures } from '../../tests/support/workflow-procedures';
import { taskFailures } from '../engine/contract';
import { answerReceivedSignal } from '../engine/consultation/contract';
import type { coordinationActivities, Overlap } from './activities';
import { taskForms } from './forms';
import type { MeasureSettings } from './settings';
import type { MeasureView } from './texts';
import { measureCoordination } from './workflow';

// Maßnahme abstimmen, the workflow alone: the consultation runs as its real child; the follow-up
// weeks after the decision comes in skipped time.

const suite = procedureSuite();
const settings: MeasureSettings = { duplicateThreshold: 0.3, coordinationThreshold: 0.6, followUpAfter: '30cd' };

const measure = (n: number, providerId: string): MeasureView => ({
  id: `5e1f0000-0000-4000-8000-00000000000${n}`,
  title: n === 1 ? 'Deutsch im Alltag für Mütter' : 'Alltagsdeutsch für Frauen',
  description: 'Vormittags, mit Kinderbetreuung.',
  providerId,
  providerName: n === 1 ? 'Frauentreff Kalk' : 'Bildungswerk Ost',
  fieldOfAction: 'sprache-bildung',
  targetGroups: ['frauen'],
  districts: ['Kalk'],
  startsOn: '2026-01-01',
  endsOn: null,
  participantsPerYear: 20,
});
const reachableProvider = '9a000000-0000-4000-8000-000000000001';
const unreachableProvider = '9a000000-0000-4000-8000-000000000002';
const pair: Overlap = { measures: [measure(1, reachableProvider), measure(2, unreachableProvider)], reachableProviderIds: [reachableProvider] };

function coordinationFake(overlap: Overlap | null): ReturnType<typeof coordinationActivities> {
  return {
    async loadOverlap() {
      return overlap;
    },
    async recordDecision() {},
    async recordFollowUp() {},
  };
}

const start = (p: Procedures) =>
  p.start(measureCoordination, procedureArgs({ measureId: pair.measures[0].id, otherMeasureId: pair.measures[1].id }, { settings, startedBy: 'david' }));

describe('Maßnahme abstimmen', () => {
  it('asks only the providers it can reach beside the department, lets no decider approve, records and follows up after the set time', async () => {
    const fake = fakeEngine(taskForms, coordinationFake(pair));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      await completeTask(fake, handle, {
        taskKey: 'sichten',
        data: { coordinate: true, reason: 'Gleiches Angebot am selben Ort', departmentId: departments.jugendamt.id },
        actorId: 'david',
      });
      const consultation = p.client.workflow.getHandle(`${handle.workflowId}.anfrage`);
      const asked = await fake.openedRequests(consultation.workflowId, 2);
      // The provider without a mail address is not asked: its request could reach nobody.
      expect(asked.map((r) => [r.participantKind, r.departmentId]).sort()).toEqual([
        ['department', departments.jugendamt.id],
        ['provider', reachableProvider],
      ]);
      for (const r of asked) {
        fake.answer(r.requestId, { text: 'Einverstanden.' });
        await consultation.signal(answerReceivedSignal, { requestId: r.requestId, channel: 'page' });
      }

      const decision = { decision: 'adjust', measure: 'second', reason: 'Nicht zur selben Zeit', agreement: 'Nachmittags statt vormittags' };
      await completeTask(fake, handle, { taskKey: 'entscheidung-1', data: decision, actorId: 'david' });
      expect((await refusal(completeTask(fake, handle, { taskKey: 'freigabe-1', data: { decision: 'approve' }, actorId: 'david' }))).type).toBe(
        taskFailures.fourEyes,
      );
      await completeTask(fake, handle, { taskKey: 'freigabe-1', data: { decision: 'approve' }, actorId: 'carla' });

      // Nothing before the set time; time on the test server moves only when told to.
      await suite.env.sleep(29 * DAY);
      expect(fake.task(handle.workflowId, 'nachhalten')).toBeUndefined();
      await suite.env.sleep(2 * DAY);
      const followUp = await fake.openTask(handle.workflowId, 'nachhalten');
      const [recorded] = fake.callsOf('recordDecision');
      expect(recorded?.input).toMatchObject({ decision: 'adjust', concerns: 'second', decidedBy: 'david', approvedBy: 'carla', notify: true });
      expect(daysSince(recorded?.at as number, followUp.createdAt)).toBe(30);
      expect(followUp.assigneeId).toBe('david');
      await completeTask(fake, handle, { taskKey: 'nachhalten', data: { done: false, note: 'Kurs läuft noch vormittags' }, actorId: 'david' });
      expect(await ended(handle)).toEqual({ outcome: 'Abgestimmt: „Alltagsdeutsch für Frauen“ wird angepasst (nicht umgesetzt)' });
      expect(fake.callsOf('recordFollowUp')[0]?.input).toMatchObject({ done: false, note: 'Kurs läuft noch vormittags' });
    });
  });

  it('records "no coordination needed" on both measures without asking anyone or telling the providers', async () => {
    const fake = fakeEngine(taskForms, coordinationFake(pair));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      await completeTask(fake, handle, { taskKey: 'sichten', data: { coordinate: false, reason: 'Verschiedene Zielgruppen' }, actorId: 'david' });
      expect(await ended(handle)).toEqual({ outcome: 'Keine Abstimmung nötig' });
      expect(fake.names()).not.toContain('openRequests');
      expect(fake.callsOf('recordDecision')[0]?.input).toMatchObject({ decision: 'unchanged', reason: 'Verschiedene Zielgruppen', approvedBy: null, notify: false });
    });
  });

  it('ends at once when a measure was deleted before it began', async () => {
    const fake = fakeEngine(taskForms, coordinationFake(null));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      expect(await ended(handle)).toEqual({ outcome: 'Entfallen: eine der beiden Maßnahmen wurde gelöscht' });
      expect(fake.callsOf('createTask')).toEqual([]);
    });
  });
});
