import { departments, fakeEngine, type FakeEngine } from '../../tests/support/engine-fakes';
import { completeTask, ended, procedureArgs, procedureSuite, type Procedures } from '../../tests/support/workflow-procedures';
import { answerReceivedSignal } from '../engine/consultation/contract';
import type { StudyFacts, studyEvaluationActivities } from './activities';
import { taskForms, type Summary } from './forms';
import { studyEvaluation } from './workflow';

// Studie auswerten, the workflow alone: summary and relevance, the second reading, the departments
// asked from relevance 2 on (the consultation as the real child), the knowledge base.

const suite = procedureSuite();

const study: StudyFacts = {
  id: '5d2c1b0a-9e8f-4a7b-8c6d-000000000001',
  title: 'Mehrsprachigkeit in Kitas',
  authors: 'Müller, Yıldız',
  publisher: 'Institut für Bildungsforschung',
  year: 2025,
  link: null,
  topics: ['Kita', 'Sprache'],
  fileName: null,
};

function studyFake(): ReturnType<typeof studyEvaluationActivities> {
  return {
    async loadStudy() {
      return study;
    },
  };
}

const summary = (relevance: number, departmentIds: string[] = [departments.jugendamt.id]): Summary => ({
  summary: 'Mehrsprachige Kitas fördern den Spracherwerb aller Kinder.',
  relevance,
  departmentIds,
  keyFindings: ['Früher Kontakt hilft'],
});

function start(p: Procedures) {
  return p.start(studyEvaluation, procedureArgs({ studyId: study.id }));
}

type Handle = Awaited<ReturnType<typeof start>>;

async function summariseAndApprove(fake: FakeEngine, handle: Handle, evaluation: Summary) {
  await completeTask(fake, handle, { taskKey: 'zusammenfassen-1', data: evaluation, actorId: 'anna' });
  await completeTask(fake, handle, { taskKey: 'gegenlesen-1', data: { decision: 'approve' }, actorId: 'ben' });
}

describe('the study evaluation', () => {
  it('archives a study of relevance below 2 without asking the departments', async () => {
    const fake = fakeEngine(taskForms, studyFake());
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      await summariseAndApprove(fake, handle, summary(1));

      expect(await ended(handle)).toEqual({ outcome: 'Ausgewertet und archiviert (ohne Anfrage an die Dienststellen)' });
      expect(fake.names()).not.toContain('openRequests');
      expect(fake.callsOf('archiveKnowledge')[0]?.input).toMatchObject({
        sourceType: 'study',
        sourceId: study.id,
        title: study.title,
        summary: summary(1).summary,
        departmentIds: [departments.jugendamt.id],
        year: 2025,
        body: expect.stringContaining('Die Dienststellen wurden nicht gefragt.'),
      });
    });
  });

  it('asks the named departments from relevance 2 on, and the one who summarised consolidates their answers', async () => {
    const fake = fakeEngine(taskForms, studyFake());
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      await summariseAndApprove(fake, handle, summary(2, [departments.jugendamt.id, departments.schulamt.id]));

      const consultation = p.client.workflow.getHandle(`${handle.workflowId}.dienststellen`);
      for (const r of await fake.openedRequests(consultation.workflowId, 2)) {
        fake.answer(r.requestId, { text: `Antwort des ${r.departmentId === departments.jugendamt.id ? 'Jugendamts' : 'Schulamts'}` });
        await consultation.signal(answerReceivedSignal, { requestId: r.requestId, channel: 'mail' });
      }
      const consolidation = await fake.openTask(consultation.workflowId, 'zusammenfuehren');
      expect(consolidation.assigneeId).toBe('anna');
      await completeTask(fake, consultation, { taskKey: 'zusammenfuehren', data: { summary: 'Beide Ämter planen Sprachangebote.' }, actorId: 'anna' });

      expect(await ended(handle)).toEqual({ outcome: 'Ausgewertet und archiviert' });
      // The child wrote its own row, with the evaluation as its parent.
      expect(fake.procedures.get(consultation.workflowId)).toEqual({
        parentId: handle.workflowId,
        status: 'completed',
        outcome: 'Zusammengeführt (2 von 2 Dienststellen haben geantwortet)',
      });
      expect(fake.callsOf('openRequests')[0]?.input).toMatchObject({ subject: 'Studie: Mehrsprachigkeit in Kitas', departmentIds: [departments.jugendamt.id, departments.schulamt.id] });
      expect(fake.callsOf('archiveKnowledge')[0]?.input.body).toContain('Rückmeldung der Dienststellen:\nBeide Ämter planen Sprachangebote.');
    });
  });

  it('returns a revised evaluation to the person who wrote it: to the absent colleague when a substitute wrote it', async () => {
    const fake = fakeEngine(taskForms, studyFake());
    await suite.run(fake.activities, async (p) => {
      const handle = await start(p);
      // Ben summarised in Vertretung for Anna: the evaluation is Anna's.
      await completeTask(fake, handle, { taskKey: 'zusammenfassen-1', data: summary(3), actorId: 'ben', onBehalfOfId: 'anna' });
      expect(fake.task(handle.workflowId, 'gegenlesen-1')?.excludedUserIds).toEqual(['ben', 'anna']);
      const step = await completeTask(fake, handle, { taskKey: 'gegenlesen-1', data: { decision: 'revise', comment: 'Bitte die Methodik ergänzen' }, actorId: 'carla' });

      expect(step).toMatchObject({ finished: false, currentStep: 'Zusammenfassung überarbeiten (Runde 2)' });
      const revision = await fake.openTask(handle.workflowId, 'zusammenfassen-2');
      expect(revision).toMatchObject({ assigneeId: 'anna', context: { feedback: 'Bitte die Methodik ergänzen', previous: summary(3) } });
      expect(revision.candidateRole).toBeUndefined();
    });
  });
});
