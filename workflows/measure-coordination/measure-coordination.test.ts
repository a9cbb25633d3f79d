import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import {
  admin,
  departmentByCode,
  departments,
  getPage,
  handledMailsFrom,
  history,
  linkToken,
  mailsAbout,
  quoted,
  replyFrom,
  sendToInbound,
  submitAnswer,
  type CaughtMail,
  type Department,
} from '../../tests/support/consultation';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import { complete, openTask, procedureWhen } from '../../tests/support/tasks';

// Maßnahme abstimmen on the real stack: two measures that overlap, their providers asked through
// the answer page and by a mail reply beside the responsible department, a decision approved by a
// second person, recorded on both measures and mailed to the providers, and the follow-up after
// the configured time (the test stack: seconds).

const run = Date.now().toString(36);
const as = (name: string) => ApiClient.as(`${name}@amtsflow.localhost`, DEMO_PASSWORD);
let anna: ApiClient; // staff
let carla: ApiClient; // manager
let david: ApiClient; // manager and staff
let depts: Department[];
let kalk: string;

interface Provider {
  id: string;
  name: string;
}

async function createProvider(name: string, contacts: { name: string; email: string | null }[], email: string | null = null): Promise<Provider> {
  const reply = await anna.post('/api/providers', {
    name,
    kind: 'freier-traeger',
    email,
    contacts: contacts.map((c) => ({ ...c, role: 'Projektleitung', phone: null })),
    districtIds: [kalk],
  });
  if (reply.status !== 201) throw new Error(`create provider: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as Provider;
}

async function createMeasure(providerId: string, title: string, description: string): Promise<{ id: string; title: string }> {
  const reply = await anna.post('/api/measures', {
    title,
    description,
    providerId,
    fieldOfAction: 'sprache-bildung',
    targetGroups: ['frauen'],
    districtIds: [kalk],
    startsOn: '2026-01-01',
    participantsPerYear: 20,
  });
  if (reply.status !== 201) throw new Error(`create measure: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; title: string };
}

/** The coordination's request mail to one addressee, by the address it went to. */
async function requestMailTo(marker: string, address: string): Promise<CaughtMail> {
  return eventually(async () => {
    const mails = (await mailsAbout(marker)).filter((m) => m.subject.startsWith('Anfrage des Amts für Integration:'));
    return mails.find((m) => m.envelopeTo.includes(address));
  }, 30_000, `the request mail to ${address}`);
}

beforeAll(async () => {
  [anna, carla, david] = await Promise.all([as('anna.schmidt'), as('carla.nowak'), as('david.mensah')]);
  depts = await departments(await admin());
  const districts = (await anna.get(`/api/districts?${listQuery({ kind: 'stadtbezirk' })}`)).body as { id: string; name: string }[];
  kalk = (districts.find((d) => d.name === 'Kalk') as { id: string }).id;
});

