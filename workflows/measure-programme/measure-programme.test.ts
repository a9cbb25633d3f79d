import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { mailsAbout } from '../../tests/support/consultation';
import { downloadedPdf } from '../../tests/support/pdf-text';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import { complete, openTask, procedureWhen } from '../../tests/support/tasks';

// Maßnahmenprogramm on the real stack: measures of the test's own for 2011 (no demo measure runs
// then), so that the matrix is known by hand; a clerk who is also a manager starts and assesses it,
// may not approve it, another manager does; the report's PDF holds the hand-computed numbers and
// goes to the configured recipients.

const YEAR = 2011;
const procedureId = `measure-programme-${YEAR}`;
const RECIPIENTS = ['integrationsrat@stadt.localhost', 'massnahmenkoordination@stadt.localhost'];
const as = (name: string) => ApiClient.as(`${name}@amtsflow.localhost`, DEMO_PASSWORD);

let anna: ApiClient; // staff
let david: ApiClient; // manager and staff
let carla: ApiClient; // manager
let place: Record<string, string>;

interface Cell {
  measures: number;
  participants: number;
}
interface Figures {
  measures: number;
  matrix: { bezirke: { name: string }[]; rows: { fieldOfAction: string; cells: Cell[]; total: Cell }[]; totals: Cell[]; all: Cell; gaps: number; crowded: { bezirk: string; measures: { title: string }[] }[] };
  funding: { rows: { fieldOfAction: string; amounts: number[]; total: number }[]; totals: number[]; all: number };
}

// The test's measures. Counted for 2011: A, B (ends in March), C (ongoing since September), D (since 2005,
// without a participant count), E (one month), H; not counted: F (2012) and G (ends 2010).
function measures(providerId: string) {
  const m = (title: string, fieldOfAction: string, districts: string[], startsOn: string, endsOn: string | null, participants: number | null, funding: [string, string, number][]) => ({
    title,
    description: `${title}: ein Angebot des Testträgers für das Maßnahmenprogramm.`,
    providerId,
    fieldOfAction,
    districtIds: districts.map((d) => place[d]),
    startsOn,
    endsOn,
    participantsPerYear: participants,
    fundingLines: funding.map(([funderLevel, programme, amountPerYear]) => ({ funderLevel, programme, amountPerYear })),
  });
  return [
    m('A Deutschkurs Altstadt', 'sprache-bildung', ['Innenstadt'], '2011-01-01', '2011-12-31', 40, [['bund', 'Integrationskurse', 10_000]]),
    // Two Stadtteile of Kalk: one measure in one Stadtbezirk.
    m('B Sprachpaten Kalk', 'sprache-bildung', ['Humboldt/Gremberg', 'Vingst'], '2010-06-01', '2011-03-31', 25, [['land', 'KOMM-AN NRW', 5000], ['kommune', 'Integrationsbudget', 2500]]),
    // Two Stadtbezirke: in each of them, in the city's column once.
    m('C Lernwerkstatt am Rhein', 'sprache-bildung', ['Innenstadt', 'Mülheim'], '2011-09-01', null, 15, [['eu', 'AMIF', 20_000]]),
    m('D Migrationsberatung Innenstadt', 'beratung', ['Innenstadt'], '2005-01-01', null, null, [['stiftung', 'Bürgerstiftung', 3000]]),
    m('E Gesundheitstag Wahn', 'gesundheit', ['Wahn'], '2011-05-01', '2011-05-31', 12, [['eigenmittel', 'Eigenmittel', 800]]),
    m('F Deutschkurs 2012', 'sprache-bildung', ['Innenstadt'], '2012-01-01', '2012-12-31', 99, [['bund', 'Integrationskurse', 99_000]]),
    m('G Sprachkurs bis 2010', 'sprache-bildung', ['Kalk'], '2009-01-01', '2010-12-31', 99, [['land', 'KOMM-AN NRW', 99_000]]),
    m('H Sprachtreff Deutz', 'sprache-bildung', ['Deutz'], '2011-02-01', '2011-06-30', 8, [['kommune', 'Integrationsbudget', 1200]]),
  ];
}

