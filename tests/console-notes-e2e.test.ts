import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from './support/browser';
import { ApiClient } from './support/client';
import { findRow, go } from './support/console-pages';
import { testStack } from './support/stack-env';
import { openTask } from './support/tasks';

// A clerk at the console: a Vermerk with a file on a procedure's page appears in its timeline; a task
// put on Wiedervorlage leaves the inbox, is listed under "Wiedervorlagen", and comes back marked.

const run = randomUUID().slice(0, 8);
const PASSWORD = 'Vermerk-Probe-Passwort-3';
const email = `vermerk-${run}@amtsflow.localhost`;
const PDF = Buffer.from('%PDF-1.4\n% Gesprächsnotiz\n1 0 obj << >> endobj\n%%EOF\n');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let clerk: ApiClient;
let procedureId: string;
const title = `Beratung Migrantenorganisation ${run}`;

/** Tomorrow as Berlin's calendar day (YYYY-MM-DD), as the date field takes it. */
const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + 86_400_000));

beforeAll(async () => {
  const admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  expect((await admin.post('/api/users', { email, name: 'Vera Vermerk', roles: ['staff'], password: PASSWORD })).status).toBe(201);
  clerk = await ApiClient.as(email, PASSWORD);
  const started = await clerk.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } });
  expect(started.status).toBe(201);
  procedureId = started.body.id as string;
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await loginAs(context, email, PASSWORD);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('Vermerke and Wiedervorlage in the console', () => {
  it('adds a Vermerk with a file on the procedure page, which appears in its timeline', async () => {
    await go(page, `/procedures/${encodeURIComponent(procedureId)}/show`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Vermerk hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vermerk zum Vorgang' });
    await dialog.waitFor();
    // Saving without a text says so at the field, and sends nothing.
    await dialog.getByRole('button', { name: 'Vermerk speichern' }).click();
    await dialog.getByText('Pflichtangabe').waitFor();
    const text = 'Gespräch mit dem Vorstand am 3.12.: Antrag auf Förderung folgt im Januar.';
    await dialog.getByLabel('Vermerk').fill(text);
    await dialog.getByTestId('note-files').setInputFiles({ name: 'Gesprächsnotiz Vorstand.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText('Ausgewählt: Gesprächsnotiz Vorstand.pdf').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'vermerk-dialog');
    await dialog.getByRole('button', { name: 'Vermerk speichern' }).click();
    await page.getByText('Der Vermerk ist gespeichert.').waitFor();

    const entry = page.locator('[data-testid="timeline"] [data-source="note"]', { hasText: text });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('von Vera Vermerk');
    const link = entry.getByRole('link', { name: 'Datei herunterladen: Gesprächsnotiz Vorstand.pdf' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/note-files\/[0-9a-f-]{36}$/);
    const file = await page.request.get(`${testStack().url}${href}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    expect((await clerk.get(`/api/procedures/${encodeURIComponent(procedureId)}/notes`)).body).toHaveLength(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'vermerk-verlauf');
  });

  it('puts a task on Wiedervorlage from its page: out of the inbox, under Wiedervorlagen, and back marked', async () => {
    const task = await openTask(clerk, procedureId, 'vorgang-bearbeiten');
    await findRow(page, '/tasks', title);
    await go(page, `/tasks/${task.id}/show`);
    await page.getByRole('button', { name: 'Wiedervorlage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aufgabe auf Wiedervorlage legen' });
    await dialog.waitFor();
    await dialog.getByLabel('Wiedervorlage am').fill(tomorrow());
    const reason = 'Unterlagen vom Träger abwarten';
    await dialog.getByLabel('Grund').fill(reason);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'wiedervorlage-dialog');
    await dialog.getByRole('button', { name: 'Auf Wiedervorlage legen' }).click();
    await page.getByText(/^Die Aufgabe liegt bis .+ auf Wiedervorlage\.$/).waitFor();
    const notice = page.getByTestId('resubmission-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Wiedervorlage am`);
    expect(await notice.textContent()).toContain(reason);

    // Out of the inbox (the menu counts none for it); under "Wiedervorlagen", with its day and reason.
    await go(page, '/tasks');
    // The list as cached shows first, then as the API answers now.
    await page.locator('tbody tr', { hasText: title }).waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('menu-resubmissions').click();
    const aside = page.locator('tbody tr', { hasText: title });
    await aside.waitFor();
    const mark = aside.getByTestId('resubmission-mark');
    expect(await mark.getAttribute('data-waiting')).toBe('true');
    expect(await mark.textContent()).toMatch(new RegExp(`^Wiedervorlage am \\d{2}\\.\\d{2}\\.\\d{4}: ${reason}$`));
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'wiedervorlagen');

    // The day passing, in seconds: the API takes a moment too. Back in the inbox, marked with its reason.
    const until = new Date(Date.now() + 3_000).toISOString();
    expect((await clerk.post(`/api/tasks/${task.id}/resubmission`, { resubmitAt: until, reason })).status).toBe(200);
    await page.waitForTimeout(3_500);
    const back = await findRow(page, '/tasks', title);
    const returned = back.getByTestId('resubmission-mark');
    expect(await returned.getAttribute('data-waiting')).toBe('false');
    expect(await returned.textContent()).toBe(`Wiedervorlage: ${reason}`);
    // And the inbox's own filter finds it among those not (or no longer) aside.
    await page.getByLabel('Wiedervorlagen').click();
    await page.getByRole('option', { name: 'nicht auf Wiedervorlage' }).click();
    await page.locator('tbody tr', { hasText: title }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'wiedervorlage-zurueck');
  });
});
