import { randomUUID } from 'node:crypto';
import { ApiClient, listQuery } from '../../tests/support/client';
import {
  consolidationTask,
  departmentByCode,
  departments,
  handledMailsFrom,
  history,
  linkToken,
  quoted,
  replyAddress,
  requestMails,
  sendToInbound,
  submitAnswer,
  type CaughtMail,
  type Department,
} from '../../tests/support/consultation';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import {
  createStudy,
  endedProcedure,
  openTask,
  procedureOf,
  startEvaluation,
  userId,
} from '../../tests/support/studies';

// "Studie auswerten" end to end on the real stack: tasks, four-eyes, the departments by page and
// by mail (a consultation as a child procedure), consolidation, the knowledge base.

const run = randomUUID().slice(0, 8);
let anna: ApiClient; // staff: summarises
let ben: ApiClient; // staff: the second reader
let depts: Department[];

const dept = (code: string) => departmentByCode(depts, code);

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  ben = await ApiClient.as('ben.yilmaz@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(anna);
});

const SUMMARY =
  'Die Studie untersucht, wie mehrsprachige Elternarbeit in Kitas und Schulen die Bildungswege zugewanderter Kinder stärkt.';

async function stepsOf(client: ApiClient, id: string) {
  return (await history(client, id)).filter((e) => e.source === 'step').map((e) => `${e.kind}: ${e.label}`);
}

