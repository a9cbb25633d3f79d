import AssessmentIcon from '@mui/icons-material/Assessment';
import { Button, Stack } from '@mui/material';
import { DataTable, DateField, List, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { EmptyState } from '../../../../admin/src/common/EmptyState';

function Downloads() {
  const translate = useTranslate();
  const r = useRecordContext<{ id: string; quarter: string; pdfSize: number | null }>();
  if (!r) return null;
  const base = `/api/monitoring-reports/${encodeURIComponent(r.id)}`;
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" variant="outlined" href={`${base}/html`} download aria-label={`${translate('app.monitoring.html')} ${r.quarter}`}>
        {translate('app.monitoring.html')}
      </Button>
      {r.pdfSize !== null && (
        <Button size="small" variant="outlined" href={`${base}/pdf`} download aria-label={`${translate('app.monitoring.pdf')} ${r.quarter}`}>
          {translate('app.monitoring.pdf')}
        </Button>
      )}
    </Stack>
  );
}

/** The published quarterly reports, each as HTML and PDF download. */
function MonitoringReportList() {
  return (
    <List
      filters={[<TextInput key="quarter" source="quarter" alwaysOn />]}
      sort={{ field: 'quarter', order: 'DESC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.monitoring_reports" actionLabel="app.empty.start_procedure" to="/procedures/create" />}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="quarter" />
        <DataTable.Col source="title" />
        <DataTable.Col source="publishedAt">
          <DateField source="publishedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="downloads" disableSort>
          <Downloads />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export default { list: MonitoringReportList, icon: AssessmentIcon };