beforeAll(async () => {
  [anna, david, carla] = await Promise.all([as('anna.schmidt'), as('david.mensah'), as('carla.nowak')]);
  const all = (await anna.get(`/api/districts?${listQuery({}, [0, 199])}`)).body as { id: string; name: string; kind: string }[];
  // Stadtbezirke last, so that "Kalk" is the Stadtbezirk, not its Stadtteil of the same name.
  place = Object.fromEntries([...all.filter((d) => d.kind === 'stadtteil'), ...all.filter((d) => d.kind === 'stadtbezirk')].map((d) => [d.name, d.id]));
  const provider = await anna.post('/api/providers', { name: `Testträger Maßnahmenprogramm ${Date.now().toString(36)}`, kind: 'freier-traeger' });
  expect(provider.status).toBe(201);
  for (const body of measures(provider.body.id as string)) {
    const reply = await anna.post('/api/measures', body);
    if (reply.status !== 201) throw new Error(`measure ${body.title}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
});

describe('starting the Maßnahmenprogramm', () => {
  it('refuses a year to come, a year before the first measure and a year that is no whole number, naming the field', async () => {
    const next = new Date().getFullYear() + 1;
    const future = await anna.post('/api/procedures', { type: 'measure-programme', input: { year: next } });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([{ path: 'input.year', message: `Das Jahr ${next} liegt in der Zukunft; berichtet werden kann bis ${next - 1}.` }]);
    const early = await anna.post('/api/procedures', { type: 'measure-programme', input: { year: 1990 } });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('input.year');
    expect(early.body.error.fields[0].message).toMatch(/^Das Jahr 1990 liegt vor der ersten erfassten Maßnahme \(ab \d{4}\)\.$/);
    for (const year of ['2011', 2011.5]) {
      const malformed = await anna.post('/api/procedures', { type: 'measure-programme', input: { year } });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.fields[0]).toMatchObject({ path: 'input.year', message: 'Bitte geben Sie das Jahr als vierstellige Zahl an, zum Beispiel 2026.' });
    }
    const doc = (await anna.get('/api/openapi.json')).body as unknown;
    expect(JSON.stringify(doc)).toContain('das Jahr liegt nicht in der Zukunft und nicht vor dem Beginn der ersten erfassten Maßnahme');
  });
});

describe('a year’s Maßnahmenprogramm', () => {
  it('evaluates the registry, is assessed, approved by another manager, published as PDF and mailed', async () => {
    const started = await david.post('/api/procedures', { type: 'measure-programme', input: { year: YEAR } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ id: procedureId });
    expect((await david.post('/api/procedures', { type: 'measure-programme', input: { year: YEAR } })).status).toBe(409);

    // The matrix by hand. Innenstadt: A, C, H in Sprache und Bildung (40 + 15 + 8), D in Beratung (no count);
    // Kalk: B (25); Mülheim: C (15); Porz: E (12). Sprache und Bildung in all: A, B, C, H once each = 88.
    const assessment = await openTask(david, procedureId, 'programm-kommentar');
    const figures = assessment.context.figures as Figures;
    expect(figures.measures).toBe(6);
    expect(figures.matrix.bezirke.map((b) => b.name)).toEqual(['Innenstadt', 'Rodenkirchen', 'Lindenthal', 'Ehrenfeld', 'Nippes', 'Chorweiler', 'Porz', 'Kalk', 'Mülheim']);
    const row = (field: string) => figures.matrix.rows.find((r) => r.fieldOfAction === field);
    const none = { measures: 0, participants: 0 };
    const c = (measures: number, participants: number) => ({ measures, participants });
    expect(row('sprache-bildung')).toMatchObject({ cells: [c(3, 63), none, none, none, none, none, none, c(1, 25), c(1, 15)], total: c(4, 88) });
    expect(row('beratung')).toMatchObject({ cells: [c(1, 0), none, none, none, none, none, none, none, none], total: c(1, 0) });
    expect(row('gesundheit')).toMatchObject({ cells: [none, none, none, none, none, none, c(1, 12), none, none], total: c(1, 12) });
    expect(figures.matrix.totals).toEqual([c(4, 63), none, none, none, none, none, c(1, 12), c(1, 25), c(1, 15)]);
    expect(figures.matrix.all).toEqual(c(6, 100));
    expect(figures.matrix.gaps).toBe(81 - 5);
    expect(figures.matrix.crowded).toEqual([
      { label: 'Sprache und Bildung', bezirk: 'Innenstadt', measures: ['A Deutschkurs Altstadt', 'C Lernwerkstatt am Rhein', 'H Sprachtreff Deutz'].map((title) => ({ title, providerName: expect.any(String) })) },
    ]);
    // Funding by level (EU, Bund, Land, Kommune, Stiftung, Eigenmittel): B's two lines, A's and H's in one field.
    expect(figures.funding.rows.find((r) => r.fieldOfAction === 'sprache-bildung')).toMatchObject({ amounts: [20_000, 10_000, 5000, 3700, 0, 0], total: 38_700 });
    expect(figures.funding.totals).toEqual([20_000, 10_000, 5000, 3700, 3000, 800]);
    expect(figures.funding.all).toBe(42_500);

    const summary = 'Sprachangebote ballen sich in der Innenstadt; in Chorweiler und Nippes fehlt jedes Angebot.';
    await complete(david, assessment, { summary });

    // Four-eyes: who started and assessed it does not approve it.
    const approval = await openTask(carla, procedureId, 'programm-freigabe');
    const own = await david.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('Vier-Augen-Prinzip');
    await complete(carla, approval, { decision: 'approve' });
    const done = await procedureWhen(anna, procedureId, 'completed', 120_000);
    expect(done.outcome).toBe(`Bericht ${YEAR} veröffentlicht und an 2 Empfänger versandt`);

    // Published in the console's list, as PDF with the matrix's numbers.
    const listed = await anna.get(`/api/measure-programme-reports?${listQuery({ year: YEAR })}`);
    expect(listed.status).toBe(200);
    const [report] = listed.body as { id: string; year: number; title: string; pdfSize: number }[];
    expect(report).toMatchObject({ year: YEAR, title: `Interkulturelles Maßnahmenprogramm ${YEAR}` });
    const { pdf, text } = await downloadedPdf(anna, `/api/measure-programme-reports/${report?.id}/pdf`, report?.pdfSize);
    for (const expected of [
      `Interkulturelles Maßnahmenprogramm ${YEAR}`,
      'freigegeben von Carla Nowak',
      summary,
      'Innenstadt Rodenkirchen Lindenthal Ehrenfeld Nippes Chorweiler Porz Kalk Mülheim Köln',
      'Sprache und Bildung 3 63 TN – – – – – – 1 25 TN 1 15 TN 4 88 TN',
      'Gesundheit – – – – – – 1 12 TN – – 1 12 TN',
      'Beratung 1 0 TN – – – – – – – – 1 0 TN',
      'Alle Handlungsfelder 4 63 TN – – – – – 1 12 TN 1 25 TN 1 15 TN 6 100 TN',
      '(76 Lücken)',
      'Sprache und Bildung in Innenstadt:',
      'Sprache und Bildung 20.000 € 10.000 € 5.000 € 3.700 € – – 38.700 €',
      'Alle Handlungsfelder 20.000 € 10.000 € 5.000 € 3.700 € 3.000 € 800 € 42.500 €',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('F Deutschkurs 2012');
    const html = await (await anna.fetch(`/api/measure-programme-reports/${report?.id}/html`)).text();
    expect(html.match(/<svg/g)?.length).toBe(2);

    // The recipients' mail, with the PDF attached.
    const subject = `Interkulturelles Maßnahmenprogramm ${YEAR}`;
    const mail = await eventually(async () => (await mailsAbout(subject)).find((m) => m.subject === subject), 30_000, 'the report mail');
    expect(mail.envelopeTo.sort()).toEqual([...RECIPIENTS].sort());
    expect(mail.text).toContain(summary);
    expect((mail as unknown as { attachments: unknown[] }).attachments).toEqual([{ filename: `Massnahmenprogramm-${YEAR}.pdf`, contentType: 'application/pdf', size: pdf.length }]);
  });
});

describe('a rejected assessment', () => {
  it('comes back to whoever assessed it, with the manager’s reason and the text as it was', async () => {
    // 2012: C and D run on, F runs that year.
    const id = `measure-programme-${YEAR + 1}`;
    expect((await anna.post('/api/procedures', { type: 'measure-programme', input: { year: YEAR + 1 } })).status).toBe(201);
    const first = await openTask(anna, id, 'programm-kommentar');
    expect((first.context.figures as Figures).measures).toBe(3);
    await complete(anna, first, { summary: 'Ein ruhiges Jahr ohne neue Angebote.' });
    const approval = await openTask(carla, id, 'programm-freigabe');
    const unexplained = await carla.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'reject' } });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.fields[0]).toMatchObject({ path: 'data.comment', message: 'Bitte begründen Sie die Ablehnung.' });
    await complete(carla, approval, { decision: 'reject', comment: 'Bitte die Lücke in Chorweiler nennen.' });
    const second = await openTask(anna, id, 'programm-kommentar');
    expect(second).toMatchObject({ title: 'Einschätzung überarbeiten (Runde 2)', assigneeId: first.assigneeId });
    expect(second.context).toMatchObject({ feedback: 'Bitte die Lücke in Chorweiler nennen.', previous: { summary: 'Ein ruhiges Jahr ohne neue Angebote.' } });
    // It waits there: the run's history is one of the recorded ones (npm run histories).
  });
});
