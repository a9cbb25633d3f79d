import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from './support/browser';
import { ApiClient, eventually, listQuery } from './support/client';
import { go } from './support/console-pages';
import { DEMO_PASSWORD } from './support/stack-env';

// The English switch on a task page: what the console itself writes is English there, steps and
// task titles included (the module's words for its map); what people wrote stays as written.

const run = randomUUID().slice(0, 8);
const email = 'ben.yilmaz@amtsflow.localhost';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ben: ApiClient;

beforeAll(async () => {
  ben = await ApiClient.as(email, DEMO_PASSWORD);
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await loginAs(context, email, DEMO_PASSWORD);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the console in English', () => {
  it('names the task, the next step and the history in English, and keeps what people wrote', async () => {
    const title = `English ${run}: Fortschreibung des Konzepts`;
    const started = await ben.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } });
    expect(started.status).toBe(201);
    const procedureId = (started.body as { id: string }).id;
    const task = await eventually(async () => {
      const mine = (await ben.get(`/api/tasks?${listQuery({ procedureId, inbox: 'mine' })}`)).body as { id: string }[];
      return mine[0];
    }, 20_000, 'the starter’s task');

    await go(page, `/tasks/${task.id}/show`);
    await page.getByRole('heading', { level: 1, name: 'Vorgang bearbeiten' }).waitFor();
    await page.getByRole('button', { name: /Deutsch/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await page.getByRole('heading', { level: 1, name: 'Work on the matter' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The procedure's title is what Ben wrote: German, as written.
    await page.getByText(title).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'task-page-english');

    await page.getByLabel('Result of the work').fill('Mit den Dienststellen abgestimmt');
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText("Done. The procedure's next step: Approval by the management").waitFor();

    await go(page, `/procedures/${encodeURIComponent(procedureId)}/show`);
    const timeline = page.getByTestId('timeline');
    await timeline.locator('[data-source="step"][data-kind="task.created"]', { hasText: 'Approval by the management' }).waitFor();
    await timeline.locator('[data-source="task"]', { hasText: 'Work on the matter' }).first().waitFor();
    // No step the map knows is left in German.
    for (const german of ['Vorgang bearbeiten', 'Freigabe durch die Amtsleitung']) {
      await expect(timeline.getByText(german, { exact: true }).count()).resolves.toBe(0);
    }
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back to German: the recorded words again.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await timeline.locator('[data-source="step"][data-kind="task.created"]', { hasText: 'Freigabe durch die Amtsleitung' }).waitFor();
  });
});
