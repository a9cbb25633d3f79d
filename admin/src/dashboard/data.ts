import { apiFetch } from '../dataProvider/http';

export const PERIODS = ['month', 'quarter', 'year', 'all'] as const;
export type Period = (typeof PERIODS)[number];
/** The period the dashboard opens with. */
export const FIRST_PERIOD: Period = 'year';

export interface DashboardData {
  proceduresByTypeAndStatus: { type: string; status: string; count: number }[];
  overdueByPerson: { userId: string | null; name: string; role: string | null; count: number }[];
  overdueByDepartment: { departmentId: string | null; name: string | null; count: number }[];
  throughputByMonth: { month: string; started: number; completed: number }[];
  completedByMonthAndType: { month: string; type: string; count: number }[];
  departmentAnswers: {
    departmentId: string;
    code: string;
    name: string;
    requests: number;
    answered: number;
    noAnswer: number;
    pending: number;
    overdue: number;
    meanAnswerHours: number | null;
    medianAnswerHours: number | null;
  }[];
  incidents: number;
  disturbedProcedures: number;
  period: Period;
  since: string | null;
}

// The figures a manager opens the console with are asked for as soon as the session is known to be
// a manager's, beside the dashboard's chunk, not after it (Home.tsx); the first query takes that answer.
// An answer older than a few seconds (the manager went elsewhere first) is not used: asked again.
let early: { answer: Promise<DashboardData>; at: number } | undefined;
const EARLY_FOR_MS = 10_000;

export function preloadDashboard(): void {
  const answer = apiFetch(`/api/dashboard?period=${FIRST_PERIOD}`).then(({ json }) => json as DashboardData);
  answer.catch(() => undefined);
  early = { answer, at: Date.now() };
}

export async function dashboardQuery(period: Period): Promise<DashboardData> {
  const taken = period === FIRST_PERIOD && early && Date.now() - early.at < EARLY_FOR_MS ? early.answer : undefined;
  early = undefined;
  if (taken) return taken;
  return (await apiFetch(`/api/dashboard?period=${period}`)).json as DashboardData;
}
