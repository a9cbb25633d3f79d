import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The dashboard's charts, a chunk of their own (recharts and its d3): the tables beside them, which
// carry the same numbers, are shown as soon as the figures arrive, and the charts are drawn when
// this chunk has come. Colours told apart also by position and legend. No animation: charts that
// move distract (WCAG 2.3.3) and catch screenshots mid-way. No accessibility layer: the chart is
// hidden from assistive technology (its table says it), so nothing in it may take focus.

// recharts reads each row's keys by name; the tables' other columns (ids, null rates) ride along unread.
type Row = object;
export interface Series {
  key: string;
  name: string;
}

const COLORS: Record<string, string> = { running: '#1565c0', completed: '#2e7d32', cancelled: '#757575', failed: '#c62828' };
const TYPE_COLORS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#ad1457'];
const chartProps = { accessibilityLayer: false } as const;

/** Procedures per type, stacked by status. */
export function ProceduresChart({ rows, statuses }: { rows: Row[]; statuses: Series[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} {...chartProps}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {statuses.map((s) => (
          <Bar key={s.key} isAnimationActive={false} dataKey={s.key} stackId="a" name={s.name} fill={COLORS[s.key]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Overdue tasks per person or department, one bar each. */
export function OverdueChart({ rows, name, fill }: { rows: Row[]; name: string; fill: string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} layout="vertical" {...chartProps}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={160} />
        <Tooltip />
        <Bar isAnimationActive={false} dataKey="count" name={name} fill={fill} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The departments' requests, stacked: answered, no answer, pending. */
export function AnswersChart({ rows, series }: { rows: Row[]; series: [answered: Series, noAnswer: Series, pending: Series] }) {
  const fills = ['#2e7d32', '#c62828', '#1565c0'];
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={rows} {...chartProps}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={80} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {series.map((s, i) => (
          <Bar key={s.key} isAnimationActive={false} dataKey={s.key} name={s.name} stackId="r" fill={fills[i]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Started and completed per month, two lines told apart by their dash too. */
export function ThroughputChart({ rows, started, completed }: { rows: Row[]; started: string; completed: string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} {...chartProps}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line isAnimationActive={false} type="monotone" dataKey="started" name={started} stroke="#1565c0" />
        <Line isAnimationActive={false} type="monotone" dataKey="completed" name={completed} stroke="#2e7d32" strokeDasharray="5 3" />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Completed per month, stacked by procedure type. */
export function CompletedChart({ rows, types }: { rows: Row[]; types: Series[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} {...chartProps}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {types.map((t, i) => (
          <Bar key={t.key} isAnimationActive={false} dataKey={t.key} stackId="c" name={t.name} fill={TYPE_COLORS[i % TYPE_COLORS.length]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
