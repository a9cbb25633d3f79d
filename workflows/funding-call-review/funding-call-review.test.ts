import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import {
  departments,
  getPage,
  heading,
  history,
  linkToken,
  mailsAbout,
  quoted,
  replyFrom,
  requestMails,
  sendToInbound,
  submitAnswer,
  type CaughtMail,
  type Department,
} from '../../tests/support/consultation';
import { complete, openTask, procedureWhen } from '../../tests/support/tasks';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';

// "Förderaufruf prüfen" on the real stack: the consultation runs as a child procedure, departments
// answer by page and by mail, four-eyes approvals, the funder's deadline, the grant down to closure.

const run = Date.now().toString(36);
let anna: ApiClient; // staff
let ben: ApiClient; // staff
let carla: ApiClient; // manager
let david: ApiClient; // manager and staff
let depts: Department[];
let annaId: string;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  ben = await ApiClient.as('ben.yilmaz@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  david = await ApiClient.as('david.mensah@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(anna);
  annaId = (await anna.get('/api/auth/me')).body.id as string;
});

const dept = (code: string) => depts.find((d) => d.code === code) as Department;

async function createCall(title: string, extra: Record<string, unknown> = {}) {
  const reply = await anna.post('/api/funding-calls', {
    source: 'land-nrw',
    funder: 'Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration NRW',
    title,
    summary: 'Förderung kommunaler Integrationszentren für mehrsprachige Beratung.',
    topics: ['Sprache', 'Beratung'],
    budget: 250_000,
    cofinancingShare: 20,
    submissionDeadline: inDays(60),
    link: `https://foerderung.example.org/${encodeURIComponent(title)}`,
    ...extra,
  });
  if (reply.status !== 201) throw new Error(`create call: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; title: string };
}

async function startReview(client: ApiClient, fundingCallId: string) {
  const reply = await client.post('/api/procedures', { type: 'funding-call-review', input: { fundingCallId } });
  if (reply.status !== 201) throw new Error(`start: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; title: string };
}

/** Triage (relevant, asking `codes`) and the consultation with every department answering by page. */
async function throughConsultation(procId: string, marker: string, codes: string[], triageExtra: Record<string, unknown> = {}) {
  const asked = codes.map(dept);
  await complete(anna, await openTask(anna, procId, 'foerderaufruf-triage'), {
    relevant: true,
    reason: 'Passt zum Integrationskonzept',
    departmentIds: asked.map((d) => d.id),
    ...triageExtra,
  });
  const mails = await requestMails(marker, asked);
  for (const d of asked) {
    const answered = await submitAnswer(linkToken(mails.get(d.id) as CaughtMail), { antwort: `${d.code}: nützlich und machbar.` });
    expect(answered.status).toBe(200);
  }
  const consolidation = await openTask(anna, `${procId}.anfrage`, 'antworten-zusammenfuehren');
  await complete(anna, consolidation, { summary: 'Alle befragten Dienststellen unterstützen einen Antrag.' });
}

/** Decision by anna (apply), approved by carla: the four-eyes path every branch after it shares. */
async function decideAndApprove(procId: string, decision: Record<string, unknown>) {
  await complete(anna, await openTask(anna, procId, 'foerderaufruf-entscheidung'), decision);
  await complete(carla, await openTask(carla, procId, 'foerderaufruf-freigabe'), { decision: 'approve' });
}

