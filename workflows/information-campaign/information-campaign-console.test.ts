import type { Page } from 'playwright-core';
import { accessibilityViolations, screenshots, signedIn } from '../../tests/support/browser';
import { ApiClient, eventually } from '../../tests/support/client';
import { filtered, findRow, go, procedureIdOf } from '../../tests/support/console-pages';
import { linkToken, mailsAbout, submitAnswer, type CaughtMail } from '../../tests/support/consultation';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import { openTask } from '../../tests/support/tasks';

// The Informationskampagne in headless Chromium: started from its start form (a translation row
// whose translators are those of the chosen language), the translation checked beside its German
// source in its own script direction, and the campaign's page with its flyers and reach for the
// manager; each page without WCAG 2.1 AA violations.

const run = Date.now().toString(36);
const title = `Vorsorge für Kinder ${run}`;
const translatorName = `Hatice Arslan ${run}`;
const organisationName = `Türkischer Elternverein Mülheim ${run}`;
let api: ApiClient;
let people: Awaited<ReturnType<typeof signedIn>> | undefined;
let anna: Page;
let carla: Page;

beforeAll(async () => {
  api = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  expect((await api.post('/api/translators', { name: translatorName, email: `hatice.${run}@sprachmittlung.localhost`, languages: ['tr'] })).status).toBe(201);
  const organisation = await api.post('/api/organisations', { name: organisationName, kind: 'elternverein', communities: ['Türkische Community'] });
  const contact = await api.post('/api/organisation-contacts', { organisationId: organisation.body.id, name: 'Zeynep Kaya', email: `zeynep.${run}@elternverein.localhost`, language: 'tr' });
  expect((await api.post('/api/contact-consents', { contactId: contact.body.id, purpose: 'informationskampagnen', givenOn: '2026-11-02', givenHow: 'formular' })).status).toBe(201);
  people = await signedIn(DEMO_PASSWORD, 'anna.schmidt@amtsflow.localhost', 'carla.nowak@amtsflow.localhost');
  [anna, carla] = people.pages as [Page, Page];
});

afterAll(() => people?.close());

async function choose(page: Page, label: string, typed: string, option: string): Promise<void> {
  await page.getByLabel(label).fill(typed);
  await page.getByRole('option', { name: option }).click();
}

describe('the Informationskampagne in the console', () => {
  it('is started from its form, its translation checked beside the source, and followed on its page', async () => {
    await go(anna, '/procedures/create');
    await anna.getByRole('radio', { name: 'Informationskampagne' }).check();
    await choose(anna, 'Anliegen der Dienststelle', 'Gesundheits', 'Gesundheitsamt');
    await anna.getByLabel('Titel').fill(title);
    await anna.getByLabel('Text der Information').fill('Die Vorsorgeuntersuchungen U1 bis U9 sind für alle Kinder kostenlos. Die Kinderarztpraxis vereinbart den Termin.');
    await anna.getByRole('button', { name: 'Hinzufügen' }).click();
    await anna.getByLabel('Sprache', { exact: true }).click();
    await anna.getByRole('option', { name: 'Türkisch' }).click();
    await choose(anna, 'Sprachmittlung', 'Hatice', translatorName);
    await choose(anna, 'Organisationen', 'Elternverein Mülheim', organisationName);
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'campaign-start');
    await anna.getByRole('button', { name: 'Vorgang starten' }).click();
    await anna.waitForURL(/#\/procedures\/.+\/show/);
    const procedureId = procedureIdOf(anna);

    const request = await eventually(async () => (await mailsAbout(`Übersetzung: ${title}`)).find((m) => m.subject.startsWith('Anfrage')), 30_000, 'the translation request');
    const reply = await submitAnswer(linkToken(request as CaughtMail), {
      antwort: '',
      feld_titel_tr: `Çocuklar için muayene ${run}`,
      feld_text_tr: 'U1 ile U9 arasındaki muayeneler tüm çocuklar için ücretsizdir.',
      feld_anschreiben_tr: 'Merhaba, lütfen bu bilgiyi paylaşın.',
    });
    expect(reply.status).toBe(200);

    // By its id: in a full run Anna's list holds many tasks, this one perhaps beyond the first page.
    await go(anna, `/tasks/${(await openTask(api, procedureId, 'uebersetzung-pruefen', 60_000)).id}/show`);
    await anna.getByRole('heading', { name: 'Übersetzung ins Türkische prüfen' }).first().waitFor();
    const translated = anna.locator('[lang="tr"]', { hasText: 'U1 ile U9 arasındaki muayeneler' });
    await translated.waitFor();
    expect(await translated.getAttribute('dir')).toBe('ltr');
    await anna.locator('p[lang="de"]', { hasText: 'Die Vorsorgeuntersuchungen U1 bis U9' }).waitFor();
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'campaign-translation-check');
    await anna.getByLabel('Freigeben').check();
    await anna.getByRole('button', { name: 'Erledigen' }).click();
    await anna.getByText('Erledigt.', { exact: false }).first().waitFor({ timeout: 60_000 });

    // The manager's page: the flyers to download and the reach as it grows.
    const row = await findRow(carla, filtered('/information-campaigns', { q: title }), title, 60_000);
    await row.click();
    await carla.getByRole('heading', { level: 1, name: title }).waitFor();
    const flyer = carla.getByRole('link', { name: 'Faltblatt auf Türkisch herunterladen' });
    await flyer.waitFor();
    expect(await flyer.getAttribute('href')).toBe(`/api/information-campaigns/${encodeURIComponent(procedureId)}/flyers/tr`);
    await carla.getByRole('region', { name: 'Nach Sprache' }).getByRole('cell', { name: 'Türkisch' }).waitFor();
    await carla.getByText(/Angeschrieben, ohne Rückmeldung: Türkischer Elternverein Mülheim/).waitFor();
    expect(await accessibilityViolations(carla)).toEqual([]);
    await screenshots(carla, 'campaign-page');
  });
});
