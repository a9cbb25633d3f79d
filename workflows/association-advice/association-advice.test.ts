import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { closeDb, createDb, type Db } from '../../db/client';
import { mailbox } from '../../db/schema';
import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { mailsAbout, type CaughtMail } from '../../tests/support/consultation';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';
import { complete, openTask, procedureWhen } from '../../tests/support/tasks';

// The Vereinsberatung on the real stack: a request by the public form (no login), its confirmation
// mail, the appointment booked by an advisor and sent with its calendar entry over SMTP, the note
// proposing a funding call the register holds, and the case closed; the organisation's cases and
// the count per month. Bad input is a page naming each field, never a 500.

const run = Date.now().toString(36);
const organisationName = `Eritreischer Kulturverein ${run}`;
const email = `senait.${run}@kulturverein.localhost`;
let anna: ApiClient;
let db: Db;

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  db = createDb(testStack().databaseUrl, { max: 2 });
});
afterAll(() => closeDb(db));

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return fetch(`${testStack().url}/beratung`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
};

async function mailTo(subjectStart: string): Promise<CaughtMail> {
  return eventually(async () => (await mailsAbout(run)).find((m) => m.envelopeTo.includes(email) && m.subject.startsWith(subjectStart)), 30_000, `${subjectStart} to ${email}`);
}

