import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from './support/browser';
import { ApiClient, eventually, listQuery } from './support/client';
import { expectFinished, fieldMessage, findRow, go, openRow, procedureIdOf, filtered } from './support/console-pages';
import { spawnApi } from './support/extra-processes';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// The staff console in headless Chromium against the real embedded stack: what a person
// clicks, sees and is told. One browser for the file; each person logs in once.

const staffEmail = 'anna.schmidt@amtsflow.localhost';
const managerEmail = 'carla.nowak@amtsflow.localhost';

let browser: Browser;
const contexts: BrowserContext[] = [];
let staff: Page;
let manager: Page;
let office: Page; // the administration: the only one who sees the demo mailbox with the departments' links
let admin: ApiClient;
const run = Date.now().toString(36);

async function person(email: string, password: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  return loginAs(context, email, password);
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the staff console', () => {
  it('is served at / by the API, and says in German why a login failed', async () => {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${testStack().url}/`);
    await page.getByLabel('E-Mail-Adresse').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'login');

    await page.getByLabel('E-Mail-Adresse').fill(staffEmail);
    await page.getByLabel('Passwort').first().fill('falsches-Passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();

    staff = await person(staffEmail, DEMO_PASSWORD);
    manager = await person(managerEmail, DEMO_PASSWORD);
    office = await person(testStack().adminEmail, testStack().adminPassword);
  });

  it('says so in German when logins are rate limited', async () => {
    // A second API on the same stack with a limit of two logins a minute.
    const api = await spawnApi({ LOGIN_RATE_LIMIT: '2' }, { ownOrigin: true });
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${api.url}/#/login`);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await page.getByLabel('E-Mail-Adresse').fill(staffEmail);
        await page.getByLabel('Passwort').first().fill(`falsch-${attempt}`);
        await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
          page.getByRole('button', { name: 'Anmelden' }).click(),
        ]);
      }
      await page.getByText('Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.').waitFor();
    } finally {
      await context.close();
      await api.stop();
    }
  });

  it('shows a staff member no admin pages, and refuses the users page', async () => {
    await go(staff, '/tasks');
    await staff.getByTestId('menu-my-tasks').waitFor();
    await expect(staff.getByRole('menuitem', { name: 'Vorgänge' }).count()).resolves.toBe(1);
    await expect(staff.getByRole('menuitem', { name: 'Benutzer' }).count()).resolves.toBe(0);
    await expect(staff.getByRole('menuitem', { name: 'Protokoll' }).count()).resolves.toBe(0);
    // The demo mailbox holds the departments' live answer links: not a staff member's to open.
    await expect(staff.getByRole('menuitem', { name: 'Postfach (Demo)' }).count()).resolves.toBe(0);
    await go(staff, '/users');
    await staff.getByText('Zugriff verweigert').first().waitFor();
    await expect(staff.locator('tbody tr').count()).resolves.toBe(0);
  });

  it('runs a Vorgang mit Freigabe through its forms, approved by a second person', async () => {
    const title = `Konsole ${run}: Fortschreibung Integrationskonzept`;
    await go(staff, '/procedures/create');
    await staff.getByRole('radio', { name: 'Vorgang mit Freigabe' }).check();
    // The browser checks with the API's own schema: the message stands next to the field.
    await staff.getByLabel('Titel').fill('ab');
    await staff.getByRole('button', { name: 'Vorgang starten' }).click();
    expect(await fieldMessage(staff, 'Titel', 'Bitte geben Sie einen Titel mit mindestens 3 Zeichen ein.')).toContain('mindestens 3 Zeichen');
    await staff.getByLabel('Titel').fill(title);
    await staff.getByRole('button', { name: 'Vorgang starten' }).click();
    await staff.waitForURL(/#\/procedures\/.+\/show/);
    const procedureId = procedureIdOf(staff);

    // The starter's own task at once: found in her inbox, counted in the menu without a reload.
    // Searched for by its procedure's title: the inbox's first page holds what other tests left there too.
    const row = await findRow(staff, filtered('/tasks', { q: title }), title);
    await staff.getByTestId('menu-my-tasks').locator('[data-count]').waitFor({ timeout: 20_000 });
    expect(await accessibilityViolations(staff)).toEqual([]);
    await screenshots(staff, 'my-inbox');
    await row.click();
    await staff.getByRole('button', { name: 'Erledigen' }).waitFor();
    expect(await accessibilityViolations(staff)).toEqual([]);
    await screenshots(staff, 'task-form');

    await staff.getByLabel('Ergebnis der Bearbeitung').fill('ab');
    await staff.getByRole('button', { name: 'Erledigen' }).click();
    expect(await fieldMessage(staff, 'Ergebnis der Bearbeitung', 'Bitte beschreiben Sie das Ergebnis')).toContain('mindestens 3 Zeichen');
    await staff.getByLabel('Ergebnis der Bearbeitung').fill('Entwurf mit den Dienststellen abgestimmt');
    // A double click completes the task once.
    await staff.getByRole('button', { name: 'Erledigen' }).dblclick();
    await staff.waitForURL(/#\/tasks$/);
    await staff.getByText(/Nächster Schritt des Vorgangs: Freigabe durch die Amtsleitung/).waitFor();
    const completions = await admin.get(`/api/audit?${listQuery({ procedureId, action: 'task.completed' })}`);
    expect(completions.body).toHaveLength(1);

    // Four-eyes: the manager approves what the staff member did.
    await openRow(manager, filtered('/group-tasks', { q: title }), title);
    await manager.getByText('Entwurf mit den Dienststellen abgestimmt').waitFor();
    await manager.getByLabel('Freigeben').check();
    await manager.getByRole('button', { name: 'Erledigen' }).click();
    await manager.getByText('Erledigt. Der Vorgang ist abgeschlossen.').waitFor();

    await expectFinished(staff, procedureId);
    await screenshots(staff, 'procedure-timeline');
  });

  it('wants a reason for a rejection, and gives the rework back to the one who started the procedure', async () => {
    const title = `Konsole ${run}: Rückfrage zum Entwurf`;
    const staffApi = await ApiClient.as(staffEmail, DEMO_PASSWORD);
    const started = await staffApi.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } });
    expect(started.status).toBe(201);
    const work = await eventually(async () => {
      const tasks = (await staffApi.get(`/api/tasks?${listQuery({ procedureId: started.body.id, inbox: 'mine' })}`)).body as { id: string }[];
      return tasks[0];
    }, 20_000, 'the work task');
    expect((await staffApi.post(`/api/tasks/${work.id}/complete`, { data: { result: 'Erster Entwurf' } })).status).toBe(200);

    // David is manager and staff: he approves from the group inbox; the rework is the starter's, not his.
    const david = await person('david.mensah@amtsflow.localhost', DEMO_PASSWORD);
    await openRow(david, filtered('/group-tasks', { q: title }), title);
    await david.getByLabel(/Ablehnen/).check();
    await david.getByRole('button', { name: 'Erledigen' }).click();
    expect(await fieldMessage(david, 'Begründung / Kommentar', 'Bitte begründen Sie die Ablehnung.')).toContain('begründen');
    await david.getByLabel('Begründung / Kommentar').fill('Bitte die Zahlen des Jugendamts ergänzen.');
    await david.getByRole('button', { name: 'Erledigen' }).click();
    await david.waitForURL(/#\/tasks$/);
    await david.getByText(/Nächster Schritt des Vorgangs: Vorgang überarbeiten \(Runde 2\)/).waitFor();

    await openRow(staff, filtered('/tasks', { q: title }), title, 'Vorgang überarbeiten (Runde 2)');
    await staff.getByRole('heading', { level: 1, name: 'Vorgang überarbeiten (Runde 2)' }).waitFor();
    await staff.getByText('Bitte die Zahlen des Jugendamts ergänzen.').waitFor();
  });


  it('runs a department consultation: start form, the departments answer from the mail view, consolidation', async () => {
    const subject = `Konsole ${run}: Sprachkurse für Zugewanderte`;
    await go(staff, '/procedures/create');
    await staff.getByRole('radio', { name: 'Fachdienststellen-Anfrage' }).check();
    await staff.getByLabel('Betreff').fill(subject);
    await staff.getByLabel('Frage an die Dienststellen').fill('Welche Angebote planen Sie im kommenden Jahr?');
    await staff.getByLabel('Jugendamt').check();
    await staff.getByLabel('Wohnungsamt').check();
    await staff.getByRole('button', { name: 'Vorgang starten' }).click();
    await staff.waitForURL(/#\/procedures\/.+\/show/);
    const procedureId = procedureIdOf(staff);

    // Playing each department: its mail in the administration's demo mailbox, the link in it, the answer page.
    let checkedAnswerPage = false;
    const accusativeOf: Record<string, string> = { juga: 'das Jugendamt', wohn: 'das Wohnungsamt' };
    const genitiveOf: Record<string, string> = { juga: 'des Jugendamts', wohn: 'des Wohnungsamts' };
    for (const code of ['juga', 'wohn']) {
      await openRow(office, filtered('/mailbox', { q: subject }), `${code}@stadt.localhost`);
      const link = office.getByTestId('answer-link');
      await link.waitFor();
      const [answerPage] = await Promise.all([office.context().waitForEvent('page'), link.click()]);
      await answerPage.waitForLoadState();
      await answerPage.getByRole('heading', { name: 'Anfrage des Amts für Integration' }).waitFor();
      // The department in its case: "bittet das Jugendamt", never the bare name after an article.
      await answerPage.getByText(`Das Amt für Integration bittet ${accusativeOf[code]} um eine Antwort.`, { exact: false }).waitFor();
      if (!checkedAnswerPage) {
        expect(await accessibilityViolations(answerPage)).toEqual([]);
        await screenshots(answerPage, 'answer-page');
        checkedAnswerPage = true;
      }
      await answerPage.getByLabel(/Ihre Antwort/).fill(`Antwort von ${code.toUpperCase()}: zwei neue Kurse ab März.`);
      await answerPage.getByRole('button', { name: 'Antwort senden' }).click();
      await answerPage.getByRole('heading', { name: 'Vielen Dank für Ihre Antwort' }).waitFor();
      await answerPage.getByText(`Die Antwort ${genitiveOf[code]} zur Anfrage`, { exact: false }).waitFor();
      await answerPage.close();
    }
    await screenshots(office, 'mail-view');

    // The consolidation is the starter's own task, with both answers beside the form.
    // Searched, since earlier tests may have left older tasks that fill the first page of the inbox.
    await openRow(staff, filtered('/tasks', { q: subject }), subject);
    await staff.getByRole('button', { name: 'Erledigen' }).waitFor();
    await staff.getByTestId('department-answer').nth(1).waitFor();
    await expect(staff.getByTestId('department-answer').count()).resolves.toBe(2);
    await staff.getByText('Antwort von JUGA: zwei neue Kurse ab März.').waitFor();
    await staff.getByLabel('Zusammenfassung der Antworten').fill('Beide Dienststellen planen zusätzliche Kurse.');
    await staff.getByRole('button', { name: 'Erledigen' }).click();
    await staff.getByText('Erledigt. Der Vorgang ist abgeschlossen.').waitFor();
    await expectFinished(staff, procedureId);
    // Oneself after "von" is "Ihnen"; the departments' steps name them in their case.
    await staff.getByTestId('timeline').getByText(/erledigt von Ihnen/).first().waitFor();
    await staff.getByTestId('timeline').getByText('Antwort des Jugendamts (Antwortseite)').first().waitFor();
  });

  it('shows an empty list as what to do next with a button to it, and keeps the knowledge search box', async () => {
    // Lists with nothing in them, whatever the shared stack holds by now.
    const page = await staff.context().newPage();
    await page.route(/\/api\/(procedures|knowledge)\?/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', headers: { 'content-range': 'items 0-0/0' }, body: '[]' }),
    );
    try {
      await go(page, '/knowledge');
      await page.getByText('Der Wissensspeicher ist noch leer.', { exact: false }).waitFor();
      await page.getByPlaceholder(/Sprachförderung/).waitFor();
      await go(page, '/procedures');
      await page.getByText('Noch keine Vorgänge. Starten Sie den ersten Vorgang', { exact: false }).waitFor();
      expect(await page.getByText('Möchten Sie einen Eintrag anlegen?').count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByTestId('empty-state').getByRole('link', { name: 'Vorgang starten' }).click();
      await page.waitForURL(/#\/procedures\/create/);
    } finally {
      await page.close();
    }
  });

  it('passes axe on the (empty) inbox and shows the main pages at laptop and tablet size', async () => {
    await go(staff, '/tasks');
    await staff.getByTestId('menu-my-tasks').waitFor();
    await staff.waitForTimeout(500);
    expect(await accessibilityViolations(staff)).toEqual([]);
    await screenshots(staff, 'inbox');

    await go(staff, '/procedures');
    await staff.locator('tbody tr').first().waitFor();
    await screenshots(staff, 'procedures');

    await go(manager, '/');
    await manager.getByTestId('chart-procedures').locator('tbody tr').first().waitFor();
    await screenshots(manager, 'dashboard');

    // English on request, and back.
    await manager.getByRole('button', { name: /Deutsch/ }).click();
    await manager.getByRole('menuitem', { name: 'English' }).click();
    await manager.getByRole('heading', { name: 'Procedures by type and status' }).waitFor();
    await manager.getByRole('button', { name: /English/ }).click();
    await manager.getByRole('menuitem', { name: 'Deutsch' }).click();
    await manager.getByRole('heading', { name: 'Vorgänge nach Verfahren und Status' }).waitFor();

    const adminPage = await person(testStack().adminEmail, testStack().adminPassword);
    await go(adminPage, '/users');
    await adminPage.getByText(staffEmail).waitFor();
    await screenshots(adminPage, 'users');

    // The API's own field errors (here: the department code's format) stand next to their fields too.
    await go(adminPage, '/departments/create');
    await adminPage.getByLabel('Kürzel').fill('x y');
    await adminPage.getByRole('textbox', { name: 'Name', exact: true }).fill('Testamt der Konsole');
    // The name's forms are proposed as it is typed, and shown as the history will say them.
    const genitive = adminPage.getByLabel('Name nach „des“, „der“ (Genitiv)');
    await expect(genitive.inputValue()).resolves.toBe('Testamts der Konsole');
    await adminPage.getByTestId('department-forms-preview').getByText('Antwort des Testamts der Konsole (Mail)', { exact: false }).waitFor();
    await genitive.fill('des Testamts der Konsole');
    await adminPage.getByLabel('Kontakt-E-Mail').fill('test@stadt.localhost');
    await adminPage.getByLabel('E-Mail der Leitung').fill('leitung.test@stadt.localhost');
    await adminPage.getByRole('button', { name: 'Speichern' }).click();
    expect(await fieldMessage(adminPage, 'Kürzel', 'nur Großbuchstaben, Ziffern und Bindestrich')).toContain('Großbuchstaben');
    expect(await fieldMessage(adminPage, 'Name nach „des“, „der“ (Genitiv)', 'ohne Artikel')).toContain('der Artikel folgt aus dem Geschlecht');
  });
});
