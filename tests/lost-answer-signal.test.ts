import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { closeDb, createDb, type Db } from '../db/client';
import { consultationRequests } from '../db/schema';
import { ApiClient } from './support/client';
import {
  consolidationTask,
  departmentByCode,
  departments,
  linkToken,
  requestMails,
  startConsultation,
  submitAnswer,
  type CaughtMail,
} from './support/consultation';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// Before answers became durable commands their signal was sent fire-and-forget and could be lost
// while the engine was away; consultations running since then hold such answers. The workflow
// re-reads what it waits for when the next answer wakes it.

const run = randomUUID().slice(0, 8);
let db: Db;
let staff: ApiClient;

beforeAll(async () => {
  db = createDb(testStack().databaseUrl, { max: 2 });
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
});

afterAll(async () => {
  await closeDb(db);
});

describe('an answer whose signal was lost', () => {
  it('counts when the next answer wakes the consultation: both in the consolidation task at once', async () => {
    const depts = await departments(staff);
    const [youth, housing] = [departmentByCode(depts, 'JUGA'), departmentByCode(depts, 'WOHN')];
    const marker = `verloren-${run}`;
    const id = await startConsultation(staff, { subject: `Anfrage ${marker}`, question: 'Welche Angebote gibt es?', departmentIds: [youth.id, housing.id] });
    const mails = await requestMails(marker, [youth, housing]);

    // As the old code left it: the answer stored, its signal never delivered, no command written.
    const [lost] = await db
      .select()
      .from(consultationRequests)
      .where(and(eq(consultationRequests.consultationId, id), eq(consultationRequests.departmentId, youth.id)));
    await db
      .update(consultationRequests)
      .set({ status: 'answered', channel: 'page', answerText: 'Gespeichert, aber nie gemeldet.', answeredBy: 'Antwortseite', answeredAt: new Date() })
      .where(eq(consultationRequests.id, lost?.id as string));

    const thanks = await submitAnswer(linkToken(mails.get(housing.id) as CaughtMail), { antwort: 'Die zweite Antwort.' });
    expect(thanks.status).toBe(200);
    const task = await consolidationTask(staff, id, 20_000);
    expect(task.context.outcomes.map((o) => [o.departmentId, o.status, o.answerText]).sort()).toEqual(
      [
        [youth.id, 'answered', 'Gespeichert, aber nie gemeldet.'],
        [housing.id, 'answered', 'Die zweite Antwort.'],
      ].sort(),
    );
  });
});
