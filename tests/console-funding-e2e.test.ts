import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from './support/browser';
import { ApiClient, eventually, listQuery } from './support/client';
import { expectFinished, fieldMessage, findRow, go, openRow, procedureIdOf, filtered } from './support/console-pages';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// The console's funding, knowledge and monitoring pages in headless Chromium against the real
// stack: a funding call registered through its form, its review run through the task forms
// (a department answering by the answer page, four-eyes approval), the closed review found in
// the knowledge base. One browser; each person logs in once.

let browser: Browser;
const contexts: BrowserContext[] = [];
let anna: Page; // staff
let david: Page; // manager and staff: works the review, and may not approve his own decision
let carla: Page; // manager
let office: Page; // the administration: the only one who sees the demo mailbox with the departments' links
let admin: ApiClient;
const run = Date.now().toString(36);
const title = `Elternbegleitung ${run}`;
let procedureId: string;

async function person(email: string, password: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  return loginAs(context, email, password);
}

/** The open task of a form kind in a procedure (a child consultation's included), opened by its page address. */
async function openTaskOf(page: Page, inProcedure: string, formKind: string): Promise<string> {
  const task = await eventually(async () => {
    const reply = await admin.get(`/api/tasks?${listQuery({ procedureId: inProcedure, formKind, status: ['open', 'claimed'] })}`);
    return (reply.body as { id: string }[])[0];
  }, 30_000, `an open ${formKind} task`);
  await go(page, `/tasks/${task.id}/show`);
  return task.id;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  [anna, david, carla, office] = await Promise.all([
    person('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD),
    person('david.mensah@amtsflow.localhost', DEMO_PASSWORD),
    person('carla.nowak@amtsflow.localhost', DEMO_PASSWORD),
    person(testStack().adminEmail, testStack().adminPassword),
  ]);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the funding pages of the console', () => {
  it('registers a funding call through its form, with the API’s error next to the field first', async () => {
    await go(anna, '/funding-calls/create');
    await anna.getByLabel('Titel').fill(title);
    await anna.getByLabel('Fördergeber').fill('Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration NRW');
    await anna.getByLabel('Link zur Ausschreibung').fill('keine-adresse');
    await anna.getByLabel('Einreichungsfrist').fill(inDays(60));
    await anna.getByLabel('Fördervolumen (EUR)').fill('120000');
    // Markup in a summary is text: the knowledge base must show it as such later.
    await anna.getByLabel('Zusammenfassung').fill('Mehrsprachige Elternbegleitung <b>in Kitas</b> & Familienzentren.');
    await anna.getByRole('button', { name: 'Speichern' }).click();
    expect(await fieldMessage(anna, 'Link zur Ausschreibung', 'keine gültige Web-Adresse')).toContain('http');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'funding-call-form');

    await anna.getByLabel('Link zur Ausschreibung').fill(`https://foerderung.example.org/${run}`);
    await anna.getByRole('button', { name: 'Speichern' }).click();
    await anna.waitForURL(/#\/funding-calls\/[0-9a-f-]+\/show$/);
    await anna.getByRole('heading', { level: 1, name: title }).waitFor();
    await screenshots(anna, 'funding-call');

    await findRow(anna, '/funding-calls', title);
    await screenshots(anna, 'funding-calls');
  });

  it('starts the review from the call’s page; triage asks one department, which answers by the answer page', async () => {
    // David starts it: the triage is his own task at once, in his inbox, not the group's.
    await openRow(david, '/funding-calls', title);
    await david.getByRole('button', { name: 'Prüfung starten' }).click();
    await david.waitForURL(/#\/procedures\/.+\/show/);
    procedureId = procedureIdOf(david);
    await david.getByText('Die Prüfung wurde gestartet.').waitFor();

    await openRow(david, '/tasks', title, 'Relevanz prüfen');
    await david.getByRole('button', { name: 'Erledigen' }).waitFor();
    await david.getByText('Mehrsprachige Elternbegleitung').first().waitFor();
    expect(await accessibilityViolations(david)).toEqual([]);
    await screenshots(david, 'funding-triage-form');
    await david.getByLabel('Ja, relevant').check();
    await david.getByLabel(/^Begründung/).fill('Passt zum Integrationskonzept, Handlungsfeld Bildung.');
    await david.getByLabel('Jugendamt').check();
    await david.getByRole('button', { name: 'Erledigen' }).click();
    await david.waitForURL(/#\/tasks$/);

    // The Jugendamt's part: its mail in the administration's demo mailbox, the answer page behind the link in it.
    await openRow(office, filtered('/mailbox', { q: run }), 'juga@stadt.localhost');
    const link = office.getByTestId('answer-link');
    await link.waitFor();
    const [answerPage] = await Promise.all([office.context().waitForEvent('page'), link.click()]);
    await answerPage.waitForLoadState();
    await answerPage.getByLabel('Nutzen für Ihre Dienststelle').fill('Entlastet die Familienberatung.');
    await answerPage.getByLabel(/Ihre Antwort/).fill(`Jugendamt ${run}: nützlich und machbar.`);
    await answerPage.getByRole('button', { name: 'Antwort senden' }).click();
    await answerPage.getByRole('heading', { name: 'Vielen Dank für Ihre Antwort' }).waitFor();
    await answerPage.close();
  });

  it('consolidates, decides beside the live answers, and a second person approves (four-eyes)', async () => {
    // The consultation is a procedure of its own (a child of the review): its consolidation task is David's.
    await openTaskOf(david, `${procedureId}.anfrage`, 'antworten-zusammenfuehren');
    await david.getByText(`Jugendamt ${run}: nützlich und machbar.`).first().waitFor();
    await david.getByLabel('Zusammenfassung der Antworten').fill('Das Jugendamt hält einen Antrag für nützlich.');
    await david.getByRole('button', { name: 'Erledigen' }).click();

    await openRow(david, '/tasks', title, 'Über einen Antrag entscheiden');
    await david.locator('[data-testid="request-row"][data-status="answered"]', { hasText: 'Jugendamt' }).waitFor();
    // No lead department for an application: the shared schema says so beside the field.
    await david.getByLabel('Antrag stellen', { exact: true }).check();
    await david.getByLabel(/^Begründung/).fill('Der Eigenanteil ist nicht gedeckt.');
    await david.getByRole('button', { name: 'Erledigen' }).click();
    expect(await fieldMessage(david, 'Eigenanteil der Stadt (EUR)', 'Für einen Antrag geben Sie bitte den Eigenanteil der Stadt an.')).toContain('Eigenanteil');
    await david.getByLabel('Keinen Antrag stellen').check();
    await david.getByRole('button', { name: 'Erledigen' }).click();
    await david.getByText(/Nächster Schritt des Vorgangs/).waitFor();

    await openTaskOf(david, procedureId, 'foerderaufruf-freigabe');
    await david.getByText('Vier-Augen-Prinzip: Sie haben den zu prüfenden Schritt selbst erledigt.').waitFor();
    await expect(david.getByRole('button', { name: 'Erledigen' }).count()).resolves.toBe(0);

    await openRow(carla, filtered('/group-tasks', { q: title }), title, 'Entscheidung freigeben');
    await carla.getByText('Der Eigenanteil ist nicht gedeckt.').waitFor();
    await carla.getByLabel('Freigeben').check();
    await carla.getByRole('button', { name: 'Erledigen' }).click();
    await carla.getByText(/^Erledigt\./).waitFor();

    // A colleague who took no part sees the closed review and its parts.
    await expectFinished(anna, procedureId);
    await anna.getByTestId('procedure-relations').getByRole('link').first().waitFor();
    await screenshots(anna, 'funding-review-timeline');
  });

  it('finds the closed review in the knowledge base, the search word marked and markup shown as text', async () => {
    await go(anna, filtered('/knowledge', { q: run }));
    const hit = anna.getByTestId('knowledge-hit').filter({ hasText: title });
    await hit.waitFor();
    await expect(hit.getByTestId('knowledge-snippet').locator('mark').first().textContent()).resolves.toMatch(new RegExp(run, 'i'));
    const snippet = hit.getByTestId('knowledge-snippet');
    await expect(snippet.locator('b').count()).resolves.toBe(0);
    await expect(snippet.textContent()).resolves.toContain('<b>in Kitas</b> & Familienzentren');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'knowledge');
  });

  it('shows studies, indicators with their series, reports and (to admins) the schedules at laptop and tablet size', async () => {
    const study = await admin.post('/api/studies', { title: `Teilhabestudie ${run}`, authors: 'Institut für Teilhabeforschung', year: 2025 });
    expect(study.status).toBe(201);
    await findRow(anna, '/studies', `Teilhabestudie ${run}`);
    await screenshots(anna, 'studies');
    await openRow(anna, '/studies', `Teilhabestudie ${run}`);
    await anna.getByTestId('study-file-input').setInputFiles({ name: 'teilhabe.txt', mimeType: 'text/plain', buffer: Buffer.from(`Befunde ${run}`) });
    const download = anna.getByTestId('study-file-link');
    await download.waitFor();
    const href = await download.getAttribute('href');
    const file = await anna.request.get(`${testStack().url}${href ?? ''}`);
    expect(await file.text()).toBe(`Befunde ${run}`);
    await screenshots(anna, 'study');

    const indicator = await findRow(anna, '/indicators', '');
    await indicator.click();
    await anna.getByTestId('indicator-series').waitFor();
    await screenshots(anna, 'indicator');

    await go(anna, '/monitoring-reports');
    await anna.getByText(/Monitoringbericht/).first().waitFor();
    await screenshots(anna, 'monitoring-reports');

    const adminPage = await person(testStack().adminEmail, testStack().adminPassword);
    await go(adminPage, '/schedules');
    await adminPage.locator('tbody tr', { hasText: 'Integrationsmonitoring' }).waitFor();
    await screenshots(adminPage, 'schedules');
    await expect(anna.getByRole('menuitem', { name: 'Zeitpläne' }).count()).resolves.toBe(0);
  });
});
