import type { Page } from 'playwright-core';
import { accessibilityViolations, screenshots, signedIn } from '../../tests/support/browser';
import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { filtered, findRow, go, procedureIdOf } from '../../tests/support/console-pages';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import { openTask } from '../../tests/support/tasks';

// The Vereinsberatung in headless Chromium: a case entered by staff for an organisation of the
// register, its appointment booked with the browser's date and time input, the note proposing a
// funding call with a tick, and the organisation's page listing the case with the call proposed;
// the manager's count per month beside the cases. Each page without WCAG 2.1 AA violations.

const run = Date.now().toString(36);
const organisationName = `Afghanischer Elternverein Chorweiler ${run}`;
const callTitle = `Engagement stärken ${run}`;
let people: Awaited<ReturnType<typeof signedIn>> | undefined;
let anna: Page;
let carla: Page;
let organisationId: string;

beforeAll(async () => {
  const api = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  organisationId = (await api.post('/api/organisations', { name: organisationName, kind: 'elternverein', topics: ['bildung', 'familie'] })).body.id as string;
  const call = await api.post('/api/funding-calls', {
    source: 'stiftung',
    funder: 'Stiftung Bürgerengagement',
    title: callTitle,
    summary: 'Für Elternvereine und Initiativen, die Bildung in der Familie stärken.',
    topics: ['Bildung', 'Ehrenamt'],
    submissionDeadline: new Date(Date.now() + 45 * 86_400_000).toISOString(),
    link: `https://stiftung.example.org/${run}`,
  });
  expect(call.status).toBe(201);
  people = await signedIn(DEMO_PASSWORD, 'anna.schmidt@amtsflow.localhost', 'carla.nowak@amtsflow.localhost');
  [anna, carla] = people.pages as [Page, Page];
});

afterAll(() => people?.close());

describe('the Vereinsberatung in the console', () => {
  it('is entered, booked, noted with a proposed call and shown on the organisation’s page', async () => {
    await go(anna, '/procedures/create');
    await anna.getByRole('radio', { name: 'Vereinsberatung' }).check();
    await anna.getByLabel('Organisation', { exact: true }).fill('Afghanischer Elternverein');
    await anna.getByRole('option', { name: organisationName }).click();
    await anna.getByLabel('Ansprechperson').fill('Mariam Ahmadi');
    await anna.getByLabel('E-Mail').fill(`mariam.${run}@elternverein.localhost`);
    await anna.getByLabel('Gründung eines Vereins').check();
    await anna.getByRole('textbox', { name: 'Anliegen' }).fill('Die Eltern möchten einen Verein gründen, um Fördermittel für Hausaufgabenhilfe zu beantragen.');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await anna.getByRole('button', { name: 'Vorgang starten' }).click();
    await anna.waitForURL(/#\/procedures\/.+\/show/);
    const procedureId = procedureIdOf(anna);
    const api = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);

    await go(anna, `/tasks/${(await openTask(api, procedureId, 'beratung-termin')).id}/show`);
    await anna.getByText('Die Eltern möchten einen Verein gründen').waitFor();
    const day = new Date(Date.now() + 7 * 86_400_000);
    const local = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}T10:00`;
    await anna.getByLabel('Beginn').fill(local);
    await anna.getByLabel('Ort, Telefonnummer oder Video-Link').fill('Bezirksrathaus Chorweiler, Raum 12');
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'advice-appointment');
    await anna.getByRole('button', { name: 'Erledigen' }).click();
    await anna.getByText('Erledigt.', { exact: false }).first().waitFor({ timeout: 60_000 });

    await go(anna, `/tasks/${(await openTask(api, procedureId, 'beratung-vermerk')).id}/show`);
    await anna.getByRole('heading', { name: /^Vermerk zum Termin am/ }).first().waitFor();
    const proposal = anna.getByLabel(new RegExp(`^${callTitle} \\(Stiftung Bürgerengagement, Frist`));
    await proposal.waitFor();
    await anna.getByLabel('Vermerk').fill('Gründungsschritte besprochen; Satzungsentwurf bis zum nächsten Termin.');
    await proposal.check();
    await anna.getByLabel('Fall abschließen').check();
    await anna.getByLabel('Ergebnis der Beratung').click();
    await anna.getByRole('option', { name: 'Beraten' }).click();
    // axe reads the page once the menu has faded out: its options fading are no text anyone reads.
    // By CSS, not by role: a closing menu is aria-hidden at once, and a role query counts it gone while it still fades.
    await anna.locator('[role="listbox"]').waitFor({ state: 'detached' });
    expect(await accessibilityViolations(anna)).toEqual([]);
    await screenshots(anna, 'advice-note');
    await anna.getByRole('button', { name: 'Erledigen' }).click();
    await anna.getByText('Erledigt.', { exact: false }).first().waitFor({ timeout: 60_000 });

    // The organisation's page lists the case and the call proposed, without the register knowing advice.
    const carlaApi = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
    await eventually(async () => {
      const [row] = (await carlaApi.get(`/api/advice-cases?${listQuery({ organisationId })}`)).body as { outcome: string | null }[];
      return row?.outcome === 'beraten' ? row : undefined;
    }, 30_000, 'the closed case');
    await go(carla, `/organisations/${organisationId}/show`);
    const section = carla.getByRole('region', { name: 'Vereinsberatung' });
    await section.getByText(`vorgeschlagen: ${callTitle}`, { exact: false }).waitFor();
    await section.getByRole('link', { name: 'Gründung eines Vereins' }).waitFor();
    await carla.getByRole('region', { name: 'Informationskampagnen' }).getByText('Noch keine.').waitFor();
    expect(await accessibilityViolations(carla)).toEqual([]);
    await screenshots(carla, 'organisation-with-cases');

    const row = await findRow(carla, filtered('/advice-cases', { q: organisationName }), organisationName);
    await row.getByText('Beraten').waitFor();
    await carla.getByRole('table', { name: 'Fälle je Monat' }).waitFor();
    expect(await accessibilityViolations(carla)).toEqual([]);
    await screenshots(carla, 'advice-cases');
  });
});
