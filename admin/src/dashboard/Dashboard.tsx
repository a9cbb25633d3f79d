import { Alert, Link as MuiLink, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Title, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { lazyNamed } from '../common/lazyPages';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import { listPath, typePath } from '../procedure-types/paths';
import { useDuration } from '../common/duration';
import { ChartWithTable } from './ChartWithTable';
import { dashboardQuery, FIRST_PERIOD, PERIODS, type DashboardData, type Period } from './data';

const STATUSES = ['running', 'completed', 'cancelled', 'failed'] as const;

const charts = () => import('./DashboardCharts');
const Charts = {
  Procedures: lazyNamed(charts, 'ProceduresChart'),
  Overdue: lazyNamed(charts, 'OverdueChart'),
  Answers: lazyNamed(charts, 'AnswersChart'),
  Throughput: lazyNamed(charts, 'ThroughputChart'),
  Completed: lazyNamed(charts, 'CompletedChart'),
};

const tasksPath = (filter: Record<string, unknown>) =>
  `/all-tasks?filter=${encodeURIComponent(JSON.stringify({ status: ['open', 'claimed'], overdue: true, ...filter }))}`;
const requestsPath = (filter: Record<string, unknown>) => `/consultation-requests?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A figure is a link to the list behind it; a zero links nowhere. */
function Figure({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  return (
    <MuiLink component={Link} to={to} aria-label={label} data-testid="figure-link">
      {children}
    </MuiLink>
  );
}

/** The month after "2026-11" as its first day, for a list's "before" filter. */
function monthBounds(month: string): { from: string; before: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, before: `${next}-01` };
}

export function Dashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const typeLabel = useProcedureTypeLabel();
  const duration = useDuration();
  const [period, setPeriod] = useState<Period>(FIRST_PERIOD);
  // The Störungen page is the admins'; others are led to the procedures concerned.
  const { canAccess: seesIncidents } = useCanAccess({ resource: 'incidents', action: 'list' });
  const { data, error } = useQuery({
    queryKey: ['dashboard', period],
    queryFn: () => dashboardQuery(period),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
  const tag = locale === 'en' ? 'en-GB' : 'de-DE';
  const number = (n: number | null, digits = 0) => (n === null ? '–' : n.toLocaleString(tag, { maximumFractionDigits: digits }));
  const monthName = (month: string) => new Date(`${month}-15T12:00:00`).toLocaleDateString(tag, { month: 'short', year: 'numeric' });
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return <Typography sx={{ p: 2 }}>{translate('ra.page.loading')}</Typography>;

  /** A count as a link to its list; a zero as a plain zero. */
  const linked = (n: number, to: string, label?: string) => (n === 0 ? number(0) : <Figure to={to} label={label}>{number(n)}</Figure>);

  const types = [...new Set(data.proceduresByTypeAndStatus.map((r) => r.type))];
  const byType = types.map((type) => {
    const row: Record<string, string | number> = { type, name: typeLabel(type) };
    for (const r of data.proceduresByTypeAndStatus.filter((x) => x.type === type)) row[r.status] = r.count;
    return row;
  });
  const personName = (r: DashboardData['overdueByPerson'][number]) =>
    r.userId ? r.name : translate('app.task.group', { role: translate(`app.role.${r.role ?? 'staff'}`) });
  const byPerson = data.overdueByPerson.map((r) => ({ ...r, label: personName(r) }));
  const byDepartment = data.overdueByDepartment.map((r) => ({ ...r, label: r.name ?? translate('app.dashboard.no_department') }));
  const answers = data.departmentAnswers.map((r) => ({
    ...r,
    rate: r.requests > 0 ? Math.round((r.answered / r.requests) * 100) : null,
  }));
  const since = data.since ? { sentFrom: data.since } : {};
  const throughput = data.throughputByMonth.map((r) => ({ ...r, label: monthName(r.month) }));
  const completedTypes = [...new Set(data.completedByMonthAndType.map((r) => r.type))];
  const completedByMonth = data.throughputByMonth.map((m) => {
    const row: Record<string, string | number> = { month: m.month, label: monthName(m.month) };
    for (const t of completedTypes) row[t] = data.completedByMonthAndType.find((r) => r.month === m.month && r.type === t)?.count ?? 0;
    return row;
  });

  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Title title={translate('app.menu.dashboard')} />
      <Typography variant="h5" component="h1">
        {translate('app.menu.dashboard')}
      </Typography>
      {data.incidents > 0 && (
        <Alert severity="warning" data-testid="dashboard-incidents">
          <Figure to={seesIncidents ? '/incidents' : listPath({ disturbed: true, status: 'running' })}>
            {translate('app.dashboard.incidents', { smart_count: data.incidents })}
          </Figure>
          {data.disturbedProcedures > 0 && ` ${translate('app.dashboard.disturbed_procedures', { smart_count: data.disturbedProcedures })}`}
        </Alert>
      )}

      <ChartWithTable
        id="chart-procedures"
        title={translate('app.dashboard.procedures_by_type')}
        rows={byType}
        columns={[
          { label: translate('resources.procedures.fields.type'), value: (r) => <Figure to={typePath(String(r.type))}>{String(r.name)}</Figure> },
          ...STATUSES.map((s) => ({
            label: translate(`app.procedure_status.${s}`),
            value: (r: Record<string, string | number>) => linked(Number(r[s] ?? 0), listPath({ type: r.type, status: [s] })),
            numeric: true,
          })),
        ]}
        chart={<Charts.Procedures rows={byType} statuses={STATUSES.map((key) => ({ key, name: translate(`app.procedure_status.${key}`) }))} />}
      />

      <ChartWithTable
        id="chart-overdue-person"
        title={translate('app.dashboard.overdue_by_person')}
        empty={translate('app.dashboard.none_overdue')}
        rows={byPerson}
        columns={[
          { label: translate('app.dashboard.person'), value: (r) => r.label },
          {
            label: translate('app.dashboard.overdue_tasks'),
            value: (r) => linked(r.count, tasksPath(r.userId ? { holderId: r.userId } : { holderRole: r.role ?? 'staff' })),
            numeric: true,
          },
        ]}
        chart={<Charts.Overdue rows={byPerson} name={translate('app.dashboard.overdue_tasks')} fill="#c62828" />}
      />

      <ChartWithTable
        id="chart-overdue-department"
        title={translate('app.dashboard.overdue_by_department')}
        empty={translate('app.dashboard.none_overdue')}
        rows={byDepartment}
        columns={[
          { label: translate('app.forms.department'), value: (r) => r.label },
          {
            label: translate('app.dashboard.overdue_tasks'),
            value: (r) => linked(r.count, tasksPath({ holderDepartmentId: r.departmentId ?? 'none' })),
            numeric: true,
          },
        ]}
        chart={<Charts.Overdue rows={byDepartment} name={translate('app.dashboard.overdue_tasks')} fill="#ef6c00" />}
      />

      <ChartWithTable
        id="chart-answers"
        title={translate('app.dashboard.department_answers')}
        action={
          <TextField
            select
            size="small"
            label={translate('app.dashboard.period')}
            value={period}
            onChange={(e) => setPeriod(e.target.value as Period)}
            sx={{ minWidth: 200 }}
            data-testid="period-select"
          >
            {PERIODS.map((p) => (
              <MenuItem key={p} value={p}>
                {translate(`app.dashboard.periods.${p}`)}
              </MenuItem>
            ))}
          </TextField>
        }
        rows={answers}
        columns={[
          { label: translate('app.forms.department'), value: (r) => r.name },
          { label: translate('app.dashboard.requests'), value: (r) => linked(r.requests, requestsPath({ departmentId: r.departmentId, ...since })), numeric: true },
          {
            label: translate('app.dashboard.answer_rate'),
            value: (r) =>
              r.rate === null ? '–' : linked(r.answered, requestsPath({ departmentId: r.departmentId, status: ['answered'], ...since }), translate('app.dashboard.answered_of', { answered: r.answered, requests: r.requests, rate: r.rate })),
            numeric: true,
          },
          { label: translate('app.request_status.no_answer'), value: (r) => linked(r.noAnswer, requestsPath({ departmentId: r.departmentId, status: ['no_answer'], ...since })), numeric: true },
          { label: translate('app.request_status.pending'), value: (r) => linked(r.pending, requestsPath({ departmentId: r.departmentId, status: ['pending'], ...since })), numeric: true },
          { label: translate('app.dashboard.overdue_requests'), value: (r) => linked(r.overdue, requestsPath({ departmentId: r.departmentId, overdue: true, ...since })), numeric: true },
          {
            label: translate('app.dashboard.median_time'),
            value: (r) => (r.medianAnswerHours === null ? '–' : duration(r.medianAnswerHours * 3_600_000, locale)),
            numeric: true,
          },
        ]}
        chart={
          <Charts.Answers
            rows={answers}
            series={[
              { key: 'answered', name: translate('app.request_status.answered') },
              { key: 'noAnswer', name: translate('app.request_status.no_answer') },
              { key: 'pending', name: translate('app.request_status.pending') },
            ]}
          />
        }
      />

      <ChartWithTable
        id="chart-throughput"
        title={translate('app.dashboard.throughput')}
        rows={throughput}
        columns={[
          { label: translate('app.dashboard.month'), value: (r) => r.label },
          {
            label: translate('app.dashboard.started'),
            value: (r) => {
              const b = monthBounds(r.month);
              return linked(r.started, listPath({ startedFrom: b.from, startedBefore: b.before }));
            },
            numeric: true,
          },
          {
            label: translate('app.dashboard.completed'),
            value: (r) => {
              const b = monthBounds(r.month);
              return linked(r.completed, listPath({ status: ['completed'], endedFrom: b.from, endedBefore: b.before }));
            },
            numeric: true,
          },
        ]}
        chart={<Charts.Throughput rows={throughput} started={translate('app.dashboard.started')} completed={translate('app.dashboard.completed')} />}
      />

      <ChartWithTable
        id="chart-completed-by-type"
        title={translate('app.dashboard.completed_by_type')}
        empty={translate('app.dashboard.none_completed')}
        rows={completedTypes.length > 0 ? completedByMonth : []}
        columns={[
          { label: translate('app.dashboard.month'), value: (r) => String(r.label) },
          ...completedTypes.map((t) => ({
            label: typeLabel(t),
            value: (r: Record<string, string | number>) => {
              const b = monthBounds(String(r.month));
              return linked(Number(r[t] ?? 0), listPath({ type: t, status: ['completed'], endedFrom: b.from, endedBefore: b.before }));
            },
            numeric: true,
          })),
        ]}
        chart={<Charts.Completed rows={completedByMonth} types={completedTypes.map((key) => ({ key, name: typeLabel(key) }))} />}
      />
    </Stack>
  );
}
