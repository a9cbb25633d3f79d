import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { quarterShort } from '../../quarter';
import { useFormats } from '../../../../admin/src/common/numbers';
import { ChartWithTable } from '../../../../admin/src/dashboard/ChartWithTable';
import { apiFetch } from '../../../../admin/src/dataProvider/http';

interface IndicatorValue {
  quarter: string;
  disaggregation: string;
  value: number | null;
}

// Told apart also by the legend and the table; no animation (see the dashboard).
const COLORS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e', '#37474f'];

/** The indicator's quarters as a line per breakdown, the numbers in a table beside it. */
export function IndicatorChart({ id, unit, breakdowns }: { id: string; unit: string; breakdowns: { key: string; label: string }[] }) {
  const translate = useTranslate();
  const f = useFormats();
  const { data, error } = useQuery({
    queryKey: ['indicator-values', id],
    queryFn: async () => (await apiFetch(`/api/indicators/${encodeURIComponent(id)}/values`)).json as IndicatorValue[],
  });
  if (error) return <p role="alert">{(error as Error).message}</p>;
  const values = data ?? [];
  const keys = [...new Set(values.map((v) => v.disaggregation))];
  const label = (key: string) => breakdowns.find((b) => b.key === key)?.label ?? key;
  const rows = [...new Set(values.map((v) => v.quarter))].sort().map((quarter) => ({
    quarter: quarterShort(quarter),
    ...Object.fromEntries(values.filter((v) => v.quarter === quarter).map((v) => [v.disaggregation, v.value])),
  })) as ({ quarter: string } & Record<string, number | null>)[];
  return (
    <ChartWithTable
      id="indicator-series"
      title={`${translate('app.monitoring.time_series')} (${unit})`}
      rows={rows}
      empty={translate('app.monitoring.no_values')}
      columns={[
        { label: translate('app.monitoring.quarter'), value: (r) => r.quarter },
        ...keys.map((k) => ({ label: label(k), value: (r: Record<string, number | null | string>) => f.number(r[k] as number | null), numeric: true })),
      ]}
      chart={
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="quarter" />
            <YAxis />
            <Tooltip />
            <Legend />
            {keys.map((k, i) => (
              <Line key={k} dataKey={k} name={label(k)} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
    />
  );
}
