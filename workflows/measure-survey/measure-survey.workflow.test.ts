import { fakeEngine } from '../../tests/support/engine-fakes';
import { completeTask, DAY, ended, procedureArgs, procedureSuite } from '../../tests/support/workflow-procedures';
import { answerReceivedSignal } from '../engine/consultation/contract';
import type { surveyActivities } from './activities';
import { taskForms } from './forms';
import type { SurveySettings } from './settings';
import type { SurveyedProvider } from './texts';
import { measureSurvey } from './workflow';

// The Trägerabfrage, the workflow alone: the consultation runs as its real child; its deadline
// passes in skipped time.

const suite = procedureSuite();
const settings: SurveySettings = { schedule: '0 8 15 1 *', answerDeadline: '20d', remindAfter: '10d' };

const provider = (n: number, measureIds: string[]): SurveyedProvider => ({
  id: `9b000000-0000-4000-8000-00000000000${n}`,
  name: `Träger ${n}`,
  measures: measureIds.map((id, i) => ({ id, title: `Maßnahme ${n}.${i + 1}`, participantsPerYear: 10, endsOn: null })),
});
const first = provider(1, ['7c000000-0000-4000-8000-000000000011', '7c000000-0000-4000-8000-000000000012']);
const second = provider(2, ['7c000000-0000-4000-8000-000000000021']);

function surveyFake(providers: SurveyedProvider[]): ReturnType<typeof surveyActivities> {
  return {
    async planSurvey() {
      return { providers, unreachable: [{ id: '9b000000-0000-4000-8000-000000000009', name: 'Träger ohne Mail' }] };
    },
    async applySurvey() {},
  };
}

describe('Trägerabfrage', () => {
  it('gives each provider a form of its own measures, lists who did not answer, and takes only the checked corrections', async () => {
    const fake = fakeEngine(taskForms, surveyFake([first, second]));
    await suite.run(fake.activities, async (p) => {
      const handle = await p.start(measureSurvey, procedureArgs({ year: 2026 }, { settings, startedBy: null }));
      const consultation = p.client.workflow.getHandle(`${handle.workflowId}.abfrage`);
      const asked = await fake.openedRequests(consultation.workflowId, 2);
      expect(asked.map((r) => [r.participantKind, r.departmentId]).sort()).toEqual([
        ['provider', first.id],
        ['provider', second.id],
      ]);
      const [opened] = fake.callsOf('openRequests');
      const forms = (opened?.input as { answerForms: Record<string, { key: string; type: string }[]> }).answerForms;
      expect(forms[first.id]?.map((f) => [f.key, f.type])).toEqual([
        ['m1_laeuft', 'yesno'],
        ['m1_teilnehmende', 'number'],
        ['m1_finanzierung', 'text'],
        ['m2_laeuft', 'yesno'],
        ['m2_teilnehmende', 'number'],
        ['m2_finanzierung', 'text'],
      ]);

      const request = asked.find((r) => r.departmentId === first.id);
      fake.answer(request?.requestId as string, { data: { m1_laeuft: true, m1_teilnehmende: 12, m2_laeuft: false, m2_teilnehmende: 3 } });
      await consultation.signal(answerReceivedSignal, { requestId: request?.requestId as string, channel: 'page' });

      // The second provider never answers: the check comes at the deadline (20 days, skipped), with it listed.
      await suite.env.sleep(21 * DAY);
      const check = await fake.openTask(handle.workflowId, 'pruefen');
      expect(check).toMatchObject({ candidateRole: 'staff', context: { unanswered: [{ id: second.id, name: 'Träger 2' }], unreachable: [{ name: 'Träger ohne Mail' }] } });
      await completeTask(fake, handle, { taskKey: 'pruefen', data: { apply: [first.measures[1]?.id as string] }, actorId: 'anna' });
      expect(await ended(handle)).toEqual({ outcome: 'Abgeschlossen: 1 von 2 Trägern haben geantwortet, 1 Maßnahme berichtigt' });
      expect(fake.callsOf('applySurvey')[0]?.input).toMatchObject({
        year: 2026,
        by: 'anna',
        corrections: [{ measureId: first.measures[1]?.id, participants: 3, running: false }],
      });
    });
  });

  it('asks nobody in a year without a running measure of a provider it can reach', async () => {
    const fake = fakeEngine(taskForms, surveyFake([]));
    await suite.run(fake.activities, async (p) => {
      const handle = await p.start(measureSurvey, procedureArgs({ year: 2026 }, { settings, startedBy: null }));
      expect(await ended(handle)).toEqual({ outcome: 'Keine Träger abzufragen (1 Träger ohne Mail-Adresse)' });
      expect(fake.names()).not.toContain('openRequests');
    });
  });
});
