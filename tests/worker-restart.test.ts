import { randomUUID } from 'node:crypto';
import { ApiClient, eventually, listQuery } from './support/client';
import { spawnApi, spawnWorker } from './support/extra-processes';
import type { Spawned } from './support/spawn';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// A worker killed mid-procedure: another one takes over, nothing is lost, no mail goes out twice.

const queue = `restart-${randomUUID().slice(0, 8)}`;
const started: Spawned[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe('worker crash', () => {
  it('continues the procedure on a new worker after kill -9, with every mail sent once', async () => {
    const api = await spawnApi({ TEMPORAL_TASK_QUEUE: queue });
    started.push(api);
    const first = await spawnWorker({ TEMPORAL_TASK_QUEUE: queue, OUTBOX_LEASE_MS: '3000' });
    started.push(first);
    const staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, api.url);
    const manager = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD, api.url);
    const admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);

    const proc = (await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: `Absturz-Probe ${queue}` } })).body;
    const work = await eventually(async () => (await staff.get(`/api/tasks?${listQuery({ procedureId: proc.id })}`)).body[0], 30_000, 'the first task');

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    // The completion waits for a worker; it is answered once the second one runs. On a busy machine the
    // new worker may take longer than the API's catch-up window: then the person is told to try again
    // (503 procedure_catching_up) and does, with the same key — still one completion.
    const key = `restart-${queue}`;
    const complete = () => staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'trotz Absturz' } }, { 'idempotency-key': key });
    const completion = complete();
    await new Promise((r) => setTimeout(r, 1500));
    const second = await spawnWorker({ TEMPORAL_TASK_QUEUE: queue, OUTBOX_LEASE_MS: '3000' });
    started.push(second);
    let done = await completion;
    for (let tries = 0; done.status === 503 && done.body?.error?.code === 'procedure_catching_up' && tries < 5; tries += 1) done = await complete();
    expect({ status: done.status, body: done.body }).toEqual({ status: 200, body: expect.objectContaining({ task: expect.anything() }) });
    expect(done.body.procedure.currentStep).toBe('Freigabe durch die Amtsleitung');

    const approval = await eventually(
      async () => (await manager.get(`/api/tasks?${listQuery({ procedureId: proc.id, inbox: 'group' })}`)).body[0],
      30_000,
      'the approval task',
    );
    second.child.kill('SIGKILL');
    await second.exited;
    const third = await spawnWorker({ TEMPORAL_TASK_QUEUE: queue, OUTBOX_LEASE_MS: '3000' });
    started.push(third);
    const approved = await manager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(approved.status).toBe(200);
    expect(approved.body.procedure.finished).toBe(true);

    const tasks = (await admin.get(`/api/tasks?${listQuery({ procedureId: proc.id })}`)).body as { status: string }[];
    expect(tasks.map((t) => t.status)).toEqual(['completed', 'completed']);

    // Every outbox mail of this procedure reached the catcher exactly once.
    const outbox = await eventually(async () => {
      const mails = (await admin.get(`/api/mails?${listQuery({ procedureId: proc.id }, [0, 199])}`)).body as { status: string; messageId: string }[];
      return mails.length > 0 && mails.every((m) => m.status === 'sent') ? mails : undefined;
    }, 30_000, 'all mails sent');
    const received = (await admin.get(`/api/mailbox?${listQuery({ q: queue }, [0, 199])}`)).body as { messageId: string }[];
    const counts = new Map<string, number>();
    for (const m of received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    for (const mail of outbox) expect(counts.get(mail.messageId)).toBe(1);
    expect(received).toHaveLength(outbox.length);
  });
});
