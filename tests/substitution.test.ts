import { ApiClient, eventually, listQuery } from './support/client';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// Vertretung and reassignment: who may act for whom, and what the audit says.

let admin: ApiClient;
let anna: ApiClient;
let ben: ApiClient;
let carla: ApiClient;
let annaId: string;
let benId: string;

beforeAll(async () => {
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  ben = await ApiClient.as('ben.yilmaz@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  annaId = (await anna.get('/api/auth/me')).body.id;
  benId = (await ben.get('/api/auth/me')).body.id;
});

afterAll(async () => {
  await admin.put(`/api/users/${annaId}`, { absent: false, substituteId: null });
});

async function assignedTask(title: string, assigneeId: string) {
  const proc = (await carla.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title, assigneeId } })).body;
  for (let i = 0; i < 100; i += 1) {
    const [task] = (await admin.get(`/api/tasks?${listQuery({ procedureId: proc.id })}`)).body;
    if (task) return { procedureId: proc.id as string, task: task as { id: string; assigneeId: string } };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no task');
}

describe('Vertretung', () => {
  it('shows an absent colleague\'s task to the substitute, who completes it on her behalf', async () => {
    const { task, procedureId } = await assignedTask('Vertretungs-Probe', annaId);
    expect(task.assigneeId).toBe(annaId);
    // Before the absence, Anna's task is none of Ben's business: he cannot even see it.
    const before = await ben.post(`/api/tasks/${task.id}/complete`, { data: { result: 'zu früh' } });
    expect(before.status).toBe(404);

    expect((await admin.put(`/api/users/${annaId}`, { absent: true, substituteId: benId })).status).toBe(200);
    expect((await ben.get('/api/auth/me')).body.substituteFor).toEqual([annaId]);
    const inbox = (await ben.get(`/api/tasks?${listQuery({ inbox: 'mine' })}`)).body as { id: string }[];
    expect(inbox.map((t) => t.id)).toContain(task.id);

    const done = await ben.post(`/api/tasks/${task.id}/complete`, { data: { result: 'in Vertretung erledigt' } });
    expect(done.status).toBe(200);
    const audit = (await admin.get(`/api/audit?${listQuery({ entityId: task.id, action: 'task.completed' })}`)).body;
    expect(audit).toEqual([expect.objectContaining({ actorId: benId, onBehalfOfId: annaId })]);

    // Four-eyes covers both: neither the substitute nor the absent colleague may approve.
    const [approval] = (await admin.get(`/api/tasks?${listQuery({ procedureId, formKind: 'freigabe' })}`)).body;
    const full = await admin.get(`/api/tasks/${approval.id}`);
    expect(full.body.excludedUserIds.sort()).toEqual([annaId, benId].sort());

    // Back from leave: Anna's tasks are hers alone again.
    await admin.put(`/api/users/${annaId}`, { absent: false, substituteId: null });
    expect((await ben.get('/api/auth/me')).body.substituteFor).toEqual([]);
  });

  it('reassigns a task with an audit entry, and refuses a person without the role', async () => {
    const { task } = await assignedTask('Zuweisungs-Probe', annaId);
    const carlaId = (await carla.get('/api/auth/me')).body.id;
    const wrongRole = await anna.post(`/api/tasks/${task.id}/reassign`, { userId: carlaId });
    expect(wrongRole.status).toBe(200); // the first task has no candidate role: a named person may hand it on
    const notHers = await anna.post(`/api/tasks/${task.id}/reassign`, { userId: benId });
    expect(notHers.status).toBe(404); // it is Carla's now and no longer visible to Anna
    const back = await carla.post(`/api/tasks/${task.id}/reassign`, { userId: benId });
    expect(back.status).toBe(200);
    expect(back.body.assigneeId).toBe(benId);
    const unknown = await carla.post(`/api/tasks/${task.id}/reassign`, { userId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('body.userId');
    const audit = (await admin.get(`/api/audit?${listQuery({ entityId: task.id, action: 'task.reassigned' })}`)).body;
    expect(audit.map((a: { detail: { to: string } }) => a.detail.to)).toEqual([carlaId, benId]);

    // Each new holder is told by mail, once.
    const mails = await eventually(async () => {
      const found = (await admin.get(`/api/mailbox?${listQuery({ q: 'Zuweisungs-Probe' })}`)).body as { envelopeTo: string[] }[];
      return found.length >= 3 ? found : undefined;
    }, 20_000, 'the reassignment mails');
    const recipients = mails.flatMap((m) => m.envelopeTo).sort();
    expect(recipients).toEqual(['anna.schmidt@amtsflow.localhost', 'ben.yilmaz@amtsflow.localhost', 'carla.nowak@amtsflow.localhost']);
  });
});
