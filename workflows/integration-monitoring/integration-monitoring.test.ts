import { quarterEndedBefore, quarterLabel, shiftQuarter } from './quarter';
import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import {
  admin,
  departmentByCode,
  departments,
  getPage,
  mailsAbout,
  requestMails,
  linkToken,
  submitAnswer,
  tagWithId,
  textOf,
  type Department,
} from '../../tests/support/consultation';
import { downloadedPdf } from '../../tests/support/pdf-text';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import { complete, openTask, procedureWhen } from '../../tests/support/tasks';

// Integrationsmonitoring on the real stack: the Temporal Schedule starts the quarter that has just
// ended (the seed holds the eight quarters before it), six departments report through their answer
// pages, staff clarify, comment, a manager approves, and the report goes out as PDF.

const SCHEDULE = 'amtsflow-integration-monitoring';
const RECIPIENTS = ['integrationsrat@stadt.localhost', 'amtsleitung@amtsflow.localhost'];
const quarter = quarterEndedBefore(new Date());
const label = quarterLabel(quarter);
const procedureId = `integration-monitoring-${quarter}`;

interface Indicator {
  id: string;
  key: string;
  name: string;
  unit: string;
  departmentId: string;
  direction: string;
  disaggregations: { key: string; label: string }[];
  plausibleMin: number | null;
  plausibleMax: number | null;
}
interface ComparisonRow {
  indicatorKey: string;
  disaggregation: string;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  source: string | null;
  comment: string | null;
  changePrevious: { absolute: number; percent: number | null; trend: string } | null;
  changeLastYear: { absolute: number; percent: number | null; trend: string } | null;
}

const as = (email: string) => ApiClient.as(`${email}@amtsflow.localhost`, DEMO_PASSWORD);
let depts: Department[];
let indicators: Indicator[];

// What each department reports this quarter, by answer field ("<indicator>__<breakdown>").
const reported: Record<string, Record<string, string>> = {
  SCHU: { schueler_mh_schulform__gymnasium: '36,4', schueler_mh_schulform__realschule: '46,5', schueler_mh_schulform__gesamtschule: '57,9' },
  // The counselling share stays empty: a missing value.
  JUGA: { kita_quote_u3__mit_mh: '27,1', kita_quote_u3__ohne_mh: '47,0' },
  VHS: {
    sprachkurs_teilnahme__unter_25: '731',
    sprachkurs_teilnahme__von_25_bis_49: '1650',
    sprachkurs_teilnahme__ab_50: '370',
    // Above the plausible 85 %: taken only with a comment.
    sprachkurs_abschluss_b1__gesamt: '91',
  },
  ORDA: { einbuergerungen__gesamt: '1290', wartezeit_abh__gesamt: '22', integrationsrat_wahl__gesamt: '13,2' },
  PERS: { personal_mh__beschaeftigte: '17,0', personal_mh__auszubildende: '34,1' },
  KULT: { kultur_besuche_mh__museen: '20,6', kultur_besuche_mh__buehnen: '14,5' },
};

function form(values: Record<string, string>, comments: Record<string, string> = {}): Record<string, string> {
  return {
    antwort: '',
    ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`feld_${k}`, v])),
    ...Object.fromEntries(Object.entries(comments).map(([k, v]) => [`kommentar_${k}`, v])),
  };
}

beforeAll(async () => {
  depts = await departments(await admin());
  indicators = (await (await admin()).get(`/api/indicators?${listQuery({}, [0, 99], ['key', 'ASC'])}`)).body as Indicator[];
});

