import { chromium } from 'playwright-core';
import { closeDb, createDb } from '../db/client';
import { DEMO_PASSWORD } from '../db/seed';
import { ApiClient } from '../tests/support/client';
import { seedDashboardLoad } from './dashboard-data';
import { runBench, withBenchStack } from './bench-stack';
import { fmt, latency, timed } from './stats';

// `npm run bench:dashboard`: the managers' dashboard with 10 000 procedures (with their tasks,
// requests, steps and audit entries) in the database — the API's answer to a fresh session, and
// the page in a fresh Chromium profile (empty cache) until its charts and tables are filled.

const PROCEDURES = Number(process.env.BENCH_DASHBOARD_PROCEDURES ?? 10_000);
const API_SAMPLES = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 50);
const PAGE_SAMPLES = Number(process.env.BENCH_DASHBOARD_PAGES ?? 20);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MANAGER = 'carla.nowak@amtsflow.localhost';

async function main() {
  await withBenchStack('dashboard', {}, async (stack) => {
    console.log(`seeding ${PROCEDURES} procedures with tasks, requests, steps and audit entries …`);
    const db = createDb(stack.databaseUrl, { max: 2 });
    await seedDashboardLoad(db, PROCEDURES);
    await closeDb(db);

    // The first answer after the seed: nothing of it in any cache but PostgreSQL's pages.
    const first = await ApiClient.as(MANAGER, DEMO_PASSWORD, stack.apiUrl);
    let figures: Record<string, unknown> = {};
    const firstMs = await timed(async () => {
      const r = await first.get('/api/dashboard');
      if (r.status !== 200) throw new Error(`dashboard: ${r.status} ${JSON.stringify(r.body)}`);
      figures = r.body as Record<string, unknown>;
    });

    console.log(`GET /api/dashboard, each in a new session (n=${API_SAMPLES}) …`);
    const apiSamples: number[] = [];
    for (let i = 0; i < API_SAMPLES; i += 1) {
      const client = await ApiClient.as(MANAGER, DEMO_PASSWORD, stack.apiUrl);
      apiSamples.push(await timed(() => client.get('/api/dashboard')));
    }

    console.log(`the dashboard page in a fresh Chromium profile (n=${PAGE_SAMPLES}) …`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const pageSamples: number[] = [];
    const chartSamples: number[] = [];
    // Where a page load's time goes: the script loaded, the dashboard's data answered (ms after navigation start).
    const scriptDone: number[] = [];
    const dataDone: number[] = [];
    // The steps of a cold load, p50 each: what the page waited for before its figures.
    const steps: Record<string, number[]> = {};
    const STEP_NAMES: [string, string][] = [
      ['shell', 'entry and vendor scripts loaded'],
      ['me', '/api/auth/me answered'],
      ['dataAsked', '/api/dashboard asked'],
      ['data', '/api/dashboard answered'],
      ['layout', 'menu drawn'],
      ['section', 'dashboard drawn (no figures yet)'],
      ['rows', 'first figures drawn'],
    ];
    try {
      for (let i = 0; i < PAGE_SAMPLES; i += 1) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
        const login = await context.request.post(`${stack.apiUrl}/api/auth/login`, { data: { email: MANAGER, password: DEMO_PASSWORD } });
        if (!login.ok()) throw new Error(`login: ${login.status()}`);
        const page = await context.newPage();
        // When each part first appears, in the page's own clock (ms after navigation start).
        await page.addInitScript(`(() => {
          const seen = {};
          window.__seen = seen;
          const marks = { layout: '[data-testid="menu-my-tasks"]', section: '[data-testid="chart-procedures"]', rows: '[data-testid="chart-procedures"] tbody tr' };
          new MutationObserver(() => {
            for (const k of Object.keys(marks)) if (!(k in seen) && document.querySelector(marks[k])) seen[k] = performance.now();
          }).observe(document, { childList: true, subtree: true });
        })()`);
        const started = performance.now();
        await page.goto(`${stack.apiUrl}/#/`);
        // Filled: the first chart's table has its rows, the last one too — the figures, each a link.
        await page.locator('[data-testid="chart-procedures"] tbody tr').first().waitFor({ timeout: 30_000 });
        await page.locator('[data-testid="chart-completed-by-type"] tbody tr').first().waitFor({ timeout: 30_000 });
        pageSamples.push(performance.now() - started);
        // Drawn: the charts beside them (their own chunk), the last one too.
        await page.locator('[data-testid="chart-procedures"] svg.recharts-surface').first().waitFor({ timeout: 30_000 });
        await page.locator('[data-testid="chart-completed-by-type"] svg.recharts-surface').first().waitFor({ timeout: 30_000 });
        chartSamples.push(performance.now() - started);
        // A string, not a function: tsx would wrap a function's inner arrows in its __name helper, unknown in the page.
        const marks = (await page.evaluate(`(() => {
          const entries = performance.getEntriesByType('resource');
          const end = (match) => Math.max(0, ...entries.filter((e) => match(e.name)).map((e) => e.responseEnd));
          const start = (match) => Math.max(0, ...entries.filter((e) => match(e.name)).map((e) => e.startTime));
          return {
            script: end((n) => n.endsWith('.js')),
            data: end((n) => n.includes('/api/dashboard')),
            steps: {
              shell: end((n) => n.includes('/assets/index-') || n.includes('/assets/vendor-')),
              me: end((n) => n.includes('/api/auth/me')),
              dataAsked: start((n) => n.includes('/api/dashboard')),
              data: end((n) => n.includes('/api/dashboard')),
              ...window.__seen,
            },
          };
        })()`)) as { script: number; data: number; steps: Record<string, number> };
        for (const [k, v] of Object.entries(marks.steps)) (steps[k] ??= []).push(v);
        scriptDone.push(marks.script);
        dataDone.push(marks.data);
        await context.close();
      }
    } finally {
      await browser.close();
    }

    const api = latency(apiSamples);
    const pageLoad = latency(pageSamples);
    const byType = (figures.proceduresByTypeAndStatus as { count: number; status: string }[] | undefined) ?? [];
    const total = byType.reduce((n, r) => n + r.count, 0);
    const runningCount = byType.filter((r) => r.status === 'running').reduce((n, r) => n + r.count, 0);
    const overdue = ((figures.overdueByPerson as { count: number }[] | undefined) ?? []).reduce((n, r) => n + r.count, 0);
    const requests = ((figures.departmentAnswers as { requests: number }[] | undefined) ?? []).reduce((n, r) => n + r.requests, 0);
    console.log(`\n== the managers' dashboard, ${PROCEDURES} procedures seeded (one machine: 2 cores, embedded PostgreSQL) ==`);
    console.log(`figures: ${total} procedures (${runningCount} running), ${overdue} overdue tasks, ${requests} department requests in the period`);
    console.log(`GET /api/dashboard, first after the seed:     ${fmt(firstMs)}`);
    console.log(`GET /api/dashboard, new session each (n=${api.n}): p50 ${fmt(api.p50)}   p99 ${fmt(api.p99)}`);
    const charts = latency(chartSamples);
    console.log(`page until its figures are shown, fresh profile (n=${pageLoad.n}):  p50 ${fmt(pageLoad.p50)}   p99 ${fmt(pageLoad.p99)}   (goal ≤ 1 s)`);
    console.log(`page until its charts are drawn too (n=${charts.n}):              p50 ${fmt(charts.p50)}   p99 ${fmt(charts.p99)}`);
    console.log(`  of which: scripts loaded p50 ${fmt(latency(scriptDone).p50)}, dashboard data answered p50 ${fmt(latency(dataDone).p50)} after navigation`);
    console.log('  a cold load step by step (p50, ms after navigation start):');
    for (const [key, name] of STEP_NAMES) if (steps[key]) console.log(`    ${name.padEnd(36)} ${fmt(latency(steps[key]).p50)}`);
  });
}

runBench(main);
