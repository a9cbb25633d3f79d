import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from './support/browser';
import { ApiClient, eventually, listQuery } from './support/client';
import { go, filtered } from './support/console-pages';
import { departmentByCode, departments, linkToken, requestMails, startConsultation, submitAnswer, type CaughtMail, type Department } from './support/consultation';
import { DEMO_PASSWORD } from './support/stack-env';
import { complete, openTask } from './support/tasks';

// What a manager (Carla Nowak) sees of a running funding review and a consultation: the map with
// every step's state as the API has it, the departments' requests, the lists with what is
// outstanding, the type's map with its waiting procedures, the dashboard whose figures lead to
// their lists, and the Protokoll in words — each page axe-clean at laptop and tablet size.

const run = Date.now().toString(36);
let browser: Browser;
const contexts: BrowserContext[] = [];
let carla: Page;
let anna: ApiClient;
let manager: ApiClient;
let depts: Department[];
let reviewId: string;
let consultationId: string;

type MapNode = { key: string; state: string; by: string | null; childProcedureId: string | null };
type Request = { departmentName: string; status: string };

async function expectAxeClean(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Each step of the map, in the list and in the drawing, in the state the API gives it. */
async function expectMapAsApi(page: Page, procedureId: string) {
  const map = (await manager.get(`/api/procedures/${encodeURIComponent(procedureId)}/map`)).body as { nodes: MapNode[] };
  await page.getByTestId('map-steps').waitFor();
  for (const n of map.nodes) {
    await expect(page.locator(`[data-testid="map-steps"] li[data-step="${n.key}"]`).getAttribute('data-state')).resolves.toBe(n.state);
    await expect(page.locator(`[data-testid="map-diagram"] g[data-step="${n.key}"]`).getAttribute('data-state')).resolves.toBe(n.state);
  }
  return map;
}

beforeAll(async () => {
  browser = await launchBrowser();
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  manager = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(anna);
  const context = await newContext(browser);
  contexts.push(context);
  carla = await loginAs(context, 'carla.nowak@amtsflow.localhost', DEMO_PASSWORD);

  // A funding review whose consultation asked three departments, one of which has answered …
  const marker = `Aufsicht Förderaufruf ${run}`;
  const asked = ['JUGA', 'WOHN', 'ORDA'].map((c) => departmentByCode(depts, c));
  const call = (await anna.post('/api/funding-calls', {
    source: 'land-nrw', funder: 'Land NRW', title: marker, link: `https://example.org/aufsicht/${run}`,
    submissionDeadline: new Date(Date.now() + 60 * 86_400_000).toISOString(),
  })).body as { id: string };
  reviewId = ((await anna.post('/api/procedures', { type: 'funding-call-review', input: { fundingCallId: call.id } })).body as { id: string }).id;
  await complete(anna, await openTask(anna, reviewId, 'foerderaufruf-triage'), { relevant: true, reason: 'Passt zum Handlungsfeld Bildung', departmentIds: asked.map((d) => d.id) });
  const reviewMails = await requestMails(marker, asked);
  expect((await submitAnswer(linkToken(reviewMails.get(asked[0]!.id) as CaughtMail), { antwort: 'Nützlich.' })).status).toBe(200);

  // … and a consultation of its own, also with one answer of three.
  const subject = `Aufsicht Anfrage ${run}`;
  const askedToo = ['GESA', 'SCHU', 'ORDA'].map((c) => departmentByCode(depts, c));
  consultationId = await startConsultation(anna, { subject, question: 'Wie viele Beratungsstunden bieten Sie an?', departmentIds: askedToo.map((d) => d.id) });
  const mails = await requestMails(subject, askedToo);
  expect((await submitAnswer(linkToken(mails.get(askedToo[0]!.id) as CaughtMail), { antwort: 'Zwölf je Woche.' })).status).toBe(200);
  for (const id of [`${reviewId}.anfrage`, consultationId]) {
    await eventually(async () => {
      const rows = (await manager.get(`/api/procedures?${listQuery({ id: [id] })}`)).body as { requestsAnswered: number }[];
      return rows[0]?.requestsAnswered === 1 ? true : undefined;
    }, 20_000, 'one answer of three');
  }
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('a manager’s oversight in the console', () => {
  it('shows the review on its map as the API has it, with who did triage, and opens the consultation from its node', async () => {
    await go(carla, `/procedures/${encodeURIComponent(reviewId)}/show`);
    const map = await expectMapAsApi(carla, reviewId);
    expect(map.nodes.find((n) => n.key === 'triage')).toMatchObject({ state: 'done', by: 'Anna Schmidt' });
    expect(map.nodes.find((n) => n.key === 'anfrage')?.state).toBe('current');
    await expect(carla.locator('[data-testid="map-steps"] li[data-step="triage"]').textContent()).resolves.toContain('Anna Schmidt');
    await expect(carla.getByTestId('map-now').textContent()).resolves.toContain('Anfrage an die Fachdienststellen');
    await expect(carla.getByTestId('map-next').textContent()).resolves.toContain('Über einen Antrag entscheiden');

    // The requests of its consultation, by department name, as they stand.
    const requests = (await manager.get(`/api/procedures/${encodeURIComponent(reviewId)}/requests`)).body as Request[];
    await carla.getByTestId('request-row').nth(requests.length - 1).waitFor();
    for (const r of requests) {
      await expect(carla.locator(`[data-testid="request-row"][data-department="${r.departmentName}"]`).getAttribute('data-status')).resolves.toBe(r.status);
    }
    expect(requests.map((r) => r.status).sort()).toEqual(['answered', 'pending', 'pending']);
    await expect(carla.getByTestId('request-table').textContent()).resolves.toContain('Ordnungsamt');
    await expectAxeClean(carla);
    await screenshots(carla, 'procedure-map');

    await carla.locator('[data-testid="map-diagram"] g[data-step="anfrage"]').click();
    await carla.waitForURL(new RegExp(`#/procedures/${encodeURIComponent(`${reviewId}.anfrage`).replace(/\./g, '\\.')}/show`));
    const child = await expectMapAsApi(carla, `${reviewId}.anfrage`);
    expect(child.nodes.find((n) => n.key === 'consultation:waiting')?.state).toBe('current');
    await carla.getByTestId('request-row').nth(2).waitFor();
    await screenshots(carla, 'consultation-map');
  });

  it('lists both with their answers so far, next due date and who is responsible; filters by department', async () => {
    const ordnungsamt = departmentByCode(depts, 'ORDA');
    const filter = { id: [reviewId, `${reviewId}.anfrage`, consultationId], departmentId: ordnungsamt.id, status: ['running'] };
    await go(carla, filtered('/procedures', filter));
    const rows = (await manager.get(`/api/procedures?${listQuery(filter, [0, 24], ['startedAt', 'DESC'])}`)).body as {
      id: string; title: string; requestsAsked: number; requestsAnswered: number; nextDueAt: string | null;
    }[];
    const ours = rows.filter((r) => [reviewId, `${reviewId}.anfrage`, consultationId].includes(r.id));
    expect(ours).toHaveLength(3);
    for (const r of ours) {
      const row = carla.locator('tbody tr', { hasText: r.title }).first();
      await row.waitFor();
      expect(r).toMatchObject({ requestsAsked: 3, requestsAnswered: 1 });
      await expect(row.getByTestId('answers-count').textContent()).resolves.toBe('1 von 3 Antworten');
      expect(r.nextDueAt).not.toBeNull();
    }
    await expectAxeClean(carla);
    await screenshots(carla, 'procedures-outstanding');
  });

  it('shows the type’s map with the running reviews waiting at each step and the time per step', async () => {
    await go(carla, '/procedure-types/funding-call-review/show');
    await carla.getByTestId('type-stats').waitFor();
    const stats = (await manager.get('/api/procedure-types/funding-call-review/stats')).body as { key: string; waiting: number }[];
    for (const s of stats) {
      await expect(carla.locator(`[data-testid="type-stats"] tr[data-step="${s.key}"]`).getAttribute('data-waiting')).resolves.toBe(String(s.waiting));
    }
    expect(stats.find((s) => s.key === 'anfrage')?.waiting).toBeGreaterThanOrEqual(1);
    await expectAxeClean(carla);
    await screenshots(carla, 'procedure-type');
    await go(carla, '/procedure-types');
    await carla.getByTestId('procedure-type-card').first().waitFor();
    await expectAxeClean(carla);
  });

  it('fills the dashboard with names, axe-clean with its charts, and follows a department’s pending figure to its requests', async () => {
    await go(carla, '/');
    const answers = carla.getByTestId('chart-answers');
    const row = answers.locator('tbody tr', { hasText: 'Ordnungsamt' });
    await row.waitFor();
    await carla.getByTestId('chart-procedures').locator('svg').first().waitFor();
    await expect(answers.textContent()).resolves.not.toContain('ORDA');
    await expectAxeClean(carla);
    await screenshots(carla, 'dashboard-oversight');

    const dashboard = (await manager.get('/api/dashboard?period=year')).body as { departmentAnswers: { name: string; pending: number }[]; since: string };
    const pending = dashboard.departmentAnswers.find((d) => d.name === 'Ordnungsamt')?.pending ?? 0;
    expect(pending).toBeGreaterThanOrEqual(2);
    // The pending column is the fifth of the table: Dienststelle, Anfragen, Quote, keine Antwort, ausstehend.
    const figure = row.locator('td').nth(4).getByRole('link');
    await expect(figure.textContent()).resolves.toBe(String(pending));
    await figure.click();
    await carla.waitForURL(/#\/consultation-requests/);
    // Rows of the filtered list, not the skeleton shown while it loads.
    await carla.locator('tbody tr', { hasText: `Aufsicht Anfrage ${run}` }).waitFor();
    const ordnungsamt = departmentByCode(depts, 'ORDA');
    const listed = await manager.get(`/api/consultation-requests?${listQuery({ departmentId: ordnungsamt.id, status: ['pending'], sentFrom: dashboard.since }, [0, 0])}`);
    expect(listed.headers.get('content-range')).toMatch(new RegExp(`/${pending}$`));
    await expect(carla.locator('tbody tr').count()).resolves.toBe(Math.min(pending, 25));
    await expect(carla.locator('tbody').textContent()).resolves.toContain(`Aufsicht Anfrage ${run}`);
    await expectAxeClean(carla);
    await screenshots(carla, 'requests-list');
  });

  it('tells the Protokoll in words: kinds, people and records by name, details as facts, no codes or ids', async () => {
    await go(carla, filtered('/audit', { procedureId: reviewId }));
    await carla.getByTestId('audit-kind').first().waitFor();
    const text = (await carla.locator('main').textContent()) ?? '';
    expect(text).toContain('Vorgang gestartet');
    expect(text).toContain('Aufgabe erledigt');
    expect(text).toContain('Anna Schmidt');
    expect(text).toContain('automatisch');
    expect(text).not.toMatch(/task\.created|procedure\.started|request\.answered/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toContain('{"');
    // The starter's triage was hers at once: said with her name, not her id.
    expect(text).toMatch(/Gleich übernommen von\s*Anna Schmidt/);
    // Every entry names who acted: a person, or "automatisch" for the system.
    for (const actor of await carla.getByTestId('audit-actor').allTextContents()) expect(actor.trim()).not.toMatch(/^–?$/);
    await expectAxeClean(carla);
    await screenshots(carla, 'audit');

    await go(carla, '/all-tasks');
    await carla.locator('tbody tr').first().waitFor();
    await expectAxeClean(carla);
    await screenshots(carla, 'all-tasks');
  });
});
