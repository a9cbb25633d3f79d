import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, newContext, screenshots } from './support/browser';
import { ApiClient, eventually, listQuery } from './support/client';
import { filtered } from './support/console-pages';
import { DEMO_PASSWORD, testStack } from './support/stack-env';
import { openTask, type TaskRow } from './support/tasks';

// The clerk's day in clicks: a Vorgang a clerk starts is theirs at once, one click in the inbox
// opens the task with its form, one more completes it; a group task taken is opened; the keyboard
// goes to the next task and completes it.

const run = randomUUID().slice(0, 8);
const PASSWORD = 'Klick-Probe-Passwort-7';
const email = `klick-${run}@amtsflow.localhost`;
let browser: Browser;
let context: BrowserContext;
let clerk: ApiClient;
let clerkId: string;
let firstTaskId: string;

/** A click that is counted: what the person does with the mouse. */
function clickCounter() {
  let clicks = 0;
  return {
    async click(target: Locator) {
      clicks += 1;
      await target.click();
    },
    get count() {
      return clicks;
    },
  };
}

async function start(client: ApiClient, title: string): Promise<string> {
  const reply = await client.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title, description: 'Aus dem Klicktest.' } });
  if (reply.status !== 202 && reply.status !== 201) throw new Error(`start: ${reply.status} ${JSON.stringify(reply.body)}`);
  return (reply.body as { id: string }).id;
}

async function taskState(id: string) {
  return (await clerk.get(`/api/tasks/${id}`)).body as TaskRow & { claimedBy: string | null; result: unknown };
}

beforeAll(async () => {
  const admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  const created = await admin.post('/api/users', { email, name: 'Klara Klick', roles: ['staff'], password: PASSWORD });
  expect(created.status).toBe(201);
  clerkId = (created.body as { id: string }).id;
  clerk = await ApiClient.as(email, PASSWORD);
  browser = await launchBrowser();
  context = await newContext(browser);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the clerk’s clicks', () => {
  let page: Page;

  it('a Vorgang the clerk starts is theirs at once: in Meine Aufgaben, not among the group’s', async () => {
    const procedureId = await start(clerk, `Klickzählung ${run}`);
    const task = await openTask(clerk, procedureId, 'vorgang-bearbeiten');
    firstTaskId = task.id;
    const row = await taskState(task.id);
    expect(row).toMatchObject({ status: 'claimed', claimedBy: clerkId });
    const mine = (await clerk.get(`/api/tasks?${listQuery({ inbox: 'mine' })}`)).body as TaskRow[];
    const group = (await clerk.get(`/api/tasks?${listQuery({ inbox: 'group' })}`)).body as TaskRow[];
    expect(mine.map((t) => t.id)).toContain(task.id);
    expect(group.map((t) => t.id)).not.toContain(task.id);
  });

  it('from login to a completed first task in three clicks, with no "Übernehmen" on the clerk’s own task', async () => {
    const clicks = clickCounter();
    page = await context.newPage();
    await page.goto(`${testStack().url}/#/login`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: false }).first().fill(PASSWORD);
    await clicks.click(page.getByRole('button', { name: 'Anmelden' }));

    // A clerk lands in Meine Aufgaben; the task is there without looking for it.
    const row = page.locator('tbody tr', { hasText: `Klickzählung ${run}` }).first();
    await row.waitFor({ timeout: 30_000 });
    await clicks.click(row);

    const result = page.getByLabel('Ergebnis der Bearbeitung', { exact: false });
    await result.waitFor();
    await expect(page.getByRole('button', { name: 'Übernehmen' }).count()).resolves.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'aufgabe-eigene');
    await result.fill('Unterlagen geprüft, Bescheid entworfen.');
    await clicks.click(page.getByRole('button', { name: 'Erledigen' }));
    await page.getByText('Erledigt.', { exact: false }).first().waitFor();

    expect(clicks.count).toBeLessThanOrEqual(3);
    await expect(taskState(firstTaskId)).resolves.toMatchObject({ status: 'completed', result: { result: 'Unterlagen geprüft, Bescheid entworfen.' } });
  });

  it('taking a group task opens it, with its form', async () => {
    // Started by a manager, who may not do the clerk's step: a task for the staff group.
    const manager = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
    const procedureId = await start(manager, `Gruppenaufgabe ${run}`);
    const task = await openTask(clerk, procedureId, 'vorgang-bearbeiten');
    expect((await taskState(task.id)).claimedBy).toBeNull();

    // Searched for, as a clerk would: in a full run the group's list holds it beyond the first page (sorted by due date).
    await page.goto(`${testStack().url}/#${filtered('/group-tasks', { q: `Gruppenaufgabe ${run}` })}`);
    const row = page.locator('tbody tr', { hasText: `Gruppenaufgabe ${run}` }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: 'Übernehmen' }).click();

    await page.waitForURL(new RegExp(`#/tasks/${task.id}/show`));
    await page.getByLabel('Ergebnis der Bearbeitung', { exact: false }).waitFor();
    expect((await taskState(task.id)).claimedBy).toBe(clerkId);
  });

  it('Alt+N opens the next task of the inbox, Ctrl+Enter completes it', async () => {
    const first = await openTask(clerk, await start(clerk, `Tastatur eins ${run}`), 'vorgang-bearbeiten');
    const second = await openTask(clerk, await start(clerk, `Tastatur zwei ${run}`), 'vorgang-bearbeiten');
    await page.goto(`${testStack().url}/#/tasks/${first.id}/show`);
    await page.getByRole('heading', { name: first.title, exact: true }).waitFor();

    // The inbox is sorted by due date: the next one is the one after this task there.
    const mine = (await clerk.get(`/api/tasks?${listQuery({ inbox: 'mine' }, [0, 99], ['dueAt', 'ASC'])}`)).body as TaskRow[];
    const at = mine.findIndex((t) => t.id === first.id);
    const expected = mine[at + 1] ?? mine.find((t) => t.id !== first.id);
    await page.keyboard.press('Alt+KeyN');
    await page.waitForURL(new RegExp(`#/tasks/${expected?.id}/show`));

    await page.goto(`${testStack().url}/#/tasks/${second.id}/show`);
    const result = page.getByLabel('Ergebnis der Bearbeitung', { exact: false });
    await result.fill('Mit der Tastatur erledigt.\nZweite Zeile.');
    await result.press('Control+Enter');
    const done = await eventually(async () => {
      const t = await taskState(second.id);
      return t.status === 'completed' ? t : undefined;
    }, 20_000, 'the task completed by Ctrl+Enter');
    expect(done.status).toBe('completed');
  });
});