describe('study evaluation', () => {
  it('runs from the registered study to the knowledge base, with two departments answering by page and by mail', async () => {
    const [youth, vhs] = [dept('JUGA'), dept('VHS')];
    const study = await createStudy(anna, {
      title: `Elternarbeit in der Einwanderungsstadt ${run}`,
      publisher: 'Deutsches Jugendinstitut',
      year: 2025,
      link: 'https://www.dji.de/elternarbeit',
      topics: ['Bildung', 'Elternarbeit'],
    });
    const proc = await startEvaluation(anna, study.id);
    expect(proc).toMatchObject({ status: 'running', title: `Studie auswerten: ${study.title}` });

    const work = await openTask(anna, proc.id, 'studie-zusammenfassen');
    expect(work.title).toBe('Zusammenfassung und Relevanz');
    expect((await procedureOf(anna, proc.id)).currentStep).toBe('Zusammenfassung und Relevanz');
    const workDetail = await anna.get(`/api/tasks/${work.id}`);
    expect(workDetail.body.context.study).toMatchObject({ id: study.id, title: study.title, topics: ['Bildung', 'Elternarbeit'] });

    const unknownDept = await anna.post(`/api/tasks/${work.id}/complete`, {
      data: { summary: SUMMARY, relevance: 4, departmentIds: [youth.id, randomUUID()], keyFindings: [] },
    });
    expect(unknownDept.status).toBe(400);
    expect(unknownDept.body.error.fields).toEqual([{ path: 'data.departmentIds.1', message: 'unbekannte Dienststelle' }]);
    const badRelevance = await anna.post(`/api/tasks/${work.id}/complete`, {
      data: { summary: SUMMARY, relevance: 6, departmentIds: [], keyFindings: [] },
    });
    expect(badRelevance.status).toBe(400);
    expect(badRelevance.body.error.fields[0].path).toBe('data.relevance');

    const summarised = await anna.post(`/api/tasks/${work.id}/complete`, {
      data: {
        summary: SUMMARY,
        relevance: 4,
        departmentIds: [youth.id, vhs.id],
        keyFindings: ['Elterncafés in der Familiensprache erreichen mehr Familien', 'Dolmetschpools senken Hürden'],
      },
    });
    expect(summarised.status).toBe(200);
    expect(summarised.body.procedure.currentStep).toBe('Zweitlektüre');

    const review = await openTask(ben, proc.id, 'studie-gegenlesen');
    expect((await ben.get(`/api/tasks/${review.id}`)).body.context.evaluation.summary).toBe(SUMMARY);
    // Not deletable while it is being evaluated.
    expect((await anna.delete(`/api/studies/${study.id}`)).status).toBe(409);
    const approved = await ben.post(`/api/tasks/${review.id}/complete`, { data: { decision: 'approve' } });
    expect(approved.status).toBe(200);
    expect(approved.body.procedure).toMatchObject({ finished: false, currentStep: 'Rückmeldung der Dienststellen' });

    // The departments get the evaluation and the question.
    const mails = await requestMails(run, [youth, vhs]);
    for (const d of [youth, vhs]) {
      const mail = mails.get(d.id) as CaughtMail;
      expect(mail.subject).toBe(`Anfrage des Amts für Integration: Studie: ${study.title}`);
      expect(mail.text).toContain('Was folgt daraus für Ihre Dienststelle?');
      expect(mail.text).toContain(SUMMARY);
      expect(mail.text).toContain('- Dolmetschpools senken Hürden');
      expect(mail.text).toContain('Relevanz für die Stadt: 4 von 5');
    }
    const youthAnswer = 'Wir bauen die Elterncafés in den Familienzentren aus, zunächst auf Arabisch und Ukrainisch.';
    const thanks = await submitAnswer(linkToken(mails.get(youth.id) as CaughtMail), { antwort: youthAnswer });
    expect(thanks.status).toBe(200);
    const vhsMail = mails.get(vhs.id) as CaughtMail;
    const vhsSender = `vhs.${run}@stadt.localhost`;
    const to = replyAddress(vhsMail);
    await sendToInbound({
      envelope: { from: vhsSender, to: [to] },
      from: vhsSender,
      to,
      subject: `Re: ${vhsMail.subject}`,
      text: `Die VHS bietet ab Herbst Kurse für Elternbegleiterinnen an.\n\nViele Grüße\nVHS\n\n${quoted(vhsMail)}`,
    });
    expect((await handledMailsFrom(vhsSender, 1))[0]?.status).toBe('accepted');

    // The consultation is a child procedure; the person who summarised consolidates its answers.
    const childId = `${proc.id}.dienststellen`;
    const child = await anna.get(`/api/procedures?${listQuery({ parentId: proc.id })}`);
    expect((child.body as { id: string }[]).map((c) => c.id)).toEqual([childId]);
    const consolidation = await consolidationTask(anna, childId);
    expect(consolidation.context.outcomes.map((o) => [o.departmentName, o.status, o.channel]).sort()).toEqual([
      [youth.name, 'answered', 'page'],
      [vhs.name, 'answered', 'mail'],
    ]);
    const consolidated = await anna.post(`/api/tasks/${consolidation.id}/complete`, {
      data: { summary: 'Jugendamt und VHS setzen die Empfehlungen um.', followUp: 'Bericht im Integrationsrat im Frühjahr' },
    });
    expect(consolidated.status).toBe(200);

    const ended = await endedProcedure(anna, proc.id);
    expect(ended).toMatchObject({ status: 'completed', outcome: 'Ausgewertet und archiviert' });

    const found = await anna.get(`/api/knowledge?${new URLSearchParams({ q: `Elternarbeit ${run}` })}`);
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    const hit = found.body[0];
    expect(hit).toMatchObject({
      sourceType: 'study',
      sourceId: study.id,
      procedureId: proc.id,
      title: study.title,
      summary: SUMMARY,
      topics: ['Bildung', 'Elternarbeit'],
      year: 2025,
    });
    expect([...hit.departmentIds].sort()).toEqual([youth.id, vhs.id].sort());
    const entry = (await anna.get(`/api/knowledge/${hit.id}`)).body as { body: string };
    expect(entry.body).toContain('Jugendamt und VHS setzen die Empfehlungen um.');
    expect(entry.body).toContain('Bericht im Integrationsrat im Frühjahr');
    expect(entry.body).toContain(youthAnswer);
    expect(entry.body).toContain('Die VHS bietet ab Herbst Kurse für Elternbegleiterinnen an.');
    expect(entry.body).toContain('Elterncafés in der Familiensprache erreichen mehr Familien');

    const steps = await stepsOf(anna, proc.id);
    const own = steps.filter((s) => !s.startsWith('request.'));
    expect(own).toEqual(
      expect.arrayContaining([
        'task.created: Zusammenfassung und Relevanz',
        'task.created: Zweitlektüre',
        'step: Rückmeldung der Dienststellen',
        'task.created: Antworten zusammenführen',
        'step: Im Wissensspeicher archivieren',
        'knowledge.archived: Im Wissensspeicher archiviert',
        'procedure.completed: Ausgewertet und archiviert',
      ]),
    );
    expect(own.indexOf('step: Im Wissensspeicher archivieren')).toBeGreaterThan(own.indexOf('task.created: Antworten zusammenführen'));
    expect(own.at(-1)).toBe('procedure.completed: Ausgewertet und archiviert');
    // Done: the study may go now, its evaluation stays in the knowledge base.
    expect((await anna.delete(`/api/studies/${study.id}`)).status).toBe(200);
    expect((await anna.get(`/api/knowledge/${hit.id}`)).status).toBe(200);
  });

  it('keeps the second reading away from the person who summarised, and sends a summary back for another round', async () => {
    const study = await createStudy(anna, { title: `Vier-Augen-Studie ${run}`, topics: ['Verwaltung'] });
    const proc = await startEvaluation(anna, study.id);
    const work = await openTask(anna, proc.id, 'studie-zusammenfassen');
    await anna.post(`/api/tasks/${work.id}/complete`, {
      data: { summary: 'Eine erste, noch zu knappe Zusammenfassung der Studie.', relevance: 3, departmentIds: [], keyFindings: [] },
    });

    const review = await openTask(ben, proc.id, 'studie-gegenlesen');
    const selfReview = await anna.post(`/api/tasks/${review.id}/complete`, { data: { decision: 'approve' } });
    expect(selfReview.status).toBe(403);
    expect(selfReview.body.error.code).toBe('four_eyes');
    expect(selfReview.body.error.message).toMatch(/Vier-Augen-Prinzip/);
    expect((await ben.get(`/api/tasks/${review.id}`)).body.status).toBe('open');

    const noComment = await ben.post(`/api/tasks/${review.id}/complete`, { data: { decision: 'revise' } });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields[0].path).toBe('data.comment');
    const sentBack = await ben.post(`/api/tasks/${review.id}/complete`, {
      data: { decision: 'revise', comment: 'Bitte die Methodik der Befragung ergänzen' },
    });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body.procedure.currentStep).toBe('Zusammenfassung überarbeiten (Runde 2)');

    // Round two goes back to Anna, with the comment and her first version.
    const rework = await openTask(anna, proc.id, 'studie-zusammenfassen');
    const reworkDetail = (await anna.get(`/api/tasks/${rework.id}`)).body;
    expect(reworkDetail).toMatchObject({ title: 'Zusammenfassung überarbeiten (Runde 2)', assigneeId: await userId(anna) });
    expect(reworkDetail.context.feedback).toBe('Bitte die Methodik der Befragung ergänzen');
    expect(reworkDetail.context.previous.summary).toBe('Eine erste, noch zu knappe Zusammenfassung der Studie.');
    // Another person's task: not even visible to Ben.
    const byBen = await ben.post(`/api/tasks/${rework.id}/complete`, {
      data: { summary: 'x'.repeat(30), relevance: 1, departmentIds: [], keyFindings: [] },
    });
    expect(byBen.status).toBe(404);

    await anna.post(`/api/tasks/${rework.id}/complete`, {
      data: { summary: 'Eine Befragung von 2.000 Beschäftigten in zwölf Kommunalverwaltungen.', relevance: 1, departmentIds: [], keyFindings: [] },
    });
    const secondReview = await openTask(ben, proc.id, 'studie-gegenlesen');
    expect(secondReview.id).not.toBe(review.id);
    expect((await anna.post(`/api/tasks/${secondReview.id}/complete`, { data: { decision: 'approve' } })).status).toBe(403);
    const approved = await ben.post(`/api/tasks/${secondReview.id}/complete`, { data: { decision: 'approve' } });
    expect(approved.body.procedure.finished).toBe(true);

    const hits = (await anna.get(`/api/knowledge?${listQuery({ q: `Vier-Augen-Studie ${run}` })}`)).body;
    expect(hits.map((h: { summary: string }) => h.summary)).toEqual([
      'Eine Befragung von 2.000 Beschäftigten in zwölf Kommunalverwaltungen.',
    ]);
  });

  it('archives a study of little relevance without asking the departments', async () => {
    const youth = dept('JUGA');
    const study = await createStudy(anna, { title: `Randnotiz zur Statistik ${run}`, year: 2023, topics: ['Statistik'] });
    const proc = await startEvaluation(anna, study.id);
    const work = await openTask(anna, proc.id, 'studie-zusammenfassen');
    await anna.post(`/api/tasks/${work.id}/complete`, {
      data: { summary: 'Methodische Notiz zu Zählweisen, für die Stadt kaum von Belang.', relevance: 1, departmentIds: [youth.id], keyFindings: [] },
    });
    const review = await openTask(ben, proc.id, 'studie-gegenlesen');
    const approved = await ben.post(`/api/tasks/${review.id}/complete`, { data: { decision: 'approve' } });
    expect(approved.body.procedure).toMatchObject({ finished: true, currentStep: 'Ausgewertet und archiviert (ohne Anfrage an die Dienststellen)' });

    expect(await procedureOf(anna, proc.id)).toMatchObject({
      status: 'completed',
      outcome: 'Ausgewertet und archiviert (ohne Anfrage an die Dienststellen)',
    });
    expect((await anna.get(`/api/procedures?${listQuery({ parentId: proc.id })}`)).body).toEqual([]);
    const steps = await stepsOf(anna, proc.id);
    expect(steps.some((s) => s.startsWith('request.') || s.includes('Rückmeldung'))).toBe(false);
    expect(steps).toContain('knowledge.archived: Im Wissensspeicher archiviert');

    const [hit] = (await anna.get(`/api/knowledge?${listQuery({ q: `Randnotiz ${run}` })}`)).body;
    expect(hit).toMatchObject({ sourceId: study.id, year: 2023, departmentIds: [youth.id] });
    expect((await anna.get(`/api/knowledge/${hit.id}`)).body.body).toContain('Die Dienststellen wurden nicht gefragt.');
  });

  it('starts only for a study that exists', async () => {
    const unknown = await anna.post('/api/procedures', { type: 'study-evaluation', input: { studyId: randomUUID() } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'input.studyId', message: 'unbekannte Studie' }]);
    const malformed = await anna.post('/api/procedures', { type: 'study-evaluation', input: { studyId: 'studie-1' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('input.studyId');
    const missing = await anna.post('/api/procedures', { type: 'study-evaluation', input: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe('input.studyId');
  });
});