describe('funding calls as master data', () => {
  it('validates a new call: a future deadline, a budget not below zero, a web link', async () => {
    const reply = await anna.post('/api/funding-calls', {
      source: 'bund',
      funder: 'BAMF',
      title: 'Ungültiger Aufruf',
      budget: -5,
      submissionDeadline: '2020-01-31',
      link: 'javascript:alert(1)',
    });
    expect(reply.status).toBe(400);
    const paths = (reply.body.error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['body.budget', 'body.link', 'body.submissionDeadline']);
    const messages = Object.fromEntries((reply.body.error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
    expect(messages['body.submissionDeadline']).toBe('Die Einreichungsfrist muss in der Zukunft liegen');
    expect(messages['body.budget']).toBe('darf nicht negativ sein');

    const call = await createCall(`Stammdaten ${run}`);
    const again = await anna.post('/api/funding-calls', {
      source: 'eu',
      funder: 'EU',
      title: 'Derselbe Link',
      submissionDeadline: inDays(10),
      link: `https://foerderung.example.org/${encodeURIComponent(`Stammdaten ${run}`)}`,
    });
    expect(again.status).toBe(409);
    const listed = await anna.get(`/api/funding-calls?${listQuery({ q: `Stammdaten ${run}` })}`);
    expect(listed.body).toEqual([expect.objectContaining({ id: call.id, budget: 250_000, cofinancingShare: 20, origin: 'manual' })]);
  });

  it('refuses a review of an unknown call and a second review while one runs', async () => {
    const unknown = await anna.post('/api/procedures', {
      type: 'funding-call-review',
      input: { fundingCallId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'input.fundingCallId', message: 'unbekannter Förderaufruf' }]);

    const call = await createCall(`Doppelt ${run}`);
    const proc = await startReview(anna, call.id);
    expect(proc.title).toBe(`Förderaufruf: Doppelt ${run}`);
    await openTask(anna, proc.id, 'foerderaufruf-triage');
    const second = await ben.post('/api/procedures', { type: 'funding-call-review', input: { fundingCallId: call.id } });
    expect(second.status).toBe(409);
    expect((await anna.delete(`/api/funding-calls/${call.id}`)).status).toBe(409);
    await carla.post(`/api/procedures/${proc.id}/cancel`, { reason: 'Testende' });
    await procedureWhen(anna, proc.id, 'cancelled');
  });
});

describe('Förderaufruf prüfen', () => {
  it('ends at triage when the call is not relevant, with the reason', async () => {
    const proc = await startReview(ben, (await createCall(`Nicht relevant ${run}`)).id);
    const triage = await openTask(ben, proc.id, 'foerderaufruf-triage');
    expect(triage.context.call).toMatchObject({ title: `Nicht relevant ${run}`, budget: 250_000 });
    const invalid = await ben.post(`/api/tasks/${triage.id}/complete`, { data: { relevant: true, reason: 'ja' } });
    expect(invalid.status).toBe(400);
    expect((invalid.body.error.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['data.departmentIds', 'data.reason']);
    const unknownDept = await ben.post(`/api/tasks/${triage.id}/complete`, {
      data: { relevant: true, reason: 'passt gut', departmentIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknownDept.status).toBe(400);
    expect(unknownDept.body.error.fields).toEqual([{ path: 'data.departmentIds.0', message: 'unbekannte Dienststelle' }]);

    const done = await complete(ben, triage, { relevant: false, reason: 'Nur für Kommunen unter 20 000 Einwohnern' });
    expect(done.procedure.finished).toBe(true);
    const ended = await procedureWhen(anna, proc.id, 'completed');
    expect(ended.outcome).toBe('Nicht relevant: Nur für Kommunen unter 20 000 Einwohnern');
  });

  it('runs from triage through the consultation (page and mail), four-eyes approval and the grant to closure', async () => {
    const marker = `Sprachkita ${run}`;
    const call = await createCall(marker);
    const proc = await startReview(anna, call.id);
    const youth = dept('JUGA');
    const school = dept('SCHU');
    await complete(anna, await openTask(anna, proc.id, 'foerderaufruf-triage'), {
      relevant: true,
      reason: 'Stärkt die Sprachförderung in Kitas',
      departmentIds: [youth.id, school.id],
      question: 'Gibt es bereits Projekte, an die ein Antrag anknüpfen kann?',
    });
    const procNow = (await anna.get(`/api/procedures/${proc.id}`)).body as { currentStep: string };
    expect(procNow.currentStep).toBe('Anfrage an die Fachdienststellen');

    // The consultation is a child procedure of the review.
    // Its row is written by its own first step, a moment after the triage's completion returns.
    const children = await eventually(async () => {
      const listed = (await anna.get(`/api/procedures?${listQuery({ parentId: proc.id })}`)).body as { id: string; type: string }[];
      return listed.length > 0 ? listed : undefined;
    }, 20_000, 'the consultation as a child procedure');
    // Titled by the review, so that the consultations of several reviews can be told apart in the lists.
    expect(children).toEqual([expect.objectContaining({ id: `${proc.id}.anfrage`, type: 'department-consultation', title: `Anfrage zu: ${proc.title}` })]);

    const mails = await requestMails(marker, [youth, school]);
    const youthMail = mails.get(youth.id) as CaughtMail;
    expect(youthMail.text).toContain('Gibt es bereits Projekte');
    expect(youthMail.text).toContain('250.000');
    expect(
      (await submitAnswer(linkToken(youthMail), { antwort: 'Drei Kitas sind bereit.', feld_nutzen: 'hoch', feld_kofinanzierung: '15000' })).status,
    ).toBe(200);
    const schoolMail = mails.get(school.id) as CaughtMail;
    await sendToInbound(
      replyFrom(`schulamt.${run}@stadt.localhost`, schoolMail, `Die Grundschulen beteiligen sich gern.\n\n${quoted(schoolMail)}`),
    );

    const consolidation = await openTask(anna, `${proc.id}.anfrage`, 'antworten-zusammenfuehren');
    const outcomes = consolidation.context.outcomes as { departmentId: string; channel: string; answerText: string; answerData: any }[];
    expect(outcomes.find((o) => o.departmentId === youth.id)).toMatchObject({ channel: 'page', answerData: { nutzen: 'hoch', kofinanzierung: 15000 } });
    expect(outcomes.find((o) => o.departmentId === school.id)).toMatchObject({ channel: 'mail', answerText: 'Die Grundschulen beteiligen sich gern.' });
    await complete(anna, consolidation, { summary: 'Jugendamt und Schulamt unterstützen den Antrag; 15 000 € Kofinanzierung möglich.' });
    // The review itself lists the requests of the consultation it started, live.
    const requests = (await anna.get(`/api/procedures/${proc.id}/requests`)).body as { departmentCode: string; channel: string; answerFields: { key: string; label: string }[] }[];
    expect(requests.map((r) => [r.departmentCode, r.channel]).sort()).toEqual([['JUGA', 'page'], ['SCHU', 'mail']]);
    // The console names the answer's entries by their form's labels, not by their keys.
    expect(requests[0]?.answerFields).toContainEqual(expect.objectContaining({ key: 'nutzen', label: 'Nutzen für Ihre Dienststelle' }));

    const decision = await openTask(anna, proc.id, 'foerderaufruf-entscheidung');
    expect(decision.context.consultation).toMatchObject({ summary: expect.stringContaining('15 000 €') });
    const missingLead = await anna.post(`/api/tasks/${decision.id}/complete`, { data: { decision: 'apply', reason: 'Hoher Nutzen' } });
    expect(missingLead.status).toBe(400);
    expect((missingLead.body.error.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['data.leadDepartmentId', 'data.ownShare']);
    await complete(anna, decision, { decision: 'apply', reason: 'Hoher Nutzen', leadDepartmentId: youth.id, ownShare: 50_000 });

    // A rejected decision goes back; David (manager and staff) takes the second round over.
    const approval = await openTask(carla, proc.id, 'foerderaufruf-freigabe');
    expect((await complete(carla, approval, { decision: 'reject', comment: 'Eigenanteil bitte mit der Kämmerei klären' })).procedure.finished).toBe(false);
    const round2 = await openTask(anna, proc.id, 'foerderaufruf-entscheidung');
    expect(round2.context.feedback).toBe('Eigenanteil bitte mit der Kämmerei klären');
    await anna.post(`/api/tasks/${round2.id}/reassign`, { userId: (await david.get('/api/auth/me')).body.id });
    await complete(david, await openTask(david, proc.id, 'foerderaufruf-entscheidung'), {
      decision: 'apply',
      reason: 'Kämmerei hat den Eigenanteil bestätigt',
      leadDepartmentId: youth.id,
      ownShare: 50_000,
    });
    // Four-eyes: David is a manager, but not the approver of his own decision.
    const approval2 = await openTask(carla, proc.id, 'foerderaufruf-freigabe');
    const selfApproval = await david.post(`/api/tasks/${approval2.id}/complete`, { data: { decision: 'approve' } });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.message).toContain('Vier-Augen-Prinzip');
    await complete(carla, approval2, { decision: 'approve' });

    // The application: drafted by the decider, signed off by another manager, submitted.
    await complete(david, await openTask(david, proc.id, 'antrag-entwurf'), { summary: 'Antrag Sprachkita, 3 Standorte' });
    const signOff = await openTask(carla, proc.id, 'antrag-mitzeichnung');
    expect((await david.post(`/api/tasks/${signOff.id}/complete`, { data: { decision: 'approve' } })).status).toBe(403);
    await complete(carla, signOff, { decision: 'approve' });
    await complete(david, await openTask(david, proc.id, 'antrag-einreichung'), { submittedOn: inSeconds(0), reference: 'NRW-2026-117' });

    // The funder grants; the reports are dated tasks due on the funder's dates.
    // The test stack opens a report task 2 s before its date (FUNDING_MILESTONE_LEAD).
    const interimDue = inSeconds(5);
    const proofDue = inSeconds(9);
    const awarded = await complete(david, await openTask(david, proc.id, 'foerderentscheid'), {
      result: 'granted',
      amount: 200_000,
      letterDate: inSeconds(0),
      interimReportDue: interimDue,
      proofOfUseDue: proofDue,
    });
    expect(awarded.procedure.currentStep).toBe('Bewilligt – nächster Termin: Zwischenbericht einreichen');
    const interim = await openTask(david, proc.id, 'zwischenbericht');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(interimDue) - 2500);
    expect(new Date(interim.dueAt as string).toISOString()).toBe(interimDue);
    await complete(david, interim, { summary: 'Alle drei Standorte gestartet', spent: 80_000, submittedOn: inSeconds(0) });
    const proof = await openTask(david, proc.id, 'verwendungsnachweis');
    expect(new Date(proof.dueAt as string).toISOString()).toBe(proofDue);
    await complete(david, proof, { summary: 'Mittel vollständig verwendet', spent: 200_000, submittedOn: inSeconds(0) });

    const ended = await procedureWhen(anna, proc.id, 'completed');
    expect(ended.outcome).toBe('Abgeschlossen: gefördert mit 200.000\u00a0€'); // Intl's non-breaking space
    // The parent's history tells the whole story, the child's steps included.
    const entries = await history(anna, proc.id);
    const steps = entries.filter((e) => e.source === 'step').map((e) => e.label);
    expect(steps).toEqual(
      expect.arrayContaining([
        'Relevanz prüfen erledigt',
        'Anfrage an die Fachdienststellen',
        expect.stringMatching(/^Antwort des Jugendamts/),
        'Antrag einreichen erledigt',
        'Verwendungsnachweis einreichen erledigt',
      ]),
    );
    expect(entries.some((e) => (e as unknown as { procedureId: string }).procedureId === `${proc.id}.anfrage`)).toBe(true);
  });

  it("ends with the decision not to apply once a manager approves it", async () => {
    const marker = `Kein Antrag ${run}`;
    const proc = await startReview(anna, (await createCall(marker)).id);
    await throughConsultation(proc.id, marker, ['KULT']);
    await decideAndApprove(proc.id, { decision: 'dont-apply', reason: 'Eigenanteil nicht finanzierbar' });
    const ended = await procedureWhen(anna, proc.id, 'completed');
    expect(ended.outcome).toBe('Kein Antrag: Eigenanteil nicht finanzierbar');
    // The closed review is in the knowledge base, found by a stemmed word of its reasoning.
    const hits = (await anna.get(`/api/knowledge?q=${encodeURIComponent('Eigenanteile')}`)).body as {
      sourceType: string;
      title: string;
      snippet: string;
    }[];
    const hit = hits.find((h) => h.title === marker);
    expect(hit).toMatchObject({ sourceType: 'funding-review' });
    expect(hit?.snippet).toContain('<mark>');
  });

  it('misses the deadline: the managers were warned, the open application task goes away, the outcome says so', async () => {
    const marker = `Fristende ${run}`;
    const proc = await startReview(anna, (await createCall(marker)).id);
    // Triage moves the deadline close; the review has seconds, not weeks.
    await throughConsultation(proc.id, marker, ['VHS'], { submissionDeadline: inSeconds(12) });
    await decideAndApprove(proc.id, { decision: 'apply', reason: 'Knapp, aber machbar', leadDepartmentId: dept('VHS').id, ownShare: 1000 });
    const draft = await openTask(anna, proc.id, 'antrag-entwurf');

    // The warning time lies before now (10 business days before a deadline 12 s away): it goes out at once.
    const warning = await eventuallyMail(`Einreichungsfrist naht: ${marker}`);
    expect(warning.envelopeTo).toEqual(expect.arrayContaining(['carla.nowak@amtsflow.localhost']));

    const ended = await procedureWhen(anna, proc.id, 'completed', 40_000);
    expect(ended.outcome).toBe('Einreichungsfrist verpasst');
    const row = (await anna.get(`/api/tasks/${draft.id}`)).body as { status: string };
    expect(row.status).toBe('cancelled');
    const late = await anna.post(`/api/tasks/${draft.id}/complete`, { data: { summary: 'Zu spät fertig' } });
    expect(late.status).toBe(409);
  });

  it('a manager cancels during the consultation: the child ends too, its links say so, no task stays open', async () => {
    const marker = `Abbruch ${run}`;
    const proc = await startReview(anna, (await createCall(marker)).id);
    const youth = dept('JUGA');
    await complete(anna, await openTask(anna, proc.id, 'foerderaufruf-triage'), {
      relevant: true,
      reason: 'Prüfen',
      departmentIds: [youth.id],
    });
    const token = linkToken((await requestMails(marker, [youth])).get(youth.id) as CaughtMail);
    const childId = `${proc.id}.anfrage`;
    const partOnly = await carla.post(`/api/procedures/${childId}/cancel`, { reason: 'nur der Teil' });
    expect(partOnly.status).toBe(409);
    // The parent by its title, never by its id.
    expect(partOnly.body.error.message).toBe(`Dieser Vorgang ist Teil des Vorgangs „${proc.title}“; bitte brechen Sie den übergeordneten Vorgang ab`);

    const cancelled = await carla.post(`/api/procedures/${proc.id}/cancel`, { reason: 'Aufruf vom Fördergeber zurückgezogen' });
    expect(cancelled.status).toBe(200);
    expect((await procedureWhen(anna, proc.id, 'cancelled')).outcome).toBe('Abgebrochen: Aufruf vom Fördergeber zurückgezogen');
    await procedureWhen(anna, childId, 'cancelled');
    const page = await getPage(token);
    expect(page.status).toBe(410);
    expect(heading(page.html)).toBe('Diese Anfrage wurde zurückgezogen');
    const open = (await carla.get(`/api/tasks?${listQuery({ procedureId: childId })}`)).body as { status: string }[];
    expect(open.filter((t) => t.status === 'open' || t.status === 'claimed')).toEqual([]);
  });

  it('a funder rejection ends the review', async () => {
    const marker = `Abgelehnt ${run}`;
    const proc = await startReview(anna, (await createCall(marker)).id);
    await throughConsultation(proc.id, marker, ['SOZ']);
    await decideAndApprove(proc.id, { decision: 'apply', reason: 'Gute Chancen', leadDepartmentId: dept('SOZ').id, ownShare: 0 });
    await complete(anna, await openTask(anna, proc.id, 'antrag-entwurf'), { summary: 'Antrag' });
    await complete(carla, await openTask(carla, proc.id, 'antrag-mitzeichnung'), { decision: 'approve' });
    await complete(anna, await openTask(anna, proc.id, 'antrag-einreichung'), { submittedOn: inSeconds(0) });
    const award = await openTask(anna, proc.id, 'foerderentscheid');
    expect(award.assigneeId).toBe(annaId);
    await complete(anna, award, { result: 'rejected', letterDate: inSeconds(0), note: 'Zu viele Anträge' });
    expect((await procedureWhen(anna, proc.id, 'completed')).outcome).toBe('Vom Fördergeber abgelehnt');
  });

  it('a grant waits for its funder\'s reporting date, showing it as its step, with no task open until then', async () => {
    const marker = `Bewilligt wartend ${run}`;
    const proc = await startReview(anna, (await createCall(marker)).id);
    await throughConsultation(proc.id, marker, ['KULT']);
    await decideAndApprove(proc.id, { decision: 'apply', reason: 'Passt', leadDepartmentId: dept('KULT').id, ownShare: 5_000 });
    await complete(anna, await openTask(anna, proc.id, 'antrag-entwurf'), { summary: 'Antrag Kultur' });
    await complete(carla, await openTask(carla, proc.id, 'antrag-mitzeichnung'), { decision: 'approve' });
    await complete(anna, await openTask(anna, proc.id, 'antrag-einreichung'), { submittedOn: inSeconds(0) });
    // The proof of use is due in a year: its task appears only shortly before (FUNDING_MILESTONE_LEAD).
    const award = await complete(anna, await openTask(anna, proc.id, 'foerderentscheid'), {
      result: 'granted',
      amount: 40_000,
      letterDate: inSeconds(0),
      proofOfUseDue: inDays(365),
    });
    expect(award.procedure).toMatchObject({ finished: false, currentStep: 'Bewilligt – nächster Termin: Verwendungsnachweis einreichen' });
    const open = (await anna.get(`/api/tasks?${listQuery({ procedureId: proc.id, status: ['open', 'claimed'] })}`)).body as unknown[];
    expect(open).toHaveLength(0);
    expect((await anna.get(`/api/procedures/${proc.id}`)).body).toMatchObject({ status: 'running', currentStep: 'Bewilligt – nächster Termin: Verwendungsnachweis einreichen' });
  });
});

async function eventuallyMail(subject: string) {
  return eventually(async () => (await mailsAbout(subject)).find((m) => m.subject === subject), 20_000, `mail "${subject}"`);
}
