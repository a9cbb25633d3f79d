import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from '../../tests/support/browser';
import { findRow, go } from '../../tests/support/console-pages';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';

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
    const row = await findRow(anna, `/measures?filter=${encodeURIComponent(JSON.stringify({ fieldOfAction: 'sprache-bildung' }))}`, 'Frauen-Sprachcafé Ehrenfeld');
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
    const row = await findRow(anna, '/providers', 'Internationales Frauenzentrum Ehrenfeld e. V.');
    await screenshots(anna, 'providers');
    await row.click();
    await anna.getByRole('heading', { level: 1, name: 'Internationales Frauenzentrum Ehrenfeld e. V.' }).waitFor();
    await anna.getByText('Leyla Rahimi').waitFor();
    await anna.getByRole('cell', { name: 'Frauengesundheitstreff' }).waitFor();
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'provider');
  });
});
