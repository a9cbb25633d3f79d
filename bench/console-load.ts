import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../db/seed';
import { ADMIN_DIST } from '../stack/console-build';
import { ApiClient, eventually, listQuery } from '../tests/support/client';
import { runBench, withBenchStack } from './bench-stack';
import { fmt, latency } from './stats';

// `npm run bench:console`: how fast the console is in a fresh Chromium profile (empty cache), on
// the stack as `npm start` runs it: the login page's load event (Navigation Timing), the inbox
// after the login button, and a task page loaded anew after the login until its form is shown.
// Then the sizes of the built bundle (admin/dist), the figures the browser has to fetch.

const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 10);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STAFF = 'anna.schmidt@amtsflow.localhost';

// Measured by this bench on this machine (2 cores, load average 16 at the time) at commit ecb6008,
// before the console was split by page, compressed and cached: one script, sent uncompressed.
const BEFORE = process.env.BENCH_CONSOLE_NO_BEFORE
  ? undefined
  : {
      commit: 'ecb6008',
      loginLoad: { p50: 979.2, p99: 1464.6 },
      loginForm: { p50: 1330.4, p99: 2081.7 },
      inbox: { p50: 2309.5, p99: 3473.3 },
      taskForm: { p50: 1471.0, p99: 2406.2 },
      bundle: 'entry script 1891.1 kB raw (583.2 kB gzip), sent as it is: 1926.0 kB over the network for the login page; all JS 1926.0 kB in 2 chunks',
    };

/**
 * ms after the navigation's start when `shown` first holds, tested at every frame in the page
 * (a function, not a string: the console's CSP forbids eval). `shown` answers performance.now() or false.
 */