describe('Vereinsberatung', () => {
  it('takes a request by the public form, invites with a calendar entry, proposes a funding call and closes the case', async () => {
    const call = await anna.post('/api/funding-calls', {
      source: 'land-nrw',
      funder: 'Land Nordrhein-Westfalen',
      title: `Strukturförderung für Migrantenselbstorganisationen ${run}`,
      summary: 'Zuschüsse für Vereine, die ihre Strukturen aufbauen.',
      topics: ['Verein', 'Ehrenamt'],
      submissionDeadline: new Date(Date.now() + 60 * 86_400_000).toISOString(),
      link: `https://foerderung.example.org/struktur-${run}`,
    });
    expect(call.status).toBe(201);

    const shown = await fetch(`${testStack().url}/beratung`);
    const html = await shown.text();
    expect(shown.status).toBe(200);
    expect(html).toContain('<h1>Vereinsberatung anfragen</h1>');
    const nonce = /name="formular" value="([0-9a-f]{32})"/.exec(html)?.[1] as string;

    // Sent empty: each field's German sentence, linked from the list above the form.
    const empty = await form({ formular: nonce });
    const refused = await empty.text();
    expect(empty.status).toBe(400);
    for (const said of ['Bitte wählen Sie die Organisation oder geben Sie ihren Namen ein.', 'Bitte geben Sie den Namen der Ansprechperson ein.', 'Bitte wählen Sie mindestens ein Thema.', 'Bitte beschreiben Sie Ihr Anliegen.']) {
      expect(refused).toContain(said);
    }
    expect(refused).toContain('href="#feld-contactName"');

    const request = {
      formular: nonce,
      organisationName,
      contactName: 'Senait Tesfay',
      email,
      phone: '0221 123456',
      topics: ['gruendung', 'foerdermittel'],
      request: 'Wir sind eine Gruppe von 12 Frauen und möchten einen eingetragenen Verein gründen.',
    };
    const sent = await form(request);
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Vielen Dank, Ihre Anfrage ist eingegangen');
    // The double click: the same form again is the same case.
    expect((await form(request)).status).toBe(200);
    const cases = await eventually(async () => {
      const found = (await anna.get(`/api/advice-cases?${listQuery({ q: organisationName })}`)).body as { id: string; channel: string; status: string }[];
      return found.length > 0 ? found : undefined;
    }, 30_000, 'the case of the request');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ channel: 'formular', status: 'running' });
    const procedureId = cases[0]?.id as string;

    const confirmation = await mailTo('Ihre Anfrage zur Vereinsberatung');
    expect(confirmation.text).toContain('Wir sind eine Gruppe von 12 Frauen');

    const booking = await openTask(anna, procedureId, 'beratung-termin');
    expect(booking.context).toMatchObject({ organisationName, contactName: 'Senait Tesfay', topics: ['gruendung', 'foerdermittel'] });
    const past = await anna.post(`/api/tasks/${booking.id}/complete`, { data: { startsAt: '2020-01-01T09:00:00Z', durationMinutes: 60, mode: 'vor-ort', place: 'Raum 3.12' } });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'data.startsAt', message: 'Der Termin muss in der Zukunft liegen.' })]));
    const startsAt = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
    await complete(anna, booking, { startsAt: startsAt.toISOString(), durationMinutes: 90, mode: 'vor-ort', place: 'Amt für Integration, Kalker Hauptstraße 247, Raum 3.12' });

    // The invitation as it went over SMTP: its calendar entry at the appointment's time.
    const invitation = await mailTo('Einladung zur Vereinsberatung');
    expect(invitation.text).toContain('Kalker Hauptstraße 247');
    const [raw] = await db.select({ raw: mailbox.raw }).from(mailbox).where(eq(mailbox.messageId, invitation.messageId));
    const parsed = await simpleParser(raw?.raw as Buffer);
    const ics = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics?.filename).toBe('Einladung.ics');
    const calendar = ics?.content.toString('utf8') ?? '';
    const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(calendar).toContain('METHOD:PUBLISH');
    expect(calendar).toContain(`DTSTART:${stamp(startsAt)}`);
    expect(calendar).toContain(`DTEND:${stamp(new Date(startsAt.getTime() + 90 * 60_000))}`);
    expect(calendar).toContain(`SUMMARY:Vereinsberatung: ${organisationName}`);

    // The note: the register's call suits (founding, "Verein"); proposing it mails it to the organisation.
    const note = await openTask(anna, procedureId, 'beratung-vermerk');
    const suiting = note.context.calls as { id: string; matched: string[] }[];
    expect(suiting.find((c) => c.id === call.body.id)?.matched).toEqual(expect.arrayContaining(['verein', 'ehrenamt']));
    await complete(anna, note, { note: 'Gründung besprochen; Mustersatzung mitgegeben.', proposedCallIds: [call.body.id], next: 'wiedervorlage', followUp: '2s' });
    const proposals = await mailTo('Förderaufrufe für');
    expect(proposals.text).toContain(`Strukturförderung für Migrantenselbstorganisationen ${run} (Land Nordrhein-Westfalen), Frist`);

    // The follow-up comes on its day (the test: two seconds), to the same advisor.
    const followUp = await openTask(anna, procedureId, 'beratung-vermerk', 30_000);
    expect(followUp.title).toBe(`Bei „${organisationName}“ nachfassen`);
    expect(followUp.assigneeId).toBe(((await anna.get('/api/auth/me')).body as { id: string }).id);
    await complete(anna, followUp, { note: 'Satzung beschlossen, Eintragung beantragt.', next: 'abschliessen', outcome: 'satzung-erstellt' });
    const done = await procedureWhen(anna, procedureId, 'completed');
    expect(done.outcome).toBe('Abgeschlossen: Satzung erstellt');

    const kase = (await anna.get(`/api/advice-cases/${procedureId}`)).body as Record<string, unknown>;
    expect(kase).toMatchObject({ outcome: 'satzung-erstellt', appointments: 1, proposals: 1, proposedCalls: [expect.objectContaining({ id: call.body.id })] });
    const notes = (await anna.get(`/api/procedures/${encodeURIComponent(procedureId)}/notes`)).body as { text: string }[];
    expect(notes.map((n) => n.text)).toEqual(['Gründung besprochen; Mustersatzung mitgegeben.', 'Satzung beschlossen, Eintragung beantragt.']);
    // The proposals mail went once, for the call's first proposal.
    expect((await mailsAbout(run)).filter((m) => m.envelopeTo.includes(email) && m.subject.startsWith('Förderaufrufe für'))).toHaveLength(1);
    const month = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' }).slice(0, 7);
    const perMonth = (await anna.get('/api/advice-cases-per-month')).body as { month: string; opened: number; closed: number; byOutcome: Record<string, number> }[];
    expect(perMonth).toHaveLength(12);
    expect(perMonth.at(-1)).toMatchObject({ month });
    expect(perMonth.at(-1)?.closed).toBeGreaterThanOrEqual(1);
    expect(perMonth.at(-1)?.byOutcome['satzung-erstellt']).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('refuses a malformed request as a page, and a bad month or case as a 400 or 404', async () => {
    const nul = await form({ organisationName: 'Verein\u0000', contactName: 'A B', email: 'kein-mail', topics: 'unbekannt', request: 'x' });
    expect(nul.status).toBe(400);
    const page = await nul.text();
    expect(page).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(page).not.toContain('\u0000');
    expect(page).toContain('value="Verein"');
    expect((await anna.get('/api/advice-cases-per-month?until=2026-13')).status).toBe(400);
    expect((await anna.get('/api/advice-cases/kein-fall')).status).toBe(404);
  });
});
