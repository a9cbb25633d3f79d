import type { Page } from 'playwright-core';
import { accessibilityViolations, screenshots, signedIn } from '../../tests/support/browser';
import { ApiClient, listQuery } from '../../tests/support/client';
import { filtered, findRow, go, openRow, procedureIdOf } from '../../tests/support/console-pages';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';

// The Maßnahmenprogramm in headless Chromium: started from the console's start form, assessed on a
// task page that shows the matrix and the funding, approved by a second manager, and the published
// report in its list with its downloads; each page without WCAG 2.1 AA violations.

const YEAR = 2013;
const title = `Interkulturelles Maßnahmenprogramm ${YEAR}`;
let people: Awaited<ReturnType<typeof signedIn>> | undefined;
let david: Page; // manager and staff: starts and assesses
let carla: Page; // manager: approves

beforeAll(async () => {
  // A measure of its own for the year, so that the file runs alone as well.
  const anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  const districts = (await anna.get(`/api/districts?${listQuery({ kind: 'stadtbezirk' })}`)).body as { id: string; name: string }[];
  const provider = await anna.post('/api/providers', { name: `Konsolenträger ${Date.now().toString(36)}`, kind: 'migrantenselbstorganisation' });
  const measure = await anna.post('/api/measures', {
    title: 'Elterncafé Ehrenfeld',
    providerId: provider.body.id,
    fieldOfAction: 'sprache-bildung',
    districtIds: [districts.find((d) => d.name === 'Ehrenfeld')?.id],
    startsOn: `${YEAR}-01-01`,
    endsOn: `${YEAR}-12-31`,
    participantsPerYear: 18,
    fundingLines: [{ funderLevel: 'kommune', programme: 'Integrationsbudget der Stadt Köln', amountPerYear: 6000 }],
  });
  expect(measure.status).toBe(201);
  people = await signedIn(DEMO_PASSWORD, 'david.mensah@amtsflow.localhost', 'carla.nowak@amtsflow.localhost');
  [david, carla] = people.pages as [Page, Page];
});

afterAll(() => people?.close());

describe('the Maßnahmenprogramm in the console', () => {
  it('is started by year, assessed beside its matrix, approved and listed with its downloads', async () => {
    await go(david, '/procedures/create');
    // The radio button, not a dashboard chart's legend of the same name still on the page.
    await david.getByRole('radio', { name: 'Maßnahmenprogramm berichten' }).check();
    // A year to come: the API's refusal stands next to the field.
    await david.getByLabel('Jahr').fill('2099');
    await david.getByRole('button', { name: 'Vorgang starten' }).click();
    await david.getByText('Das Jahr 2099 liegt in der Zukunft', { exact: false }).first().waitFor();
    await david.getByLabel('Jahr').fill(String(YEAR));
    await david.getByRole('button', { name: 'Vorgang starten' }).click();
    await david.waitForURL(/#\/procedures\/.+\/show/);
    expect(procedureIdOf(david)).toBe(`measure-programme-${YEAR}`);

    const row = await findRow(david, '/tasks', `Maßnahmenprogramm ${YEAR} einschätzen`);
    await row.click();
    const matrix = david.getByTestId('programme-matrix');
    await matrix.getByRole('rowheader', { name: 'Sprache und Bildung' }).waitFor();
    expect(await matrix.getByRole('columnheader').allTextContents()).toContain('Ehrenfeld');
    await david.getByTestId('programme-funding').getByRole('rowheader', { name: 'Alle Handlungsfelder' }).waitFor();
    expect(await accessibilityViolations(david)).toEqual([]);
    await screenshots(david, 'programme-assessment');
    await david.getByLabel('Einschätzung des Jahres', { exact: false }).fill('Ein Angebot in Ehrenfeld; die übrigen Stadtbezirke brauchen Sprachangebote für Eltern.');
    await david.getByRole('button', { name: 'Erledigen' }).click();
    await david.waitForURL(/#\/tasks$/);

    await openRow(carla, filtered('/group-tasks', { q: `Maßnahmenprogramm ${YEAR}` }), `Maßnahmenprogramm ${YEAR} freigeben`);
    await carla.getByText('die übrigen Stadtbezirke brauchen Sprachangebote', { exact: false }).waitFor();
    expect(await accessibilityViolations(carla)).toEqual([]);
    await screenshots(carla, 'programme-approval');
    await carla.getByLabel('Freigeben').check();
    await carla.getByRole('button', { name: 'Erledigen' }).click();
    await carla.getByText('Erledigt. Der Vorgang ist abgeschlossen.').waitFor({ timeout: 120_000 });

    const report = await findRow(david, '/measure-programme-reports', title);
    await report.getByRole('link', { name: `PDF ${YEAR}` }).waitFor();
    expect(await report.getByRole('link', { name: `HTML ${YEAR}` }).getAttribute('href')).toMatch(/^\/api\/measure-programme-reports\/[0-9a-f-]+\/html$/);
    // The year filter sends a number, as the API's filter takes it.
    await david.getByRole('spinbutton', { name: 'Jahr' }).fill(String(YEAR));
    await david.waitForURL(/filter=.*year.*2013/);
    await report.waitFor();
    expect(await accessibilityViolations(david)).toEqual([]);
    await screenshots(david, 'programme-reports');
  });
});
