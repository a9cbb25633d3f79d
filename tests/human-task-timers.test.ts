import { ApiClient, eventually, listQuery } from './support/client';
import { spawnApi } from './support/extra-processes';
import type { Spawned } from './support/spawn';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// Reminder and escalation timers of a human task, with seconds standing in for business days.

let api: Spawned & { url: string };
let staff: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  api = await spawnApi({ TASK_REMINDER_AFTER: '2s', TASK_ESCALATE_AFTER: '4s', TASK_DUE: '3s' });
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, api.url);
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
});

afterAll(async () => {
  expect(await api.stop()).toBe(0);
});

type Mail = { envelopeTo: string[]; subject: string; messageId: string };

async function mailsAbout(title: string): Promise<Mail[]> {
  return (await admin.get(`/api/mailbox?${listQuery({ q: title }, [0, 199])}`)).body as Mail[];
}

describe('human task timers', () => {
  it('reminds the group, escalates to the managers, and still accepts the completion afterwards', async () => {
    const started = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'Timer-Probe' } });
    expect(started.status).toBe(201);
    const procedureId = started.body.id as string;

    const escalation = await eventually(async () => {
      const mails = await mailsAbout('Timer-Probe');
      return mails.some((m) => m.subject.startsWith('Eskalation:')) ? mails : undefined;
    }, 30_000, 'the escalation mail');

    const reminders = escalation.filter((m) => m.subject.startsWith('Erinnerung: Vorgang bearbeiten'));
    expect(reminders.flatMap((m) => m.envelopeTo)).toEqual(expect.arrayContaining(['anna.schmidt@amtsflow.localhost']));
    const escalations = escalation.filter((m) => m.subject.startsWith('Eskalation: Vorgang bearbeiten ist überfällig'));
    expect(escalations.flatMap((m) => m.envelopeTo)).toEqual(expect.arrayContaining(['carla.nowak@amtsflow.localhost']));
    expect(escalations.flatMap((m) => m.envelopeTo)).not.toContain('anna.schmidt@amtsflow.localhost');
    // One mail each, not one per timer wake-up or activity retry.
    expect(new Set(escalation.map((m) => m.messageId)).size).toBe(escalation.length);
    expect(reminders).toHaveLength(1);
    expect(escalations).toHaveLength(1);

    const [task] = (await staff.get(`/api/tasks?${listQuery({ procedureId })}`)).body as { id: string; priority: number; dueAt: string }[];
    expect(task?.priority).toBe(1);
    expect(new Date(task!.dueAt).getTime()).toBeLessThan(Date.now());
    const overdue = await staff.get(`/api/tasks?${listQuery({ procedureId, overdue: true })}`);
    expect(overdue.body).toHaveLength(1);
    // Filters of the inbox: priority and "due by" (a day means the whole day), checked against this task.
    const byFilter = async (filter: Record<string, unknown>) =>
      ((await staff.get(`/api/tasks?${listQuery({ procedureId, ...filter })}`)).body as unknown[]).length;
    expect(await byFilter({ priority: 1 })).toBe(1);
    expect(await byFilter({ priority: 2 })).toBe(0);
    expect(await byFilter({ dueBefore: new Date(Date.now() + 60_000).toISOString() })).toBe(1);
    expect(await byFilter({ dueBefore: '2020-01-01' })).toBe(0);
    expect(await byFilter({ dueBefore: new Date().toISOString().slice(0, 10) })).toBe(1);
    const badPriority = await staff.get(`/api/tasks?${listQuery({ procedureId, priority: 7 })}`);
    expect(badPriority.status).toBe(400);

    const history = (await staff.get(`/api/procedures/${procedureId}/history`)).body as { kind: string }[];
    expect(history.map((e) => e.kind)).toEqual(expect.arrayContaining(['task.reminder', 'task.escalation']));

    const done = await staff.post(`/api/tasks/${task!.id}/complete`, { data: { result: 'spät, aber erledigt' } });
    expect(done.status).toBe(200);
    expect(done.body.procedure.currentStep).toBe('Freigabe durch die Amtsleitung');
  });
});
