import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Change, ComparisonRow } from '../shared';
import { useFormats } from '../../../admin/src/common/numbers';

/** A quarter's values beside the previous quarter and the same quarter last year, as the report will show them. */
export function ComparisonTable({ rows }: { rows: ComparisonRow[] }) {
  const translate = useTranslate();
  const f = useFormats();
  const change = (c: Change | null) =>
    c ? `${c.absolute > 0 ? '+' : ''}${f.number(c.absolute)}${c.percent === null ? '' : ` (${f.number(c.percent, 1)} %)`} · ${translate(`app.trend.${c.trend}`)}` : '–';
  return (
    <Table size="small" aria-label={translate('app.monitoring.comparison')} data-testid="comparison">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.monitoring.indicator')}</TableCell>
          <TableCell>{translate('app.monitoring.breakdown')}</TableCell>
          <TableCell align="right">{translate('app.monitoring.value')}</TableCell>
          <TableCell align="right">{translate('app.monitoring.previous')}</TableCell>
          <TableCell align="right">{translate('app.monitoring.last_year')}</TableCell>
          <TableCell>{translate('app.monitoring.change')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.indicatorId}-${r.disaggregation}`}>
            <TableCell>{r.indicatorName}</TableCell>
            <TableCell>{r.disaggregationLabel}</TableCell>
            <TableCell align="right">
              {f.number(r.value)} {r.unit}
            </TableCell>
            <TableCell align="right">{f.number(r.previous)}</TableCell>
            <TableCell align="right">{f.number(r.lastYear)}</TableCell>
            <TableCell>{change(r.changePrevious)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The indicators of a comparison, once each (a comment is per indicator, not per breakdown). */
export function indicatorsOf(rows: ComparisonRow[]): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.indicatorKey)) seen.set(r.indicatorKey, r.indicatorName);
  return [...seen].map(([key, name]) => ({ key, name }));
}
