import { fakeEngine } from '../../tests/support/engine-fakes';
import { completeTask, DAY, ended, procedureArgs, procedureSuite, refusal, sendCompletion } from '../../tests/support/workflow-procedures';
import { taskFailures } from '../engine/contract';
import type { AdviceActivities } from './activities';
import type { SentAppointment, SuitingCall } from './facts';
import { taskForms, type Appointment, type AdviceStart } from './forms';
import type { AdviceSettings } from './settings';
import { associationAdvice } from './workflow';

// The Vereinsberatung, the workflow alone: who books the first appointment advises the case; each
// appointment is sent, its note proposes calls shown to the advisor, a follow-up waits for its day,
// and the case closes with its outcome. The workflow itself refuses what its forms cannot know.

const suite = procedureSuite();
const settings: AdviceSettings = { noteDue: '2d' };
const HOUR = 60 * 60 * 1000;

const input: AdviceStart = {
  organisationName: 'Kulturverein Anadolu',
  contactName: 'Elif Şahin',
  email: 'elif@anadolu.example',
  topics: ['gruendung', 'foerdermittel'],
  request: 'Wir möchten einen eingetragenen Verein gründen und Fördermittel beantragen.',
  channel: 'formular',
};

const call = (id: string, title: string): SuitingCall => ({ id, title, funder: 'Land NRW', submissionDeadline: null, link: `https://foerder.example/${id}`, matched: ['verein'] });
const shown = [call('5c000000-0000-4000-8000-000000000001', 'KOMM-AN NRW'), call('5c000000-0000-4000-8000-000000000002', 'Ehrenamt stärken')];

function adviceFake() {
  const invitations: { round: number; appointment: Appointment }[] = [];
  const notes: { taskId: string; authorId: string; proposedCallIds: string[] }[] = [];
  const closed: string[] = [];
  const fake: AdviceActivities = {
    async openCase() {
      return { organisationName: 'Kulturverein Anadolu' };
    },
    async sendInvitation({ round, appointment }): Promise<SentAppointment> {
      invitations.push({ round, appointment });
      const startsAt = Date.parse(appointment.startsAt);
      return { round, startsAt, endsAt: startsAt + appointment.durationMinutes * 60_000, mode: appointment.mode, place: appointment.place };
    },
    async matchingCalls() {
      return shown;
    },
    async recordNote({ taskId, authorId, proposedCallIds }) {
      notes.push({ taskId, authorId, proposedCallIds });
      return { proposed: proposedCallIds.length };
    },
    async closeCase({ outcome }) {
      closed.push(outcome);
    },
  };
  return { fake, invitations, notes, closed };
}

