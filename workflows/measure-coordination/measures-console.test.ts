import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from '../../tests/support/browser';
import { ApiClient } from '../../tests/support/client';
import { expectFinished, findRow, go, procedureIdOf, filtered } from '../../tests/support/console-pages';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';
import { openTask } from '../../tests/support/tasks';

// The registry's pages in headless Chromium: a clerk typing a new measure sees the registered ones
// that may offer the same, and a measure's page names its possible duplicates with their reasons.

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

describe('the measures registry in the console', () => {
  it('shows the possible duplicates while a measure is typed', async () => {
    await go(anna, '/measures/create');
    await anna.getByLabel('Titel').fill('Sprachcafé für Frauen');
    await anna.getByLabel('Beschreibung').fill('Frauen üben einmal in der Woche Deutsch sprechen, mit Kinderbetreuung.');
    const similar = anna.getByTestId('similar-measures');
    await similar.getByRole('link', { name: 'Frauen-Sprachcafé Ehrenfeld' }).waitFor();
    expect(await similar.textContent()).toContain('ähnlicher Titel');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'measure-form-similar');
  });

  it('lists the measures and shows one with its funding and its possible duplicates', async () => {
    const row = await findRow(anna, filtered('/measures', { fieldOfAction: 'sprache-bildung', q: 'Frauen-Sprachcafé' }), 'Frauen-Sprachcafé Ehrenfeld');
    await screenshots(anna, 'measures');
    await row.click();
    await anna.getByRole('heading', { level: 1, name: 'Frauen-Sprachcafé Ehrenfeld' }).waitFor();
    await anna.getByText('Stiftung: Bürgerstiftung Ehrenfeld').waitFor();
    const similar = anna.getByTestId('similar-measures');
    await similar.getByRole('link', { name: 'Sprachcafé für Frauen' }).waitFor();
    expect(await similar.textContent()).toContain('gleicher Stadtbezirk (Ehrenfeld)');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'measure');
  });

  it('shows a provider with its contact persons and measures', async () => {
    // Searched for, as a clerk does: the list's first page holds whatever other tests registered too.
    const row = await findRow(anna, filtered('/providers', { q: 'Frauenzentrum Ehrenfeld' }), 'Internationales Frauenzentrum Ehrenfeld e. V.');
    await screenshots(anna, 'providers');
    await row.click();
    await anna.getByRole('heading', { level: 1, name: 'Internationales Frauenzentrum Ehrenfeld e. V.' }).waitFor();
    await anna.getByText('Leyla Rahimi').waitFor();
    await anna.getByRole('cell', { name: 'Frauengesundheitstreff' }).waitFor();
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'provider');
  });

  it('starts a coordination from a measure’s page and shows the two measures side by side in its first task', async () => {
    const row = await findRow(anna, filtered('/measures', { fieldOfAction: 'sprache-bildung', q: 'Frauen-Sprachcafé' }), 'Frauen-Sprachcafé Ehrenfeld');
    await row.click();
    const similar = anna.getByTestId('similar-measures');
    const candidate = similar.getByRole('listitem').filter({ has: anna.getByRole('link', { name: 'Sprachcafé für Frauen' }) });
    await candidate.getByRole('button', { name: 'Abstimmen' }).click();
    await anna.waitForURL(/#\/procedures\/[^/]+\/show/);
    const id = procedureIdOf(anna);

    const task = await openTask(await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD), id, 'abstimmung-sichten');
    await anna.goto(`${testStack().url}/#/tasks/${task.id}/show`);
    await anna.getByRole('region', { name: 'Erste Maßnahme' }).getByRole('link', { name: 'Frauen-Sprachcafé Ehrenfeld' }).waitFor();
    await anna.getByRole('region', { name: 'Zweite Maßnahme' }).getByRole('link', { name: 'Sprachcafé für Frauen' }).waitFor();
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'coordination-overlap');

    await anna.getByLabel('Nein, keine Abstimmung nötig').check();
    await anna.getByLabel('Begründung').fill('Die Angebote ergänzen sich: eines vormittags, eines abends.');
    await anna.getByRole('button', { name: 'Erledigen' }).click();
    // The API's answer first: leaving the page before it would race the completion itself.
    await anna.getByText(/^Erledigt\./).waitFor();
    await expectFinished(anna, id);
  });
});
