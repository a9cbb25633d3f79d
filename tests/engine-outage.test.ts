import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { procedureStarter } from '../activities/start-procedure';
import { commandDelivery } from '../commands/dispatcher';
import { engineClient } from '../commands/engine-connection';
import { enqueueCommand } from '../commands/outbox';
import { loadConfig } from '../config/config';
import { engineSettings } from '../config/engine';
import { closeDb, createDb, type Db } from '../db/client';
import { auditLog, consultationRequests, workflowCommands } from '../db/schema';
import { scanFundingFeeds } from '../workflows/funding-call-review/feeds';
import type { FundingSettings } from '../workflows/funding-call-review/settings';
import { fundingCalls } from '../workflows/funding-call-review/schema';
import { eventually, listQuery, type ApiClient } from './support/client';
import { heading, linkToken, quoted, replyFrom, type CaughtMail, type Department, type Outcome } from './support/consultation';
import { departmentsOf, mailboxCounts, requestMailsOf, sendMailTo, startOwnStack, submitAnswerTo, type OwnStack } from './support/own-stack';

// The Temporal dev server killed (kill -9) in the middle of procedures: what the API and the
// departments owe a workflow is kept and delivered once it is back; what needs the engine at once
// says so (503); the supervisor starts it again on its data.
//
// The supervisor waits OUTAGE_MS before the restart (1 s by default), so that the outage is long
// enough for everything the test does while the engine is away.

const OUTAGE_MS = 15_000;
const run = randomUUID().slice(0, 8);
let stack: OwnStack;
let db: Db;
let staff: ApiClient;
let manager: ApiClient;
let admin: ApiClient;
let depts: Department[];
const dept = (code: string) => depts.find((d) => d.code === code) as Department;

// What is opened before the outage and looked at after it.
const consultations: Record<'both' | 'probe', { id: string; mails: Map<string, CaughtMail> }> = {} as never;
let toCancel: string;
let toComplete: { procedureId: string; taskId: string };
let startedDuringOutage: string;
let importedCallLink: string;
let killedAt = 0;
let backAt = 0;
let outageMark = 0;
const figures: string[] = [];

let feedServer: http.Server;
let feedUrl: string;

beforeAll(async () => {
  stack = await startOwnStack('engine-outage', { SUPERVISOR_RESTART_DELAY_MS: String(OUTAGE_MS) });
  db = createDb(stack.databaseUrl, { max: 3 });
  staff = await stack.as('anna.schmidt@amtsflow.localhost');
  manager = await stack.as('carla.nowak@amtsflow.localhost');
  admin = await stack.admin();
  depts = await departmentsOf(staff);
  feedServer = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Förderportal NRW</title><link>https://foerderportal.example.org/</link>` +
        `<description>Aufrufe</description><item><title>Aufruf während der Störung ${run}</title><link>${importedCallLink}</link>` +
        `<description>Förderung der Sprachmittlung. Einreichungsfrist: 31.03.2031</description></item></channel></rss>`,
    );
  });
  importedCallLink = `https://foerderportal.example.org/${run}/stoerung`;
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
}, 600_000);

afterAll(async () => {
  if (figures.length) process.stdout.write(`\n[engine-outage] figures:\n  ${figures.join('\n  ')}\n`);
  await new Promise((resolve) => feedServer?.close(resolve));
  if (db) await closeDb(db);
  await stack?.stop();
}, 120_000);

async function openTaskOf(procedureId: string, formKind: string, client = staff, timeoutMs = 60_000) {
  return eventually(async () => {
    const rows = (await client.get(`/api/tasks?${listQuery({ procedureId })}`)).body as { id: string; formKind: string; status: string }[];
    // Open, or the starter's own at once (claimed).
    return rows.find((t) => t.formKind === formKind && (t.status === 'open' || t.status === 'claimed'));
  }, timeoutMs, `an open ${formKind} task of ${procedureId}`);
}

async function startVorgang(title: string) {
  const reply = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}

async function consolidation(procedureId: string, timeoutMs: number) {
  const listed = await openTaskOf(procedureId, 'antworten-zusammenfuehren', staff, timeoutMs);
  return (await staff.get(`/api/tasks/${listed.id}`)).body as { context: { outcomes: Outcome[] } };
}

