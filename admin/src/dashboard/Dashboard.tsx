import { Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import { apiFetch } from '../dataProvider/http';
import { ChartWithTable } from './ChartWithTable';

interface DashboardData {
  proceduresByTypeAndStatus: { type: string; status: string; count: number }[];
  overdueByPerson: { userId: string | null; name: string; role: string | null; count: number }[];
  overdueByDepartment: { departmentId: string | null; name: string | null; count: number }[];
  throughputByMonth: { month: string; started: number; completed: number }[];
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
  }[];
}

const STATUSES = ['running', 'completed', 'cancelled', 'failed'] as const;
// Colours told apart also by position and legend; the tables carry the numbers. No animation:
// charts that move distract (WCAG 2.3.3) and catch screenshots mid-way.
const COLORS = { running: '#1565c0', completed: '#2e7d32', cancelled: '#757575', failed: '#c62828' };

export function Dashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const typeLabel = useProcedureTypeLabel();
  const { data, error } = useQuery({
    queryKey: ['dashboard'],
    queryFn: async () => (await apiFetch('/api/dashboard')).json as DashboardData,
    refetchInterval: 30_000,
  });
  const number = (n: number | null, digits = 0) =>
    n === null ? '–' : n.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: digits });
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return <Typography sx={{ p: 2 }}>{translate('ra.page.loading')}</Typography>;

  const byType = Object.values(
    data.proceduresByTypeAndStatus.reduce<Record<string, Record<string, string | number>>>((acc, r) => {
      acc[r.type] ??= { type: typeLabel(r.type) };
      (acc[r.type] as Record<string, number>)[r.status] = r.count;
      return acc;
    }, {}),
  );
  const personName = (r: DashboardData['overdueByPerson'][number]) =>
    r.userId ? r.name : translate('app.task.group', { role: translate(`app.role.${r.role ?? 'staff'}`) });
  const byPerson = data.overdueByPerson.map((r) => ({ name: personName(r), count: r.count }));
  const byDepartment = data.overdueByDepartment.map((r) => ({ name: r.name ?? translate('app.dashboard.no_department'), count: r.count }));
  const answers = data.departmentAnswers.map((r) => ({
    ...r,
    rate: r.requests > 0 ? Math.round((r.answered / r.requests) * 100) : null,
  }));

  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Title title={translate('app.menu.dashboard')} />
      <Typography variant="h5" component="h1">
        {translate('app.menu.dashboard')}
      </Typography>

      <ChartWithTable
        id="chart-procedures"
        title={translate('app.dashboard.procedures_by_type')}
        rows={byType}
        columns={[
          { label: translate('resources.procedures.fields.type'), value: (r) => r.type },
          ...STATUSES.map((s) => ({ label: translate(`app.procedure_status.${s}`), value: (r: Record<string, string | number>) => number(Number(r[s] ?? 0)), numeric: true })),
        ]}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={byType}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="type" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {STATUSES.map((s) => (
                <Bar key={s} isAnimationActive={false} dataKey={s} stackId="a" name={translate(`app.procedure_status.${s}`)} fill={COLORS[s]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        }
      />

      <ChartWithTable
        id="chart-overdue-person"
        title={translate('app.dashboard.overdue_by_person')}
        empty={translate('app.dashboard.none_overdue')}
        rows={byPerson}
        columns={[
          { label: translate('app.dashboard.person'), value: (r) => r.name },
          { label: translate('app.dashboard.overdue_tasks'), value: (r) => number(r.count), numeric: true },
        ]}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={byPerson} layout="vertical">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip />
              <Bar isAnimationActive={false} dataKey="count" name={translate('app.dashboard.overdue_tasks')} fill="#c62828" />
            </BarChart>
          </ResponsiveContainer>
        }
      />

      <ChartWithTable
        id="chart-overdue-department"
        title={translate('app.dashboard.overdue_by_department')}
        empty={translate('app.dashboard.none_overdue')}
        rows={byDepartment}
        columns={[
          { label: translate('app.forms.department'), value: (r) => r.name },
          { label: translate('app.dashboard.overdue_tasks'), value: (r) => number(r.count), numeric: true },
        ]}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={byDepartment} layout="vertical">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip />
              <Bar isAnimationActive={false} dataKey="count" name={translate('app.dashboard.overdue_tasks')} fill="#ef6c00" />
            </BarChart>
          </ResponsiveContainer>
        }
      />

      <ChartWithTable
        id="chart-throughput"
        title={translate('app.dashboard.throughput')}
        rows={data.throughputByMonth}
        columns={[
          { label: translate('app.dashboard.month'), value: (r) => r.month },
          { label: translate('app.dashboard.started'), value: (r) => number(r.started), numeric: true },
          { label: translate('app.dashboard.completed'), value: (r) => number(r.completed), numeric: true },
        ]}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={data.throughputByMonth}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line isAnimationActive={false} type="monotone" dataKey="started" name={translate('app.dashboard.started')} stroke="#1565c0" />
              <Line isAnimationActive={false} type="monotone" dataKey="completed" name={translate('app.dashboard.completed')} stroke="#2e7d32" strokeDasharray="5 3" />
            </LineChart>
          </ResponsiveContainer>
        }
      />

      <ChartWithTable
        id="chart-answers"
        title={translate('app.dashboard.department_answers')}
        rows={answers}
        columns={[
          { label: translate('app.forms.department'), value: (r) => r.code },
          { label: translate('app.dashboard.requests'), value: (r) => number(r.requests), numeric: true },
          { label: translate('app.dashboard.answer_rate'), value: (r) => (r.rate === null ? '–' : `${r.rate} %`), numeric: true },
          { label: translate('app.dashboard.overdue_requests'), value: (r) => number(r.overdue), numeric: true },
          { label: translate('app.dashboard.mean_hours'), value: (r) => number(r.meanAnswerHours, 1), numeric: true },
        ]}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={answers}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="code" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar isAnimationActive={false} dataKey="answered" name={translate('app.request_status.answered')} stackId="r" fill="#2e7d32" />
              <Bar isAnimationActive={false} dataKey="noAnswer" name={translate('app.request_status.no_answer')} stackId="r" fill="#c62828" />
              <Bar isAnimationActive={false} dataKey="pending" name={translate('app.request_status.pending')} stackId="r" fill="#1565c0" />
            </BarChart>
          </ResponsiveContainer>
        }
      />
    </Stack>
  );
}