describe('indicators as master data', () => {
  it('lists the seeded indicators with owner, direction, breakdowns and plausible range', async () => {
    const anna = await as('anna.schmidt');
    const reply = await anna.get(`/api/indicators?${listQuery({ active: true }, [0, 4], ['key', 'ASC'])}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-range')).toMatch(/^indicators 0-4\/10$/);
    const kita = indicators.find((i) => i.key === 'kita_quote_u3');
    expect(kita).toMatchObject({
      name: 'Betreuungsquote der unter Dreijährigen',
      unit: '%',
      direction: 'higher_better',
      departmentId: departmentByCode(depts, 'JUGA').id,
      disaggregations: [
        { key: 'mit_mh', label: 'mit Migrationshintergrund' },
        { key: 'ohne_mh', label: 'ohne Migrationshintergrund' },
      ],
      plausibleMin: 10,
      plausibleMax: 70,
    });
    expect(indicators.find((i) => i.key === 'wartezeit_abh')?.direction).toBe('lower_better');
  });

  it('gives each indicator its time series: the eight quarters before the current one, per breakdown', async () => {
    const kita = indicators.find((i) => i.key === 'kita_quote_u3') as Indicator;
    const series = (await (await as('anna.schmidt')).get(`/api/indicators/${kita.id}/values?disaggregation=mit_mh`)).body as { quarter: string; value: number; source: string }[];
    expect(series.map((p) => p.quarter)).toEqual(Array.from({ length: 8 }, (_, i) => shiftQuarter(quarter, i - 8)));
    expect(series.at(-1)).toMatchObject({ value: 26.4, source: 'seed' });
  });

  it('lets only admins write, and names the field of bad input', async () => {
    const anna = await as('anna.schmidt');
    const body = { key: 'test_indikator', name: 'Testindikator', unit: '%', departmentId: departmentByCode(depts, 'SOZ').id, direction: 'higher_better' };
    expect((await anna.post('/api/indicators', body)).status).toBe(403);
    const bad = await (await admin()).post('/api/indicators', { ...body, key: 'Test__X', plausibleMin: 50, plausibleMax: 10 });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(paths).toEqual(['body.key', 'body.plausibleMax']);
    const unknownDept = await (await admin()).post('/api/indicators', { ...body, departmentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownDept.status).toBe(400);
    expect(unknownDept.body.error.fields[0].path).toBe('body.departmentId');
    // Inactive: the quarter's run below does not ask for it.
    const created = await (await admin()).post('/api/indicators', { ...body, active: false, disaggregations: [{ key: 'frauen', label: 'Frauen' }] });
    expect(created.status).toBe(201);
    expect((await (await admin()).post('/api/indicators', { ...body, active: false })).status).toBe(409);
  });
});

describe('the quarterly schedule', () => {
  it('starts the monitoring of the quarter just ended, and a second trigger starts nothing more', async () => {
    const client = await admin();
    const listed = ((await client.get('/api/schedules')).body as { id: string; cron: string | null; paused: boolean; nextRunAt: string | null }[]).find((s) => s.id === SCHEDULE);
    expect(listed).toMatchObject({ cron: '0 6 5 1,4,7,10 *', paused: false });
    expect(listed?.nextRunAt).not.toBeNull();

    const before = ((await client.get(`/api/schedules/${SCHEDULE}`)).body as { runs: number }).runs;
    expect((await client.post(`/api/schedules/${SCHEDULE}/trigger`)).status).toBe(200);
    const started = await eventually(async () => {
      const reply = await client.get(`/api/procedures/${procedureId}`);
      return reply.status === 200 ? (reply.body as { title: string; startedBy: string | null; status: string; type: string }) : undefined;
    }, 30_000, `the procedure ${procedureId}`);
    expect(started).toMatchObject({ title: `Integrationsmonitoring ${label}`, startedBy: null, status: 'running', type: 'integration-monitoring' });

    // A trigger while the first run is still finishing is skipped (no overlapping runs): trigger until one is taken.
    const second = await eventually(async () => {
      const s = (await client.get(`/api/schedules/${SCHEDULE}`)).body as { runs: number; lastWorkflowId: string };
      if (s.runs >= before + 2) return s;
      await client.post(`/api/schedules/${SCHEDULE}/trigger`);
      await new Promise((r) => setTimeout(r, 500));
      return undefined;
    }, 30_000, 'the second scheduled run');
    // It has run (and ended) before the procedure list is read.
    await new Promise((r) => setTimeout(r, 1000));
    expect(second.lastWorkflowId).not.toBe(procedureId);
    const runs = (await client.get(`/api/procedures?${listQuery({ type: 'integration-monitoring' })}`)).body as { id: string }[];
    expect(runs.map((r) => r.id)).toEqual([procedureId]);
    // The Protokoll of a procedure has its parts too (the consultation for the values): one start each.
    const audit = (await client.get(`/api/audit?${listQuery({ procedureId, action: 'procedure.started' })}`)).body as { entityId: string }[];
    expect(audit.map((a) => a.entityId).sort()).toEqual([procedureId, `${procedureId}.werte`]);
  });

  it('refuses a second run of the same quarter by hand (409), and a quarter that has not ended (400)', async () => {
    const anna = await as('anna.schmidt');
    const again = await anna.post('/api/procedures', { type: 'integration-monitoring', input: { quarter } });
    expect(again.status).toBe(409);
    const future = await anna.post('/api/procedures', { type: 'integration-monitoring', input: { quarter: shiftQuarter(quarter, 1) } });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0]).toMatchObject({ path: 'input.quarter', message: 'Das Quartal ist noch nicht abgeschlossen' });
    const malformed = await anna.post('/api/procedures', { type: 'integration-monitoring', input: { quarter: '2026-Q5' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('input.quarter');
  });
});

describe('a full quarter', () => {
  it('collects, clarifies, compares, comments, approves, publishes and mails the report', async () => {
    const asked = ['SCHU', 'JUGA', 'VHS', 'ORDA', 'PERS', 'KULT'].map((c) => departmentByCode(depts, c));
    const mails = await requestMails(`Integrationsmonitoring ${label}`, asked);
    const token = (code: string) => linkToken(mails.get(departmentByCode(depts, code).id) as never);

    // Each department sees its own indicators, with the plausible range and a comment field.
    const schuPage = await getPage(token('SCHU'));
    expect(schuPage.status).toBe(200);
    expect(schuPage.html).toContain('Anteil Schüler/-innen mit Migrationshintergrund nach Schulform – Gymnasium (%)');
    expect(schuPage.html).not.toContain('Einbürgerungen');
    expect(tagWithId(schuPage.html, 'feld-schueler_mh_schulform__gymnasium-kommentar')).toBeDefined();
    expect(textOf(schuPage.html, 'feld-schueler_mh_schulform__gymnasium-kommentar-hinweis')).toContain('Üblich sind Werte 10 bis 80');
    expect((await submitAnswer(token('SCHU'), form(reported.SCHU as Record<string, string>))).status).toBe(200);

    // The VHS reports 91 % (plausible: up to 85 %): refused without a comment, taken with one.
    const vhsRefused = await submitAnswer(token('VHS'), form(reported.VHS as Record<string, string>));
    expect(vhsRefused.status).toBe(400);
    expect(textOf(vhsRefused.html, 'feld-sprachkurs_abschluss_b1__gesamt-kommentar-fehler')).toContain('außerhalb des üblichen Bereichs (40 bis 85)');
    const vhsComment = 'Neue Prüfungsform seit diesem Quartal, nur Wiederholer/-innen mit Vorbereitungskurs';
    expect((await submitAnswer(token('VHS'), form(reported.VHS as Record<string, string>, { sprachkurs_abschluss_b1__gesamt: vhsComment }))).status).toBe(200);

    for (const code of ['JUGA', 'ORDA', 'PERS', 'KULT']) {
      expect((await submitAnswer(token(code), form(reported[code] as Record<string, string>))).status).toBe(200);
    }

    // Staff clarify what is missing and what is implausible.
    const anna = await as('anna.schmidt');
    const clarification = await openTask(anna, procedureId, 'monitoring-klaerung', 60_000);
    const open = clarification.context.open as { field: string; reason: string; reported: number | null; departmentComment: string | null }[];
    expect(open.map((f) => [f.field, f.reason]).sort()).toEqual([
      ['erziehungsberatung_mh__gesamt', 'missing'],
      ['sprachkurs_abschluss_b1__gesamt', 'out_of_range'],
    ]);
    expect(open.find((f) => f.reason === 'out_of_range')).toMatchObject({ reported: 91, departmentComment: vhsComment });
    const partial = await anna.post(`/api/tasks/${clarification.id}/complete`, {
      data: { values: { sprachkurs_abschluss_b1__gesamt: { value: 91, comment: 'Mit der VHS geklärt: Wert stimmt' } } },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['data.values.erziehungsberatung_mh__gesamt']);
    await complete(anna, clarification, {
      values: {
        sprachkurs_abschluss_b1__gesamt: { value: 91, comment: 'Mit der VHS geklärt: Wert stimmt' },
        erziehungsberatung_mh__gesamt: { value: 32, comment: 'Telefonisch beim Jugendamt erfragt' },
      },
    });

    // The comparison, against numbers worked out by hand from the seeded quarters.
    const david = await as('david.mensah');
    const commentTask = await openTask(david, procedureId, 'monitoring-kommentar');
    const rows = commentTask.context.comparison as ComparisonRow[];
    const row = (key: string, d: string) => rows.find((r) => r.indicatorKey === key && r.disaggregation === d) as ComparisonRow;
    expect(row('schueler_mh_schulform', 'gymnasium')).toMatchObject({
      value: 36.4,
      previous: 35.8,
      lastYear: 34.6,
      changePrevious: { absolute: 0.6, percent: 1.7, trend: 'improving' }, // 0,6 / 35,8 = 1,68 %
      changeLastYear: { absolute: 1.8, percent: 5.2, trend: 'improving' }, // 1,8 / 34,6 = 5,20 %
    });
    // Fewer days of waiting is better: a fall is an improvement.
    expect(row('wartezeit_abh', 'gesamt')).toMatchObject({
      value: 22,
      changePrevious: { absolute: -2, percent: -8.3, trend: 'improving' }, // 2 / 24
      changeLastYear: { absolute: -5, percent: -18.5, trend: 'improving' }, // 5 / 27
    });
    expect(row('einbuergerungen', 'gesamt')).toMatchObject({
      changePrevious: { absolute: -120, percent: -8.5, trend: 'worsening' }, // 120 / 1410
      changeLastYear: { absolute: 54, percent: 4.4, trend: 'improving' }, // 54 / 1236
    });
    expect(row('integrationsrat_wahl', 'gesamt').changePrevious).toMatchObject({ absolute: 0, percent: 0, trend: 'unchanged' });
    expect(row('erziehungsberatung_mh', 'gesamt')).toMatchObject({ value: 32, source: 'clarification', changePrevious: { absolute: 0.5, percent: 1.6 } });
    expect(row('sprachkurs_abschluss_b1', 'gesamt')).toMatchObject({ value: 91, changePrevious: { absolute: 28.5, percent: 45.6 } });
    expect(rows.some((r) => r.indicatorKey === 'test_indikator')).toBe(false);

    const badComment = await david.post(`/api/tasks/${commentTask.id}/complete`, { data: { summary: 'Ein gutes Quartal insgesamt.', comments: { unbekannt: 'x' } } });
    expect(badComment.status).toBe(400);
    expect(badComment.body.error.fields[0].path).toBe('data.comments.unbekannt');
    const summary = 'Die Teilhabe wächst in fast allen Feldern; die Einbürgerungen gehen nach einem Rekordquartal zurück.';
    await complete(david, commentTask, { summary, comments: { wartezeit_abh: 'Online-Terminvergabe seit Jahresbeginn wirkt.' } });

    // Four-eyes: who commented does not approve.
    const approval = await openTask(david, procedureId, 'monitoring-freigabe');
    const own = await david.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(own.status).toBe(403);
    await complete(await as('carla.nowak'), approval, { decision: 'approve' });
    const done = await procedureWhen(anna, procedureId, 'completed', 120_000);
    expect(done.outcome).toBe(`Bericht ${label} veröffentlicht und an 2 Empfänger versandt`);

    // The published report, as PDF with the indicators' names and values.
    const [report] = (await anna.get(`/api/monitoring-reports?${listQuery({ quarter })}`)).body as { id: string; title: string; pdfSize: number }[];
    expect(report).toMatchObject({ title: `Integrationsmonitoring ${label}` });
    const { pdf, text } = await downloadedPdf(anna, `/api/monitoring-reports/${report?.id}/pdf`, report?.pdfSize);
    for (const expected of [
      `Integrationsmonitoring – ${label}`,
      'Einbürgerungen',
      'Wartezeit auf einen Termin bei der Ausländerbehörde',
      'Betreuungsquote der unter Dreijährigen',
      'Erfolgsquote Deutsch-Test für Zuwanderer (B1)',
      '36,4 %',
      '1.290',
      '+0,6 Pp. (+1,7 %)',
      'Online-Terminvergabe seit Jahresbeginn wirkt.',
      'Telefonisch beim Jugendamt erfragt',
      'freigegeben von Carla Nowak',
    ]) {
      expect(text).toContain(expected);
    }
    const html = await (await anna.fetch(`/api/monitoring-reports/${report?.id}/html`)).text();
    expect(html.match(/<svg/g)?.length).toBe(10);

    // The recipients' mail, with the PDF attached.
    const mail = await eventually(async () => (await mailsAbout(`Integrationsmonitoring ${label}`)).find((m) => m.subject === `Integrationsmonitoring ${label}`), 30_000, 'the report mail');
    expect(mail.envelopeTo.sort()).toEqual([...RECIPIENTS].sort());
    expect((mail as unknown as { attachments: unknown[] }).attachments).toEqual([
      { filename: `Integrationsmonitoring-${quarter}.pdf`, contentType: 'application/pdf', size: pdf.length },
    ]);

    // The clarified value is the quarter's value in the indicator's series.
    const counselling = indicators.find((i) => i.key === 'erziehungsberatung_mh') as Indicator;
    const series = (await anna.get(`/api/indicators/${counselling.id}/values`)).body as { quarter: string; value: number; source: string; comment: string }[];
    expect(series.at(-1)).toMatchObject({ quarter, value: 32, source: 'clarification', comment: 'Telefonisch beim Jugendamt erfragt' });
  });
});
