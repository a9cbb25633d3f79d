import { ApiClient, eventually } from './support/client';
import { departments, linkToken, requestMails, submitAnswer, type CaughtMail } from './support/consultation';
import { DEMO_PASSWORD } from './support/stack-env';
import { complete, openTask } from './support/tasks';

// The map of a procedure as a manager sees it: steps done with who and when, the current one, what
// is ahead; a consultation opens as its child; the type's map counts where running procedures stand.

const run = Date.now().toString(36);
let anna: ApiClient;
let carla: ApiClient;

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
});

type MapNode = { key: string; state: string; by: string | null; at: string | null; times: number; childProcedureId: string | null };
const node = (map: { nodes: MapNode[] }, key: string) => map.nodes.find((n) => n.key === key) as MapNode;

describe('the procedure map', () => {
  it('lists every type with its steps and their conditions', async () => {
    const types = (await anna.get('/api/procedure-types')).body as { id: string; steps: { nodes: { key: string; kind: string }[]; edges: { from: string; to: string; label?: string }[] } }[];
    const review = types.find((t) => t.id === 'funding-call-review');
    expect(review?.steps.nodes.map((n) => n.key)).toEqual(expect.arrayContaining(['triage', 'anfrage', 'freigabe', 'gefoerdert']));
    expect(review?.steps.edges).toContainEqual({ from: 'freigabe', to: 'entscheidung', label: 'abgelehnt → zurück' });
    expect(types.map((t) => t.id).sort()).toEqual(['association-advice', 'department-consultation', 'funding-call-review', 'information-campaign', 'integration-monitoring', 'measure-coordination', 'measure-programme', 'measure-survey', 'study-evaluation', 'vorgang-mit-freigabe']);
  });

  it('marks what is done, by whom, what is current and what is ahead, for a Vorgang mit Freigabe', async () => {
    const started = (await anna.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: `Karte ${run}` } })).body as { id: string };
    const fresh = (await anna.get(`/api/procedures/${started.id}/map`)).body as { nodes: MapNode[] };
    // Its first task opens a moment after the start.
    const before = await eventually(async () => {
      const m = (await anna.get(`/api/procedures/${started.id}/map`)).body as { nodes: MapNode[] };
      return node(m, 'bearbeiten').state === 'current' ? m : undefined;
    }, 20_000, 'the first task on the map');
    expect(node(fresh, 'freigabe').state).toBe('ahead');
    expect(node(before, 'freigegeben').state).toBe('ahead');

    await complete(anna, await openTask(anna, started.id, 'vorgang-bearbeiten'), { result: 'Erledigt' });
    const after = (await carla.get(`/api/procedures/${started.id}/map`)).body as { nodes: MapNode[]; status: string };
    expect(node(after, 'bearbeiten')).toMatchObject({ state: 'done', by: 'Anna Schmidt', times: 1 });
    expect(node(after, 'bearbeiten').at).not.toBeNull();
    expect(node(after, 'freigabe').state).toBe('current');

    await complete(carla, await openTask(carla, started.id, 'freigabe'), { decision: 'approve' });
    const end = await eventually(async () => {
      const m = (await carla.get(`/api/procedures/${started.id}/map`)).body as { nodes: MapNode[]; status: string };
      return m.status === 'completed' ? m : undefined;
    }, 20_000, 'the end on the map');
    expect(node(end, 'freigabe')).toMatchObject({ state: 'done', by: 'Carla Nowak' });
    expect(node(end, 'freigegeben').state).toBe('done');
    expect(node(end, 'nicht-freigegeben').state).toBe('ahead');
  });

  it('opens a funding review’s consultation from its node, and counts the type’s running procedures per step', async () => {
    const depts = await departments(anna);
    const juga = depts.find((d) => d.code === 'JUGA') as { id: string };
    const marker = `Karte Förderaufruf ${run}`;
    const call = (await anna.post('/api/funding-calls', {
      source: 'eu', funder: 'Europäische Kommission', title: marker, link: `https://example.org/karte/${run}`,
      submissionDeadline: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    })).body as { id: string };
    const review = (await anna.post('/api/procedures', { type: 'funding-call-review', input: { fundingCallId: call.id } })).body as { id: string };
    await complete(anna, await openTask(anna, review.id, 'foerderaufruf-triage'), { relevant: true, reason: 'Passt gut', departmentIds: [juga.id] });
    const map = await eventually(async () => {
      const m = (await carla.get(`/api/procedures/${review.id}/map`)).body as { nodes: MapNode[] };
      return node(m, 'anfrage').state === 'current' ? m : undefined;
    }, 20_000, 'the consultation as current step');
    expect(node(map, 'anfrage').childProcedureId).toBe(`${review.id}.anfrage`);
    expect(node(map, 'triage')).toMatchObject({ state: 'done', by: 'Anna Schmidt' });

    const stats = (await carla.get('/api/procedure-types/funding-call-review/stats')).body as { key: string; waiting: number; medianMs: number | null }[];
    const running = (await carla.get(`/api/procedures?${new URLSearchParams({ filter: JSON.stringify({ type: 'funding-call-review', status: 'running' }), range: '[0,499]' })}`)).body as { id: string; currentStep: string | null }[];
    // Every running review that has taken a step stands at exactly one step of the map.
    expect(stats.reduce((sum, s) => sum + s.waiting, 0)).toBe(running.filter((p) => p.currentStep !== null).length);
    expect(stats.find((s) => s.key === 'anfrage')?.waiting).toBeGreaterThanOrEqual(1);
    // Triage was done at least once: its time is measured.
    expect(stats.find((s) => s.key === 'triage')?.medianMs).not.toBeNull();
    expect((await anna.get('/api/procedure-types/funding-call-review/stats')).status).toBe(403);

    // The department answers; the consultation's own map then waits for the consolidation.
    const mails = await requestMails(marker, [juga as never]);
    expect((await submitAnswer(linkToken(mails.get(juga.id) as CaughtMail), { antwort: 'Sinnvoll.' })).status).toBe(200);
    const child = await eventually(async () => {
      const m = (await carla.get(`/api/procedures/${review.id}.anfrage/map`)).body as { nodes: MapNode[] };
      return node(m, 'zusammenfuehren').state === 'current' ? m : undefined;
    }, 20_000, 'the consolidation on the child’s map');
    expect(node(child, 'consultation:waiting').state).toBe('done');
  });
});
