import { randomUUID } from 'node:crypto';
import { ApiClient, eventually, listQuery } from './support/client';
import { spawnApi } from './support/extra-processes';
import type { Spawned } from './support/spawn';
import { DEMO_PASSWORD, testStack } from './support/stack-env';
import { openTask, type TaskRow } from './support/tasks';

// Wiedervorlage: a task put aside until a day leaves the inboxes, is listed under "Wiedervorlagen",
// and comes back marked with its reason; only the row changes, so its deadline and the workflow's
// reminders run on. Seconds stand in for days where the test needs the date to pass.

const run = randomUUID().slice(0, 8);
let api: Spawned & { url: string };
let anna: ApiClient;
let ben: ApiClient;
let carla: ApiClient;
let admin: ApiClient;

type Task = TaskRow & { resubmitAt: string | null; resubmitReason: string | null };

const inbox = async (client: ApiClient, filter: Record<string, unknown>) => (await client.get(`/api/tasks?${listQuery(filter)}`)).body as Task[];
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const putAside = (client: ApiClient, taskId: string, body: Record<string, unknown>) => client.post(`/api/tasks/${taskId}/resubmission`, body);

/** Tomorrow and today as Berlin's calendar days (YYYY-MM-DD). */
function berlinDay(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

beforeAll(async () => {
  // Reminders after 3 s, the deadline after 5 s: both pass while the task is put aside.
  api = await spawnApi({ TASK_REMINDER_AFTER: '3s', TASK_DUE: '5s', TASK_ESCALATE_AFTER: '1h' });
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, api.url);
  ben = await ApiClient.as('ben.yilmaz@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
});

afterAll(async () => {
  expect(await api.stop()).toBe(0);
});

describe('Wiedervorlage', () => {
  it('takes a task out of the inbox until its moment, lists it under Wiedervorlagen, and brings it back marked; its timers run on', async () => {
    const title = `Förderantrag Träger ${run}`;
    const started = await anna.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } });
    expect(started.status).toBe(201);
    const task = await openTask(anna, started.body.id, 'vorgang-bearbeiten');
    const reason = 'Unterlagen vom Träger abwarten';
    const until = new Date(Date.now() + 12_000);
    const put = await putAside(anna, task.id, { resubmitAt: until.toISOString(), reason });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: task.id, status: 'claimed', resubmitReason: reason, resubmitAt: until.toISOString() });

    expect(ids(await inbox(anna, { inbox: 'mine' }))).not.toContain(task.id);
    expect(ids(await inbox(anna, { inbox: 'mine', resubmission: true }))).toContain(task.id);
    // The deadline and the reminder are the workflow's: they come while the task lies aside.
    const reminder = await eventually(async () => {
      const mails = (await admin.get(`/api/mailbox?${listQuery({ q: title })}`)).body as { subject: string; envelopeTo: string[] }[];
      return mails.find((m) => m.subject.startsWith('Erinnerung:'));
    }, 20_000, 'the reminder while put aside');
    expect(reminder.envelopeTo).toEqual(['anna.schmidt@amtsflow.localhost']);
    expect(Date.now()).toBeLessThan(until.getTime());
    expect(ids(await inbox(anna, { inbox: 'mine' }))).not.toContain(task.id);
    const aside = (await inbox(anna, { inbox: 'mine', resubmission: true, procedureId: started.body.id }))[0];
    expect(aside).toMatchObject({ id: task.id, resubmitReason: reason });

    // Back, with its reason, once the moment has passed; overdue meanwhile, as its deadline said.
    const back = await eventually(async () => (await inbox(anna, { inbox: 'mine', procedureId: started.body.id })).find((t) => t.id === task.id), 20_000, 'the task back in the inbox');
    expect(Date.now()).toBeGreaterThanOrEqual(until.getTime());
    expect(back).toMatchObject({ resubmitReason: reason, resubmitAt: until.toISOString() });
    expect(new Date(back.dueAt ?? '').getTime()).toBeLessThan(Date.now());
    expect(ids(await inbox(anna, { inbox: 'mine', resubmission: true }))).not.toContain(task.id);

    const audit = (await carla.get(`/api/audit?${listQuery({ entityId: task.id, action: 'task.resubmission' })}`)).body as { actorName: string; detail: { reason: string; resubmitAt: string } }[];
    expect(audit).toEqual([expect.objectContaining({ actorName: 'Anna Schmidt', detail: { reason, resubmitAt: until.toISOString() } })]);
    // The workflow never knew: the completion goes on to the approval as ever.
    const done = await anna.post(`/api/tasks/${task.id}/complete`, { data: { result: 'Unterlagen liegen vor, Antrag geprüft' } });
    expect(done.status).toBe(200);
    expect(done.body.procedure.currentStep).toBe('Freigabe durch die Amtsleitung');
  });

  it('puts a group task aside for the whole group, until a day, and takes it back at once when asked', async () => {
    // A manager's procedure: its work task is the staff group's.
    const started = await carla.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: `Gruppenaufgabe auf Wiedervorlage ${run}` } });
    const task = await openTask(ben, started.body.id, 'vorgang-bearbeiten');
    expect(ids(await inbox(ben, { inbox: 'group' }))).toContain(task.id);
    const tomorrow = berlinDay(1);
    const put = await putAside(anna, task.id, { resubmitAt: tomorrow, reason: 'Stellungnahme des Jugendamts abwarten' });
    expect(put.status).toBe(200);
    // A day means its beginning in Berlin: back that morning.
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(put.body.resubmitAt))).toBe(`${tomorrow}, 00:00`);
    expect(ids(await inbox(ben, { inbox: 'group' }))).not.toContain(task.id);
    expect(ids(await inbox(ben, { inbox: 'group', resubmission: true }))).toContain(task.id);
    // Managers' list of every task shows it; its filter finds it.
    expect(ids(await inbox(carla, { procedureId: started.body.id, resubmission: true }))).toEqual([task.id]);

    const back = await ben.delete(`/api/tasks/${task.id}/resubmission`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ resubmitAt: null, resubmitReason: null });
    expect(ids(await inbox(ben, { inbox: 'group' }))).toContain(task.id);
    const again = await ben.delete(`/api/tasks/${task.id}/resubmission`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Die Aufgabe liegt nicht auf Wiedervorlage');
  });

  it('refuses a day that is not ahead, one more than a year ahead, a missing reason and a task not one’s own, in German', async () => {
    const started = await anna.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: `Grenzen der Wiedervorlage ${run}` } });
    const task = await openTask(anna, started.body.id, 'vorgang-bearbeiten');
    const reason = 'Rückmeldung abwarten';
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['today', { resubmitAt: berlinDay(0), reason }, 'body.resubmitAt', 'Bitte einen Tag nach heute wählen'],
      ['a moment past', { resubmitAt: new Date(Date.now() - 60_000).toISOString(), reason }, 'body.resubmitAt', 'Bitte einen Tag nach heute wählen'],
      ['two years ahead', { resubmitAt: berlinDay(730), reason }, 'body.resubmitAt', 'höchstens ein Jahr voraus'],
      ['no date', { resubmitAt: 'morgen', reason }, 'body.resubmitAt', 'kein gültiges Datum (JJJJ-MM-TT ab dem Jahr 0001) oder Zeitpunkt mit Zeitzone'],
      ['no reason', { resubmitAt: berlinDay(7) }, 'body.reason', 'Bitte einen Grund für die Wiedervorlage angeben'],
      ['a short reason', { resubmitAt: berlinDay(7), reason: ' x ' }, 'body.reason', 'Bitte einen Grund mit mindestens 3 Zeichen angeben'],
      ['a NUL character', { resubmitAt: berlinDay(7), reason: 'Unter\u0000lagen' }, 'body.reason', 'enthält ein unsichtbares Steuerzeichen (Nullzeichen), das nicht gespeichert werden kann'],
    ];
    for (const [what, body, path, message] of cases) {
      const reply = await putAside(anna, task.id, body);
      expect({ what, status: reply.status }).toEqual({ what, status: 400 });
      expect({ what, fields: reply.body.error.fields }).toEqual({ what, fields: [{ path, message }] });
    }
    // Anna's own task: Ben may not put it aside.
    const notHis = await putAside(ben, task.id, { resubmitAt: berlinDay(7), reason });
    expect(notHis.status).toBe(403);
    expect(notHis.body.error.message).toBe('Diese Aufgabe ist einer anderen Person zugewiesen');
    expect((await putAside(anna, randomUUID(), { resubmitAt: berlinDay(7), reason })).status).toBe(404);
    expect((await inbox(anna, { inbox: 'mine', procedureId: started.body.id })).map((t) => t.resubmitAt)).toEqual([null]);
  });
});
