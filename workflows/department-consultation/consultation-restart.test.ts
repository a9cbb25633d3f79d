import { randomUUID } from 'node:crypto';
import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { spawnApi, spawnWorker } from '../../tests/support/extra-processes';
import type { Spawned } from '../../tests/support/spawn';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';

// A worker dies while the request mails of a consultation go out: every department gets its mail once.

const queue = `consult-restart-${randomUUID().slice(0, 8)}`;
const started: Spawned[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

type Mail = { envelopeTo: string[]; subject: string; messageId: string; text: string };

describe('consultation across a worker crash', () => {
  it('sends each department exactly one request mail when the worker is killed between them', async () => {
    const api = await spawnApi({ TEMPORAL_TASK_QUEUE: queue });
    started.push(api);
    // A slow outbox (long poll, no immediate wake-up) would hide the crash; this one sends as soon as it can.
    const first = await spawnWorker({ TEMPORAL_TASK_QUEUE: queue, OUTBOX_LEASE_MS: '2000' });
    started.push(first);
    const staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, api.url);
    const admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
    const departments = (await staff.get(`/api/departments?${listQuery({}, [0, 99], ['code', 'ASC'])}`)).body as { id: string; contactEmail: string }[];
    const chosen = departments.slice(0, 6);
    const subject = `Absturz beim Versand ${queue}`;

    const proc = await staff.post('/api/procedures', {
      type: 'department-consultation',
      input: { subject, question: 'Welche Angebote zur Sprachförderung planen Sie 2027?', departmentIds: chosen.map((d) => d.id) },
    });
    expect(proc.status).toBe(201);

    // Kill the worker as soon as the first request mail has arrived, while the others may still be in flight.
    await eventually(async () => {
      const mails = (await admin.get(`/api/mailbox?${listQuery({ q: queue })}`)).body as Mail[];
      return mails.length > 0 ? mails : undefined;
    }, 30_000, 'the first request mail');
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnWorker({ TEMPORAL_TASK_QUEUE: queue, OUTBOX_LEASE_MS: '2000' });
    started.push(second);
    const mails = await eventually(async () => {
      const found = (await admin.get(`/api/mailbox?${listQuery({ q: queue }, [0, 199])}`)).body as Mail[];
      return found.length >= chosen.length ? found : undefined;
    }, 40_000, 'all request mails');
    const recipients = mails.flatMap((m) => m.envelopeTo).sort();
    expect(recipients).toEqual(chosen.map((d) => d.contactEmail).sort());
    const outbox = (await admin.get(`/api/mails?${listQuery({ procedureId: proc.body.id }, [0, 199])}`)).body as { status: string }[];
    expect(outbox).toHaveLength(chosen.length);
    expect(outbox.every((m) => m.status === 'sent')).toBe(true);
    // The links carry real tokens, filled in at sending; the outbox itself keeps none.
    for (const mail of mails) expect(mail.text).toMatch(/\/answer\/[A-Za-z0-9_-]{43}\b/);
    const stored = (await admin.get(`/api/mails?${listQuery({ procedureId: proc.body.id })}`)).body as { text: string }[];
    for (const m of stored) expect(m.text).not.toMatch(/\/answer\/[A-Za-z0-9_-]{43}\b/);
  });
});
