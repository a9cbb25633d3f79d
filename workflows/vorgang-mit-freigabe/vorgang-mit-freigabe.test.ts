import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';

// "Vorgang mit Freigabe" end to end on the real stack: Temporal dev server, PostgreSQL, SMTP.

const staffEmail = 'anna.schmidt@amtsflow.localhost';
const managerEmail = 'carla.nowak@amtsflow.localhost';
const staffManagerEmail = 'david.mensah@amtsflow.localhost';

let staff: ApiClient;
let manager: ApiClient;
let staffManager: ApiClient;

beforeAll(async () => {
  staff = await ApiClient.as(staffEmail, DEMO_PASSWORD);
  manager = await ApiClient.as(managerEmail, DEMO_PASSWORD);
  staffManager = await ApiClient.as(staffManagerEmail, DEMO_PASSWORD);
});

async function startProcedure(client: ApiClient, title: string, extra: Record<string, unknown> = {}) {
  const reply = await client.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title, ...extra } });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; status: string };
}

async function openTaskOf(client: ApiClient, procedureId: string, inbox = 'workable') {
  return eventually(async () => {
    const reply = await client.get(`/api/tasks?${listQuery({ procedureId, inbox })}`);
    return (reply.body as { id: string; title: string; formKind: string }[])[0];
  }, 20_000, `an open task in ${procedureId}`);
}

async function mailboxFor(address: string, subjectPart: string) {
  const admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  const reply = await admin.get(`/api/mailbox?${listQuery({ q: subjectPart })}`);
  return (reply.body as { envelopeTo: string[]; subject: string; text: string; messageId: string }[]).filter((m) =>
    m.envelopeTo.includes(address),
  );
}

