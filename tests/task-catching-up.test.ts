import { eq } from 'drizzle-orm';
import { closeDb, createDb, type Db } from '../db/client';
import { tasks } from '../db/schema';
import { ApiClient } from './support/client';
import { DEMO_PASSWORD, testStack } from './support/stack-env';
import { complete, openTask } from './support/tasks';

// A task row can exist before its workflow has recorded it: the worker crashed after the row's
// transaction committed, and another worker replays up to that point. A completion in that moment
// is refused by the workflow as "not ready"; the API retries for a while (COMPLETION_CATCH_UP_MS,
// 20 s; the worker-restart test needs it that long on a busy machine) and, if the workflow has still
// not caught up, says so with a 503. The
// workflow's side (refused while creating, taken afterwards) is proven in the engine's workflow tests.

let db: Db;
let anna: ApiClient;
let annaId: string;

beforeAll(async () => {
  db = createDb(testStack().databaseUrl, { max: 2 });
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  annaId = (await anna.get('/api/auth/me')).body.id as string;
});

afterAll(async () => {
  await closeDb(db);
});

describe('a completion while the workflow catches up', () => {
  it('is retried by the API, then answered 503 procedure_catching_up, and nothing changes', async () => {
    // (20 s of the API's retries are part of what this proves.)
    const started = await anna.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'Aufholen nach einem Absturz', assigneeId: annaId } });
    expect(started.status).toBe(201);
    const work = await openTask(anna, started.body.id, 'vorgang-bearbeiten');
    // The row of a task the workflow has not reached: what a crash between the row and the workflow's record leaves.
    const [row] = await db
      .insert(tasks)
      .values({
        procedureId: started.body.id,
        procedureType: 'vorgang-mit-freigabe',
        taskKey: 'bearbeiten-9',
        title: 'Vorgang überarbeiten (Runde 9)',
        formKind: 'vorgang-bearbeiten',
        assigneeId: annaId,
      })
      .returning({ id: tasks.id });
    const id = (row as { id: string }).id;

    const t0 = Date.now();
    const reply = await anna.post(`/api/tasks/${id}/complete`, { data: { result: 'Zu früh abgeschickt' } });
    const waited = Date.now() - t0;
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('procedure_catching_up');
    expect(reply.body.error.message).toMatch(/gerade fortgesetzt/);
    // It kept asking while the workflow could still catch up, instead of failing at once.
    // (Less a little: the window counts from the API's first try, the test's clock from the request.)
    expect(waited).toBeGreaterThanOrEqual(15_000);
    const [after] = await db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, id));
    expect(after?.status).toBe('open');

    // The procedure itself is unharmed: its real task still completes.
    const done = await complete(anna, work, { result: 'Ergebnis' });
    expect(done.procedure.currentStep).toBe('Freigabe durch die Amtsleitung');
  });
});
