import { randomUUID } from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import { sendTaskDigests, TASK_DIGEST_SCHEDULE_ID } from '../activities/task-digest';
import { closeDb, createDb, type Db } from '../db/client';
import { mailOutbox, tasks } from '../db/schema';
import { ApiClient, eventually, listQuery } from './support/client';
import { DEMO_PASSWORD, testStack } from './support/stack-env';
import { openTask } from './support/tasks';

// Task mails reach whom a task concerns: its holder or its group, never the administration as such;
// and whoever chose the Tagesübersicht gets one mail a morning instead of one per new task.

const run = randomUUID().slice(0, 8);
const PASSWORD = 'Tagesuebersicht-2026';
let db: Db;
let admin: ApiClient;
let carla: ApiClient;

type Mail = { subject: string; envelopeTo: string[]; text: string };
const mailsAbout = async (q: string) => (await admin.get(`/api/mailbox?${listQuery({ q }, [0, 199])}`)).body as Mail[];

beforeAll(async () => {
  db = createDb(testStack().databaseUrl, { max: 2 });
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
});

afterAll(async () => {
  await closeDb(db);
});

async function person(name: string, roles: string[]): Promise<{ id: string; email: string; client: ApiClient }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${run}@amtsflow.localhost`;
  const created = await admin.post('/api/users', { email, name, roles, password: PASSWORD });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, email, client: await ApiClient.as(email, PASSWORD) };
}

describe('who gets task mails', () => {
  it('sends a staff group task’s mail to the staff, not to the administration or the managers', async () => {
    const me = (await admin.get('/api/auth/me')).body as { roles: string[] };
    expect(me.roles).toEqual(['admin']);
    const title = `Gruppenpost ${run}`;
    expect((await carla.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } })).status).toBe(201);
    const mail = await eventually(async () => (await mailsAbout(title)).find((m) => m.subject.startsWith('Neue Aufgabe:')), 20_000, 'the group task mail');
    expect(mail.envelopeTo).toEqual(expect.arrayContaining(['anna.schmidt@amtsflow.localhost', 'ben.yilmaz@amtsflow.localhost', 'david.mensah@amtsflow.localhost']));
    expect(mail.envelopeTo).not.toContain(testStack().adminEmail);
    expect(mail.envelopeTo).not.toContain('carla.nowak@amtsflow.localhost');
  });
});

describe('the Tagesübersicht', () => {
  it('lets a person choose it for themselves, and refuses what is no choice', async () => {
    const erika = await person('Erika Einzeln', ['staff']);
    expect((await erika.client.get('/api/auth/me')).body.taskMail).toBe('each');
    const bad = await erika.client.put('/api/auth/me/preferences', { taskMail: 'stündlich' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'body.taskMail', message: 'entweder „each“ (eine Mail je neue Aufgabe) oder „digest“ (eine Tagesübersicht)' }]);
    const chosen = await erika.client.put('/api/auth/me/preferences', { taskMail: 'digest' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ id: erika.id, taskMail: 'digest' });
    expect((await admin.get(`/api/users/${erika.id}`)).body.taskMail).toBe('digest');
    // Admins set it in the user form too.
    expect((await admin.put(`/api/users/${erika.id}`, { taskMail: 'each' })).body.taskMail).toBe('each');
    const audit = (await admin.get(`/api/audit?${listQuery({ entityId: erika.id, action: 'users.updated' })}`)).body as { detail: { fields: string[] } }[];
    expect(audit.map((a) => a.detail.fields)).toEqual([['taskMail'], ['taskMail']]);
  });

  it('sends each digest user one mail with their overdue, due and new tasks, nothing to those with nothing, and nothing twice a day', async () => {
    const dora = await person('Dora Digest', ['staff']);
    expect((await dora.client.put('/api/auth/me/preferences', { taskMail: 'digest' })).status).toBe(200);
    // Nobody with nothing to report gets a mail: an administrator has no tasks.
    const otto = await person('Otto Ohneaufgaben', ['admin']);
    expect((await otto.client.put('/api/auth/me/preferences', { taskMail: 'digest' })).status).toBe(200);

    const titles = { overdue: `Bericht an den Rat ${run}`, today: `Träger anrufen ${run}`, fresh: `Antrag prüfen ${run}` };
    const taskIds: Record<string, string> = {};
    for (const [key, title] of Object.entries(titles)) {
      const started = await carla.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title, assigneeId: dora.id } });
      expect(started.status).toBe(201);
      taskIds[key] = (await openTask(dora.client, started.body.id, 'vorgang-bearbeiten')).id;
    }
    // Dora chose the digest: no mail of its own for a task given to her (it is written with the task's row, or never).
    const own = await db.select({ to: mailOutbox.to }).from(mailOutbox).where(sql`${mailOutbox.taskId} in (${sql.join(Object.values(taskIds).map((id) => sql`${id}::uuid`), sql`, `)})`);
    expect(own.flatMap((m) => m.to)).not.toContain(dora.email);
    // As days would leave them: one past its deadline, one due later today.
    await db.update(tasks).set({ dueAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(tasks.id, taskIds.overdue!));
    const endOfBerlinDay = await db.execute<{ at: Date }>(sql`select ((now() at time zone 'Europe/Berlin')::date + 1)::timestamp at time zone 'Europe/Berlin' - interval '1 minute' as at`);
    const dueToday = new Date(Math.max(Date.now() + 60_000, Math.min(Date.now() + 3_600_000, new Date(endOfBerlinDay.rows[0]!.at).getTime())));
    await db.update(tasks).set({ dueAt: dueToday }).where(eq(tasks.id, taskIds.today!));

    // The schedule's run, as at 07:00: triggered now.
    expect((await admin.post(`/api/schedules/${TASK_DIGEST_SCHEDULE_ID}/trigger`, {})).status).toBe(200);
    const digestsOf = async (email: string) => (await mailsAbout(run)).filter((m) => m.subject.startsWith('Ihre Aufgaben am') && m.envelopeTo.includes(email));
    const digest = await eventually(async () => (await digestsOf(dora.email))[0], 30_000, 'Dora’s digest');
    expect(digest.envelopeTo).toEqual([dora.email]);
    // Her group's tasks are hers too: other staff tasks of the day may be among the new ones.
    expect(digest.subject).toMatch(/^Ihre Aufgaben am \d{2}\.\d{2}\.\d{4}: \d+ überfällig, \d+ heute fällig, \d+ neu$/);
    const text = digest.text;
    const section = (heading: string) => text.slice(text.indexOf(heading), text.indexOf('\n\n', text.indexOf(heading)));
    expect(section('Überfällig (')).toContain(titles.overdue);
    expect(section('Überfällig (')).toContain(`/#/tasks/${taskIds.overdue}/show`);
    expect(section('Überfällig (')).toContain('fällig seit');
    expect(section('Heute fällig (')).toContain(titles.today);
    expect(section('Neu seit der letzten Übersicht')).toContain(titles.fresh);
    expect(section('Neu seit der letzten Übersicht')).toContain(`/#/tasks/${taskIds.fresh}/show`);
    expect(text).toContain('Guten Tag,');
    expect(text).not.toMatch(/undefined|null|\{|\}/);

    // A second run the same day sends nobody a second one.
    const second = await sendTaskDigests({ db, publicUrl: testStack().url, firedAt: new Date() });
    expect(second.people).toBeGreaterThanOrEqual(2);
    const queued = await db.select({ key: mailOutbox.idempotencyKey, to: mailOutbox.to }).from(mailOutbox).where(like(mailOutbox.idempotencyKey, 'task-digest:%'));
    expect(queued.filter((m) => m.to.includes(dora.email))).toHaveLength(1);
    expect(queued.filter((m) => m.to.includes(otto.email))).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await digestsOf(dora.email)).toHaveLength(1);
  });
});
