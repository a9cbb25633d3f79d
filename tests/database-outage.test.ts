import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { eventually, listQuery, type ApiClient } from './support/client';
import { linkToken, type CaughtMail, type Department } from './support/consultation';
import { departmentsOf, mailboxCounts, requestMailsOf, startOwnStack, submitAnswerTo, type OwnStack } from './support/own-stack';

// The embedded PostgreSQL killed (kill -9 of the postmaster) while procedures send their mails:
// the API says 503 while it is away, the supervisor starts it again on its data within seconds,
// and the procedures finish afterwards with every mail sent exactly once.

const run = randomUUID().slice(0, 8);
let stack: OwnStack;
let staff: ApiClient;
let manager: ApiClient;
let admin: ApiClient;
let depts: Department[];
const figures: string[] = [];

let vorgang: { id: string; approvalId?: string };
let consultation: { id: string; depts: Department[] };
let earlierToken: string;
let killedAt = 0;
let mark = 0;

beforeAll(async () => {
  stack = await startOwnStack('database-outage');
  staff = await stack.as('anna.schmidt@amtsflow.localhost');
  manager = await stack.as('carla.nowak@amtsflow.localhost');
  admin = await stack.admin();
  depts = await departmentsOf(staff);
}, 600_000);

afterAll(async () => {
  if (figures.length) process.stdout.write(`\n[database-outage] figures:\n  ${figures.join('\n  ')}\n`);
  await stack?.stop();
}, 120_000);

async function openTaskOf(client: ApiClient, procedureId: string, formKind: string, timeoutMs = 60_000) {
  return eventually(async () => {
    const reply = await client.get(`/api/tasks?${listQuery({ procedureId })}`);
    if (reply.status !== 200) return undefined;
    return (reply.body as { id: string; formKind: string; status: string }[]).find((t) => t.formKind === formKind && (t.status === 'open' || t.status === 'claimed'));
  }, timeoutMs, `an open ${formKind} task of ${procedureId}`);
}

async function procedureStatus(id: string): Promise<{ status: string; outcome: string | null }> {
  return (await staff.get(`/api/procedures/${id}`)).body as { status: string; outcome: string | null };
}

