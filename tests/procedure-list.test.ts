import { ApiClient, eventually, listQuery } from './support/client';
import { departmentByCode, departments, linkToken, requestMails, startConsultation, submitAnswer, type CaughtMail, type Department } from './support/consultation';
import { DEMO_PASSWORD } from './support/stack-env';
import { openTask } from './support/tasks';

// The procedure list shows what is outstanding at a glance: the next due date, who holds the next
// task, a running consultation's answers so far; it filters by overdue, person and department.

const run = Date.now().toString(36);
let anna: ApiClient;
let carla: ApiClient;
let depts: Department[];
let annaId: string;

type Row = { id: string; nextDueAt: string | null; responsibleId: string | null; responsibleRole: string | null; requestsAsked: number; requestsAnswered: number; currentStep: string | null };

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(anna);
  annaId = (await anna.get('/api/auth/me')).body.id as string;
});

const list = async (filter: Record<string, unknown>, sort?: [string, string]) =>
  (await carla.get(`/api/procedures?${listQuery(filter, [0, 499], sort)}`)).body as Row[];

describe('the procedure list', () => {
  it('counts a consultation’s answers, shows its deadline as next due date, and finds it by department', async () => {
    const marker = `Liste ${run}`;
    const asked = ['JUGA', 'WOHN', 'GESA'].map((c) => departmentByCode(depts, c));
    const id = await startConsultation(anna, { subject: marker, question: 'Wie viele Plätze gibt es derzeit?', departmentIds: asked.map((d) => d.id) });
    const mails = await requestMails(marker, asked);
    expect((await submitAnswer(linkToken(mails.get(asked[0]!.id) as CaughtMail), { antwort: 'Zwölf.' })).status).toBe(200);

    const row = await eventually(async () => {
      const r = (await list({ id: [id] }))[0];
      return r && r.requestsAnswered === 1 ? r : undefined;
    }, 20_000, 'one answer of three in the list');
    expect(row).toMatchObject({ requestsAsked: 3, requestsAnswered: 1 });
    // No task yet: the departments' deadline is what is due next.
    const request = (await carla.get(`/api/procedures/${id}/requests`)).body as { deadlineAt: string }[];
    expect(row.nextDueAt).toBe(request[0]?.deadlineAt);

    expect((await list({ departmentId: asked[1]!.id, q: marker })).map((r) => r.id)).toEqual([id]);
    expect(await list({ departmentId: departmentByCode(depts, 'KULT').id, q: marker })).toEqual([]);
  });

  it('names who holds the next task, filters by that person and by overdue, and sorts by the due date', async () => {
    const mine = (await anna.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: `Liste ${run} Anna`, assigneeId: annaId } })).body as { id: string };
    // Started by a manager, who does not do the work: the staff group's task. (Anna's own start would be hers at once.)
    const group = (await carla.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: `Liste ${run} Gruppe` } })).body as { id: string };
    await openTask(anna, mine.id, 'vorgang-bearbeiten');
    await openTask(anna, group.id, 'vorgang-bearbeiten');
    const rows = await list({ q: `Liste ${run}` });
    expect(rows.find((r) => r.id === mine.id)).toMatchObject({ responsibleId: annaId, responsibleRole: null, requestsAsked: 0 });
    expect(rows.find((r) => r.id === group.id)).toMatchObject({ responsibleId: null, responsibleRole: 'staff' });
    expect((await list({ q: `Liste ${run}`, responsibleId: annaId })).map((r) => r.id)).toEqual([mine.id]);

    // Nothing here is overdue yet (five business days); every row with a due date sorts before those without.
    expect((await list({ q: `Liste ${run}`, overdue: true })).length).toBe(0);
    expect((await list({ q: `Liste ${run}`, overdue: false })).length).toBe(rows.length);
    const sorted = await list({ q: `Liste ${run}` }, ['nextDueAt', 'ASC']);
    const dues = sorted.map((r) => r.nextDueAt);
    const dated = dues.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dues.slice(0, dated.length)).toEqual(dated);
    expect((await carla.get(`/api/procedures?${listQuery({ responsibleId: 'x' })}`)).status).toBe(400);
  });
});