describe('Vereinsberatung', () => {
  it('is advised by who books the first appointment, notes with proposals, follows up on its day and closes with its outcome', async () => {
    const advice = adviceFake();
    const fake = fakeEngine(taskForms, advice.fake);
    await suite.run(fake.activities, async (p) => {
      const handle = await p.start(associationAdvice, procedureArgs(input, { settings, startedBy: null }));
      const first = await fake.openTask(handle.workflowId, 'termin-1');
      expect(first).toMatchObject({ title: 'Termin vereinbaren', candidateRole: 'staff' });
      expect(first.assigneeId ?? undefined).toBeUndefined();

      const now = await suite.env.currentTimeMs();
      const at = (ms: number) => new Date(now + ms).toISOString();
      const past = await refusal(sendCompletion(handle, first.taskId, { taskKey: 'termin-1', data: { startsAt: at(-HOUR), durationMinutes: 60, mode: 'vor-ort', place: 'Amt für Integration, Raum 3.12' }, actorId: 'ben' }));
      expect(past.type).toBe(taskFailures.invalidData);
      expect(JSON.stringify(past.details)).toContain('Der Termin muss in der Zukunft liegen.');
      await completeTask(fake, handle, { taskKey: 'termin-1', data: { startsAt: at(3 * DAY), durationMinutes: 60, mode: 'vor-ort', place: 'Amt für Integration, Raum 3.12' }, actorId: 'ben' });

      const note = await fake.openTask(handle.workflowId, 'vermerk-1');
      expect(note.assigneeId).toBe('ben');
      expect(note.dueAt).toBe(now + 3 * DAY + HOUR + 2 * DAY);
      expect(note.context).toMatchObject({ organisationName: 'Kulturverein Anadolu', calls: shown });
      // A call the task did not show is the workflow's refusal, naming the field.
      const unshown = await refusal(
        sendCompletion(handle, note.taskId, { taskKey: 'vermerk-1', data: { note: 'Satzung besprochen.', next: 'wiedervorlage', followUp: '10cd', proposedCallIds: ['5c000000-0000-4000-8000-0000000000ff'] }, actorId: 'ben' }),
      );
      expect(unshown.type).toBe(taskFailures.invalidData);
      expect(JSON.stringify(unshown.details)).toContain('proposedCallIds.0');
      const noDay = await refusal(sendCompletion(handle, note.taskId, { taskKey: 'vermerk-1', data: { note: 'Satzung besprochen.', next: 'wiedervorlage' }, actorId: 'ben' }));
      expect(JSON.stringify(noDay.details)).toContain('Bitte geben Sie an, wann Sie nachfassen.');
      await completeTask(fake, handle, { taskKey: 'vermerk-1', data: { note: 'Satzung besprochen.', next: 'wiedervorlage', followUp: '10cd', proposedCallIds: [shown[0]?.id] }, actorId: 'ben' });
      expect(advice.notes).toEqual([{ taskId: note.taskId, authorId: 'ben', proposedCallIds: [shown[0]?.id] }]);

      // The follow-up waits for its day.
      await suite.env.sleep(9 * DAY);
      expect(fake.task(handle.workflowId, 'vermerk-2')).toBeUndefined();
      await suite.env.sleep(2 * DAY);
      const followUp = await fake.openTask(handle.workflowId, 'vermerk-2');
      expect(followUp).toMatchObject({ title: 'Bei „Kulturverein Anadolu“ nachfassen', assigneeId: 'ben' });
      await completeTask(fake, handle, { taskKey: 'vermerk-2', data: { note: 'Satzung fertig, Gründungsversammlung steht an.', next: 'folgetermin' }, actorId: 'ben' });

      const second = await fake.openTask(handle.workflowId, 'termin-2');
      expect(second).toMatchObject({ title: 'Weiteren Termin vereinbaren (2.)', assigneeId: 'ben' });
      const later = (await suite.env.currentTimeMs()) + 2 * DAY;
      await completeTask(fake, handle, { taskKey: 'termin-2', data: { startsAt: new Date(later).toISOString(), durationMinutes: 30, mode: 'telefon', place: '0221 221-0' }, actorId: 'ben' });
      expect(advice.invitations.map((i) => [i.round, i.appointment.mode])).toEqual([[1, 'vor-ort'], [2, 'telefon']]);
      const closing = await fake.openTask(handle.workflowId, 'vermerk-3');
      const noOutcome = await refusal(sendCompletion(handle, closing.taskId, { taskKey: 'vermerk-3', data: { note: 'Verein eingetragen.', next: 'abschliessen' }, actorId: 'ben' }));
      expect(JSON.stringify(noOutcome.details)).toContain('Bitte wählen Sie das Ergebnis der Beratung.');
      await completeTask(fake, handle, { taskKey: 'vermerk-3', data: { note: 'Verein eingetragen.', next: 'abschliessen', outcome: 'verein-gegruendet' }, actorId: 'ben' });
      expect(await ended(handle)).toEqual({ outcome: 'Abgeschlossen: Verein gegründet' });
      expect(advice.closed).toEqual(['verein-gegruendet']);
    });
  });
});