async function whenShown(page: Page, shown: (arg: string) => number | false, arg = ''): Promise<number> {
  const handle = await page.waitForFunction(shown, arg, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

const loginFormShown = () => (document.querySelector('input[type=password]') ? performance.now() : false);
/** The inbox shows its rows (or says it is empty). */
const inboxShown = () => (document.querySelector('main tbody tr, main .RaEmpty-root, main .RaList-noResults') ? performance.now() : false);
const taskFormShown = (button: string) =>
  document.querySelector('main form textarea') && Array.from(document.querySelectorAll('main button')).some((b) => b.textContent?.includes(button)) ? performance.now() : false;

const loadEventEnd = (page: Page) =>
  page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);

/** What the page fetched of its scripts: bytes over the network and after decoding. */
const scriptBytes = (page: Page) =>
  page.evaluate(() => {
    const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.js'));
    // transferSize: what came over the network (headers too; 0 from the cache, a few hundred bytes for a 304).
    return { count: js.length, transferred: js.reduce((n, e) => n + e.transferSize, 0), decoded: js.reduce((n, e) => n + e.decodedBodySize, 0) };
  });

/** Where the task page's time went: ms after the navigation's start when each had answered (no named inner functions: tsx would wrap them in a helper the page lacks). */
function taskMarks(id: string) {
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const endOf = [(n: string) => n.endsWith('.js'), (n: string) => n.includes('/api/auth/me'), (n: string) => n.includes(`/api/tasks/${id}`)].map((match) =>
    Math.max(0, ...entries.filter((e) => match(e.name)).map((e) => e.responseEnd)),
  );
  return { scripts: endOf[0] ?? 0, me: endOf[1] ?? 0, task: endOf[2] ?? 0 };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The built console: its entry (the script index.html loads and what it preloads), every chunk. */
function bundleSizes() {
  const assets = path.join(ADMIN_DIST, 'assets');
  const html = fs.readFileSync(path.join(ADMIN_DIST, 'index.html'), 'utf8');
  const referenced = (re: RegExp) => [...html.matchAll(re)].map((m) => path.basename(m[1] as string));
  const entry = referenced(/<script[^>]+src="([^"]+\.js)"/g);
  const preloaded = referenced(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g);
  const css = referenced(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g);
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (files: string[]) => {
    const bodies = files.map((f) => fs.readFileSync(path.join(assets, f)));
    return {
      raw: bodies.reduce((n, b) => n + b.length, 0),
      gzip: bodies.reduce((n, b) => n + zlib.gzipSync(b, { level: 6 }).length, 0),
      brotli: bodies.reduce((n, b) => n + zlib.brotliCompressSync(b).length, 0),
    };
  };
  const largest = js.map((f) => ({ f, n: fs.statSync(path.join(assets, f)).size })).sort((a, b) => b.n - a.n).slice(0, 5);
  return { entry: size(entry), initial: size([...entry, ...preloaded]), initialFiles: entry.length + preloaded.length, css: size(css), total: size(js), chunks: js.length, largest };
}

async function main() {
  await withBenchStack('console', {}, async (stack) => {
    // A task of Anna's to open: the work task of an approval procedure she starts.
    const staff = await ApiClient.as(STAFF, DEMO_PASSWORD, stack.apiUrl);
    const title = `Bench Konsole ${Date.now().toString(36)}`;
    const started = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } });
    if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
    const task = await eventually(async () => {
      const rows = (await staff.get(`/api/tasks?${listQuery({ procedureId: started.body.id, inbox: 'workable' })}`)).body as { id: string }[];
      return rows[0];
    }, 30_000, 'the work task');

    console.log(`the console in a fresh Chromium profile each (n=${RUNS}) …`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const loginLoad: number[] = [];
    const loginForm: number[] = [];
    const inbox: number[] = [];
    const taskForm: number[] = [];
    const taskLoad: number[] = [];
    const taskScriptsDone: number[] = [];
    const taskMeDone: number[] = [];
    const taskDataDone: number[] = [];
    let loginScripts = { count: 0, transferred: 0, decoded: 0 };
    let taskScripts = { count: 0, transferred: 0, decoded: 0 };
    try {
      for (let i = 0; i < RUNS; i += 1) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
        const page = await context.newPage();
        // The login page, nothing cached.
        await page.goto(`${stack.apiUrl}/#/login`, { waitUntil: 'load' });
        loginForm.push(await whenShown(page, loginFormShown));
        loginLoad.push(await loadEventEnd(page));
        loginScripts = await scriptBytes(page);

        // The login button until the inbox shows its tasks (react-admin's own navigation, no reload).
        await page.getByLabel('E-Mail-Adresse').fill(STAFF);
        await page.getByLabel('Passwort', { exact: false }).first().fill(DEMO_PASSWORD);
        const clicked = await page.evaluate(() => performance.now());
        await page.getByRole('button', { name: 'Anmelden' }).click();
        inbox.push((await whenShown(page, inboxShown)) - clicked);

        // A task page loaded anew after the login (a link opened, a reload): the cache holds what the
        // login page fetched, the rest comes now; done when the form and its button are shown.
        await page.goto('about:blank');
        await page.goto(`${stack.apiUrl}/#/tasks/${task.id}/show`, { waitUntil: 'commit' });
        taskForm.push(await whenShown(page, taskFormShown, 'Erledigen'));
        await page.waitForLoadState('load');
        taskLoad.push(await loadEventEnd(page));
        const marks = await page.evaluate(taskMarks, task.id);
        taskScriptsDone.push(marks.scripts);
        taskMeDone.push(marks.me);
        taskDataDone.push(marks.task);
        taskScripts = await scriptBytes(page);
        await context.close();
      }
    } finally {
      await browser.close();
    }

    const b = bundleSizes();
    const line = (label: string, samples: number[], before?: { p50: number; p99: number }) => {
      const l = latency(samples);
      const was = before ? `   (before: p50 ${fmt(before.p50)}, p99 ${fmt(before.p99)})` : '';
      console.log(`${label.padEnd(58)} p50 ${fmt(l.p50).padStart(10)}   p99 ${fmt(l.p99).padStart(10)}${was}`);
    };
    console.log(`\n== the console, fresh Chromium profile each (n=${RUNS}; one machine: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}) ==`);
    line('login page: load event (loadEventEnd)          goal ≤ 1 s', loginLoad, BEFORE?.loginLoad);
    line('login page: its form shown', loginForm, BEFORE?.loginForm);
    line('login button → the inbox shows its tasks', inbox, BEFORE?.inbox);
    line('task page after login: its form shown          goal ≤ 1 s', taskForm, BEFORE?.taskForm);
    line('task page after login: load event (loadEventEnd)', taskLoad);
    console.log(`  of which (p50, ms after navigation): scripts loaded ${fmt(latency(taskScriptsDone).p50)}, /api/auth/me answered ${fmt(latency(taskMeDone).p50)}, the task answered ${fmt(latency(taskDataDone).p50)}`);
    console.log(`scripts fetched by the login page: ${loginScripts.count}, ${kB(loginScripts.transferred)} over the network (${kB(loginScripts.decoded)} decoded)`);
    console.log(`scripts fetched by the task page (after the login page's are cached): ${taskScripts.count}, ${kB(taskScripts.transferred)} over the network (${kB(taskScripts.decoded)} decoded)`);
    console.log('\n== the bundle (admin/dist) ==');
    console.log(`entry script:            ${kB(b.entry.raw)} raw, ${kB(b.entry.gzip)} gzip, ${kB(b.entry.brotli)} brotli`);
    console.log(`entry with its preloads: ${kB(b.initial.raw)} raw, ${kB(b.initial.gzip)} gzip, ${kB(b.initial.brotli)} brotli (${b.initialFiles} files)`);
    console.log(`CSS loaded at start:     ${kB(b.css.raw)} raw, ${kB(b.css.gzip)} gzip`);
    console.log(`all JS:                  ${kB(b.total.raw)} raw, ${kB(b.total.gzip)} gzip, in ${b.chunks} chunks`);
    console.log(`largest chunks:          ${b.largest.map((c) => `${c.f} ${kB(c.n)}`).join(', ')}`);
    if (BEFORE) console.log(`before (${BEFORE.commit}):         ${BEFORE.bundle}`);
  });
}

runBench(main);
