import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from '../../tests/support/browser';
import { ApiClient, listQuery } from '../../tests/support/client';
import { filtered, findRow, go } from '../../tests/support/console-pages';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';

// The register's pages in headless Chromium: a clerk records an organisation, adds a contact person,
// records what the person agreed to and withdraws it again when the person calls.

const run = Date.now().toString(36);
let browser: Browser;
let context: BrowserContext;
let anna: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  anna = await loginAs(context, 'anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the organisations register in the console', () => {
  it('shows a demo organisation with its contacts and their consents', async () => {
    const row = await findRow(anna, filtered('/organisations', { q: 'Yeni Umut' }), 'Yeni Umut Kültür Derneği e. V.');
    await screenshots(anna, 'organisations');
    await row.click();
    await anna.getByRole('heading', { level: 1, name: 'Yeni Umut Kültür Derneği e. V.' }).waitFor();
    const ayse = anna.getByRole('article', { name: 'Ayşe Kaya' });
    await ayse.getByText('Sprache für Post: Türkisch').waitFor();
    await ayse.getByText('Einladungen zu Veranstaltungen').waitFor();
    expect(await anna.getByText('Türkisch, Deutsch').count()).toBe(1);
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'organisation');
  });

  it('records an organisation, a contact and a consent, and withdraws the consent', async () => {
    const name = `Frauenverein Zeitgeist ${run}`;
    await go(anna, '/organisations/create');
    await anna.getByLabel('Name').fill(name);
    await anna.getByRole('button', { name: 'Speichern' }).click();
    await anna.getByRole('heading', { level: 1, name }).waitFor();

    await anna.getByRole('link', { name: 'Ansprechperson hinzufügen' }).click();
    await anna.getByLabel('Name').fill('Dilan Acar');
    await anna.getByLabel('E-Mail').fill(`dilan.${run}@zeitgeist.example`);
    await anna.getByLabel('Sprache für Post').fill('Kurdisch (Kurm');
    await anna.getByRole('option', { name: 'Kurdisch (Kurmandschi)' }).click();
    await anna.getByRole('button', { name: 'Speichern' }).click();
    await anna.getByRole('heading', { level: 1, name }).waitFor();

    const dilan = anna.getByRole('article', { name: 'Dilan Acar' });
    await dilan.getByText('Keine Einwilligung erfasst').waitFor();
    await dilan.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const dialog = anna.getByRole('dialog', { name: 'Einwilligung erfassen: Dilan Acar' });
    // A day in the future is the API's refusal, shown beside the field.
    await dialog.getByLabel('Erteilt am').fill('2999-01-01');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Eine Einwilligung kann nicht in der Zukunft erteilt sein').waitFor();
    await dialog.getByLabel('Erteilt am').fill('2026-11-30');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dilan.getByText('Informationen und mehrsprachige Informationskampagnen des Amts für Integration').waitFor();
    await dilan.getByText('besteht seit 30.11.2026 (schriftlich)').waitFor();

    await dilan.getByRole('button', { name: 'Widerrufen' }).click();
    await anna.getByRole('dialog', { name: 'Einwilligung widerrufen?' }).getByRole('button', { name: 'Bestätigen' }).click();
    await dilan.getByText(/widerrufen am .* über eine Mitteilung an das Amt/).waitFor();
    await screenshots(anna, 'organisation-consent');

    const api = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
    const [contact] = (await api.get(`/api/organisation-contacts?${listQuery({ q: 'Dilan Acar' })}`)).body as { id: string; language: string }[];
    expect(contact?.language).toBe('kmr');
    const consents = (await api.get(`/api/contact-consents?${listQuery({ contactId: contact?.id })}`)).body as { givenOn: string; withdrawnHow: string }[];
    expect(consents).toEqual([expect.objectContaining({ givenOn: '2026-11-30', withdrawnHow: 'mitarbeitende' })]);
  });

  it('lists the translators by language', async () => {
    const row = await findRow(anna, filtered('/translators', { language: 'ar' }), 'Huda Al-Rashid');
    expect(await row.textContent()).toContain('Arabisch, Kurdisch (Sorani)');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'translators');
  });
});