describe('Vorgang mit Freigabe', () => {
  it('runs from start to approval, by two different people, step by step visible', async () => {
    const proc = await startProcedure(staff, 'Fortschreibung Integrationskonzept');
    expect(proc.status).toBe('running');

    const work = await openTaskOf(staff, proc.id);
    expect(work.formKind).toBe('vorgang-bearbeiten');
    const procNow = await staff.get(`/api/procedures/${proc.id}`);
    expect(procNow.body).toMatchObject({ currentStep: 'Vorgang bearbeiten', currentStepKey: 'bearbeiten' });

    // The staff group was told by mail, through the real SMTP catcher.
    const notified = await eventually(async () => {
      const mails = await mailboxFor(staffEmail, 'Fortschreibung Integrationskonzept');
      return mails.length > 0 ? mails : undefined;
    }, 20_000, 'the task mail');
    expect(notified[0]?.subject).toContain('Neue Aufgabe: Vorgang bearbeiten');
    expect(notified[0]?.text).toContain(`/#/tasks/${work.id}/show`);

    const done = await staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'Entwurf abgestimmt' } });
    expect(done.status).toBe(200);
    expect(done.body.task).toEqual({ id: work.id, status: 'completed' });
    // The next step is the manager's: not this person's task, but the procedure has moved on.
    expect(done.body.procedure).toMatchObject({ type: 'vorgang-mit-freigabe', currentStep: 'Freigabe durch die Amtsleitung', currentStepKey: 'freigabe' });
    expect(done.body.nextTask).toBeNull();

    const approval = await openTaskOf(manager, proc.id, 'group');
    expect(approval.formKind).toBe('freigabe');
    const approved = await manager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(approved.status).toBe(200);
    expect(approved.body.procedure.finished).toBe(true);

    const finished = await staff.get(`/api/procedures/${proc.id}`);
    expect(finished.body).toMatchObject({ status: 'completed', outcome: 'Freigegeben' });

    const history = await staff.get(`/api/procedures/${proc.id}/history`);
    const steps = (history.body as { source: string; kind: string; label: string }[])
      .filter((e) => e.source === 'step')
      .map((e) => `${e.kind}: ${e.label}`);
    expect(steps).toEqual([
      'task.created: Vorgang bearbeiten',
      'task.completed: Vorgang bearbeiten erledigt',
      'task.created: Freigabe durch die Amtsleitung',
      'task.completed: Freigabe durch die Amtsleitung erledigt',
      'procedure.completed: Freigegeben',
    ]);
    const kinds = (history.body as { kind: string }[]).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['procedure.started', 'task.completed', 'mail.sent']));
  });

  it('keeps the approval away from the person who did the work (four-eyes)', async () => {
    // David is staff and manager: after his own work he may neither approve nor claim the approval.
    const proc = await startProcedure(staffManager, 'Vier-Augen-Probe');
    const work = await openTaskOf(staffManager, proc.id);
    const done = await staffManager.post(`/api/tasks/${work.id}/complete`, { data: { result: 'selbst bearbeitet' } });
    expect(done.status).toBe(200);
    expect(done.body.nextTask).toBeNull();

    const approval = await openTaskOf(manager, proc.id, 'group');
    const refused = await staffManager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('four_eyes');
    expect(refused.body.error.message).toMatch(/Vier-Augen-Prinzip/);
    const claim = await staffManager.post(`/api/tasks/${approval.id}/claim`);
    expect(claim.status).toBe(403);
    const stillOpen = await manager.get(`/api/tasks/${approval.id}`);
    expect(stillOpen.body.status).toBe('open');
  });

  it('sends rejected work back with the comment, and answers with the next task when it is the same person\'s', async () => {
    // Started by the manager, who may not do the work: the work and its rework are the staff group's.
    const proc = await startProcedure(manager, 'Rückläufer-Probe');
    const work = await openTaskOf(staff, proc.id);
    await staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'erste Fassung' } });
    // The approval is Carla's at once (she started it, she is a manager); she gives it to her group.
    const hers = await openTaskOf(manager, proc.id, 'mine');
    expect((await manager.post(`/api/tasks/${hers.id}/unclaim`)).status).toBe(200);
    const approval = await openTaskOf(staffManager, proc.id, 'group');
    expect(approval.id).toBe(hers.id);

    const noComment = await staffManager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'reject' } });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields[0].path).toBe('data.comment');

    // David rejects; the rework goes to the staff group, which he belongs to: he is led straight to it.
    const rejected = await staffManager.post(`/api/tasks/${approval.id}/complete`, {
      data: { decision: 'reject', comment: 'Bitte die Kosten ergänzen' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.procedure).toMatchObject({ currentStep: 'Vorgang überarbeiten (Runde 2)', currentStepKey: 'bearbeiten' });
    expect(rejected.body.nextTask).toMatchObject({ title: 'Vorgang überarbeiten (Runde 2)', procedureId: proc.id });
    const rework = await staff.get(`/api/tasks/${rejected.body.nextTask.id}`);
    expect(rework.body.context.feedback).toBe('Bitte die Kosten ergänzen');
  });

  it('refuses a second completion of the same task, sequential or concurrent, and replays a retried request', async () => {
    const proc = await startProcedure(staff, 'Doppelklick-Probe');
    const work = await openTaskOf(staff, proc.id);

    const attempts = await Promise.all([
      staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'erster Klick' } }),
      staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'zweiter Klick' } }),
    ]);
    expect(attempts.map((a) => a.status).sort()).toEqual([200, 409]);
    const again = await staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'dritter Klick' } });
    expect(again.status).toBe(409);

    const row = await staff.get(`/api/tasks/${work.id}`);
    expect(['erster Klick', 'zweiter Klick']).toContain(row.body.result.result);
    const approvals = await manager.get(`/api/tasks?${listQuery({ procedureId: proc.id, formKind: 'freigabe' })}`);
    expect(approvals.body).toHaveLength(1);

    // A retried request (same Idempotency-Key) gets the first answer back and changes nothing.
    const approval = await openTaskOf(manager, proc.id, 'group');
    const headers = { 'Idempotency-Key': `approve-${approval.id}` };
    const first = await manager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } }, headers);
    const retry = await manager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } }, headers);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.procedure.finished).toBe(true);
    const audit = await manager.get(`/api/audit?${listQuery({ entityId: approval.id, action: 'task.completed' })}`);
    expect(audit.body).toHaveLength(1);
  });

  it('starts a procedure once for a double-clicked start button (same Idempotency-Key)', async () => {
    const headers = { 'Idempotency-Key': `start-${Date.now()}` };
    const body = { type: 'vorgang-mit-freigabe', input: { title: 'Doppelstart-Probe' } };
    const [a, b] = await Promise.all([staff.post('/api/procedures', body, headers), staff.post('/api/procedures', body, headers)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const listed = await staff.get(`/api/procedures?${listQuery({ q: 'Doppelstart-Probe' })}`);
    expect(listed.body).toHaveLength(1);
    const tasks = await openTaskOf(staff, a.body.id);
    expect(tasks.title).toBe('Vorgang bearbeiten');
  });

  it('names the field when the form data is invalid, and keeps the task open', async () => {
    const proc = await startProcedure(staff, 'Formular-Probe');
    const work = await openTaskOf(staff, proc.id);
    const empty = await staff.post(`/api/tasks/${work.id}/complete`, { data: { result: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual([expect.objectContaining({ path: 'data.result' })]);
    const unknown = await staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'gut', extra: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('data.extra');
    // Still the starter's and not done: nothing of the refused data was taken.
    const still = await staff.get(`/api/tasks/${work.id}`);
    expect(still.body).toMatchObject({ status: 'claimed', result: null });
  });

  it('gives the starter the task they may do at once, and keeps a task from them the four-eyes rule forbids', async () => {
    const proc = await startProcedure(staffManager, 'Eigene-Aufgabe-Probe');
    const work = await openTaskOf(staffManager, proc.id, 'mine');
    const me = (await staffManager.get('/api/auth/me')).body as { id: string };
    expect(work).toMatchObject({ status: 'claimed', claimedBy: me.id });
    await staffManager.post(`/api/tasks/${work.id}/complete`, { data: { result: 'erledigt von mir' } });
    // The approval is a manager's task, and David is a manager; but he did the work: it stays the group's.
    const approval = await openTaskOf(manager, proc.id, 'group');
    expect(approval).toMatchObject({ status: 'open', claimedBy: null });
  });

  it('lets only the staff group complete the first task, and no stranger claim it', async () => {
    const proc = await startProcedure(manager, 'Rollen-Probe');
    const work = await openTaskOf(staff, proc.id);
    const byManager = await manager.post(`/api/tasks/${work.id}/complete`, { data: { result: 'nicht meins' } });
    expect(byManager.status).toBe(403);
    const claimed = await staff.post(`/api/tasks/${work.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy).toBeTruthy();
    const ben = await ApiClient.as('ben.yilmaz@amtsflow.localhost', DEMO_PASSWORD);
    const byColleague = await ben.post(`/api/tasks/${work.id}/complete`, { data: { result: 'übernommen?' } });
    expect(byColleague.status).toBe(403);
    const unclaimed = await staff.post(`/api/tasks/${work.id}/unclaim`);
    expect(unclaimed.body.claimedBy).toBeNull();
    const audit = await manager.get(`/api/audit?${listQuery({ entityId: work.id })}`);
    expect((audit.body as { action: string }[]).map((a) => a.action)).toEqual(['task.created', 'task.claimed', 'task.unclaimed']);
  });

  it('cancels a procedure with a reason and takes its open task out of every inbox', async () => {
    const proc = await startProcedure(staff, 'Abbruch-Probe');
    const work = await openTaskOf(staff, proc.id);
    const byStaff = await staff.post(`/api/procedures/${proc.id}/cancel`, { reason: 'doppelt angelegt' });
    expect(byStaff.status).toBe(403);
    const cancelled = await manager.post(`/api/procedures/${proc.id}/cancel`, { reason: 'doppelt angelegt' });
    expect(cancelled.status).toBe(200);
    const ended = await eventually(async () => {
      const p = await staff.get(`/api/procedures/${proc.id}`);
      return p.body.status === 'cancelled' ? p.body : undefined;
    }, 20_000, 'the cancellation');
    expect(ended.outcome).toBe('Abgebrochen: doppelt angelegt');
    const task = await staff.get(`/api/tasks/${work.id}`);
    expect(task.body.status).toBe('cancelled');
    const late = await staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'zu spät' } });
    expect(late.status).toBe(409);
    const again = await manager.post(`/api/procedures/${proc.id}/cancel`, { reason: 'doppelt angelegt' });
    expect(again.status).toBe(409);
  });
});
