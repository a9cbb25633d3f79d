import { Button, Stack } from '@mui/material';
import { DataTable, DateField, List, NumberInput, TextInput, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { EmptyState } from './EmptyState';

// The published reports of a procedure module (the monitoring's quarters, the Maßnahmenprogramm's years),
// as documents/report-routes.ts serves them: a list by period, each report as HTML and PDF download.

function Downloads({ period }: { period: string }) {
  const translate = useTranslate();
  const resource = useResourceContext();
  const r = useRecordContext<{ id: string; pdfSize: number | null } & Record<string, unknown>>();
  if (!r || !resource) return null;
  const base = `/api/${resource}/${encodeURIComponent(r.id)}`;
  const name = String(r[period] ?? '');
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" variant="outlined" href={`${base}/html`} download aria-label={`${translate('app.report.html')} ${name}`}>
        {translate('app.report.html')}
      </Button>
      {r.pdfSize !== null && (
        <Button size="small" variant="outlined" href={`${base}/pdf`} download aria-label={`${translate('app.report.pdf')} ${name}`}>
          {translate('app.report.pdf')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * `period`: the report's period field (`quarter`, `year`), `numeric` when it is a number (the filter
 * sends one, as the API's filter expects); `empty`: what the list says while it has none.
 */
export function ReportList({ period, numeric = false, empty }: { period: string; numeric?: boolean; empty: string }) {
  const Filter = numeric ? NumberInput : TextInput;
  return (
    <List
      filters={[<Filter key={period} source={period} alwaysOn />]}
      sort={{ field: period, order: 'DESC' }}
      exporter={false}
      empty={<EmptyState message={empty} actionLabel="app.empty.start_procedure" to="/procedures/create" />}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source={period} />
        <DataTable.Col source="title" />
        <DataTable.Col source="publishedAt">
          <DateField source="publishedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="downloads" disableSort>
          <Downloads period={period} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
