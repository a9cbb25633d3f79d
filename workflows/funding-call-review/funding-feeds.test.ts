import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { admin } from '../../tests/support/consultation';
import { spawnApi } from '../../tests/support/extra-processes';
import type { Spawned } from '../../tests/support/spawn';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';
import { openTask } from '../../tests/support/tasks';

// The periodic scan of funding feeds: a Temporal Schedule imports new calls from an RSS feed served
// by this test and starts one review per new call; a call seen before (same link) starts nothing.

const run = Date.now().toString(36);
const SCHEDULE = 'amtsflow-funding-feed-scan';
let feedItems: string[] = [];
let server: http.Server;
let feedUrl: string;
let api: Spawned & { url: string };

const item = (key: string, extra = '') =>
  `<item><title>Aufruf ${key} ${run}</title><link>https://foerderportal.example.org/${run}/${key}</link>` +
  `<description><![CDATA[<p>Förderung der <b>Sprachmittlung</b> in Beratungsstellen. ${extra}</p>]]></description>` +
  `<category>Sprache</category><category>Beratung</category></item>`;

function feed(): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Förderportal NRW</title>` +
    `<link>https://foerderportal.example.org/</link><description>Aufrufe</description>${feedItems.join('')}</channel></rss>`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/broken.xml') {
      res.writeHead(500).end('kaputt');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  feedUrl = `${base}/feed.xml`;
  // An API process configured with the feeds updates the schedule at its start, as a deployment would.
  api = await spawnApi({ FUNDING_FEEDS: `land-nrw=${feedUrl} bund=${base}/broken.xml`, FUNDING_SCAN_EVERY: '1h' });
}, 120_000);

afterAll(async () => {
  // Leave the schedule as the rest of the suite expects it: paused, nothing to read.
  await (await admin()).post(`/api/schedules/${SCHEDULE}/pause`, { note: 'Test beendet' });
  await api?.stop();
  await new Promise((resolve) => server.close(resolve));
});

async function importedCalls() {
  const rows = (await (await admin()).get(`/api/funding-calls?${listQuery({ q: run, origin: 'feed' }, [0, 99], ['title', 'ASC'])}`))
    .body as { id: string; title: string; link: string; source: string; topics: string[]; submissionDeadline: string | null; reviewProcedureId: string | null; summary: string }[];
  return rows;
}

async function triggerAndWait(expectedRuns: number) {
  const client = await ApiClient.as(testStack().adminEmail, testStack().adminPassword, api.url);
  const triggered = await client.post(`/api/schedules/${SCHEDULE}/trigger`);
  expect(triggered.status).toBe(200);
  return eventually(async () => {
    const s = (await client.get(`/api/schedules/${SCHEDULE}`)).body as { runs: number; lastWorkflowId: string | null };
    return s.runs >= expectedRuns ? s : undefined;
  }, 30_000, `scan run ${expectedRuns}`);
}

describe('funding feed import', () => {
  it('shows the schedule to admins only, configured from the feeds', async () => {
    const staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
    expect((await staff.get('/api/schedules')).status).toBe(403);
    const list = (await (await admin()).get('/api/schedules')).body as { id: string; paused: boolean; everyMs: number; nextRunAt: string | null; label: string }[];
    const scan = list.find((s) => s.id === SCHEDULE);
    expect(scan).toMatchObject({ paused: false, everyMs: 3_600_000, label: 'Förderaufrufe aus Feeds einlesen' });
    expect(scan?.nextRunAt).not.toBeNull();
    expect((await (await admin()).get('/api/schedules/kein-plan')).status).toBe(404);
  });

  it('imports new calls once, starts a review for each, and skips entries seen before', async () => {
    const before = ((await (await admin()).get(`/api/schedules/${SCHEDULE}`)).body as { runs: number }).runs;
    feedItems = [item('A', 'Einreichungsfrist: 31.03.2027'), item('B'), item('A', 'derselbe Link noch einmal')];
    await triggerAndWait(before + 1);
    const first = await eventually(async () => {
      const rows = await importedCalls();
      return rows.length === 2 && rows.every((r) => r.reviewProcedureId) ? rows : undefined;
    }, 30_000, 'two imported calls');
    const a = first.find((r) => r.title === `Aufruf A ${run}`);
    expect(a).toMatchObject({
      source: 'land-nrw',
      link: `https://foerderportal.example.org/${run}/A`,
      topics: ['Sprache', 'Beratung'],
      submissionDeadline: '2027-03-31T21:59:00.000Z',
    });
    expect(a?.summary).toContain('Förderung der Sprachmittlung in Beratungsstellen.');
    expect(first.find((r) => r.title === `Aufruf B ${run}`)?.submissionDeadline).toBeNull();

    // Each new call has its review, waiting for the staff's triage.
    const anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
    for (const call of first) {
      const triage = await openTask(anna, call.reviewProcedureId as string, 'foerderaufruf-triage');
      expect(triage.context.call.title).toBe(call.title);
    }

    // The next scan sees A again and C for the first time: one more call, one more review.
    feedItems = [item('A'), item('C')];
    await triggerAndWait(before + 2);
    const second = await eventually(async () => {
      const rows = await importedCalls();
      return rows.length === 3 && rows.every((r) => r.reviewProcedureId) ? rows : undefined;
    }, 30_000, 'the third imported call');
    expect(second.map((r) => r.title)).toEqual([`Aufruf A ${run}`, `Aufruf B ${run}`, `Aufruf C ${run}`]);
    const reviews = (await anna.get(`/api/procedures?${listQuery({ q: run, type: 'funding-call-review' })}`)).body as { id: string }[];
    expect(reviews).toHaveLength(3);

    // The broken feed is on record, and did not stop the good one.
    const audit = (await (await admin()).get(`/api/audit?${listQuery({ action: 'funding-feed.failed' })}`)).body as { entityId: string }[];
    expect(audit.some((e) => e.entityId.endsWith('/broken.xml'))).toBe(true);
  });
});
