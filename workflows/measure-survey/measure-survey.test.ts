import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { admin, getPage, mailsAbout, submitAnswer, linkToken, type CaughtMail } from '../../tests/support/consultation';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import { complete, openTask, procedureWhen } from '../../tests/support/tasks';

// The providers' yearly survey on the real stack: started by its Temporal Schedule for the year
// that ended, one provider correcting a measure on the answer page, the others reminded and listed
// as unanswered, and the correction taken into the registry after the staff check.

const run = Date.now().toString(36);
const SCHEDULE = 'amtsflow-measure-survey';
const year = new Date().getFullYear() - 1;
const procedureId = `measure-survey-${year}`;
let anna: ApiClient;

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
});

async function mailTo(marker: string, address: string, prefix: string): Promise<CaughtMail> {
  return eventually(async () => (await mailsAbout(marker)).find((m) => m.subject.startsWith(prefix) && m.envelopeTo.includes(address)), 30_000, `${prefix} to ${address}`);
}

describe('Trägerabfrage', () => {
  it('asks every provider with a running measure, takes the checked corrections and lists who did not answer', async () => {
    const districts = (await anna.get(`/api/districts?${listQuery({ kind: 'stadtbezirk' })}`)).body as { id: string; name: string }[];
    const porz = (districts.find((d) => d.name === 'Porz') as { id: string }).id;
    const contact = `s.hoffmann.${run}@nachbarschaft-porz.localhost`;
    const provider = (await anna.post('/api/providers', {
      name: `Nachbarschaftsverein Porz ${run}`,
      kind: 'freier-traeger',
      contacts: [{ name: 'Sabine Hoffmann', role: 'Vorstand', email: contact, phone: null }],
      districtIds: [porz],
    })).body as { id: string; name: string };
    const measure = (await anna.post('/api/measures', {
      title: `Nähcafé für Frauen aus aller Welt ${run}`,
      description: 'Zweimal im Monat nähen und Deutsch sprechen.',
      providerId: provider.id,
      fieldOfAction: 'teilhabe-partizipation',
      targetGroups: ['frauen'],
      districtIds: [porz],
      startsOn: `${year}-03-01`,
      participantsPerYear: 10,
    })).body as { id: string; title: string };

    const client = await admin();
    expect((await client.post(`/api/schedules/${SCHEDULE}/trigger`)).status).toBe(200);
    const started = await procedureWhen(anna, procedureId, 'running');
    expect(started).toBeDefined();

    const marker = `Jährliche Abfrage der Integrationsmaßnahmen ${year}`;
    const request = await mailTo(marker, contact, 'Anfrage des Amts für Integration:');
    expect(request.text).toContain(`„${measure.title}“: Läuft die Maßnahme weiter?`);
    const page = await getPage(linkToken(request));
    expect(page.html).toContain(`<legend>„${measure.title}“: Läuft die Maßnahme weiter? – Pflichtangabe</legend>`);
    const missing = await submitAnswer(linkToken(request), { antwort: '', feld_m1_laeuft: 'nein' });
    expect(missing.status).toBe(400);
    expect(
      (
        await submitAnswer(linkToken(request), {
          antwort: 'Das Nähcafé ist im November ausgelaufen.',
          feld_m1_laeuft: 'nein',
          feld_m1_teilnehmende: '14',
          feld_m1_finanzierung: 'Zuletzt nur noch aus Spenden',
        })
      ).status,
    ).toBe(200);

    // The others are reminded before the deadline (the test stack: seconds), then staff check.
    await eventually(async () => {
      const reminders = (await mailsAbout(marker)).filter((m) => m.subject.startsWith('Erinnerung:'));
      return reminders.length > 0 ? reminders : undefined;
    }, 30_000, 'a reminder to a provider that has not answered');

    const check = await openTask(anna, procedureId, 'abfrage-pruefen', 60_000);
    const ours = (check.context.providers as { id: string; answered: boolean; answers: Record<string, unknown> }[]).find((p) => p.id === provider.id);
    expect(ours).toMatchObject({ answered: true, answers: { [measure.id]: { running: false, participants: 14, funding: 'Zuletzt nur noch aus Spenden' } } });
    const unanswered = check.context.unanswered as { name: string }[];
    expect(unanswered.length).toBeGreaterThan(0);
    expect(unanswered.map((p) => p.name)).not.toContain(provider.name);

    await complete(anna, check, { apply: [measure.id], note: 'Mit Frau Hoffmann telefonisch bestätigt' });
    const done = await procedureWhen(anna, procedureId, 'completed');
    expect(done.outcome).toMatch(/^Abgeschlossen: \d+ von \d+ Trägern haben geantwortet, 1 Maßnahme berichtigt$/);
    const corrected = (await anna.get(`/api/measures/${measure.id}`)).body as { participantsPerYear: number; endsOn: string | null };
    expect(corrected).toMatchObject({ participantsPerYear: 14, endsOn: `${year}-12-31` });
  }, 180_000);

  it('refuses a survey of a year that has not begun, naming the field', async () => {
    const future = await anna.post('/api/procedures', { type: 'measure-survey', input: { year: year + 2 } });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([{ path: 'input.year', message: 'Das Jahr hat noch nicht begonnen' }]);
  });
});