describe('the Temporal dev server killed mid-procedure', () => {
  it('has consultations waiting for answers and procedures with open tasks before the outage', async () => {
    for (const [name, codes] of [['both', ['JUGA', 'WOHN']], ['probe', ['VHS', 'KULT']]] as const) {
      const marker = `${name}-${run}`;
      const reply = await staff.post('/api/procedures', {
        type: 'department-consultation',
        input: { subject: `Störungsprobe ${marker}`, question: 'Welche Angebote gibt es?', departmentIds: codes.map((c) => dept(c).id) },
      });
      expect(reply.status).toBe(201);
      consultations[name] = { id: reply.body.id, mails: await requestMailsOf(admin, marker, codes.map(dept)) };
    }
    toCancel = await startVorgang(`Abbruch in der Störung ${run}`);
    const completing = await startVorgang(`Erledigen in der Störung ${run}`);
    toComplete = { procedureId: completing, taskId: (await openTaskOf(completing, 'vorgang-bearbeiten')).id };
    await openTaskOf(toCancel, 'vorgang-bearbeiten');
  });

  it('is down after kill -9: /health says so', async () => {
    const pid = stack.temporalPid();
    expect(pid).toBeDefined();
    outageMark = stack.process.output().length;
    process.kill(pid as number, 'SIGKILL');
    killedAt = Date.now();
    const health = await eventually(async () => {
      const res = await fetch(`${stack.url}/health`);
      const body = (await res.json()) as { temporal: string };
      return body.temporal === 'down' ? { status: res.status, body } : undefined;
    }, 10_000, 'the health check to see the engine down');
    expect(health).toEqual({ status: 503, body: expect.objectContaining({ database: 'up', temporal: 'down' }) });
  });

  it('thanks a department on the answer page at once and stores its answer', async () => {
    const token = linkToken(consultations.both.mails.get(dept('JUGA').id) as CaughtMail);
    const began = Date.now();
    const thanks = await submitAnswerTo(stack.url, token, { antwort: 'Drei Sprachcafés, auch während der Störung.' });
    const tookMs = Date.now() - began;
    figures.push(`answer page while Temporal was down: ${thanks.status} after ${tookMs} ms`);
    expect(thanks.status).toBe(200);
    expect(heading(thanks.html)).toBe('Vielen Dank für Ihre Antwort');
    expect(tookMs).toBeLessThan(3_000);
    const probeToken = linkToken(consultations.probe.mails.get(dept('VHS').id) as CaughtMail);
    expect((await submitAnswerTo(stack.url, probeToken, { antwort: 'Integrationskurse A1 bis B2.' })).status).toBe(200);
  });

  it('takes a department reply by mail and stores it as the answer', async () => {
    const mail = consultations.both.mails.get(dept('WOHN').id) as CaughtMail;
    const sender = `wohnungsamt.${run}@stadt.localhost`;
    await sendMailTo(stack.inboundPort, replyFrom(sender, mail, `Vierzehn Wohnungen für Familien.\n\n${quoted(mail)}`));
    const inbound = await eventually(async () => {
      const rows = (await admin.get(`/api/inbound-mails?${listQuery({ envelopeFrom: sender })}`)).body as { status: string; reason: string | null }[];
      return rows.length === 1 && rows[0]?.status !== 'received' ? rows[0] : undefined;
    }, 10_000, 'the reply handled');
    expect(inbound).toMatchObject({ status: 'accepted' });
    const rows = await db.select().from(consultationRequests).where(eq(consultationRequests.consultationId, consultations.both.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['answered', 'answered']);
  });

  it('accepts a manager’s cancel (202) with the procedure as it is, once however often it is asked', async () => {
    const reason = 'Doppelt angelegt (während der Störung)';
    const first = await manager.post(`/api/procedures/${toCancel}/cancel`, { reason });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ id: toCancel, status: 'running' });
    const again = await manager.post(`/api/procedures/${toCancel}/cancel`, { reason });
    expect(again.status).toBe(202);
    const requested = await db.select().from(auditLog).where(eq(auditLog.entityId, toCancel));
    expect(requested.filter((a) => a.action === 'procedure.cancel-requested')).toHaveLength(1);
  });

  it('starts a procedure (201) whose workflow runs once the engine is back', async () => {
    const began = Date.now();
    startedDuringOutage = await startVorgang(`Gestartet in der Störung ${run}`);
    figures.push(`start while Temporal was down: 201 after ${Date.now() - began} ms`);
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it('imports a funding call from a feed, with its review’s start in the same transaction', async () => {
    // The schedule that runs the import needs Temporal; its job is run here as a worker would run it.
    const config = loadConfig({ DATA_DIR: stack.dataDir });
    const { temporal, connection } = engineClient(stack.temporalAddress, 'default');
    const delivery = commandDelivery(db, temporal);
    try {
      const starter = procedureStarter({ db, taskQueue: config.TEMPORAL_TASK_QUEUE, ...engineSettings(config), deliverNow: delivery.deliverNow });
      const settings = { ...(config.procedures['funding-call-review'] as FundingSettings), feeds: [{ source: 'land-nrw' as const, url: feedUrl }] };
      const result = await scanFundingFeeds({ db, settings, starter, publicUrl: stack.url, firedAt: new Date(), log: () => undefined, disturbed: async () => undefined, recovered: async () => undefined });
      expect(result).toEqual({ imported: 1, failedFeeds: [] });
    } finally {
      delivery.stop();
      await connection.close();
    }
    const [call] = await db.select().from(fundingCalls).where(eq(fundingCalls.link, importedCallLink));
    expect(call?.reviewProcedureId).toBeTruthy();
  });

  it('answers a task completion with 503 naming the Prozess-Engine, and leaves the task open', async () => {
    const began = Date.now();
    const refused = await staff.post(`/api/tasks/${toComplete.taskId}/complete`, { data: { result: 'in der Störung erledigt' } }, { 'idempotency-key': `stoerung-${run}` });
    figures.push(`task completion while Temporal was down: ${refused.status} after ${Date.now() - began} ms`);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('Prozess-Engine') });
    // Still the starter's, not done.
    expect((await staff.get(`/api/tasks/${toComplete.taskId}`)).body.status).toBe('claimed');
  });

  it('still shows lists and task pages, which need only PostgreSQL', async () => {
    expect((await staff.get(`/api/tasks?${listQuery({ inbox: 'workable' })}`)).status).toBe(200);
    expect((await staff.get(`/api/tasks/${toComplete.taskId}`)).status).toBe(200);
    expect((await manager.get(`/api/procedures?${listQuery({ q: run })}`)).status).toBe(200);
    // Everything above happened while the engine was away.
    expect(stack.outputSince(outageMark)).not.toMatch(/Temporal dev server is back/);
  });

  it('is started again by the supervisor on its port and its data', async () => {
    backAt = await stack.waitForOutput(/\[supervisor\] Temporal dev server is back/, outageMark, OUTAGE_MS + 60_000);
    const line = /Temporal dev server is back, ([\d.]+) s after it ended/.exec(stack.outputSince(outageMark));
    figures.push(`Temporal back ${((backAt - killedAt) / 1000).toFixed(1)} s after kill -9 (supervisor: ${line?.[1]} s, of which ${OUTAGE_MS / 1000} s its configured delay)`);
    expect(stack.outputSince(outageMark)).toMatch(/\[supervisor\] Temporal dev server ended \(killed by SIGKILL\); starting it again in 15 s/);
    expect(backAt - killedAt).toBeLessThan(OUTAGE_MS + 30_000);
    const health = await eventually(async () => {
      const body = (await (await fetch(`${stack.url}/health`)).json()) as { temporal: string };
      return body.temporal === 'up' ? body : undefined;
    }, 10_000, 'the engine up again');
    expect(health.temporal).toBe('up');
  });

  it('delivers both answers kept in the outage: the consolidation task appears within seconds, with both', async () => {
    const task = await consolidation(consultations.both.id, 30_000);
    const seconds = (Date.now() - backAt) / 1000;
    figures.push(`consolidation task (answers by page and by mail in the outage) ${seconds.toFixed(1)} s after Temporal was back`);
    // The commands go out within a second of the return; the rest is the worker's own poll backoff (the SDK's, up to about 10 s).
    expect(seconds).toBeLessThan(20);
    const byDept = new Map(task.context.outcomes.map((o) => [o.departmentId, o]));
    expect(byDept.get(dept('JUGA').id)).toMatchObject({ status: 'answered', channel: 'page', answerText: 'Drei Sprachcafés, auch während der Störung.' });
    expect(byDept.get(dept('WOHN').id)).toMatchObject({ status: 'answered', channel: 'mail', answerText: 'Vierzehn Wohnungen für Familien.' });
  });

  it('consolidates the probe’s consultation when the second department answers after the return', async () => {
    const token = linkToken(consultations.probe.mails.get(dept('KULT').id) as CaughtMail);
    const answeredAt = Date.now();
    expect((await submitAnswerTo(stack.url, token, { antwort: 'Ein Theaterprojekt.' })).status).toBe(200);
    const task = await consolidation(consultations.probe.id, 30_000);
    figures.push(`probe scenario: consolidation ${((Date.now() - answeredAt) / 1000).toFixed(1)} s after the second answer (after the return)`);
    expect(task.context.outcomes.map((o) => o.status)).toEqual(['answered', 'answered']);
  });

  it('cancels the procedure the manager cancelled in the outage', async () => {
    const ended = await eventually(async () => {
      const p = (await staff.get(`/api/procedures/${toCancel}`)).body as { status: string; outcome: string };
      return p.status === 'cancelled' ? p : undefined;
    }, 30_000, 'the cancellation');
    expect(ended.outcome).toBe('Abgebrochen: Doppelt angelegt (während der Störung)');
    // A cancel that reaches a procedure already ended has nothing left to do.
    const late = await enqueueCommand(db, `cancel:${toCancel}:late-${run}`, { kind: 'cancel', workflowId: toCancel, payload: { reason: 'zu spät', by: 'test' } });
    const obsolete = await eventually(async () => {
      const [row] = await db.select().from(workflowCommands).where(eq(workflowCommands.id, late as string));
      return row?.status === 'obsolete' ? row : undefined;
    }, 60_000, 'the late cancel obsolete'); // its outcome is checked, not its speed: a loaded machine's dispatcher may take a while
    expect(obsolete.status).toBe('obsolete');
  });

  it('runs the procedure started in the outage, and the review of the imported call', async () => {
    await openTaskOf(startedDuringOutage, 'vorgang-bearbeiten', staff, 30_000);
    const [call] = await db.select().from(fundingCalls).where(eq(fundingCalls.link, importedCallLink));
    await openTaskOf(call?.reviewProcedureId as string, 'foerderaufruf-triage', staff, 30_000);
  });

  it('completes the task once when the same request is sent again after the return', async () => {
    const headers = { 'idempotency-key': `stoerung-${run}` };
    const done = await staff.post(`/api/tasks/${toComplete.taskId}/complete`, { data: { result: 'in der Störung erledigt' } }, headers);
    expect(done.status).toBe(200);
    expect(done.body.procedure.currentStep).toBe('Freigabe durch die Amtsleitung');
    const replay = await staff.post(`/api/tasks/${toComplete.taskId}/complete`, { data: { result: 'in der Störung erledigt' } }, headers);
    expect(replay.status).toBe(200);
    const tasks = (await admin.get(`/api/tasks?${listQuery({ procedureId: toComplete.procedureId })}`)).body as { formKind: string; status: string }[];
    expect(tasks.map((t) => `${t.formKind}:${t.status}`).sort()).toEqual(['freigabe:open', 'vorgang-bearbeiten:completed']);
    const audit = await db.select().from(auditLog).where(eq(auditLog.procedureId, toComplete.procedureId));
    expect(audit.filter((a) => a.action === 'task.completed')).toHaveLength(1);
  });

  it('finishes the procedures afterwards', async () => {
    const approval = await openTaskOf(toComplete.procedureId, 'freigabe', manager);
    const approved = await manager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(approved.body.procedure).toMatchObject({ finished: true });
    const consolidate = await openTaskOf(consultations.both.id, 'antworten-zusammenfuehren');
    const done = await staff.post(`/api/tasks/${consolidate.id}/complete`, { data: { summary: 'Beide Antworten, trotz Störung.' } });
    expect(done.body.procedure).toMatchObject({ finished: true });
  });

  it('has delivered every command once, and sent every mail once', async () => {
    const ids = [consultations.both.id, consultations.probe.id, toCancel, startedDuringOutage];
    const commands = await db.select().from(workflowCommands).where(inArray(workflowCommands.workflowId, ids));
    expect(commands.filter((c) => !['delivered', 'obsolete'].includes(c.status))).toEqual([]);
    figures.push(`commands: ${commands.length} for these procedures, ${commands.filter((c) => c.attempts > 1).length} needed more than one attempt`);
    const counts = await mailboxCounts(admin, run);
    figures.push(`mails about this run in the catcher: ${counts.size} Message-IDs, ${[...counts.values()].filter((n) => n > 1).length} twice`);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