describe('Maßnahme abstimmen', () => {
  it('asks both providers (page and mail) and the department, approves with four eyes, tells the providers and follows up', async () => {
    const first = await createProvider(`Frauentreff Kalk ${run}`, [
      { name: 'Leyla Demir', email: `l.demir.${run}@frauentreff.localhost` },
      { name: 'Nina Berg', email: `n.berg.${run}@frauentreff.localhost` },
    ]);
    const second = await createProvider(`Bildungswerk Ost ${run}`, [{ name: 'Olga Petrova', email: null }], `info.${run}@bildungswerk.localhost`);
    const a = await createMeasure(first.id, `Deutsch im Alltag für Mütter ${run}`, 'Ein Kurs am Vormittag mit Kinderbetreuung.');
    const b = await createMeasure(second.id, `Alltagsdeutsch-Kurs für Frauen ${run}`, 'Vormittags, Kinder werden betreut, Kalk-Post.');

    const started = await david.post('/api/procedures', { type: 'measure-coordination', input: { measureId: a.id, otherMeasureId: b.id } });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    expect(started.body.title).toBe(`Abstimmung: ${a.title} und ${b.title}`);
    // One coordination per pair, in either order.
    expect((await anna.post('/api/procedures', { type: 'measure-coordination', input: { measureId: b.id, otherMeasureId: a.id } })).status).toBe(409);

    // The overlap side by side; the starter may look, so it is his at once.
    const look = await openTask(david, id, 'abstimmung-sichten');
    expect((look.context.measures as { title: string; providerName: string }[]).map((m) => [m.title, m.providerName])).toEqual([
      [a.title, first.name],
      [b.title, second.name],
    ]);
    const youth = departmentByCode(depts, 'JUGA');
    const noDepartment = await david.post(`/api/tasks/${look.id}/complete`, { data: { coordinate: true, reason: 'Gleiches Angebot am selben Ort' } });
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.body.error.fields).toEqual([
      { path: 'data.departmentId', message: 'Für eine Abstimmung wählen Sie bitte die zuständige Dienststelle.' },
    ]);
    await complete(david, look, {
      coordinate: true,
      reason: 'Gleiches Angebot am selben Ort zur selben Zeit',
      departmentId: youth.id,
      question: 'Können Sie sich vorstellen, die Kurse zusammenzulegen?',
    });

    // Both providers (at their contacts; the second at its general address) and the department.
    const marker = `Abstimmung: ${a.title}`;
    const toFirst = await requestMailTo(marker, `l.demir.${run}@frauentreff.localhost`);
    expect(toFirst.envelopeTo).toEqual(expect.arrayContaining([`n.berg.${run}@frauentreff.localhost`]));
    expect(toFirst.text).toContain(`bittet den Träger „${first.name}“ um eine Antwort`);
    expect(toFirst.text).toContain('Können Sie sich vorstellen, die Kurse zusammenzulegen?');
    expect(toFirst.text).toContain('Der Link gilt nur für Ihren Träger und diese Anfrage.');
    const toSecond = await requestMailTo(marker, `info.${run}@bildungswerk.localhost`);
    const toYouth = await requestMailTo(marker, youth.contactEmail);
    expect(toYouth.text).toContain('bittet das Jugendamt um eine Antwort');

    const page = await getPage(linkToken(toFirst));
    expect(page.status).toBe(200);
    expect(page.html).toContain('<dt>Träger</dt>');
    expect(page.html).toContain(`bittet den Träger „${first.name}“ um eine Antwort`);
    expect((await submitAnswer(linkToken(toFirst), { antwort: 'Gern, wir übernehmen die Kinderbetreuung für beide Gruppen.' })).status).toBe(200);
    await sendToInbound(replyFrom(`info.${run}@bildungswerk.localhost`, toSecond, `Wir können den Kurs auf den Nachmittag legen.\n\n${quoted(toSecond)}`));
    const [handled] = await handledMailsFrom(`info.${run}@bildungswerk.localhost`, 1);
    expect(handled).toMatchObject({ status: 'accepted', reason: null });
    expect((await submitAnswer(linkToken(toYouth), { antwort: 'Das Jugendamt unterstützt eine Zusammenarbeit.' })).status).toBe(200);

    // The decision sees every answer; the decider may not approve it (four eyes).
    const decision = await openTask(david, id, 'abstimmung-entscheidung', 60_000).catch(async (err) => {
      const lines = [...(await history(anna, `${id}.anfrage`)), ...(await history(anna, id))].map((h) => `${h.kind}: ${h.label}`);
      const requests = (await anna.get(`/api/procedures/${id}/requests`)).body;
      throw new Error(`${String(err)}\n${lines.join('\n')}\n${JSON.stringify(requests).slice(0, 3000)}`);
    });
    const outcomes = decision.context.outcomes as { departmentName: string; participantKind: string; channel: string; answerText: string }[];
    expect(outcomes.map((o) => [o.participantKind, o.departmentName, o.channel]).sort()).toEqual(
      [
        ['department', youth.name, 'page'],
        ['provider', first.name, 'page'],
        ['provider', second.name, 'mail'],
      ].sort(),
    );
    expect(outcomes.find((o) => o.channel === 'mail')?.answerText).toBe('Wir können den Kurs auf den Nachmittag legen.');
    const noMeasure = await david.post(`/api/tasks/${decision.id}/complete`, { data: { decision: 'adjust', reason: 'Zeiten entzerren' } });
    expect(noMeasure.status).toBe(400);
    expect(noMeasure.body.error.fields[0].path).toBe('data.measure');
    await complete(david, decision, {
      decision: 'adjust',
      measure: 'second',
      reason: 'Beide Kurse bleiben, aber nicht zur selben Zeit',
      agreement: 'Das Bildungswerk Ost bietet seinen Kurs ab dem nächsten Monat nachmittags an.',
    });
    const approval = await openTask(carla, id, 'abstimmung-freigabe');
    const selfApproval = await david.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.message).toContain('Vier-Augen-Prinzip');
    await complete(carla, approval, { decision: 'approve' });

    // Recorded on both measures, and the providers told.
    for (const measure of [a, b]) {
      const coordinations = (await anna.get(`/api/measures/${measure.id}/coordinations`)).body as { decision: string; procedureId: string }[];
      expect(coordinations).toEqual([expect.objectContaining({ procedureId: id, decision: 'adjust', concernsMeasureId: b.id })]);
    }
    const told = await eventually(async () => {
      const mails = (await mailsAbout(`Abstimmung der Maßnahmen „${a.title}“`)).filter((m) => !m.subject.startsWith('Anfrage'));
      return mails.length >= 2 ? mails : undefined;
    }, 20_000, 'the decision mails');
    expect(told.flatMap((m) => m.envelopeTo).sort()).toEqual(
      [`info.${run}@bildungswerk.localhost`, `l.demir.${run}@frauentreff.localhost`, `n.berg.${run}@frauentreff.localhost`].sort(),
    );
    expect(told[0]?.text).toContain(`Eine Maßnahme ändert Zielgruppe, Ort oder Zeit: „${b.title}“ (${second.name}).`);
    expect(told[0]?.text).toContain('Vereinbart ist: Das Bildungswerk Ost bietet seinen Kurs ab dem nächsten Monat nachmittags an.');

    // After the configured time, the decider looks whether it was done.
    const followUp = await openTask(david, id, 'abstimmung-nachhalten', 60_000);
    await complete(david, followUp, { done: true, note: 'Der Nachmittagskurs läuft seit dem 1. des Monats.' });
    const done = await procedureWhen(anna, id, 'completed');
    expect(done.outcome).toBe(`Abgestimmt: „${b.title}“ wird angepasst`);
    const after = (await anna.get(`/api/measures/${a.id}/coordinations`)).body as { followUpDone: boolean | null }[];
    expect(after[0]?.followUpDone).toBe(true);

    // Who was asked, in the history: with the article the word "Träger" brings.
    const labels = (await history(anna, `${id}.anfrage`)).map((h) => h.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        `Anfrage an den Träger „${first.name}“ versandt`,
        `Antwort des Trägers „${first.name}“ (Antwortseite)`,
        `Antwort des Trägers „${second.name}“ (Mail)`,
        'Anfrage an das Jugendamt versandt',
      ]),
    );
  }, 180_000);

  it('ends at the first look when no coordination is needed, recorded on both measures', async () => {
    const provider = await createProvider(`Kulturverein Humboldt ${run}`, [{ name: 'Emre Aksoy', email: `e.aksoy.${run}@kulturverein.localhost` }]);
    const a = await createMeasure(provider.id, `Theatergruppe für Jugendliche ${run}`, 'Wöchentliche Proben, Aufführung im Sommer.');
    const b = await createMeasure(provider.id, `Hausaufgabenhilfe Grundschule ${run}`, 'Montags bis donnerstags nach der Schule.');
    const started = await anna.post('/api/procedures', { type: 'measure-coordination', input: { measureId: a.id, otherMeasureId: b.id } });
    expect(started.status).toBe(201);
    await complete(anna, await openTask(anna, started.body.id, 'abstimmung-sichten'), { coordinate: false, reason: 'Ganz verschiedene Angebote' });
    expect((await procedureWhen(anna, started.body.id, 'completed')).outcome).toBe('Keine Abstimmung nötig');
    const coordinations = (await anna.get(`/api/measures/${b.id}/coordinations`)).body as { decision: string; reason: string }[];
    expect(coordinations).toEqual([expect.objectContaining({ decision: 'unchanged', reason: 'Ganz verschiedene Angebote' })]);
  });

  it('is started by the system for a new measure that very likely duplicates one, for the staff group', async () => {
    const provider = await createProvider(`Elterncafé Vingst ${run}`, [{ name: 'Jana Wolf', email: `j.wolf.${run}@elterncafe.localhost` }]);
    const other = await createProvider(`Familienzentrum Höhenberg ${run}`, [{ name: 'Ali Yıldız', email: `a.yildiz.${run}@familienzentrum.localhost` }]);
    const text = 'Mütter lernen Deutsch beim Frühstück, ihre Kinder spielen nebenan.';
    const a = await createMeasure(provider.id, `Frühstückstreff Deutsch für Mütter ${run}`, text);
    const b = await createMeasure(other.id, `Frühstückstreff Deutsch für Mütter ${run}`, text);
    const id = `measure-coordination-${[a.id, b.id].sort().join('-')}`;
    const started = await procedureWhen(anna, id, 'running');
    expect(started).toBeDefined();
    const row = (await anna.get(`/api/procedures/${id}`)).body as { startedBy: string | null; title: string };
    expect(row).toMatchObject({ startedBy: null, title: `Abstimmung: ${b.title} und ${a.title}` });
    // Its first task comes a moment after the procedure's row.
    const group = await eventually(async () => {
      const rows = (await anna.get(`/api/tasks?${listQuery({ inbox: 'group', procedureId: id })}`)).body as { formKind: string }[];
      return rows.length > 0 ? rows : undefined;
    }, 20_000, 'the group task of the system-started coordination');
    expect(group.map((t) => t.formKind)).toEqual(['abstimmung-sichten']);
    // Cleared from the group inbox for the tests after this one.
    expect([200, 202]).toContain((await carla.post(`/api/procedures/${id}/cancel`, { reason: 'Im Test beendet' })).status);
  });

  it('refuses a start naming an unknown measure or the same one twice, naming the field', async () => {
    const unknown = await anna.post('/api/procedures', {
      type: 'measure-coordination',
      input: { measureId: '00000000-0000-4000-8000-000000000000', otherMeasureId: '00000000-0000-4000-8000-000000000001' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['input.measureId', 'input.otherMeasureId']);
    const same = await anna.post('/api/procedures', {
      type: 'measure-coordination',
      input: { measureId: '00000000-0000-4000-8000-000000000000', otherMeasureId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(same.status).toBe(400);
    expect(same.body.error.fields).toEqual([{ path: 'input.otherMeasureId', message: 'Eine Maßnahme ist kein Doppelangebot zu sich selbst.' }]);
  });
});
