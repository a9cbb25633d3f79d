import { randomUUID } from 'node:crypto';
import { closeDb, createDb } from '../db/client';
import { reportIncident, resolveIncident } from '../incidents/record';
import { ApiClient, eventually, listQuery } from './support/client';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// GET /api/dashboard: the managers' figures, counted from the projection tables.

const staffEmail = 'anna.schmidt@amtsflow.localhost';
const managerEmail = 'carla.nowak@amtsflow.localhost';

let staff: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  staff = await ApiClient.as(staffEmail, DEMO_PASSWORD);
  manager = await ApiClient.as(managerEmail, DEMO_PASSWORD);
});

type Dashboard = {
  proceduresByTypeAndStatus: { type: string; status: string; count: number }[];
  throughputByMonth: { month: string; started: number; completed: number }[];
  departmentAnswers: { code: string; requests: number; answered: number; pending: number }[];
  overdueByPerson: unknown[];
  overdueByDepartment: unknown[];
  incidents: number;
  disturbedProcedures: number;
};

function running(d: Dashboard, type: string): number {
  return d.proceduresByTypeAndStatus.find((r) => r.type === type && r.status === 'running')?.count ?? 0;
}

describe('the managers\u2019 dashboard figures', () => {
  it('are for managers and admins only', async () => {
    const refused = await staff.get('/api/dashboard');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('count a started procedure and a department request as they happen', async () => {
    const before = (await manager.get('/api/dashboard')).body as Dashboard;
    expect(before.throughputByMonth).toHaveLength(12);
    const thisMonth = before.throughputByMonth[11] as { month: string; started: number };
    expect(thisMonth.month).toBe(new Date().toISOString().slice(0, 7));

    const departments = (await staff.get(`/api/departments?${listQuery({ code: 'KULT' })}`)).body as { id: string }[];
    const started = await staff.post('/api/procedures', {
      type: 'department-consultation',
      input: { subject: 'Dashboard: Kulturangebote', question: 'Welche Angebote gibt es für Neuzugewanderte?', departmentIds: [departments[0]?.id] },
    });
    expect(started.status).toBe(201);

    const after = await eventually(async () => {
      const d = (await manager.get('/api/dashboard')).body as Dashboard;
      const kult = d.departmentAnswers.find((r) => r.code === 'KULT');
      const kultBefore = before.departmentAnswers.find((r) => r.code === 'KULT');
      return kult && kultBefore && kult.requests === kultBefore.requests + 1 ? d : undefined;
    }, 20_000, 'the new request in the dashboard');
    expect(running(after, 'department-consultation')).toBe(running(before, 'department-consultation') + 1);
    expect(after.throughputByMonth[11]?.started).toBe(thisMonth.started + 1);
    expect(after.departmentAnswers.find((r) => r.code === 'KULT')?.pending).toBe(
      (before.departmentAnswers.find((r) => r.code === 'KULT')?.pending ?? 0) + 1,
    );

    await manager.post(`/api/procedures/${started.body.id}/cancel`, { reason: 'Nur ein Test der Kennzahlen' });
  });

  it('count the open disturbances and the running procedures they hold up', async () => {
    const db = createDb(testStack().databaseUrl, { max: 1 });
    const key = `mail:dashboard-${randomUUID()}`;
    try {
      const started = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'Dashboard: eine Störung' } });
      expect(started.status).toBe(201);
      const before = (await manager.get('/api/dashboard')).body as Dashboard;
      await reportIncident(db, { key, kind: 'mail', procedureId: started.body.id, subject: 'Mail an das Kulturamt', error: '550 relay refused', attempts: 3 });
      const during = (await manager.get('/api/dashboard')).body as Dashboard;
      expect(during.incidents).toBe(before.incidents + 1);
      expect(during.disturbedProcedures).toBe(before.disturbedProcedures + 1);
      await resolveIncident(db, key);
      const after = (await manager.get('/api/dashboard')).body as Dashboard;
      expect([after.incidents, after.disturbedProcedures]).toEqual([before.incidents, before.disturbedProcedures]);
      await manager.post(`/api/procedures/${started.body.id}/cancel`, { reason: 'Nur ein Test der Kennzahlen' });
    } finally {
      await resolveIncident(db, key);
      await closeDb(db);
    }
  });
});
