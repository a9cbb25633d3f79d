import type { Browser, BrowserContext, Page } from 'playwright-core';
import { deadlineAfter } from '../calendar/business-days';
import { germanDateTime } from '../calendar/german-date';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from './support/browser';
import { ApiClient, eventually } from './support/client';
import { fieldMessage, go, procedureIdOf } from './support/console-pages';
import { departments, requestMails } from './support/consultation';
import { DEMO_PASSWORD } from './support/stack-env';

// Forms people fill in without a manual, in headless Chromium against the real stack: a start form
// sent empty says in German sentences beside each field what is missing; a deadline is a number with
// a unit (or a day), and ends at the end of the office day; the structured answer waits behind an
// expander that explains it; the English console says the English twin.

const staffEmail = 'anna.schmidt@amtsflow.localhost';
const run = Date.now().toString(36);

let browser: Browser;
let context: BrowserContext;
let staff: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  staff = await loginAs(context, staffEmail, DEMO_PASSWORD);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function startConsultationForm(page: Page, type = 'Fachdienststellen-Anfrage'): Promise<void> {
  await go(page, '/procedures/create');
  await page.getByLabel(type).check();
  await page.getByLabel(type === 'Fachdienststellen-Anfrage' ? 'Betreff' : 'Subject').waitFor();
}

describe('a start form', () => {
  it('sent empty, says beside each field in a German sentence what it needs', async () => {
    await startConsultationForm(staff);
    await staff.getByRole('button', { name: 'Vorgang starten' }).click();
    expect(await fieldMessage(staff, 'Betreff', 'Bitte geben Sie einen Betreff ein.')).toBe('Bitte geben Sie einen Betreff ein.');
    expect(await fieldMessage(staff, 'Frage an die Dienststellen', 'Bitte stellen Sie Ihre Frage an die Dienststellen.')).toBe(
      'Bitte stellen Sie Ihre Frage an die Dienststellen.',
    );
    await staff.getByText('Bitte wählen Sie mindestens eine Dienststelle.').waitFor();
    // Nothing a programmer would write: no type names, no English.
    const shown = await staff.locator('.Mui-error').allTextContents();
    expect(shown.join(' ')).not.toMatch(/string|undefined|expected|erwartet|Ungültig/);
    expect(staff.url()).toMatch(/#\/procedures\/create/);
  });

  it('takes a deadline as a number with a unit, or a day, and says what is wrong with it', async () => {
    await staff.getByLabel('Antwortfrist').fill('0');
    await staff.getByRole('button', { name: 'Vorgang starten' }).click();
    expect(await fieldMessage(staff, 'Antwortfrist', 'Bitte geben Sie die Frist als ganze Zahl von 1 bis 365 an.')).toContain('ganze Zahl');

    await staff.getByLabel('Einheit').selectOption({ label: 'bis zum Datum' });
    await staff.getByLabel('Antwortfrist').fill('01.01.2020');
    await staff.getByRole('button', { name: 'Vorgang starten' }).click();
    expect(await fieldMessage(staff, 'Antwortfrist', 'Die Frist muss nach dem heutigen Tag liegen.')).toContain('nach dem heutigen Tag');

    await staff.getByLabel('Einheit').selectOption({ label: 'Arbeitstage' });
    await staff.getByLabel('Antwortfrist').fill('10');
  });

  it('keeps the structured answer behind an expander that explains it, with an example', async () => {
    const expander = staff.getByRole('button', { name: 'Strukturierte Antwort anfordern (optional)' });
    expect(await expander.getAttribute('aria-expanded')).toBe('false');
    await expect(staff.getByText(/Beispiel: Bezeichnung der Angabe/).isVisible()).resolves.toBe(false);
    await expander.click();
    await staff.getByText(/Beispiel: Bezeichnung der Angabe „Freie Plätze in Sprachkursen“/).waitFor();
    await staff.locator('#answer-form-details').getByRole('button', { name: 'Hinzufügen' }).click();
    await staff.getByLabel('Bezeichnung der Angabe').fill('Freie Plätze in Sprachkursen');
    await staff.getByLabel('Art der Angabe').click();
    await staff.getByRole('option', { name: 'Zahl' }).click();
    await staff.getByLabel('Einheit (z. B. Plätze)').fill('Plätze');
    expect(await accessibilityViolations(staff)).toEqual([]);
    await staff.getByLabel('Antwortfrist').scrollIntoViewIfNeeded();
    await staff.evaluate(() => window.scrollBy(0, 200));
    await screenshots(staff, 'start-form-consultation');
  });

  it('starts with "10" "Arbeitstage": the departments must answer by 16:00 on the tenth business day', async () => {
    const subject = `Formulare ${run}: Sprachkurse`;
    await staff.getByLabel('Betreff').fill(subject);
    await staff.getByLabel('Frage an die Dienststellen').fill('Wie viele Plätze haben Ihre Sprachkurse frei?');
    await staff.getByLabel('Jugendamt').check();
    await staff.getByRole('button', { name: 'Vorgang starten' }).click();
    await staff.waitForURL(/#\/procedures\/.+\/show/);
    const procedureId = procedureIdOf(staff);

    const client = await ApiClient.as(staffEmail, DEMO_PASSWORD);
    // The request is written by the procedure's first step, a moment after the start.
    const request = await eventually(async () => {
      const rows = (await client.get(`/api/procedures/${encodeURIComponent(procedureId)}/requests`)).body as { deadlineAt: string; sentAt: string }[];
      return rows[0];
    }, 20_000, 'the request to the Jugendamt');
    const expected = deadlineAfter(new Date(request.sentAt), '10bd');
    expect(new Date(request.deadlineAt).toISOString()).toBe(expected.toISOString());

    const jugendamt = (await departments(client)).find((d) => d.name === 'Jugendamt');
    if (!jugendamt) throw new Error('no Jugendamt among the demo departments');
    const mail = (await requestMails(subject, [jugendamt])).get(jugendamt.id);
    expect(mail?.text).toContain(`Bitte antworten Sie bis ${germanDateTime(expected)}:`);
    expect(mail?.text).toMatch(/bis \w+, \d+\. \w+ \d{4}, 16:00 Uhr:/);
    // The key of the entry came from its name; the clerk never typed one.
    expect(mail?.text).toContain('Bitte tragen Sie auf der Antwortseite ein: Freie Plätze in Sprachkursen (Plätze).');
  });
});

describe('the English console', () => {
  it('says the English twin of the German message', async () => {
    await go(staff, '/procedures/create');
    await staff.getByRole('button', { name: /Deutsch/ }).click();
    await staff.getByRole('menuitem', { name: 'English' }).click();
    await startConsultationForm(staff, 'Department consultation');
    await staff.getByRole('button', { name: 'Start procedure' }).click();
    expect(await fieldMessage(staff, 'Subject', 'Please enter a subject.')).toBe('Please enter a subject.');
    expect(await fieldMessage(staff, 'Question to the departments', 'Please ask your question to the departments.')).toBe(
      'Please ask your question to the departments.',
    );
  });
});