describe('the embedded PostgreSQL killed mid-procedure', () => {
  it('has procedures sending mails when the postmaster is killed', async () => {
    const earlierMarker = `frueher-${run}`;
    const earlier = await staff.post('/api/procedures', {
      type: 'department-consultation',
      input: { subject: `Vorher ${earlierMarker}`, question: 'Gibt es Angebote?', departmentIds: [depts[0]?.id] },
    });
    expect(earlier.status).toBe(201);
    earlierToken = linkToken((await requestMailsOf(admin, earlierMarker, [depts[0] as Department])).get(depts[0]?.id as string) as CaughtMail);

    const started = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: `Datenbank weg ${run}` } });
    vorgang = { id: started.body.id };
    const work = await openTaskOf(staff, vorgang.id, 'vorgang-bearbeiten');
    const chosen = depts.slice(1, 5);
    const asked = await staff.post('/api/procedures', {
      type: 'department-consultation',
      input: { subject: `Anfrage ${run}`, question: 'Welche Angebote planen Sie?', departmentIds: chosen.map((d) => d.id) },
    });
    expect(asked.status).toBe(201);
    consultation = { id: asked.body.id, depts: chosen };
    // The completion's next step (the approval, its mail) and the consultation's request mails are on their way now.
    const done = await staff.post(`/api/tasks/${work.id}/complete`, { data: { result: 'kurz vor dem Ausfall' } });
    expect(done.status).toBe(200);

    mark = stack.process.output().length;
    const pid = stack.postmasterPid();
    expect(pid).toBeDefined();
    process.kill(pid as number, 'SIGKILL');
    killedAt = Date.now();
  });

  it('answers 503 while it is away: API routes, the health check, the answer page', async () => {
    // The supervisor waits a second before the restart: these requests fall into the outage.
    const [tasks, health, page] = await Promise.all([
      staff.get(`/api/tasks?${listQuery({ inbox: 'workable' })}`),
      fetch(`${stack.url}/health`).then(async (r) => ({ status: r.status, body: (await r.json()) as { database: string } })),
      fetch(`${stack.url}/answer/${earlierToken}`).then(async (r) => ({ status: r.status, html: await r.text() })),
    ]);
    expect(stack.outputSince(mark)).not.toMatch(/PostgreSQL is back/);
    expect({ status: tasks.status, code: tasks.body?.error?.code }).toEqual({ status: 503, code: 'unavailable' });
    expect(health).toEqual({ status: 503, body: expect.objectContaining({ database: 'down' }) });
    expect(page.status).toBe(503);
    expect(page.html).toContain('<h1>Vorübergehend nicht erreichbar</h1>');
    expect(page.html).toContain('Bitte versuchen Sie es später erneut');
  });

  it('is started again by the supervisor within 30 s, with its data', async () => {
    const backAt = await stack.waitForOutput(/\[supervisor\] PostgreSQL is back/, mark, 60_000);
    const line = /PostgreSQL is back, ([\d.]+) s after it ended/.exec(stack.outputSince(mark));
    figures.push(`PostgreSQL back ${((backAt - killedAt) / 1000).toFixed(1)} s after kill -9 (supervisor: ${line?.[1]} s, 1 s of it the restart delay)`);
    expect(stack.outputSince(mark)).toMatch(/\[supervisor\] PostgreSQL ended \(killed by SIGKILL\); starting it again in 1 s/);
    expect(backAt - killedAt).toBeLessThan(30_000);
    await eventually(async () => ((await fetch(`${stack.url}/health`)).status === 200 ? true : undefined), 30_000, 'the health check green again');
    // The same session, the same procedures: the data outlived the kill.
    expect((await procedureStatus(vorgang.id)).status).toBe('running');
  });

  it('finishes the procedures afterwards', async () => {
    const approval = await openTaskOf(manager, vorgang.id, 'freigabe');
    const approved = await manager.post(`/api/tasks/${approval.id}/complete`, { data: { decision: 'approve' } });
    expect(approved.status).toBe(200);
    expect(approved.body.procedure.finished).toBe(true);

    const mails = await requestMailsOf(admin, `Anfrage ${run}`, consultation.depts, 90_000);
    for (const d of consultation.depts) {
      const reply = await submitAnswerTo(stack.url, linkToken(mails.get(d.id) as CaughtMail), { antwort: `Antwort von ${d.code} nach dem Ausfall.` });
      expect(reply.status).toBe(200);
    }
    const consolidate = await openTaskOf(staff, consultation.id, 'antworten-zusammenfuehren');
    expect((await staff.post(`/api/tasks/${consolidate.id}/complete`, { data: { summary: 'Alle vier haben geantwortet.' } })).status).toBe(200);
    await eventually(async () => ((await procedureStatus(consultation.id)).status === 'completed' ? true : undefined), 30_000, 'the consultation completed');
    expect((await procedureStatus(vorgang.id)).outcome).toBe('Freigegeben');
  });

  it('has sent every mail exactly once', async () => {
    let total = 0;
    for (const id of [vorgang.id, consultation.id]) {
      const outbox = await eventually(async () => {
        const rows = (await admin.get(`/api/mails?${listQuery({ procedureId: id }, [0, 199])}`)).body as { status: string; messageId: string }[];
        return rows.length > 0 && rows.every((m) => m.status === 'sent') ? rows : undefined;
      }, 60_000, `all mails of ${id} sent`);
      total += outbox.length;
    }
    const counts = await mailboxCounts(admin, run);
    figures.push(`mails: ${total} in the outbox, ${counts.size} Message-IDs in the catcher, ${[...counts.values()].filter((n) => n > 1).length} twice`);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  });

  it('ends the stack with exit code 1 and the reason when PostgreSQL will not start again', async () => {
    const port = Number(new URL(stack.databaseUrl).port);
    mark = stack.process.output().length;
    process.kill(stack.postmasterPid() as number, 'SIGKILL');
    // Something else takes its port before the restart: every start fails.
    // It takes connections and drops them, as a port with nothing behind it would refuse them.
    const squatter = net.createServer((socket) => socket.destroy());
    // Free once the killed postmaster is gone, a moment after the signal.
    await eventually(
      () =>
        new Promise<true | undefined>((resolve) => {
          squatter.once('error', () => resolve(undefined));
          squatter.listen(port, '127.0.0.1', () => resolve(true));
        }),
      900,
      'the port of the killed PostgreSQL',
    );
    try {
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([stack.process.exited, new Promise((r) => (timer = setTimeout(() => r('still running'), 120_000)))]);
      clearTimeout(timer);
      const said = stack.outputSince(mark);
      const reason = /\[amtsflow\] (PostgreSQL failed \d+ times within [^;]+); giving up and stopping the stack/.exec(said);
      figures.push(`given up: ${reason?.[1]?.slice(0, 160)}, exit code ${code}`);
      expect(code).toBe(1);
      // The backoff goes on from the first restart (2 s), doubling with each start that fails.
      const delays = said.match(/\[supervisor\] PostgreSQL (ended|could not be started) .*(starting it again|trying again) in \d+ s/g);
      expect(delays?.map((l) => /in (\d+ s)$/.exec(l)?.[1])).toEqual(['2 s', '4 s', '8 s', '16 s']);
      expect(reason).not.toBeNull();
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 180_000);
});
