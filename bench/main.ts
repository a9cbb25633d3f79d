import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { hashPassword } from '../api/auth';
import { createDb, closeDb } from '../db/client';
import { DEMO_PASSWORD } from '../db/seed';
import { ApiClient, listQuery } from '../tests/support/client';
import { benchConsultation } from './consultation';
import { doneSignal, stepUpdate } from './floor/workflows';
import { seedInboxLoad } from './inbox-data';
import { runBench, withBenchStack } from './bench-stack';
import { fmt, latency, throughput, timed, type Latency } from './stats';

// `npm run bench`: the figures of the platform issue, each beside the bare engine's on the same server.

const STEPS = Number(process.env.BENCH_STEPS ?? 200);
const STARTS = Number(process.env.BENCH_STARTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const INBOX_TASKS = Number(process.env.BENCH_INBOX_TASKS ?? 100_000);
const INBOX_REQUESTS = Number(process.env.BENCH_INBOX_REQUESTS ?? 500);
const CONSULTATION_ROUNDS = Number(process.env.BENCH_CONSULTATION_ROUNDS ?? 5);
const FLOOR_QUEUE = 'bench-floor';

async function waitFor<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 1000; i += 1) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('gave up waiting');
}

async function main() {
  await withBenchStack('bench', { TASK_REMINDER_AFTER: '30d', TASK_ESCALATE_AFTER: '60d' }, async (stack, config) => {
    const floorConnection = await NativeConnection.connect({ address: stack.temporalAddress });
    const floorWorker = await Worker.create({
      connection: floorConnection,
      taskQueue: FLOOR_QUEUE,
      workflowsPath: require.resolve('./floor/workflows'),
      activities: { floorStep: async (n: number) => n + 1 },
    });
    const floorRun = floorWorker.run();
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection });

    const staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, stack.apiUrl);
    const manager = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD, stack.apiUrl);

    // 1. complete → next task visible, against one update + one activity.
    async function ours(): Promise<number> {
      const proc = (await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'Bench' } })).body;
      const task = await waitFor(async () => (await staff.get(`/api/tasks?${listQuery({ procedureId: proc.id })}`)).body[0]);
      let completeMs = 0;
      const total = await timed(async () => {
        completeMs = await timed(async () => {
          const done = await staff.post(`/api/tasks/${task.id}/complete`, { data: { result: 'erledigt' } });
          if (done.status !== 200) throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`);
        });
        const next = await manager.get(`/api/tasks?${listQuery({ procedureId: proc.id, inbox: 'group' })}`);
        if (next.body.length !== 1) throw new Error('next task not visible');
      });
      completeOnly.push(completeMs);
      return total;
    }
    const completeOnly: number[] = [];
    let floorId = 0;
    async function floor(): Promise<number> {
      const handle = await temporal.workflow.start('floorWorkflow', { taskQueue: FLOOR_QUEUE, workflowId: `floor-${(floorId += 1)}` });
      await handle.query('__stack_trace').catch(() => undefined);
      const ms = await timed(() => handle.executeUpdate(stepUpdate, { args: [1] }));
      await handle.signal(doneSignal);
      return ms;
    }
    console.log(`warming up …`);
    for (let i = 0; i < 20; i += 1) {
      await ours();
      await floor();
    }
    console.log(`measuring ${STEPS} steps each …`);
    const oursSamples: number[] = [];
    const floorSamples: number[] = [];
    for (let i = 0; i < STEPS; i += 1) {
      oursSamples.push(await ours());
      floorSamples.push(await floor());
    }
    const step = { ours: latency(oursSamples), floor: latency(floorSamples), completeOnly: latency(completeOnly.slice(-STEPS)) };

    // 2. procedures started per second.
    console.log(`starting ${STARTS} procedures each, ${CONCURRENCY} at a time …`);
    const oursStartMs = await throughput(STARTS, CONCURRENCY, async () => {
      const r = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'Bench-Start' } });
      if (r.status !== 201) throw new Error(`start: ${r.status}`);
    });
    const floorStartMs = await throughput(STARTS, CONCURRENCY, async (i) => {
      await temporal.workflow.start('floorWorkflow', { taskQueue: FLOOR_QUEUE, workflowId: `floor-start-${i}` });
    });
    const starts = { ours: (STARTS / oursStartMs) * 1000, floor: (STARTS / floorStartMs) * 1000 };

    // 3. department answers, by page and by mail.
    console.log('department answers: answer page and mail replies …');
    const admin = await ApiClient.as(config.ADMIN_EMAIL, 'Bench-Admin-Passwort', stack.apiUrl);
    const answers = await benchConsultation({
      staff,
      admin,
      apiUrl: stack.apiUrl,
      inboundPort: stack.inboundPort,
      inboundDomain: config.INBOUND_DOMAIN,
      rounds: CONSULTATION_ROUNDS,
    });

    // 4. an inbox page with 100 000 tasks in the database.
    console.log(`seeding ${INBOX_TASKS} tasks …`);
    const db = createDb(stack.databaseUrl, { max: 2 });
    await seedInboxLoad(db, INBOX_TASKS, await hashPassword(DEMO_PASSWORD));
    await closeDb(db);
    const benchStaff = await ApiClient.as('staff7@bench.localhost', DEMO_PASSWORD, stack.apiUrl);
    const inboxes: Record<string, Latency> = {};
    for (const [name, filter] of [
      ['mine', { inbox: 'mine' }],
      ['group', { inbox: 'group' }],
      ['all (manager)', {}],
    ] as const) {
      const client = name === 'all (manager)' ? manager : benchStaff;
      const query = `/api/tasks?${listQuery(filter, [0, 24], ['dueAt', 'ASC'])}`;
      for (let i = 0; i < 20; i += 1) await client.get(query);
      const samples: number[] = [];
      let total = '';
      for (let i = 0; i < INBOX_REQUESTS; i += 1) {
        samples.push(
          await timed(async () => {
            const r = await client.get(query);
            total = r.headers.get('content-range') ?? '';
          }),
        );
      }
      inboxes[`${name} [${total}]`] = latency(samples);
    }

    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log('\n== Amtsflow bench (one machine: 2 cores; embedded PostgreSQL, Temporal dev server) ==');
    console.log(`complete task → next task visible (n=${step.ours.n}):`);
    console.log(`  Amtsflow API   p50 ${fmt(step.ours.p50)}   p99 ${fmt(step.ours.p99)}`);
    console.log(`    of which POST …/complete  p50 ${fmt(step.completeOnly.p50)}   p99 ${fmt(step.completeOnly.p99)}`);
    console.log(`  bare Temporal  p50 ${fmt(step.floor.p50)}   p99 ${fmt(step.floor.p99)}   (one update + one activity)`);
    console.log(`  ratio          p50 ${ratio(step.ours.p50, step.floor.p50)}   p99 ${ratio(step.ours.p99, step.floor.p99)}   (goal ≤ 1.3 / ≤ 1.5)`);
    console.log(`procedures started per second (n=${STARTS}, concurrency ${CONCURRENCY}):`);
    console.log(`  Amtsflow API   ${starts.ours.toFixed(1)}/s   bare Temporal ${starts.floor.toFixed(1)}/s   ratio ${ratio(starts.ours, starts.floor)} (goal ≥ 0.8)`);
    console.log(`department answers (${CONSULTATION_ROUNDS} consultations × 10 departments per channel):`);
    console.log(`  answer page submit → answer in the history   p50 ${fmt(answers.pageToHistory.p50)}   p99 ${fmt(answers.pageToHistory.p99)}`);
    console.log(`  mail replies through the inbound listener → workflow moved on: ${answers.mailsPerSecond.toFixed(1)} mails/s (${answers.mails} mails)`);
    console.log(`GET /api/tasks, one page of 25, ${INBOX_TASKS} tasks in the database (n=${INBOX_REQUESTS} each):`);
    for (const [name, l] of Object.entries(inboxes)) {
      console.log(`  ${name.padEnd(40)} p50 ${fmt(l.p50)}   p99 ${fmt(l.p99)}   (goal p99 < 30 ms)`);
    }

    floorWorker.shutdown();
    await floorRun;
    await floorConnection.close();
    await connection.close();
  });
}

runBench(main);
